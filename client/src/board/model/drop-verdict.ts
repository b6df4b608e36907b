/**
 * What would happen if a card were dropped on a target, known before the
 * drop: the same answer the server will give (the WIP limits through
 * `predictEntry`, the PO's ranking of backlogs), so a refused target looks
 * refused while the card is still in the air, and a soft limit says that it
 * will ask for a reason.
 */
import { checkDone, type BoardState, type Card, type WipRefusal } from '@opsboard/shared';
import { predictEntry, THIS_BOARD_ONLY, type TeamWip } from './wip';

export type DropVerdict =
  /** `note`: what the person should know anyway; `bottom`: the card can only join the end of the cell. */
  | { kind: 'ok'; note: string | null; bottom: boolean }
  /** A soft (`warn`) limit: the drop asks for a reason first. */
  | { kind: 'ask'; message: string; short: string }
  /** The server would refuse; dropping here leaves the card where it was. */
  | { kind: 'refused'; message: string; short: string };

export type DropKind = DropVerdict['kind'];

export const DROP_OK: DropVerdict = { kind: 'ok', note: null, bottom: false };

export interface VerdictContext {
  /** Whether this person ranks backlogs (po, admin); null while their role is not known yet. */
  ranks: boolean | null;
  names(userId: string): string;
  /** What people hold in progress on the team's other boards (per-person limits count the whole team). */
  team?: TeamWip;
}

/** The same words the server uses for a reorder of the backlog by someone who may not rank it. */
export const BACKLOG_RANKED_BY_PO = 'Only the product owner (po or admin) reorders the backlog; you can propose cards by adding them.';

export function dropVerdict(state: BoardState, card: Card, target: { columnId: string; laneId: string | null }, ctx: VerdictContext): DropVerdict {
  const column = state.columns.get(target.columnId);
  if (!column) return DROP_OK;
  const backlogLocked = column.category === 'backlog' && ctx.ranks === false;
  if (backlogLocked && card.columnId === column.id) {
    return { kind: 'refused', message: BACKLOG_RANKED_BY_PO, short: 'Only the PO reorders the backlog' };
  }
  // With any reason given, what is left is a hard limit: that refuses whatever the person says.
  const hard = predictEntry(state, card, target.columnId, target.laneId, ctx.names, ctx.team ?? THIS_BOARD_ONLY, 'a reason');
  if (!hard.ok) return { kind: 'refused', message: hard.refusal.message, short: shortWords(hard.refusal) };
  // The board's Definition of Done: entering done with it unmet asks for a reason, like a soft limit.
  const from = state.columns.get(card.columnId)?.category ?? null;
  const done = checkDone({ fromCategory: from, toCategory: column.category }, card, state.board.definitionOfDone, null);
  if (!done.ok) return { kind: 'ask', message: done.refusal.message, short: 'Definition of Done not met' };
  const soft = predictEntry(state, card, target.columnId, target.laneId, ctx.names, ctx.team ?? THIS_BOARD_ONLY);
  if (!soft.ok) return { kind: 'ask', message: soft.refusal.message, short: shortWords(soft.refusal) };
  if (backlogLocked) return { kind: 'ok', note: 'Joins the bottom: the PO ranks the backlog', bottom: true };
  return DROP_OK;
}

/** A few words for a label on the board: "In progress is full (4 of 4)". */
export function shortWords(refusal: WipRefusal): string {
  const { scope, name, count, limit, policy } = refusal.details;
  const who = scope === 'lane' ? `Swimlane ${name}` : name;
  if (scope === 'person') return policy === 'block' ? `${name} holds ${count} of ${limit} in progress` : `${name} would hold ${count + 1} of ${limit} in progress`;
  return policy === 'block' ? `${who} is full (${count} of ${limit})` : `${who} would hold ${count + 1} of ${limit}`;
}

/** What a screen reader hears about a target, after "is over Ready, position 2 of 3." (null: nothing to add). */
export function verdictWords(verdict: DropVerdict): string | null {
  switch (verdict.kind) {
    case 'ok':
      return verdict.note ? `${verdict.note}.` : null;
    case 'ask':
      return `Dropping here asks for a reason: ${verdict.message}`;
    case 'refused':
      return `It cannot be dropped here: ${verdict.message}`;
  }
}
