import { describe, expect, it } from 'vitest';
import type { BoardEvent } from '../events.js';
import type { Card, Column } from '../schema/entities.js';
import type { BoardSnapshot } from '../schema/snapshot.js';
import { applyBoardEvent, cardsIn, stateFromSnapshot, stateToSnapshot } from './board-state.js';

const at = '2026-11-26T10:00:00.000Z';
const col = (id: string, rank: string): Column => ({ id, boardId: 'b', name: id, rank, category: 'todo', wipLimit: null, wipPolicy: 'block', archivedAt: null });
const card = (id: string, columnId: string, rank: string, over: Partial<Card> = {}): Card => ({
  id, boardId: 'b', number: 1, columnId, laneId: null, rank, version: 1, title: id, description: '', type: 'story', points: null, assigneeIds: [],
  featureId: null, iterationId: null, labels: [], priority: 'none', blocked: false, blockedReason: null, dueDate: null, links: [], checklist: [], dodChecked: [],
  overrideReason: null, columnEnteredAt: at, createdAt: at, updatedAt: at, createdBy: null, archivedAt: null, ...over,
});
const snapshot: BoardSnapshot = {
  board: { id: 'b', teamId: 't', kind: 'planned', name: 'B', rank: 'a0', personWipLimit: null, personWipPolicy: 'block', definitionOfDone: [], archivedAt: null, createdAt: at },
  seq: 5,
  columns: [col('c1', 'a0'), col('c2', 'a1')],
  lanes: [],
  cards: [card('x', 'c1', 'a0'), card('y', 'c1', 'a1')],
  interrupts: [],
};
const env = (seq: number) => ({ streamId: 'b', seq, actorId: null, clientMutationId: null, at });

describe('board state reducer', () => {
  it('round-trips a snapshot', () => {
    expect(stateToSnapshot(stateFromSnapshot(snapshot))).toEqual(snapshot);
  });

  it('folds a move, an archive and a rerank, advancing seq', () => {
    let s = stateFromSnapshot(snapshot);
    const moved = card('x', 'c2', 'a0', { version: 2 });
    const e1: BoardEvent = { ...env(6), type: 'card.moved', payload: { card: moved, from: { columnId: 'c1', laneId: null, rank: 'a0' }, to: { columnId: 'c2', laneId: null, rank: 'a0' }, overrideReason: null } };
    s = applyBoardEvent(s, e1);
    expect(s.seq).toBe(6);
    expect(cardsIn(s, 'c2').map((c) => c.id)).toEqual(['x']);
    s = applyBoardEvent(s, { ...env(7), type: 'cards.reranked', payload: { columnId: 'c1', ranks: [{ cardId: 'y', rank: 'Zz' }] } });
    expect(s.cards.get('y')!.rank).toBe('Zz');
    s = applyBoardEvent(s, { ...env(8), type: 'card.archived', payload: { card: card('y', 'c1', 'Zz', { archivedAt: at }) } });
    expect(s.cards.has('y')).toBe(false);
    // Folding never mutates the earlier state.
    expect(stateFromSnapshot(snapshot).cards.size).toBe(2);
  });

  it('archived columns leave the board; a card moved out of the board disappears', () => {
    let s = stateFromSnapshot(snapshot);
    s = applyBoardEvent(s, { ...env(6), type: 'column.archived', payload: { column: { ...col('c2', 'a1'), archivedAt: at } } });
    expect([...s.columns.keys()]).toEqual(['c1']);
    s = applyBoardEvent(s, { ...env(7), type: 'card.moved_out', payload: { cardId: 'x', toBoardId: 'other' } });
    expect(s.cards.has('x')).toBe(false);
  });

  it('orders cells by rank then id, byte-wise', () => {
    const s = stateFromSnapshot({ ...snapshot, cards: [card('b', 'c1', 'a0'), card('a', 'c1', 'a0'), card('c', 'c1', 'Z9')] });
    expect(cardsIn(s, 'c1').map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });
});
