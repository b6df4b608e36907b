import type { BoardEvent } from '../events.js';
import type { Board, Card, Column, Lane } from '../schema/entities.js';
import type { Interrupt } from '../schema/potw.js';
import type { BoardSnapshot } from '../schema/snapshot.js';

/** A board folded from a snapshot and the events after it. Maps keep lookups cheap on 2,000-card boards. */
export interface BoardState {
  board: Board;
  seq: number;
  columns: ReadonlyMap<string, Column>;
  lanes: ReadonlyMap<string, Lane>;
  cards: ReadonlyMap<string, Card>;
  /** Interrupt details by card id (interrupts boards). */
  interrupts: ReadonlyMap<string, Interrupt>;
}

export function stateFromSnapshot(snapshot: BoardSnapshot): BoardState {
  return {
    board: snapshot.board,
    seq: snapshot.seq,
    columns: new Map(snapshot.columns.map((c) => [c.id, c])),
    lanes: new Map(snapshot.lanes.map((l) => [l.id, l])),
    cards: new Map(snapshot.cards.map((c) => [c.id, c])),
    interrupts: new Map(snapshot.interrupts.map((i) => [i.cardId, i])),
  };
}

/** Byte-wise order of fractional keys, ties broken by id: the same order the database uses. */
export function byRank<T extends { rank: string; id: string }>(a: T, b: T): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function stateToSnapshot(state: BoardState): BoardSnapshot {
  return {
    board: state.board,
    seq: state.seq,
    columns: [...state.columns.values()].sort(byRank),
    lanes: [...state.lanes.values()].sort(byRank),
    cards: [...state.cards.values()].sort(byRank),
    interrupts: [...state.interrupts.values()].filter((i) => state.cards.has(i.cardId)).sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0)),
  };
}

function withEntry<T>(map: ReadonlyMap<string, T>, id: string, value: T | null): Map<string, T> {
  const next = new Map(map);
  if (value === null) next.delete(id);
  else next.set(id, value);
  return next;
}

/** Archived columns and lanes leave the live board; their cards stay addressable by id. */
function activeOrNull<T extends { archivedAt: string | null }>(entity: T): T | null {
  return entity.archivedAt === null ? entity : null;
}

/**
 * Folds one event into the state. The caller guarantees `event.seq === state.seq + 1`;
 * see `BoardSync` for duplicate and gap handling.
 */
export function applyBoardEvent(state: BoardState, event: BoardEvent): BoardState {
  const next: BoardState = { ...state, seq: event.seq };
  switch (event.type) {
    case 'board.updated':
      return { ...next, board: event.payload.board };
    case 'column.created':
    case 'column.updated':
    case 'column.wip_limit_changed':
    case 'column.moved':
    case 'column.archived':
    case 'column.restored': {
      const column = event.payload.column;
      return { ...next, columns: withEntry(state.columns, column.id, activeOrNull(column)) };
    }
    case 'lane.created':
    case 'lane.updated':
    case 'lane.moved':
    case 'lane.archived':
    case 'lane.restored': {
      const lane = event.payload.lane;
      return { ...next, lanes: withEntry(state.lanes, lane.id, activeOrNull(lane)) };
    }
    case 'card.created':
    case 'card.updated':
    case 'card.moved':
    case 'card.restored': {
      const card = event.payload.card;
      return { ...next, cards: withEntry(state.cards, card.id, activeOrNull(card)) };
    }
    case 'card.moved_in': {
      const { card, interrupt } = event.payload;
      return {
        ...next,
        cards: withEntry(state.cards, card.id, activeOrNull(card)),
        interrupts: interrupt ? withEntry(state.interrupts, card.id, interrupt) : state.interrupts,
      };
    }
    case 'card.archived':
      return { ...next, cards: withEntry(state.cards, event.payload.card.id, null) };
    case 'card.moved_out':
      return { ...next, cards: withEntry(state.cards, event.payload.cardId, null) };
    case 'interrupt.received':
    case 'interrupt.repeated':
    case 'interrupt.resolved_by_source':
    case 'interrupt.triaged':
    case 'interrupt.unacknowledged': {
      const interrupt = event.payload.interrupt;
      return { ...next, interrupts: withEntry(state.interrupts, interrupt.cardId, interrupt) };
    }
    case 'cards.reranked': {
      const cards = new Map(state.cards);
      for (const { cardId, rank } of event.payload.ranks) {
        const card = cards.get(cardId);
        if (card) cards.set(cardId, { ...card, rank });
      }
      return { ...next, cards };
    }
    // Comments live beside the board, not in it: the card panel reads them.
    case 'comment.created':
    case 'comment.edited':
    case 'comment.deleted':
    case 'comment.reacted':
      return next;
    default:
      return assertNever(event);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}

/** Cards of one cell (column, and lane when given) in board order. */
export function cardsIn(state: BoardState, columnId: string, laneId?: string | null): Card[] {
  const out: Card[] = [];
  for (const card of state.cards.values()) {
    if (card.columnId !== columnId) continue;
    if (laneId !== undefined && card.laneId !== laneId) continue;
    out.push(card);
  }
  return out.sort(byRank);
}
