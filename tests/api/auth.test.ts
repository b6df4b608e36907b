import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo, Team } from '@opsboard/shared';
import { Api, createTestDatabase, PASSWORD, signup, startTestApp, type TestApp, type TestDatabase } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let now = Date.parse('2026-11-02T08:00:00Z');
const clock = () => new Date(now);

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, clock, config: { sessionIdleHours: 2, sessionMaxDays: 1, loginRateLimit: 5 } });
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const cookieOf = (headers: Record<string, unknown>) =>
  [headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string').find((c) => c.startsWith('opsboard_session='));

async function login(email: string, password = PASSWORD) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const setCookie = cookieOf(res.headers);
  const body = JSON.parse(res.body) as SessionInfo & { error?: { code: string } };
  return { res, body, cookie: setCookie?.split(';')[0] ?? '', setCookie };
}

describe('sign-up', () => {
  it('201 for the first account, which becomes the instance admin, with an httpOnly SameSite cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: 'First@Example.test', name: 'First', password: PASSWORD } });
    expect(res.statusCode).toBe(201);
    const body = JSON.parse(res.body) as SessionInfo;
    expect(body.user).toMatchObject({ email: 'first@example.test', name: 'First', isInstanceAdmin: true });
    expect(body.csrfToken).toBeTruthy();
    const setCookie = cookieOf(res.headers)!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Secure/); // plain-HTTP trial keeps working
    expect(JSON.stringify(body)).not.toContain(PASSWORD);
  });

  it('later accounts are not instance admins', async () => {
    const u = await signup(t.app, 'Second');
    const me = await u.api.get<SessionInfo>('/api/auth/session');
    expect(me.body.user.isInstanceAdmin).toBe(false);
  });

  it('409 already_exists for a taken e-mail, whatever its case', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: 'FIRST@example.test', name: 'Again', password: PASSWORD } });
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body).error.code).toBe('already_exists');
  });

  it.each([
    ['short', 'must be at least 8 characters'],
    ['password123', 'most common passwords'],
    ['aaaaaaaaaaaa', 'repeated character'],
  ])('400 naming the password field for %s', async (password, why) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: `p${password}@example.test`, name: 'P', password } });
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.field).toBe('password');
    expect(body.error.message).toContain(why);
  });

  it('accepts a long passphrase', async () => {
    const passphrase = 'the pager went off at three and the runbook was right for once '.repeat(3);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: 'pass@example.test', name: 'Phrase', password: passphrase } });
    expect(res.statusCode).toBe(201);
    expect((await login('pass@example.test', passphrase)).res.statusCode).toBe(200);
  });
});

describe('login and sessions', () => {
  it('logs in, reads the session, and logs out; the old cookie then stops working', async () => {
    const u = await signup(t.app, 'Logger');
    const { res, body, cookie } = await login(u.email);
    expect(res.statusCode).toBe(200);
    expect(cookie).not.toBe(u.cookie); // a new session id at every login
    const api = new Api(t.app, { cookie, csrf: body.csrfToken });
    expect((await api.get('/api/auth/session')).status).toBe(200);
    expect((await api.post('/api/auth/logout')).status).toBe(200);
    const after = await api.get<{ error: { code: string } }>('/api/auth/session');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('session_expired');
    // The other session of the same person is untouched.
    expect((await u.session.get('/api/auth/session')).status).toBe(200);
  });

  it('401 invalid_credentials for a wrong password and for an unknown e-mail, with the same message', async () => {
    const u = await signup(t.app, 'Wrong');
    const wrong = await login(u.email, 'not the password at all');
    const unknown = await login('nobody@example.test', 'not the password at all');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    expect(wrong.setCookie).toBeUndefined();
  });

  it('a revoked session stops working at once', async () => {
    const u = await signup(t.app, 'Revoker');
    const second = await login(u.email);
    const list = await u.session.get<{ id: string; current: boolean }[]>('/api/auth/sessions');
    expect(list.body).toHaveLength(2);
    const other = list.body.find((s) => !s.current)!;
    expect((await u.session.del(`/api/auth/sessions/${other.id}`)).status).toBe(200);
    const api = new Api(t.app, { cookie: second.cookie, csrf: second.body.csrfToken });
    expect((await api.get('/api/auth/session')).status).toBe(401);
  });

  it('a session ends after the idle timeout, and after the absolute lifetime even when used', async () => {
    const u = await signup(t.app, 'Idle');
    now += 90 * 60_000; // 1.5 h of silence: still inside the 2 h idle window
    expect((await u.session.get('/api/auth/session')).status).toBe(200);
    now += 2 * 3_600_000 + 1; // over 2 h since the last request
    expect((await u.session.get('/api/auth/session')).status).toBe(401);

    const busy = await signup(t.app, 'Busy');
    for (let i = 0; i < 14; i++) {
      now += 100 * 60_000; // used every 100 minutes: never idle
      expect((await busy.session.get('/api/auth/session')).status).toBe(200);
    }
    now += 100 * 60_000; // 25 h after sign-up: past the 1-day absolute lifetime
    expect((await busy.session.get('/api/auth/session')).status).toBe(401);
  });

  it('403 csrf_failed for a cookie-authenticated mutation without the CSRF header; nothing is written', async () => {
    const u = await signup(t.app, 'Csrf');
    const bare = new Api(t.app, { cookie: u.cookie });
    const res = await bare.post<{ error: { code: string } }>('/api/teams', { name: 'Forged' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
    expect((await u.api.get<Team[]>('/api/teams')).body).toEqual([]);
  });

  it('403 origin_not_allowed for a mutation from a foreign origin', async () => {
    const u = await signup(t.app, 'Origin');
    const res = await u.session.post<{ error: { code: string } }>('/api/teams', { name: 'X' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_not_allowed');
  });

  it('429 with Retry-After after too many login attempts for one e-mail', async () => {
    const u = await signup(t.app, 'Limited');
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await login(u.email, 'wrong password here')).res.statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await login(u.email, 'wrong password here');
    expect(limited.res.statusCode).toBe(429);
    expect(limited.res.headers['retry-after']).toBeDefined();
    expect(limited.body.error?.code).toBe('rate_limited');
    now += 6 * 60_000; // the window has passed
    expect((await login(u.email)).res.statusCode).toBe(200);
  });
});

describe('start-up', () => {
  it('/api/instance tells a logged-in browser its session, and a logged-out one null, without a 401', async () => {
    const u = await signup(t.app, 'Starter');
    const inside = await u.session.get<{ session: SessionInfo | null; hasUsers: boolean }>('/api/instance');
    expect(inside.status).toBe(200);
    expect(inside.body.session?.user.id).toBe(u.id);
    expect(inside.body.session?.csrfToken).toBe(u.csrf);
    const outside = await t.app.inject({ method: 'GET', url: '/api/instance' });
    expect(outside.statusCode).toBe(200);
    expect(JSON.parse(outside.body).session).toBeNull();
    const expired = await t.app.inject({ method: 'GET', url: '/api/instance', headers: { cookie: 'opsboard_session=obs_gone' } });
    expect(expired.statusCode).toBe(200);
    expect(JSON.parse(expired.body).session).toBeNull();
  });
});

describe('API tokens', () => {
  it('authenticates scripts with a bearer token, lists it without its secret, and stops after revocation', async () => {
    const u = await signup(t.app, 'Scripter');
    const created = await u.session.post<{ token: { id: string; prefix: string }; secret: string }>('/api/auth/tokens', { name: 'ci' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^obt_/);
    const api = new Api(t.app, { token: created.body.secret });
    expect((await api.get<SessionInfo>('/api/auth/session')).body.via).toBe('token');
    // No CSRF header needed with a bearer token.
    expect((await api.post('/api/teams', { name: 'Scripted' })).status).toBe(201);
    const list = await u.session.get<unknown[]>('/api/auth/tokens');
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect((await u.session.del(`/api/auth/tokens/${created.body.token.id}`)).status).toBe(200);
    const after = await api.get<{ error: { code: string } }>('/api/auth/session');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
  });

  it('401 for a malformed or unknown bearer token, even with a valid cookie', async () => {
    const u = await signup(t.app, 'Bearer');
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { authorization: 'Bearer obt_nope', cookie: u.cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('401 unauthorized without any credentials', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/teams' });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('unauthorized');
  });
});
