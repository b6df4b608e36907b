/** Password reset by e-mail: the token arrives over real SMTP, works once, expires, and nobody learns which addresses have accounts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, PASSWORD, signup, startTestApp, type TestApp, type TestDatabase, type TestUser } from '../helpers/harness.js';
import { TestSmtp, until } from '../helpers/smtp.js';

let db: TestDatabase;
let t: TestApp;
let off: TestApp;
let me: TestUser;
const smtp = new TestSmtp();

beforeAll(async () => {
  db = await createTestDatabase();
  await smtp.start();
  t = await startTestApp({ database: db.database, config: { smtp: { url: smtp.url, from: 'ops@example.test' }, publicUrl: 'https://ops.example.test' }, notify: { email: { pollMs: 50 } } });
  off = await startTestApp({ database: db.database });
  me = await signup(t.app, 'Forgetful');
});
afterAll(async () => {
  await t?.close();
  await off?.close();
  await smtp.stop();
  await db?.close();
});

const post = (app: TestApp, url: string, payload: unknown) => app.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });
const NEW = 'a brand new long passphrase';

async function tokenFromMail(): Promise<string> {
  await until(() => smtp.mails.some((m) => m.to.includes(me.email)), 15_000, 'the reset e-mail');
  const mail = smtp.mails.filter((m) => m.to.includes(me.email)).at(-1)!;
  expect(mail.text).toContain('https://ops.example.test/reset-password#token=');
  return /token=(obr_[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
}

describe('password reset by e-mail', () => {
  it('404 when the server sends no e-mail', async () => {
    expect((await post(off, '/api/auth/password-reset', { email: me.email })).statusCode).toBe(404);
  });

  it('202 alike for an address with and without an account; only the account gets an e-mail', async () => {
    const unknown = await post(t, '/api/auth/password-reset', { email: 'nobody@example.test' });
    const known = await post(t, '/api/auth/password-reset', { email: me.email.toUpperCase() });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    await tokenFromMail();
    expect(smtp.mails.some((m) => m.to.includes('nobody@example.test'))).toBe(false);
  });

  it('the token sets a new password once, ends the old sessions, and the old password stops working', async () => {
    const token = await tokenFromMail();
    const weak = await post(t, '/api/auth/password-reset/confirm', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(JSON.parse(weak.body).error.details.field).toBe('password');
    expect((await post(t, '/api/auth/password-reset/confirm', { token, password: NEW })).statusCode).toBe(200);
    expect((await me.session.get('/api/auth/session')).status).toBe(401);
    expect((await post(t, '/api/auth/login', { email: me.email, password: PASSWORD })).statusCode).toBe(401);
    expect((await post(t, '/api/auth/login', { email: me.email, password: NEW })).statusCode).toBe(200);
    const again = await post(t, '/api/auth/password-reset/confirm', { token, password: 'yet another long passphrase' });
    expect(again.statusCode).toBe(400);
    expect(JSON.parse(again.body).error.details.field).toBe('token');
  });

  it('400 naming token for an expired one', async () => {
    const before = smtp.mails.length;
    await post(t, '/api/auth/password-reset', { email: me.email });
    await until(() => smtp.mails.length > before, 15_000, 'a second reset e-mail');
    const token = await tokenFromMail();
    await db.database.db.execute(sql`UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`);
    const res = await post(t, '/api/auth/password-reset/confirm', { token, password: 'yet another long passphrase' });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.details.field).toBe('token');
  });
});
