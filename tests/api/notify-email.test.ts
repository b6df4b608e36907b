/**
 * The e-mail outbox against a real SMTP server in this process: delivery with
 * plain-text and HTML bodies, an SMTP outage with retry, a restart mid-queue
 * and two instances at once with no loss and no duplicate, quiet hours and the digest.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Card, NotifyPreferencesBody } from '@opsboard/shared';
import { loadConfig } from '../../server/src/config.js';
import { outboxCounts, queueEmail } from '../../server/src/notify/email/outbox.js';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';
import { TestSmtp, until } from '../helpers/smtp.js';

let db: TestDatabase;
const smtp = new TestSmtp();
const apps: TestApp[] = [];
const FAST = { email: { pollMs: 50, baseDelayMs: 200, maxDelayMs: 400, leaseMs: 5_000 } };

async function app(instanceId = `mail-${randomUUID().slice(0, 6)}`, clock?: () => Date): Promise<TestApp> {
  const t = await startTestApp({
    database: db.database,
    instanceId,
    ...(clock && { clock }),
    config: { smtp: { url: smtp.url, from: 'opsboard <ops@example.test>' }, publicUrl: 'https://ops.example.test' },
    notify: FAST,
  });
  apps.push(t);
  return t;
}

async function escalate(team: TestTeam, title: string): Promise<void> {
  const raised = await team.byRole.member.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title });
  expect(raised.status, JSON.stringify(raised.body)).toBe(201);
  const res = await team.byRole.member.api.post(`/api/interrupts/${raised.body.card.id}/triage`, { action: 'escalate', userId: team.byRole.po.id, note: 'You know the <disk> layout.' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function queueMany(n: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    ids.push(id);
    await queueEmail(db.database.db, id, new Date().toISOString(), { userId: null, to: `bulk-${tag}-${i}@example.test`, kind: 'test', item: { title: `${tag} ${i}`, body: '', link: null }, notBefore: new Date(), digest: false });
  }
  return ids;
}

const receivedIds = (ids: string[]) => smtp.mails.filter((m) => ids.some((id) => m.messageId.includes(id)));

beforeAll(async () => {
  db = await createTestDatabase();
  await smtp.start();
});
afterAll(async () => {
  for (const t of apps) await t.close();
  await smtp.stop();
  await db?.close();
});

describe('SMTP configuration', () => {
  it('is off without SMTP_URL or SMTP_HOST', () => {
    expect(loadConfig({}).smtp).toBeNull();
  });
  it('builds the URL from host, port, user and password, and wants a From address', () => {
    expect(loadConfig({ SMTP_HOST: 'mail.example.test', SMTP_PORT: '2525', SMTP_USER: 'ops', SMTP_PASS: 'p@ss', SMTP_FROM: 'ops@example.test' }).smtp).toEqual({
      url: 'smtp://ops:p%40ss@mail.example.test:2525',
      from: 'ops@example.test',
    });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.test' })).toThrow(/SMTP_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.test', SMTP_FROM: 'a@b.test' })).toThrow(/smtp:\/\//);
  });
});

describe('e-mail delivery', () => {
  let t: TestApp;
  let team: TestTeam;
  beforeAll(async () => {
    t = await app();
    team = await createTeam(t.app, 'Mail');
  });

  it('an escalation reaches the person by e-mail with a plain-text and an HTML body and a link', async () => {
    await escalate(team, 'Disk full on db-3');
    await until(() => smtp.mails.some((m) => m.to.includes(team.byRole.po.email)), 15_000, 'the e-mail');
    const mail = smtp.mails.find((m) => m.to.includes(team.byRole.po.email))!;
    expect(mail.subject).toContain('escalated');
    expect(mail.raw).toContain('multipart/alternative');
    expect(mail.raw).toContain('text/plain');
    expect(mail.raw).toContain('text/html');
    expect(mail.text).toContain('&lt;disk&gt;');
    expect(mail.text).toContain('You know the <disk> layout.');
    expect(mail.text).toContain('https://ops.example.test/boards/');
  });

  it('survives an SMTP outage: the row is retried with backoff and delivered once when the server is back', async () => {
    await smtp.stop();
    const before = smtp.mails.length;
    await escalate(team, 'Certificate expired on vpn-1');
    await until(async () => {
      const r = await db.database.db.execute<{ attempts: number; last_error: string | null }>(sql`SELECT attempts, last_error FROM email_outbox WHERE subject LIKE '%escalated%' AND status = 'pending'`);
      return r.rows.some((x) => Number(x.attempts) >= 2 && x.last_error !== null);
    }, 15_000, 'two failed attempts');
    expect(smtp.mails.length).toBe(before);
    await smtp.start();
    await until(() => smtp.mails.length === before + 1, 15_000, 'the retried e-mail');
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.length).toBe(before + 1);
    expect((await outboxCounts(db.database.db)).pending ?? 0).toBe(0);
  });

  it('sends nothing by e-mail to someone who turned e-mail off for the kind', async () => {
    const prefs = (await team.byRole.po.api.get<{ preferences: NotifyPreferencesBody }>('/api/account/notify-preferences')).body.preferences;
    await team.byRole.po.api.put('/api/account/notify-preferences', { ...prefs, routes: { ...prefs.routes, 'interrupt.escalated': ['inApp'] } });
    const before = (await outboxCounts(db.database.db)).sent ?? 0;
    await escalate(team, 'Quiet please');
    await new Promise((r) => setTimeout(r, 400));
    expect((await outboxCounts(db.database.db)).sent ?? 0).toBe(before);
    await team.byRole.po.api.put('/api/account/notify-preferences', prefs);
  });

  it('holds e-mail in quiet hours until they end', async () => {
    const prefs = (await team.byRole.po.api.get<{ preferences: NotifyPreferencesBody }>('/api/account/notify-preferences')).body.preferences;
    const hour = new Date().getUTCHours();
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
    await team.byRole.po.api.put('/api/account/notify-preferences', { ...prefs, timeZone: 'UTC', quietHours: { start: hh(hour - 1), end: hh(hour + 2) } });
    await escalate(team, 'At night');
    const r = await db.database.db.execute<{ next_attempt_at: string; status: string }>(sql`SELECT next_attempt_at, status FROM email_outbox WHERE text_body LIKE '%At night%'`);
    expect(r.rows[0]!.status).toBe('pending');
    expect(new Date(r.rows[0]!.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
    await team.byRole.po.api.put('/api/account/notify-preferences', prefs);
  });
});

describe('the outbox across restarts and instances', () => {
  it('a restart mid-queue loses nothing and sends nothing twice', async () => {
    for (const t of apps.splice(0)) await t.close();
    smtp.delayMs = 40;
    const ids = await queueMany(30, 'restart');
    const a = await app('mail-a');
    await until(() => receivedIds(ids).length >= 5, 15_000, 'a few e-mails from the first instance');
    await a.close();
    apps.splice(apps.indexOf(a), 1);
    const afterA = receivedIds(ids).length;
    expect(afterA).toBeLessThan(30);
    await app('mail-b');
    await until(() => receivedIds(ids).length >= 30, 20_000, 'all 30 e-mails');
    await new Promise((r) => setTimeout(r, 500));
    const got = receivedIds(ids).map((m) => m.messageId);
    expect(got.length).toBe(30);
    expect(new Set(got).size).toBe(30);
    smtp.delayMs = 0;
  });

  it('rows claimed by an instance that died come back when its lease runs out', async () => {
    const [id] = await queueMany(1, 'orphan');
    await db.database.db.execute(sql`UPDATE email_outbox SET claimed_by = 'dead-instance', claimed_until = now() - interval '1 second' WHERE id = ${id!}`);
    await until(() => receivedIds([id!]).length === 1, 15_000, 'the orphaned e-mail');
  });

  it('two instances sending from one outbox deliver every e-mail exactly once', async () => {
    await app('mail-c');
    const ids = await queueMany(40, 'pair');
    await until(() => receivedIds(ids).length >= 40, 20_000, 'all 40 e-mails');
    await new Promise((r) => setTimeout(r, 500));
    const got = receivedIds(ids).map((m) => m.messageId);
    expect(got.length).toBe(40);
    expect(new Set(got).size).toBe(40);
  });
});

describe('the digest', () => {
  it('gathers a person’s non-urgent e-mail into one message at their digest time', async () => {
    for (const t of apps.splice(0)) await t.close();
    let offset = 0;
    const t = await app('mail-digest', () => new Date(Date.now() + offset));
    const team = await createTeam(t.app, 'Digest');
    const prefs = (await team.byRole.po.api.get<{ preferences: NotifyPreferencesBody }>('/api/account/notify-preferences')).body.preferences;
    await team.byRole.po.api.put('/api/account/notify-preferences', { ...prefs, digestAt: '08:00' });
    await escalate(team, 'First of two');
    await escalate(team, 'Second of two');
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.filter((m) => m.to.includes(team.byRole.po.email))).toHaveLength(0);
    offset = 25 * 3_600_000;
    await until(() => smtp.mails.some((m) => m.to.includes(team.byRole.po.email)), 15_000, 'the digest');
    await new Promise((r) => setTimeout(r, 300));
    const mine = smtp.mails.filter((m) => m.to.includes(team.byRole.po.email));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toContain('Digest: 2 notifications');
    expect(mine[0]!.text).toContain('First of two');
    expect(mine[0]!.text).toContain('Second of two');
  });
});
