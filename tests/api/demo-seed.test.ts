import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, BoardSnapshot, StandupList, StandupSince, TechnologyDetail, TechOverview, InterruptFigures, Iteration, IterationDetail, PokerSession, PokerSessionSummary, RotationInfo, SessionInfo, Team, VelocityReport } from '@opsboard/shared';
import { argon2Hasher } from '../../server/src/auth/passwords.js';
import { testConfig } from '../../server/src/config.js';
import { randomId, systemClock } from '../../server/src/context.js';
import { seedDemo, DEMO_PEOPLE } from '../../server/src/seed/demo.js';
import { Api, createTestDatabase, startTestApp, type TestApp, type TestDatabase } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let api: Api;
let team: Team;
let secret = '';
let hookPath = '';

beforeAll(async () => {
  db = await createTestDatabase();
  const seeded = await seedDemo({ config: testConfig(), database: db.database, clock: systemClock, newId: randomId, hasher: argon2Hasher, instanceId: 'seed' }, 'demo password for tests');
  secret = seeded.alertmanager.secret;
  hookPath = seeded.alertmanager.url;
  t = await startTestApp({ database: db.database });
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO_PEOPLE[0]!.email, password: 'demo password for tests' } });
  expect(login.statusCode).toBe(200);
  const cookie = [login.headers['set-cookie']].flat().find((c) => c?.startsWith('opsboard_session='))!.split(';')[0]!;
  api = new Api(t.app, { cookie, csrf: (JSON.parse(login.body) as SessionInfo).csrfToken });
  team = (await api.get<Team[]>('/api/teams')).body[0]!;
}, 120_000);
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('the demo', () => {
  it('has a technology catalogue: assessed, ranked, with alerts and cards naming their technology and a rise in maturity', async () => {
    const overview = (await api.get<TechOverview>(`/api/teams/${team.id}/technologies/overview`)).body;
    expect(overview.rows.map((r) => r.technology.name).sort()).toEqual(['Build farm', 'Internal DNS', 'Kubernetes', 'Linux hosts', 'Nagios', 'PostgreSQL']);
    expect(overview.rows.every((r) => r.technology.level !== null && r.scores !== null)).toBe(true);
    const pg = overview.rows.find((r) => r.technology.name === 'PostgreSQL')!;
    expect(pg.technology.level).toBe(3);
    expect(pg.interrupts).toBeGreaterThanOrEqual(1);
    expect(pg.openSsaCards.length).toBeGreaterThanOrEqual(1);
    expect(overview.rows.find((r) => r.technology.name === 'Build farm')!.interrupts).toBeGreaterThanOrEqual(1);
    const detail = (await api.get<TechnologyDetail>(`/api/technologies/${pg.technology.id}`)).body;
    expect(detail.rises).toHaveLength(1);
    expect(detail.rises[0]).toMatchObject({ from: 2, to: 3 });
    const k8s = (await api.get<TechnologyDetail>(`/api/technologies/${overview.rows.find((r) => r.technology.name === 'Kubernetes')!.technology.id}`)).body;
    expect(k8s.assessments.find((a) => a.status === 'scoring')?.scorerIds).toHaveLength(2);
  });

  it('is a team of five with its three boards full of ops cards', async () => {
    expect(team.name).toBe('Platform Ops');
    expect((await api.get<unknown[]>(`/api/teams/${team.id}/members`)).body).toHaveLength(5);
    const boards = (await api.get<Board[]>(`/api/teams/${team.id}/boards`)).body;
    expect(boards.map((b) => b.kind)).toEqual(['planned', 'interrupts', 'selfservice']);
    let total = 0;
    for (const b of boards) {
      const s = (await api.get<BoardSnapshot>(`/api/boards/${b.id}`)).body;
      expect(s.cards.length).toBeGreaterThan(4);
      total += s.cards.length;
    }
    expect(total).toBeGreaterThanOrEqual(30);
  });

  it('has a PoTW now and next, iterations with velocity, a running iteration with a burndown, and interrupt figures', async () => {
    const rotation = (await api.get<RotationInfo>(`/api/teams/${team.id}/rotation`)).body;
    expect(rotation.current).not.toBeNull();
    expect(rotation.next).not.toBeNull();
    const iterations = (await api.get<Iteration[]>(`/api/teams/${team.id}/iterations`)).body;
    expect(iterations.map((i) => i.state)).toEqual(['closed', 'closed', 'active']);
    const velocity = (await api.get<VelocityReport>(`/api/teams/${team.id}/velocity`)).body;
    expect(velocity.entries).toHaveLength(2);
    expect(velocity.average).toBeGreaterThan(0);
    const active = (await api.get<IterationDetail>(`/api/iterations/${iterations[2]!.id}`)).body;
    expect(active.burn.length).toBeGreaterThan(3);
    expect(active.ssa.count).toBeGreaterThanOrEqual(2);
    const figures = (await api.get<InterruptFigures[]>(`/api/teams/${team.id}/interrupts/figures?weeks=6`)).body;
    expect(figures.reduce((s, f) => s + f.received, 0)).toBeGreaterThanOrEqual(10);
    expect(figures.some((f) => f.timeToTriageMs.median !== null)).toBe(true);
  });

  it('has one finished planning poker session with its rounds', async () => {
    const sessions = (await api.get<PokerSessionSummary[]>(`/api/teams/${team.id}/poker`)).body;
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ status: 'closed', accepted: 2 });
    const session = (await api.get<PokerSession>(`/api/poker/${sessions[0]!.id}`)).body;
    expect(session.items.filter((i) => i.status === 'accepted').map((i) => i.rounds.length)).toEqual([1, 2]);
  });

  it('its Alertmanager hook takes a real payload', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: hookPath,
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      payload: JSON.stringify({
        version: '4',
        status: 'firing',
        receiver: 'opsboard',
        alerts: [{ status: 'firing', labels: { alertname: 'HighErrorRate', severity: 'critical' }, annotations: { summary: '5xx above 2%' }, startsAt: new Date().toISOString(), fingerprint: 'demo-test-1' }],
      }),
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).created).toBe(1);
  });

  it('has a week of recorded standups, so the standup screen has history and a "since" on first start', async () => {
    const list = (await api.get<StandupList>(`/api/teams/${team.id}/standups`)).body;
    expect(list.live).toBeNull();
    expect(list.recent.length).toBeGreaterThanOrEqual(4);
    for (const s of list.recent) {
      expect(s.durationSeconds).toBeGreaterThan(0);
      expect(s.speakers.length).toBeGreaterThan(0);
    }
    const since = (await api.get<StandupSince>(`/api/teams/${team.id}/standups/since`)).body;
    expect(since.basis).toBe('standup');
  });

  it('has one finished retro with actions and one postmortem', async () => {
    const retros = (await api.get<{ id: string; phase: string; iterationId: string | null }[]>(`/api/teams/${team.id}/retros`)).body;
    expect(retros).toHaveLength(1);
    expect(retros[0]).toMatchObject({ phase: 'done', iterationId: expect.any(String) });
    const view = (await api.get<{ actions: unknown[]; notes: unknown[] }>(`/api/retros/${retros[0]!.id}`)).body;
    expect(view.actions).toHaveLength(2);
    expect(view.notes.length).toBeGreaterThan(3);
    const facts = (await api.get<{ iteration: { committed: { cards: number } } | null }>(`/api/retros/${retros[0]!.id}/facts`)).body;
    expect(facts.iteration!.committed.cards).toBeGreaterThan(0);
    const pms = (await api.get<{ timeline: unknown[]; actions: unknown[] }[]>(`/api/teams/${team.id}/postmortems`)).body;
    expect(pms).toHaveLength(1);
    expect(pms[0]!.timeline.length).toBeGreaterThan(1);
    expect(pms[0]!.actions).toHaveLength(1);
  });
});
