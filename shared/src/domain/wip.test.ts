import { describe, expect, it } from 'vitest';
import { checkWip, type WipScope } from './wip.js';

const column = (over: Partial<WipScope> = {}): WipScope => ({ kind: 'column', id: 'c1', name: 'Doing', limit: 3, policy: 'block', count: 0, ...over });

describe('checkWip', () => {
  it('lets a card in while the scope is under its limit, and always when there is no limit', () => {
    expect(checkWip([column({ count: 2 })], null)).toEqual({ ok: true, overridden: false });
    expect(checkWip([column({ limit: null, count: 99 })], null)).toEqual({ ok: true, overridden: false });
  });

  it('refuses a block scope at its limit, naming it with limit and count', () => {
    const d = checkWip([column({ count: 3 })], 'please');
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.refusal.code).toBe('wip_limit_exceeded');
    expect(d.refusal.details).toEqual({ scope: 'column', id: 'c1', name: 'Doing', limit: 3, count: 3, policy: 'block' });
    expect(d.refusal.message).toBe('Column "Doing" already holds 3 cards; its WIP limit is 3.');
  });

  it('asks for a reason at a warn scope, and a blank reason does not count', () => {
    for (const reason of [null, undefined, '', '   ']) {
      const d = checkWip([column({ policy: 'warn', count: 3 })], reason);
      expect(d.ok || d.refusal.code).toBe('wip_override_required');
    }
    expect(checkWip([column({ policy: 'warn', count: 5 })], 'Sev-1 fix')).toEqual({ ok: true, overridden: true });
  });

  it('checks every scope: a blocked person refuses even when the column is fine', () => {
    const d = checkWip([column({ count: 0 }), { kind: 'person', id: 'u1', name: 'Priya', limit: 2, policy: 'block', count: 2 }], null);
    expect(!d.ok && d.refusal.code).toBe('person_wip_limit_exceeded');
    expect(!d.ok && d.refusal.message).toContain('Priya already holds 2 cards in progress');
  });

  it('swimlanes get their own wording', () => {
    const d = checkWip([{ kind: 'lane', id: 'l1', name: 'Expedite', limit: 1, policy: 'block', count: 1 }], null);
    expect(!d.ok && d.refusal.message).toContain('Swimlane "Expedite"');
  });
});
