/**
 * Every page of the app as a value, and the URL for it. Room is left for
 * the pages later issues add (triage, iterations, metrics) under a team.
 */
export type Route =
  | { name: 'login' }
  | { name: 'signup' }
  | { name: 'teams' }
  | { name: 'team'; teamId: string }
  | { name: 'board'; boardId: string }
  | { name: 'account' }
  | { name: 'not-found' };

const UUID = '[0-9a-fA-F-]{36}';
const patterns: [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/$/, () => ({ name: 'teams' })],
  [/^\/login\/?$/, () => ({ name: 'login' })],
  [/^\/signup\/?$/, () => ({ name: 'signup' })],
  [/^\/account\/?$/, () => ({ name: 'account' })],
  [new RegExp(`^/teams/(${UUID})/?$`), (m) => ({ name: 'team', teamId: m[1]! })],
  [new RegExp(`^/boards/(${UUID})/?$`), (m) => ({ name: 'board', boardId: m[1]! })],
];

export function parseRoute(pathname: string): Route {
  for (const [re, make] of patterns) {
    const m = pathname.match(re);
    if (m) return make(m);
  }
  return { name: 'not-found' };
}

export const paths = {
  teams: () => '/',
  team: (teamId: string) => `/teams/${teamId}`,
  board: (boardId: string, search = '') => `/boards/${boardId}${search}`,
  account: () => '/account',
  login: (next?: string) => (next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  signup: (next?: string) => (next && next !== '/' ? `/signup?next=${encodeURIComponent(next)}` : '/signup'),
};

/** Only same-site paths are followed after login (never an absolute URL someone put in the link). */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
