/**
 * The cards an iteration can pull in, in the PO's order: a board's backlog
 * columns and then its to-do columns (cards already on the board but not
 * planned), each ranked. Plus the "ready" count: a card is ready when it has
 * an estimate, because only estimated work can be planned against capacity.
 */
import { byRank, type BoardState, type Card, type Column } from '@opsboard/shared';

export interface BacklogGroup {
  column: Column;
  cards: Card[];
}

/**
 * Candidate cards per backlog/to-do column, ranked. Cards already in an iteration (this one, or
 * another planned or running one) are not candidates: taking them would quietly shrink that one.
 */
export function backlogGroups(state: BoardState): BacklogGroup[] {
  const columns = [...state.columns.values()].filter((c) => c.archivedAt === null && (c.category === 'backlog' || c.category === 'todo')).sort(byRank);
  // Backlog first: that is where the ranking lives; to-do columns hold what is ready but not planned.
  columns.sort((a, b) => (a.category === b.category ? 0 : a.category === 'backlog' ? -1 : 1));
  const byColumn = new Map<string, Card[]>(columns.map((c) => [c.id, []]));
  for (const card of state.cards.values()) {
    if (card.archivedAt !== null || card.iterationId !== null) continue;
    byColumn.get(card.columnId)?.push(card);
  }
  return columns.map((column) => ({ column, cards: byColumn.get(column.id)!.sort(byRank) }));
}

export interface ReadyStats {
  cards: number;
  /** Cards with an estimate. */
  estimated: number;
  /** Points of the estimated cards. */
  points: number;
}

export function readyStats(cards: readonly Card[]): ReadyStats {
  let estimated = 0;
  let points = 0;
  for (const card of cards) {
    if (card.points === null) continue;
    estimated += 1;
    points += card.points;
  }
  return { cards: cards.length, estimated, points: Math.round(points * 10) / 10 };
}

/** "12 cards · 9 ready, 41 points" (ready = estimated). */
export function readyWords(stats: ReadyStats): string {
  const cards = `${stats.cards} ${stats.cards === 1 ? 'card' : 'cards'}`;
  if (stats.cards === 0) return cards;
  return `${cards} · ${stats.estimated} ready, ${stats.points} ${stats.points === 1 ? 'point' : 'points'}`;
}

/**
 * The top of the ranking that fits in `room` points: ready cards in order,
 * stopping at the first that would overflow (skipping it for a smaller one
 * lower down would overrule the PO's order). Unestimated cards are not ready
 * and are passed over.
 */
export function fillToCapacity(ranked: readonly Card[], room: number): Card[] {
  const picked: Card[] = [];
  let left = room;
  for (const card of ranked) {
    if (card.points === null) continue;
    if (card.points > left + 1e-9) break;
    picked.push(card);
    left -= card.points;
  }
  return picked;
}
