/** Password change: the current password is required, the new one takes over, and the person's other sessions end. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, createTestDatabase, PASSWORD, signup, startTestApp, type TestApp, type TestDatabase } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

async function login(email: string, password: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) return { status: res.statusCode, api: null };
  const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('opsboard_session='))!.split(';')[0]!;
  const csrf = (JSON.parse(res.body) as { csrfToken: string }).csrfToken;
  return { status: 200, api: new Api(t.app, { cookie, csrf }) };
}

describe('password change', () => {
  it('needs the current password, then ends the other sessions but not this one', async () => {
    const user = await signup(t.app, 'Changer');
    const other = await login(user.email, PASSWORD);
    expect(other.status).toBe(200);

    const wrong = await user.session.post<{ error: { details: { field: string } } }>('/api/auth/password', { currentPassword: 'nope', newPassword: 'a brand new passphrase' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.field).toBe('currentPassword');
    const weak = await user.session.post<{ error: { details: { field: string } } }>('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'x' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.field).toBe('newPassword');

    const changed = await user.session.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(changed.status).toBe(200);
    expect((await user.session.get('/api/auth/sessions')).status).toBe(200);
    expect((await other.api!.get('/api/auth/sessions')).status).toBe(401);
    expect((await login(user.email, PASSWORD)).status).toBe(401);
    expect((await login(user.email, 'a brand new passphrase')).status).toBe(200);
  });
});
