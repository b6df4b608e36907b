import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, BoardSnapshot, InterruptFigures, Iteration, IterationDetail, PokerSession, PokerSessionSummary, RotationInfo, SessionInfo, Team, VelocityReport } from '@opsboard/shared';
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
});
