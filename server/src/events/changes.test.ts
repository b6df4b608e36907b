import { describe, expect, it } from 'vitest';
import { diff } from './changes.js';

describe('diff', () => {
  it('lists only the named fields that changed, with both values', () => {
    const before = { name: 'Ops', limit: 3, labels: ['a'], note: 'same' };
    const after = { name: 'Ops team', limit: 3, labels: ['a', 'b'], note: 'changed but not asked for' };
    expect(diff(before, after, ['name', 'limit', 'labels'])).toEqual({
      name: { from: 'Ops', to: 'Ops team' },
      labels: { from: ['a'], to: ['a', 'b'] },
    });
  });

  it('compares arrays and objects by value, and null against a value', () => {
    expect(diff({ links: [{ cardId: 'x' }], due: null }, { links: [{ cardId: 'x' }], due: null }, ['links', 'due'])).toEqual({});
    expect(diff<{ due: string | null }>({ due: null }, { due: '2026-01-05' }, ['due'])).toEqual({ due: { from: null, to: '2026-01-05' } });
  });
});
