import { describe, expect, it } from 'vitest';
import { checkDone, checklistProgress, insertItem, moveItem } from './checklist.js';

const items = [
  { id: 'a', text: 'One', done: true },
  { id: 'b', text: 'Two', done: false },
  { id: 'c', text: 'Three', done: false },
];

describe('checklist edits', () => {
  it('inserts at the end, at an index, and clamps', () => {
    expect(insertItem([1, 2], 3)).toEqual([1, 2, 3]);
    expect(insertItem([1, 2], 3, 0)).toEqual([3, 1, 2]);
    expect(insertItem([1, 2], 3, 99)).toEqual([1, 2, 3]);
  });
  it('moves an item to an index', () => {
    expect(moveItem(items, 'c', 0).map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(moveItem(items, 'a', 2).map((i) => i.id)).toEqual(['b', 'c', 'a']);
    expect(moveItem(items, 'x', 0).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
  it('counts progress', () => {
    expect(checklistProgress(items)).toEqual({ done: 1, total: 3 });
  });
});

describe('checkDone', () => {
  const dod = [{ id: 'd1', text: 'Tests pass' }, { id: 'd2', text: 'Runbook updated' }];
  const card = { checklist: items, dodChecked: ['d1'] };
  it('refuses entering done with unticked criteria and open items, naming them', () => {
    const d = checkDone({ fromCategory: 'doing', toCategory: 'done' }, card, dod, undefined);
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.refusal.code).toBe('dod_unmet');
    expect(d.refusal.message).toContain('"Runbook updated"');
    expect(d.refusal.message).toContain('2 checklist items open');
    expect(d.refusal.details.criteria).toEqual([{ id: 'd2', text: 'Runbook updated' }]);
  });
  it('lets a reason override', () => {
    expect(checkDone({ fromCategory: 'doing', toCategory: 'done' }, card, dod, 'shipped anyway')).toEqual({ ok: true, overridden: true });
  });
  it('checks only entries into done', () => {
    expect(checkDone({ fromCategory: 'todo', toCategory: 'doing' }, card, dod, null).ok).toBe(true);
    expect(checkDone({ fromCategory: 'done', toCategory: 'done' }, card, dod, null).ok).toBe(true);
  });
  it('passes a card that meets everything', () => {
    const ready = { checklist: items.map((i) => ({ ...i, done: true })), dodChecked: ['d1', 'd2'] };
    expect(checkDone({ fromCategory: null, toCategory: 'done' }, ready, dod, null)).toEqual({ ok: true, overridden: false });
  });
});
