import type { Board, Column, Lane } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { board, column } from '../store/testing/fixtures';
import { withUnsaved } from './unsaved';
import { boardChanges, boardDraft, errorsFrom, ITEM_FIELDS, itemChanges, itemDraft, moveTarget, ordinal, parseLimit, readItem } from './settings-model';

const review: Column = { ...column('c3', 'Review', 'a2', 3), category: 'doing', wipPolicy: 'warn' };
const lane: Lane = { id: 'l1', boardId: 'b', name: 'Expedite', rank: 'a0', wipLimit: null, wipPolicy: 'block', archivedAt: null };

describe('WIP limits as typed', () => {
  it('reads empty as no limit and whole numbers from 1 to 999', () => {
    expect(parseLimit('')).toEqual({ ok: true, value: null });
    expect(parseLimit('  ')).toEqual({ ok: true, value: null });
    expect(parseLimit(' 4 ')).toEqual({ ok: true, value: 4 });
    expect(parseLimit('999')).toEqual({ ok: true, value: 999 });
    for (const bad of ['0', '1000', '2.5', '-1', 'two', '3e1']) expect(parseLimit(bad).ok, bad).toBe(false);
  });
});

describe('column and swimlane drafts', () => {
  it('sends only what changed, and nothing when nothing did', () => {
    expect(itemChanges(review, itemDraft(review), 'column')).toEqual({ ok: true, body: {} });
    expect(itemChanges(review, { ...itemDraft(review), name: ' Peer review ', wipLimit: '' }, 'column')).toEqual({ ok: true, body: { name: 'Peer review', wipLimit: null } });
    expect(itemChanges(review, { ...itemDraft(review), category: 'done', wipPolicy: 'block' }, 'column')).toEqual({ ok: true, body: { category: 'done', wipPolicy: 'block' } });
  });

  it('never sends a category for a swimlane', () => {
    const draft = itemDraft(lane);
    expect(draft.category).toBeNull();
    expect(itemChanges(lane, { ...draft, wipLimit: '2' }, 'swimlane')).toEqual({ ok: true, body: { wipLimit: 2 } });
    expect(readItem({ ...draft, name: 'Standard' }, 'swimlane')).toEqual({ ok: true, body: { name: 'Standard', wipLimit: null, wipPolicy: 'block' } });
  });

  it('names each bad field before anything is sent', () => {
    expect(readItem({ name: '  ', category: 'doing', wipLimit: 'x', wipPolicy: 'block' }, 'column')).toEqual({
      ok: false,
      errors: { name: 'Give the column a name.', wipLimit: 'Give a whole number, or leave it empty for no limit.' },
    });
    expect(readItem({ name: 'x'.repeat(61), category: 'doing', wipLimit: '', wipPolicy: 'block' }, 'column').ok).toBe(false);
  });
});

describe('board draft', () => {
  const saved: Board = board();

  it('starts the per-person limit off, offering the suggested 2', () => {
    expect(boardDraft(saved)).toEqual({ name: 'Planned work', personLimitOn: false, personWipLimit: '2', personWipPolicy: 'block' });
  });

  it('switching the limit on sends the number; off sends null', () => {
    const on = boardChanges(saved, { ...boardDraft(saved), personLimitOn: true });
    expect(on).toEqual({ ok: true, body: { personWipLimit: 2 } });
    const limited = { ...saved, personWipLimit: 3 };
    expect(boardChanges(limited, { ...boardDraft(limited), personLimitOn: false })).toEqual({ ok: true, body: { personWipLimit: null } });
    expect(boardChanges(saved, { ...boardDraft(saved), personLimitOn: true, personWipLimit: '' })).toMatchObject({ ok: false, errors: { personWipLimit: expect.any(String) } });
  });

  it('renames with the name trimmed and refuses a blank one', () => {
    expect(boardChanges(saved, { ...boardDraft(saved), name: ' Platform ' })).toEqual({ ok: true, body: { name: 'Platform' } });
    expect(boardChanges(saved, { ...boardDraft(saved), name: '' })).toEqual({ ok: false, errors: { name: 'Give the board a name.' } });
  });
});

describe('refusals', () => {
  it('go beside the field the server names, or under the form', () => {
    expect(errorsFrom('wipLimit', 'wipLimit: must be <= 999', ITEM_FIELDS)).toEqual({ wipLimit: 'must be <= 999' });
    expect(errorsFrom('name', 'Taken.', ITEM_FIELDS)).toEqual({ name: 'Taken.' });
    expect(errorsFrom(null, 'The column still holds 2 cards; move or archive them first.', ITEM_FIELDS)).toEqual({ form: 'The column still holds 2 cards; move or archive them first.' });
    expect(errorsFrom('afterId', 'x', ITEM_FIELDS)).toEqual({ form: 'x' });
  });
});

describe('reordering', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('names the neighbour to land after (null: first)', () => {
    expect(moveTarget(ids, 1, 'up')).toEqual({ afterId: null });
    expect(moveTarget(ids, 2, 'up')).toEqual({ afterId: 'a' });
    expect(moveTarget(ids, 0, 'down')).toEqual({ afterId: 'b' });
    expect(moveTarget(ids, 2, 'down')).toEqual({ afterId: 'd' });
  });

  it('cannot move past either end', () => {
    expect(moveTarget(ids, 0, 'up')).toBeUndefined();
    expect(moveTarget(ids, 3, 'down')).toBeUndefined();
    expect(moveTarget(ids, 7, 'up')).toBeUndefined();
  });

  it('says positions the way people do', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']);
  });
});

describe('unsaved edits', () => {
  it('tracks which forms hold edits, keeping the same map when nothing changes', () => {
    const none: ReadonlyMap<string, string> = new Map();
    const one = withUnsaved(none, 'c1', 'Column Ready');
    expect([...one.values()]).toEqual(['Column Ready']);
    expect(withUnsaved(one, 'c1', 'Column Ready')).toBe(one);
    expect(withUnsaved(none, 'c1', null)).toBe(none);
    expect(withUnsaved(one, 'c1', null).size).toBe(0);
  });
});
