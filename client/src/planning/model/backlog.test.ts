import { stateFromSnapshot, type Column } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { BOARD_ID, board, card } from '../../board/store/testing/fixtures';
import { backlogGroups, fillToCapacity, readyStats, readyWords } from './backlog';
import { loadView, withAbsence } from './capacity';

const col = (id: string, name: string, rank: string, category: Column['category']): Column => ({ id, boardId: BOARD_ID, name, rank, category, wipLimit: null, wipPolicy: 'block', archivedAt: null });

function state() {
  return stateFromSnapshot({
    board: board(),
    seq: 1,
    lanes: [],
    interrupts: [],
    columns: [col('ready', 'Ready', 'a1', 'todo'), col('backlog', 'Backlog', 'a0', 'backlog'), col('doing', 'Doing', 'a2', 'doing')],
    cards: [
      card('b2', 'Second', 'backlog', 'a2', { points: 5 }),
      card('b1', 'First', 'backlog', 'a1', { points: 3 }),
      card('b3', 'Unestimated', 'backlog', 'a3'),
      card('r1', 'Ready one', 'ready', 'a0', { points: 2 }),
      card('r2', 'Planned already', 'ready', 'a1', { points: 8, iterationId: 'it' }),
      card('gone', 'Archived', 'backlog', 'a0', { points: 1, archivedAt: '2025-01-02T00:00:00.000Z' }),
      card('d1', 'Doing', 'doing', 'a0', { points: 1 }),
    ],
  });
}

describe('backlog', () => {
  it('lists backlog columns first, then to-do columns, each ranked, without archived or already planned cards', () => {
    const groups = backlogGroups(state());
    expect(groups.map((g) => [g.column.name, g.cards.map((c) => c.id)])).toEqual([
      ['Backlog', ['b1', 'b2', 'b3']],
      ['Ready', ['r1']],
    ]);
  });

  it('counts ready (estimated) cards and their points', () => {
    const cards = backlogGroups(state()).flatMap((g) => g.cards);
    expect(readyStats(cards)).toEqual({ cards: 4, estimated: 3, points: 10 });
    expect(readyWords(readyStats(cards))).toBe('4 cards · 3 ready, 10 points');
    expect(readyWords(readyStats([]))).toBe('0 cards');
  });

  it('fills to capacity in rank order, skipping unestimated cards and stopping at the first that does not fit', () => {
    const cards = backlogGroups(state()).flatMap((g) => g.cards);
    expect(fillToCapacity(cards, 8).map((c) => c.id)).toEqual(['b1', 'b2']);
    // 7 fits b1 (3) but not b2 (5): r1 (2) would fit but would jump the PO's order.
    expect(fillToCapacity(cards, 7).map((c) => c.id)).toEqual(['b1']);
    expect(fillToCapacity(cards, 0)).toEqual([]);
    expect(fillToCapacity(cards, -4)).toEqual([]);
  });
});

describe('capacity', () => {
  it('says how full the iteration is', () => {
    expect(loadView(0, 32)).toMatchObject({ level: 'empty', words: 'Nothing planned yet; capacity is 32 points' });
    expect(loadView(20, 32)).toMatchObject({ level: 'under', words: '20 of 32 points planned, 12 left' });
    expect(loadView(30, 32).level).toBe('full');
    expect(loadView(45, 32)).toMatchObject({ level: 'over', words: '45 of 32 points planned: 13 over capacity' });
    expect(loadView(3, 0).level).toBe('over');
  });

  it('sends the whole absence list with one person changed, leaving out zeros', () => {
    const people = [
      { userId: 'a', absenceDays: 2 },
      { userId: 'b', absenceDays: 0 },
    ];
    expect(withAbsence(people, 'b', 1.5)).toEqual([
      { userId: 'a', days: 2 },
      { userId: 'b', days: 1.5 },
    ]);
    expect(withAbsence(people, 'a', 0)).toEqual([]);
  });
});
