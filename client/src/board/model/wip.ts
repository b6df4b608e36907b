/**
 * WIP limits as the board shows them, and the same decision the server makes
 * (shared `checkWip`), taken on the client's state to know before a drop
 * lands whether the target needs an override reason.
 */
import { checkWip, type BoardState, type Card, type Column, type WipDecision, type WipScope } from '@opsboard/shared';

export type WipLevel = 'none' | 'under' | 'at' | 'over';

export function wipLevel(count: number, limit: number | null): WipLevel {
  if (limit === null) return 'none';
  if (count > limit) return 'over';
  if (count === limit) return 'at';
  return 'under';
}

/** Columns whose cards count as work under way, for swimlane limits (as on the server). */
const ACTIVE: readonly Column['category'][] = ['todo', 'doing'];

/** The scopes a card would enter by moving to (column, lane), with counts from the client's state. */
export function entryScopes(state: BoardState, card: Card, columnId: string, laneId: string | null, names: (userId: string) => string): WipScope[] {
  const column = state.columns.get(columnId);
  if (!column) return [];
  const from = state.columns.get(card.columnId);
  const scopes: WipScope[] = [];
  let columnCount = 0;
  for (const c of state.cards.values()) if (c.columnId === columnId && c.id !== card.id) columnCount++;
  if (card.columnId !== columnId) {
    scopes.push({ kind: 'column', id: column.id, name: column.name, limit: column.wipLimit, policy: column.wipPolicy, count: columnCount });
  }
  const lane = laneId ? state.lanes.get(laneId) : undefined;
  if (lane && lane.wipLimit !== null && ACTIVE.includes(column.category)) {
    const alreadyCounted = card.laneId === lane.id && from !== undefined && ACTIVE.includes(from.category);
    if (!alreadyCounted) {
      let laneCount = 0;
      for (const c of state.cards.values()) {
        const cat = state.columns.get(c.columnId)?.category;
        if (c.laneId === lane.id && c.id !== card.id && cat !== undefined && ACTIVE.includes(cat)) laneCount++;
      }
      scopes.push({ kind: 'lane', id: lane.id, name: lane.name, limit: lane.wipLimit, policy: lane.wipPolicy, count: laneCount });
    }
  }
  const limit = state.board.personWipLimit;
  if (limit !== null && column.category === 'doing' && from?.category !== 'doing') {
    for (const userId of card.assigneeIds) {
      let held = 0;
      for (const c of state.cards.values()) {
        if (c.id !== card.id && c.assigneeIds.includes(userId) && state.columns.get(c.columnId)?.category === 'doing') held++;
      }
      scopes.push({ kind: 'person', id: userId, name: names(userId), limit, policy: state.board.personWipPolicy, count: held });
    }
  }
  return scopes;
}

/** What the server would say about this move, without a reason or with the one given. */
export function predictEntry(state: BoardState, card: Card, columnId: string, laneId: string | null, names: (userId: string) => string, overrideReason: string | null = null): WipDecision {
  return checkWip(entryScopes(state, card, columnId, laneId, names), overrideReason);
}
