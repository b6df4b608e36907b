import { stateFromSnapshot, type Board, type BoardSnapshot, type PersonWip } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { BOARD_ID, DOING, board, snapshot } from '../store/testing/fixtures';
import { TeamWipStore } from './team-wip';
import { personLoad, predictEntry } from './wip';

const names = (id: string) => ({ u1: 'Priya', u2: 'Jordan' })[id] ?? 'someone';
const OTHER = '00000000-0000-4000-8000-0000000000b2';
const THIRD = '00000000-0000-4000-8000-0000000000b3';
const teamBoards: Board[] = [
  { ...board(), id: OTHER, name: 'Interrupts', rank: 'a0' },
  { ...board(), rank: 'a1' },
  { ...board(), id: THIRD, name: 'SS&A', rank: 'a2' },
];

/** Doing is a column in progress without a column limit; the board limits each person to 2. */
function limited(): BoardSnapshot {
  const snap = snapshot();
  snap.board = { ...snap.board, personWipLimit: 2 };
  snap.columns = snap.columns.map((c) => (c.id === DOING ? { ...c, category: 'doing' as const, wipLimit: null } : c));
  snap.cards = snap.cards.map((c) => (c.id === 'A' || c.id === 'D' ? { ...c, assigneeIds: ['u1'] } : c));
  return snap;
}

async function storeWith(rows: PersonWip[]): Promise<TeamWipStore> {
  const store = new TeamWipStore();
  store.setTeam(() => Promise.resolve(rows), true);
  store.setBoards(teamBoards);
  await store.refresh();
  return store;
}

describe('per-person WIP predictions count the whole team', () => {
  it("refuses like the server when the person's other cards in progress are on other boards, saying where", async () => {
    const state = stateFromSnapshot(limited());
    const a = state.cards.get('A')!;
    // On this board alone Priya holds 1 (D): A fits.
    expect(predictEntry(state, a, DOING, null, names)).toEqual({ ok: true, overridden: false });
    const team = await storeWith([{ userId: 'u1', boardId: OTHER, count: 1 }]);
    const decision = predictEntry(state, a, DOING, null, names, team);
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'person_wip_limit_exceeded', details: { count: 2, limit: 2 } } });
    expect(!decision.ok && decision.refusal.message).toBe('Priya already holds 2 cards in progress (1 on Interrupts and 1 on Planned work); the per-person WIP limit is 2.');
  });

  it("counts this board from its live state, never from the fetched figures for it", async () => {
    const state = stateFromSnapshot(limited());
    // A stale figure for this board (3) is ignored: D is the only card in progress here.
    const team = await storeWith([{ userId: 'u1', boardId: BOARD_ID, count: 3 }]);
    expect(predictEntry(state, state.cards.get('A')!, DOING, null, names, team)).toEqual({ ok: true, overridden: false });
  });

  it('the assignee picker shows the team-wide figure and refuses someone at their limit', async () => {
    const state = stateFromSnapshot(limited());
    const team = await storeWith([
      { userId: 'u1', boardId: THIRD, count: 1 },
      { userId: 'u2', boardId: OTHER, count: 1 },
    ]);
    const d = state.cards.get('D')!;
    expect(personLoad(state, d, 'u1', names, team)).toEqual({ held: 2, refusal: null });
    expect(personLoad(state, d, 'u2', names, team)).toEqual({ held: 1, refusal: null });
    const full = await storeWith([{ userId: 'u2', boardId: OTHER, count: 2 }]);
    expect(personLoad(state, d, 'u2', names, full)).toEqual({ held: 2, refusal: 'Jordan already holds 2 cards in progress (2 on Interrupts); the per-person WIP limit is 2.' });
    // A card that is not in progress takes anyone.
    expect(personLoad(state, state.cards.get('B')!, 'u2', names, full).refusal).toBeNull();
  });
});

describe('TeamWipStore', () => {
  it("orders a person's boards as the team does and keeps a board it does not know yet", async () => {
    const store = await storeWith([
      { userId: 'u1', boardId: THIRD, count: 2 },
      { userId: 'u1', boardId: 'new-board', count: 1 },
      { userId: 'u2', boardId: OTHER, count: 1 },
    ]);
    expect(store.where('u1', { boardId: BOARD_ID, name: 'Planned work', count: 1 })).toEqual([
      { boardId: BOARD_ID, name: 'Planned work', count: 1 },
      { boardId: THIRD, name: 'SS&A', count: 2 },
      { boardId: 'new-board', name: 'another board', count: 1 },
    ]);
  });

  it('loads once for a burst of refreshes, and again when forced', async () => {
    let now = 0;
    let loads = 0;
    const store = new TeamWipStore(() => now);
    store.setTeam(() => {
      loads++;
      return Promise.resolve([]);
    }, true);
    await Promise.all([store.refresh(), store.refresh()]);
    now += 500;
    await store.refresh();
    expect(loads).toBe(1);
    await store.refresh(true);
    now += 5_000;
    await store.refresh();
    expect(loads).toBe(3);
  });

  it('drops an answer that arrives after the team changed', async () => {
    let release: (rows: PersonWip[]) => void = () => undefined;
    const store = new TeamWipStore();
    store.setTeam(() => new Promise((resolve) => (release = resolve)), true);
    const first = store.refresh();
    store.setTeam(() => Promise.resolve([]), true);
    release([{ userId: 'u1', boardId: OTHER, count: 4 }]);
    await first;
    store.setBoards(teamBoards);
    expect(store.where('u1', { boardId: BOARD_ID, name: 'Planned work', count: 0 })).toEqual([{ boardId: BOARD_ID, name: 'Planned work', count: 0 }]);
  });
});
