/** The team page's boards, live and archived, kept from one list the team stream updates. */
import { byRank, type Board } from '@opsboard/shared';

/** The list with `board` in place of its older copy (or added). */
export function upsertBoard(boards: readonly Board[], board: Board): Board[] {
  const i = boards.findIndex((b) => b.id === board.id);
  if (i < 0) return [...boards, board];
  const next = [...boards];
  next[i] = board;
  return next;
}

/** Live boards in the team's order, archived ones most recently archived first. */
export function splitBoards(boards: readonly Board[]): { live: Board[]; archived: Board[] } {
  const live = boards.filter((b) => b.archivedAt === null).sort(byRank);
  const archived = boards.filter((b) => b.archivedAt !== null).sort((a, b) => (a.archivedAt! < b.archivedAt! ? 1 : a.archivedAt! > b.archivedAt! ? -1 : 0));
  return { live, archived };
}
