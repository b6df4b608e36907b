/**
 * Where a person lands after logging in (or opening the app at its root):
 * the page they last had open on this device, else, with one team, that
 * team's planned board, else the list of their teams. Pure rules here; the
 * browser side (storage, requests) is in Landing.tsx.
 */
import { byRank, type Board } from '@opsboard/shared';
import { parseRoute, paths, type Route } from './routes';

/** Pages worth coming back to: where work happens, not the sign-in pages, the team list or the account. */
const REMEMBERED: readonly Route['name'][] = ['team', 'board', 'potw', 'iterations', 'iteration', 'features', 'feature'];

/** Parts of an address that open something on top of a page, not worth reopening days later. */
const TRANSIENT = ['card', 'settings'];

export function lastPageKey(userId: string): string {
  return `opsboard.last-page.${userId}`;
}

/** The address to remember for this location, or null for pages not worth landing on. */
export function pageToRemember(pathname: string, search: string): string | null {
  if (!REMEMBERED.includes(parseRoute(pathname).name)) return null;
  const params = new URLSearchParams(search);
  for (const key of TRANSIENT) params.delete(key);
  const query = params.toString();
  return `${pathname}${query ? `?${query}` : ''}`;
}

/** A remembered address, if it still names a page worth landing on (storage is anyone's to edit). */
export function rememberedPage(stored: string | null): string | null {
  if (!stored || !stored.startsWith('/') || stored.startsWith('//')) return null;
  const url = new URL(stored, 'http://x');
  return pageToRemember(url.pathname, url.search);
}

/** With exactly one team: its first live planned board (the board a team stands up at), else the team's page. */
export function teamLanding(teamId: string, boards: readonly Board[]): string {
  const planned = boards.filter((b) => b.kind === 'planned' && b.archivedAt === null).sort(byRank)[0];
  return planned ? paths.board(planned.id) : paths.team(teamId);
}

/** Whether the one-team rule applies: null means stay on the list of teams. */
export function onlyTeam<T>(teams: readonly T[]): T | null {
  return teams.length === 1 ? teams[0]! : null;
}
