import { describe, expect, it } from 'vitest';
import { canonicalJson, idempotencyKey, sameRequest } from './idempotency.js';

const move = (params: unknown, body: unknown) => idempotencyKey('k1', { method: 'POST', route: '/api/cards/:id/move', params, query: {}, body });

describe('idempotency keys', () => {
  it('canonical JSON sorts keys at every level and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('the same request in another key order is the same request', () => {
    const a = move({ id: 'c1' }, { toColumnId: 'x', position: 0 });
    const b = move({ id: 'c1' }, { position: 0, toColumnId: 'x' });
    expect(sameRequest({ method: a.method, route: a.route, requestHash: a.hash }, b)).toBe(true);
  });

  it('another card, another column, another route or another method is another request', () => {
    const first = move({ id: 'c1' }, { toColumnId: 'x' });
    const stored = { method: first.method, route: first.route, requestHash: first.hash };
    expect(sameRequest(stored, move({ id: 'c2' }, { toColumnId: 'x' }))).toBe(false);
    expect(sameRequest(stored, move({ id: 'c1' }, { toColumnId: 'y' }))).toBe(false);
    expect(sameRequest(stored, { ...first, route: '/api/boards/:id/cards' })).toBe(false);
    expect(sameRequest(stored, { ...first, method: 'PATCH' })).toBe(false);
    // Rows from before keys were bound to requests never match.
    expect(sameRequest({ method: '', route: '', requestHash: '' }, first)).toBe(false);
  });
});
