import { stateFromSnapshot, type BoardSnapshot, type Card, type Column, type Lane } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { DOING, READY, card, snapshot } from '../store/testing/fixtures';
import { dropVerdict, verdictWords } from './drop-verdict';

const names = (id: string) => ({ u1: 'Priya' })[id] ?? 'someone';
const BACKLOG = '00000000-0000-4000-8000-00000000c0a0';

/** Ready (A, B, C), Doing (D, E) at its limit of 2, and a backlog (F, G) in front. */
function board(change: (c: Column) => Column = (c) => c, extra: { cards?: Card[]; lanes?: Lane[]; board?: Partial<BoardSnapshot['board']> } = {}) {
  const snap = snapshot();
  const backlog: Column = { ...snap.columns[0]!, id: BACKLOG, name: 'Backlog', rank: 'Zz', category: 'backlog' };
  const cards = [...snap.cards, card('E', 'Audit sudoers', DOING, 'a1'), card('F', 'Write runbook', BACKLOG, 'a0'), card('G', 'Retire NFS', BACKLOG, 'a1')];
  const replaced = new Map((extra.cards ?? []).map((c) => [c.id, c]));
  return stateFromSnapshot({
    ...snap,
    board: { ...snap.board, ...extra.board },
    columns: [backlog, ...snap.columns].map(change),
    lanes: extra.lanes ?? [],
    cards: [...cards.map((c) => replaced.get(c.id) ?? c), ...[...replaced.values()].filter((c) => !cards.some((x) => x.id === c.id))],
  });
}

describe('drop verdicts', () => {
  it('refuses a full block column before the drop, in the server’s words', () => {
    const state = board();
    const verdict = dropVerdict(state, state.cards.get('A')!, { columnId: DOING, laneId: null }, { ranks: true, names });
    expect(verdict).toEqual({ kind: 'refused', message: 'Column "Doing" already holds 2 cards; its WIP limit is 2.', short: 'Doing is full (2 of 2)' });
    expect(verdictWords(verdict)).toBe('It cannot be dropped here: Column "Doing" already holds 2 cards; its WIP limit is 2.');
  });

  it('says a full warn column will ask for a reason', () => {
    const state = board((c) => (c.id === DOING ? { ...c, wipPolicy: 'warn' } : c));
    const verdict = dropVerdict(state, state.cards.get('A')!, { columnId: DOING, laneId: null }, { ranks: true, names });
    expect(verdict).toMatchObject({ kind: 'ask', short: 'Doing would hold 3 of 2' });
    expect(verdictWords(verdict)).toMatch(/^Dropping here asks for a reason: Column "Doing" already holds 2 cards \(WIP limit 2\)/);
  });

  it('refuses a hard per-person limit even when a soft column limit comes first', () => {
    const state = board((c) => (c.id === DOING ? { ...c, category: 'doing', wipPolicy: 'warn' } : c), {
      cards: [card('H', 'Pager duty', DOING, 'a2', { assigneeIds: ['u1'] })],
      board: { personWipLimit: 1, personWipPolicy: 'block' },
    });
    const moving = { ...state.cards.get('A')!, assigneeIds: ['u1'] };
    expect(dropVerdict(state, moving, { columnId: DOING, laneId: null }, { ranks: true, names })).toMatchObject({ kind: 'refused', short: 'Priya holds 1 of 1 in progress' });
  });

  it('lets a card move within its own full column', () => {
    const state = board();
    expect(dropVerdict(state, state.cards.get('D')!, { columnId: DOING, laneId: null }, { ranks: true, names })).toEqual({ kind: 'ok', note: null, bottom: false });
  });

  it('refuses a reorder of the backlog by someone who does not rank it, and sends their additions to the bottom', () => {
    const state = board();
    const member = { ranks: false, names };
    expect(dropVerdict(state, state.cards.get('G')!, { columnId: BACKLOG, laneId: null }, member)).toMatchObject({ kind: 'refused', short: 'Only the PO reorders the backlog' });
    expect(dropVerdict(state, state.cards.get('A')!, { columnId: BACKLOG, laneId: null }, member)).toEqual({ kind: 'ok', note: 'Joins the bottom: the PO ranks the backlog', bottom: true });
    // The PO ranks; and while the role is still loading the server decides.
    expect(dropVerdict(state, state.cards.get('G')!, { columnId: BACKLOG, laneId: null }, { ranks: true, names }).kind).toBe('ok');
    expect(dropVerdict(state, state.cards.get('G')!, { columnId: BACKLOG, laneId: null }, { ranks: null, names }).kind).toBe('ok');
  });

  it('refuses a full swimlane limit', () => {
    const lane: Lane = { id: 'L1', boardId: snapshot().board.id, name: 'Expedite', rank: 'a0', wipLimit: 1, wipPolicy: 'block', archivedAt: null };
    const state = board((c) => c, { lanes: [lane], cards: [card('B', 'Patch kernels', READY, 'a1', { laneId: 'L1' })] });
    expect(dropVerdict(state, state.cards.get('A')!, { columnId: READY, laneId: 'L1' }, { ranks: true, names })).toMatchObject({ kind: 'refused', short: 'Swimlane Expedite is full (1 of 1)' });
  });
});
