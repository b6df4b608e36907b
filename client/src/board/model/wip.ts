/**
 * WIP limits as the board shows them, and the server's decision taken on the
 * client's state (shared `entryScopes` and `checkWip`), to know before a drop
 * lands whether the target refuses or needs an override reason. Only the
 * counting happens here: this board's cards from its live state, the rest of
 * the team's (for per-person limits) from `TeamWip`.
 */
import {
  assignmentScopes,
  checkWip,
  describeHolding,
  countsForLane,
  countsForPerson,
  entryScopes as scopesOfEntry,
  type BoardHolding,
  type BoardState,
  type Card,
  type ColumnCategory,
  type ScopeToCount,
  type WipDecision,
  type WipScope,
} from '@opsboard/shared';

export type WipLevel = 'none' | 'under' | 'at' | 'over';

export function wipLevel(count: number, limit: number | null): WipLevel {
  if (limit === null) return 'none';
  if (count > limit) return 'over';
  if (count === limit) return 'at';
  return 'under';
}

/** What people hold in progress across the team, for per-person limits that count every board. */
export interface TeamWip {
  /** Where a person's cards in progress are, board by board in the team's order, with `here` (this board's live count) in its place. */
  where(userId: string, here: BoardHolding): readonly BoardHolding[];
}

/** Counts this board only: for callers that have not loaded the team's figures. */
export const THIS_BOARD_ONLY: TeamWip = { where: (_userId, here) => [here] };

function count(state: BoardState, cardId: string, counts: (card: Card) => boolean): number {
  let n = 0;
  for (const c of state.cards.values()) if (c.id !== cardId && counts(c)) n++;
  return n;
}

const categoryOf = (state: BoardState, card: Card) => state.columns.get(card.columnId)?.category;
/** Whether the card's column counts for lanes (or people); a card whose column left the board counts for nothing. */
function countsIn(state: BoardState, card: Card, rule: (category: ColumnCategory) => boolean): boolean {
  const category = categoryOf(state, card);
  return category !== undefined && rule(category);
}

function counted(state: BoardState, cardId: string, scope: ScopeToCount, names: (userId: string) => string, team: TeamWip): WipScope {
  switch (scope.kind) {
    case 'column':
      return { ...scope, count: count(state, cardId, (c) => c.columnId === scope.id) };
    case 'lane':
      return { ...scope, count: count(state, cardId, (c) => c.laneId === scope.id && countsIn(state, c, countsForLane)) };
    case 'person': {
      const local = count(state, cardId, (c) => c.assigneeIds.includes(scope.id) && countsIn(state, c, countsForPerson));
      const where = team.where(scope.id, { boardId: state.board.id, name: state.board.name, count: local });
      return { ...scope, name: names(scope.id), count: where.reduce((sum, w) => sum + w.count, 0), where };
    }
  }
}

/** The scopes a card would enter by moving to (column, lane), with counts from the client's state and the team's figures. */
export function entryScopes(state: BoardState, card: Card, columnId: string, laneId: string | null, names: (userId: string) => string, team: TeamWip = THIS_BOARD_ONLY): WipScope[] {
  const column = state.columns.get(columnId);
  if (!column) return [];
  const from = state.columns.get(card.columnId);
  const lane = laneId ? (state.lanes.get(laneId) ?? null) : null;
  const toCount = scopesOfEntry({
    from: from ? { columnId: from.id, category: from.category, laneId: card.laneId } : null,
    to: { column, lane },
    assigneeIds: card.assigneeIds,
    person: { limit: state.board.personWipLimit, policy: state.board.personWipPolicy },
  });
  return toCount.map((scope) => counted(state, card.id, scope, names, team));
}

/** What the server would say about this move, without a reason or with the one given; `team` brings the counts of the team's other boards. */
export function predictEntry(
  state: BoardState,
  card: Card,
  columnId: string,
  laneId: string | null,
  names: (userId: string) => string,
  team: TeamWip = THIS_BOARD_ONLY,
  overrideReason: string | null = null,
): WipDecision {
  return checkWip(entryScopes(state, card, columnId, laneId, names, team), overrideReason);
}

/** What a person holds in progress across the team, and why adding them to the card would be refused (null when it would not). */
export function personLoad(state: BoardState, card: Card, userId: string, names: (userId: string) => string, team: TeamWip = THIS_BOARD_ONLY): { held: number; refusal: string | null } {
  const local = count(state, '', (c) => c.assigneeIds.includes(userId) && countsIn(state, c, countsForPerson));
  const held = team.where(userId, { boardId: state.board.id, name: state.board.name, count: local }).reduce((sum, w) => sum + w.count, 0);
  const category = categoryOf(state, card);
  if (!category || card.assigneeIds.includes(userId)) return { held, refusal: null };
  const person = { limit: state.board.personWipLimit, policy: state.board.personWipPolicy };
  const scopes = assignmentScopes({ category, assigneeIds: [userId], person }).map((scope) => counted(state, card.id, scope, names, team));
  const over = scopes.find((s) => s.limit !== null && s.count + 1 > s.limit);
  // An edit carries no override reason, so a warn-policy limit refuses it as the server does.
  return { held, refusal: over ? `${describeHolding(over)}; the per-person WIP limit is ${over.limit}.` : null };
}
