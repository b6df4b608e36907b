import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestDatabase, PASSWORD, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
  team = await createTeam(t.app, 'Secrets');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('Cache-Control: no-store on every answer that carries a secret', () => {
  it('creating an API token (the secret is shown once)', async () => {
    const res = await team.admin.session.post('/api/auth/tokens', { name: 'ci' });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('creating a webhook secret', async () => {
    const res = await team.admin.api.post(`/api/teams/${team.team.id}/webhooks`, { name: 'am', kind: 'alertmanager' });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sign-up and login (session cookie and CSRF token), the session and instance answers (CSRF token, demo password)', async () => {
    const signup = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: 'nostore@example.test', name: 'No Store', password: PASSWORD } });
    expect(signup.statusCode).toBe(201);
    expect(signup.headers['cache-control']).toBe('no-store');
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nostore@example.test', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const session = await team.admin.session.get('/api/auth/session');
    expect(session.headers['cache-control']).toBe('no-store');
    const instance = await team.admin.session.get('/api/instance');
    expect(instance.headers['cache-control']).toBe('no-store');
  });

  it('every other API answer too, refusals included, since each is private to its caller', async () => {
    expect((await team.admin.api.get(`/api/boards/${team.boards.planned}`)).headers['cache-control']).toBe('no-store');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/teams' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nostore@example.test', password: 'not the password at all' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['cache-control']).toBe('no-store');
  });
});
