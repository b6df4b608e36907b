/**
 * The order in which a board's waiting cards will be taken, as the forecast counts them for "when will the
 * backlog down to this card be done?": to-do columns first (ready), then the backlog; columns in board order,
 * cards by rank (byte-wise, ties by id, as everywhere). One rule, used by the server's answer and by the page's card picker alike.
 */
import { byRank } from '../board-state.js';

export interface WaitingPlace {
  /** The card's id and rank. */
  id: string;
  rank: string;
  /** The category of the card's column; only 'todo' and 'backlog' columns hold waiting cards. */
  category: string;
  columnId: string;
  columnRank: string;
}

export function isWaitingCategory(category: string): boolean {
  return category === 'todo' || category === 'backlog';
}

export function compareWaiting(a: WaitingPlace, b: WaitingPlace): number {
  const stage = (p: WaitingPlace) => (p.category === 'todo' ? 0 : 1);
  return stage(a) - stage(b) || byRank({ rank: a.columnRank, id: a.columnId }, { rank: b.columnRank, id: b.columnId }) || byRank(a, b);
}
