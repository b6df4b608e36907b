/** Every page of the app as a value, and the URL for it. */
export type Route =
  | { name: 'login' }
  | { name: 'signup' }
  | { name: 'reset-password' }
  | { name: 'teams' }
  | { name: 'team'; teamId: string }
  | { name: 'board'; boardId: string }
  | { name: 'account' }
  | { name: 'potw'; teamId: string }
  | { name: 'iterations'; teamId: string }
  | { name: 'iteration'; iterationId: string }
  | { name: 'features'; teamId: string }
  | { name: 'feature'; featureId: string }
  | { name: 'requests'; teamId: string }
  | { name: 'technologies'; teamId: string }
  | { name: 'technology'; technologyId: string }
  | { name: 'standup'; teamId: string }
  | { name: 'activity'; teamId: string }
  | { name: 'retros'; teamId: string }
  | { name: 'retro'; retroId: string }
  | { name: 'postmortem'; postmortemId: string }
  | { name: 'poker-list'; teamId: string }
  | { name: 'poker'; sessionId: string }
  | { name: 'templates'; teamId: string }
  | { name: 'metrics'; teamId: string }
  | { name: 'not-found' };

const UUID = '[0-9a-fA-F-]{36}';
const patterns: [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/(teams\/?)?$/, () => ({ name: 'teams' })],
  [/^\/login\/?$/, () => ({ name: 'login' })],
  [/^\/signup\/?$/, () => ({ name: 'signup' })],
  [/^\/reset-password\/?$/, () => ({ name: 'reset-password' })],
  [/^\/account\/?$/, () => ({ name: 'account' })],
  [new RegExp(`^/teams/(${UUID})/?$`), (m) => ({ name: 'team', teamId: m[1]! })],
  [new RegExp(`^/boards/(${UUID})/?$`), (m) => ({ name: 'board', boardId: m[1]! })],
  [new RegExp(`^/teams/(${UUID})/potw/?$`), (m) => ({ name: 'potw', teamId: m[1]! })],
  [new RegExp(`^/teams/(${UUID})/iterations/?$`), (m) => ({ name: 'iterations', teamId: m[1]! })],
  [new RegExp(`^/iterations/(${UUID})/?$`), (m) => ({ name: 'iteration', iterationId: m[1]! })],
  [new RegExp(`^/teams/(${UUID})/features/?$`), (m) => ({ name: 'features', teamId: m[1]! })],
  [new RegExp(`^/features/(${UUID})/?$`), (m) => ({ name: 'feature', featureId: m[1]! })],
  [new RegExp(`^/teams/(${UUID})/requests/?$`), (m) => ({ name: 'requests', teamId: m[1]! })],
  [new RegExp(`^/teams/(${UUID})/technologies/?$`), (m) => ({ name: 'technologies', teamId: m[1]! })],
  [new RegExp(`^/technologies/(${UUID})/?$`), (m) => ({ name: 'technology', technologyId: m[1]! })],
  [new RegExp(`^/teams/(${UUID})/standup/?$`), (m) => ({ name: 'standup', teamId: m[1]! })],
  [new RegExp(`^/teams/(${UUID})/activity/?$`), (m) => ({ name: 'activity', teamId: m[1]! })],
  [new RegExp(`^/teams/(${UUID})/retros/?$`), (m) => ({ name: 'retros', teamId: m[1]! })],
  [new RegExp(`^/retros/(${UUID})/?$`), (m) => ({ name: 'retro', retroId: m[1]! })],
  [new RegExp(`^/postmortems/(${UUID})/?$`), (m) => ({ name: 'postmortem', postmortemId: m[1]! })],
  [new RegExp(`^/teams/(${UUID})/poker/?$`), (m) => ({ name: 'poker-list', teamId: m[1]! })],
  [new RegExp(`^/poker/(${UUID})/?$`), (m) => ({ name: 'poker', sessionId: m[1]! })],
  [new RegExp(`^/teams/(${UUID})/templates/?$`), (m) => ({ name: 'templates', teamId: m[1]! })],
  [new RegExp(`^/teams/(${UUID})/metrics/?$`), (m) => ({ name: 'metrics', teamId: m[1]! })],
];

export function parseRoute(pathname: string): Route {
  for (const [re, make] of patterns) {
    const m = pathname.match(re);
    if (m) return make(m);
  }
  return { name: 'not-found' };
}

export const paths = {
  /** The team list itself; the root `/` may land you on your work instead (see Landing.tsx). */
  teams: () => '/teams',
  team: (teamId: string) => `/teams/${teamId}`,
  board: (boardId: string, search = '') => `/boards/${boardId}${search}`,
  account: () => '/account',
  potw: (teamId: string) => `/teams/${teamId}/potw`,
  iterations: (teamId: string) => `/teams/${teamId}/iterations`,
  iteration: (iterationId: string) => `/iterations/${iterationId}`,
  features: (teamId: string) => `/teams/${teamId}/features`,
  feature: (featureId: string) => `/features/${featureId}`,
  /** A person's own requests in a team: where a guest lands. */
  requests: (teamId: string) => `/teams/${teamId}/requests`,
  technologies: (teamId: string) => `/teams/${teamId}/technologies`,
  technology: (technologyId: string) => `/technologies/${technologyId}`,
  /** Standup mode: one board (`?board=`) or the team's boards in sequence. */
  standup: (teamId: string, boardId?: string) => `/teams/${teamId}/standup${boardId ? `?board=${boardId}` : ''}`,
  /** What happened in a team ("while I was away"), from the event log. */
  activity: (teamId: string) => `/teams/${teamId}/activity`,
  retros: (teamId: string) => `/teams/${teamId}/retros`,
  retro: (retroId: string) => `/retros/${retroId}`,
  postmortem: (postmortemId: string) => `/postmortems/${postmortemId}`,
  /** Planning poker: the team's sessions (`cards` ticks cards to queue) and one session. */
  pokerList: (teamId: string, cardIds: string[] = []) => `/teams/${teamId}/poker${cardIds.length > 0 ? `?cards=${cardIds.join(',')}` : ''}`,
  poker: (sessionId: string) => `/poker/${sessionId}`,
  templates: (teamId: string) => `/teams/${teamId}/templates`,
  metrics: (teamId: string) => `/teams/${teamId}/metrics`,
  login: (next?: string) => (next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  resetPassword: () => '/reset-password',
  signup: (next?: string) => (next && next !== '/' ? `/signup?next=${encodeURIComponent(next)}` : '/signup'),
};

/** Only same-site paths are followed after login (never an absolute URL someone put in the link). */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
