/**
 * The demo team in a browser test: "Platform Ops" with five weeks of history
 * seeded into the test app's database, and Alex (its admin) signed in. The
 * accessibility and phone suites visit every page of the app over it.
 */
import type { Board, FeatureSummary, Iteration, SessionInfo, Team } from '@opsboard/shared';
import { seedDemo, DEMO_PEOPLE } from '../../server/src/seed/demo.js';
import { Api, type TestApp, type TestUser } from './harness.js';

export const DEMO_PASSWORD = 'demo password for the browser tests';

export interface DemoTeam {
  team: Team;
  boards: Record<Board['kind'], string>;
  /** The iteration the demo runs now (or its newest), and a feature with cards. */
  iteration: Pick<Iteration, 'id' | 'name'>;
  feature: { id: string; name: string };
  /** Alex Rivera, admin of the team and of the instance. */
  alex: Pick<TestUser, 'cookie' | 'session'>;
}

/** A new session for Alex (a test that logs out takes its own). */
export async function loginAsAlex(t: TestApp): Promise<DemoTeam['alex']> {
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO_PEOPLE[0]!.email, password: DEMO_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`demo login failed: ${login.statusCode} ${login.body}`);
  const cookie = [login.headers['set-cookie']].flat().find((c) => c?.startsWith('opsboard_session='))!.split(';')[0]!;
  return { cookie, session: new Api(t.app, { cookie, csrf: (JSON.parse(login.body) as SessionInfo).csrfToken }) };
}

export async function seedDemoTeam(t: TestApp): Promise<DemoTeam> {
  await seedDemo(t.deps, DEMO_PASSWORD);
  const alex = await loginAsAlex(t);
  const session = alex.session;
  const team = (await session.get<Team[]>('/api/teams')).body[0]!;
  const boards = (await session.get<Board[]>(`/api/teams/${team.id}/boards`)).body;
  const iterations = (await session.get<Iteration[]>(`/api/teams/${team.id}/iterations`)).body;
  const features = (await session.get<FeatureSummary[]>(`/api/teams/${team.id}/features`)).body;
  const iteration = iterations.find((i) => i.state === 'active') ?? iterations.at(-1)!;
  const feature = features.find((f) => f.progress.cards > 0) ?? features[0]!;
  return {
    team,
    boards: Object.fromEntries(boards.map((b) => [b.kind, b.id])) as DemoTeam['boards'],
    iteration: { id: iteration.id, name: iteration.name },
    feature: { id: feature.feature.id, name: feature.feature.name },
    alex,
  };
}

export interface AppPage {
  name: string;
  path: string;
  /** What the tab's title must say there. */
  title: string;
  /** A selector that is on the page once it has loaded its data. */
  ready: string;
}

/** Every page a signed-in person can open, over the demo team. */
export function demoPages(demo: DemoTeam): AppPage[] {
  const team = demo.team.name;
  const potw = (view: string, label: string): AppPage => ({ name: `PoTW ${view}`, path: `/teams/${demo.team.id}/potw?view=${view}`, title: `${label} · ${team} · opsboard`, ready: '.potw-views' });
  return [
    { name: 'teams', path: '/teams', title: 'Your teams · opsboard', ready: '.team-list' },
    { name: 'team', path: `/teams/${demo.team.id}`, title: `Boards & people · ${team} · opsboard`, ready: '[data-testid="board-list"]' },
    { name: 'planned board', path: `/boards/${demo.boards.planned}`, title: `Planned work · ${team} · opsboard`, ready: '[data-state="live"]' },
    { name: 'interrupts board', path: `/boards/${demo.boards.interrupts}`, title: `Interrupts · ${team} · opsboard`, ready: '[data-state="live"]' },
    { name: 'SS&A board', path: `/boards/${demo.boards.selfservice}`, title: `Self-service & automation · ${team} · opsboard`, ready: '[data-state="live"]' },
    potw('triage', 'Triage'),
    potw('handoff', 'Hand-off'),
    potw('rotation', 'Rotation'),
    potw('figures', 'Figures'),
    potw('webhooks', 'Webhooks'),
    { name: 'iterations', path: `/teams/${demo.team.id}/iterations`, title: `Iterations · ${team} · opsboard`, ready: '[data-testid="iteration-list"]' },
    { name: 'iteration', path: `/iterations/${demo.iteration.id}`, title: `${demo.iteration.name} · ${team} · opsboard`, ready: '.burn__charts' },
    { name: 'features', path: `/teams/${demo.team.id}/features`, title: `Features · ${team} · opsboard`, ready: '[data-testid="feature-list"]' },
    { name: 'feature', path: `/features/${demo.feature.id}`, title: `${demo.feature.name} · ${team} · opsboard`, ready: '[data-testid="feature-page"]' },
    { name: 'technologies', path: `/teams/${demo.team.id}/technologies`, title: `Technologies · ${team} · opsboard`, ready: '[data-testid="tech-heatmap"]' },
    { name: 'account', path: '/account', title: 'Your account · opsboard', ready: '.facts' },
  ];
}
