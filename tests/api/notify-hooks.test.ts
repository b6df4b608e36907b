/**
 * Outgoing webhooks and chat hooks: a receiver that checks the signature, a
 * refused private address, a retry after a 500, chat messages for what must
 * reach the channel, the test button, and exactly once across two instances.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, CreatedHook, HookDelivery, NotifyPreferencesView } from '@opsboard/shared';
import { isPrivateAddress } from '../../server/src/notify/hooks/ssrf.js';
import { verifySignature } from '../../server/src/notify/hooks/sign.js';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';
import { until } from '../helpers/smtp.js';

interface Hit {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let db: TestDatabase;
let t: TestApp;
let t2: TestApp;
let guarded: TestApp;
let team: TestTeam;
let receiver: http.Server;
let base = '';
const hits: Hit[] = [];
/** Per path: how many more requests answer 500. */
const failures = new Map<string, number>();

const FAST = { hooks: { pollMs: 50, baseDelayMs: 100, maxDelayMs: 200 } };

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const left = failures.get(path) ?? 0;
      if (left > 0) {
        failures.set(path, left - 1);
        res.writeHead(500).end('down');
        return;
      }
      hits.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, config: { webhooksAllowPrivate: true }, notify: FAST });
  t2 = await startTestApp({ database: db.database, config: { webhooksAllowPrivate: true }, notify: FAST });
  guarded = await startTestApp({ database: db.database, notify: FAST });
  team = await createTeam(t.app, 'Hooks');
});
afterAll(async () => {
  for (const a of [t, t2, guarded]) await a?.close();
  await new Promise((r) => receiver?.close(r));
  await db?.close();
});

async function addHook(body: Record<string, unknown>): Promise<CreatedHook> {
  const res = await team.admin.api.post<CreatedHook>(`/api/teams/${team.team.id}/outgoing-hooks`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const at = (path: string) => hits.filter((h) => h.path === path);

describe('the SSRF guard', () => {
  it('knows private, loopback, link-local and mapped addresses', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '192.0.2.10', '2606:4700::1111']) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('400 naming url for a loopback, a private, a link-local address or a name resolving to one, unless the instance allows them', async () => {
    const admin = team.admin.api;
    for (const url of [`${base}/x`, 'http://10.0.0.5/hook', 'http://169.254.169.254/latest/meta-data', 'http://localhost:9/hook', 'http://[::1]/hook']) {
      const res = await guarded.app.inject({ method: 'POST', url: `/api/teams/${team.team.id}/outgoing-hooks`, headers: { authorization: `Bearer ${team.admin.token}`, 'content-type': 'application/json' }, payload: { name: 'Bad', url, format: 'generic', events: ['*'] } });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect((JSON.parse(res.body) as { error: { details: { field: string } } }).error.details.field).toBe('url');
    }
    expect((await admin.get<unknown[]>(`/api/teams/${team.team.id}/outgoing-hooks`)).body).toHaveLength(0);
  });

  it('400 for a URL that is not http(s) or carries credentials', async () => {
    for (const url of ['ftp://example.com/x', 'http://user:pw@192.0.2.10/x', 'not a url']) {
      expect((await team.admin.api.post(`/api/teams/${team.team.id}/outgoing-hooks`, { name: 'Bad', url, format: 'slack' })).status, url).toBe(400);
    }
  });

  it('403 for a member: hooks are the admin’s', async () => {
    expect((await team.byRole.member.api.post(`/api/teams/${team.team.id}/outgoing-hooks`, { name: 'Mine', url: `${base}/m`, format: 'slack' })).status).toBe(403);
    expect((await team.byRole.po.api.get(`/api/teams/${team.team.id}/outgoing-hooks`)).status).toBe(403);
  });
});

describe('a generic webhook', () => {
  let created: CreatedHook;
  beforeAll(async () => {
    created = await addHook({ name: 'Audit', url: `${base}/generic`, format: 'generic', events: ['card.created'] });
  });

  it('posts each chosen event once (two instances running), signed with HMAC-SHA256 over the timestamp and body', async () => {
    const card = await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Signed card' });
    expect(card.status).toBe(201);
    await team.admin.api.patch(`/api/cards/${card.body.id}`, { version: card.body.version, title: 'Renamed (not a chosen event)' });
    await until(() => at('/generic').length >= 1, 15_000, 'the webhook');
    await new Promise((r) => setTimeout(r, 500));
    const got = at('/generic');
    expect(got).toHaveLength(1);
    const hit = got[0]!;
    const body = JSON.parse(hit.body) as { type: string; payload: { card: { title: string } } };
    expect(body.type).toBe('card.created');
    expect(body.payload.card.title).toBe('Signed card');
    const signature = String(hit.headers['opsboard-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const now = Math.floor(Date.now() / 1000);
    expect(verifySignature(created.secret, hit.body, signature, now)).toBe(true);
    expect(verifySignature('whsec_wrong', hit.body, signature, now)).toBe(false);
    expect(verifySignature(created.secret, `${hit.body} `, signature, now)).toBe(false);
    expect(verifySignature(created.secret, hit.body, signature, now + 3600)).toBe(false);
  });

  it('retries after a 500 with backoff, and the delivery log shows the attempts', async () => {
    failures.set('/generic', 2);
    const before = at('/generic').length;
    expect((await team.admin.api.post(`/api/boards/${team.boards.planned}/cards`, { title: 'After an outage' })).status).toBe(201);
    await until(() => at('/generic').length === before + 1, 15_000, 'the retried webhook');
    const log = await team.admin.api.get<HookDelivery[]>(`/api/outgoing-hooks/${created.hook.id}/deliveries`);
    expect(log.status).toBe(200);
    await until(async () => (await team.admin.api.get<HookDelivery[]>(`/api/outgoing-hooks/${created.hook.id}/deliveries`)).body[0]!.status === 'delivered', 5000, 'the log');
    const latest = (await team.admin.api.get<HookDelivery[]>(`/api/outgoing-hooks/${created.hook.id}/deliveries`)).body[0]!;
    expect(latest).toMatchObject({ eventType: 'card.created', status: 'delivered', attempts: 3, lastStatus: 200 });
  });
});

describe('chat hooks', () => {
  let slack: CreatedHook;
  beforeAll(async () => {
    slack = await addHook({ name: 'Ops channel', url: `${base}/slack`, format: 'slack' });
    await addHook({ name: 'Teams channel', url: `${base}/teams`, format: 'teams' });
  });

  it('the test button posts a test message', async () => {
    const res = await team.admin.api.post(`/api/outgoing-hooks/${slack.hook.id}/test`);
    expect(res.status).toBe(202);
    await until(() => at('/slack').some((h) => h.body.includes('test message')), 15_000, 'the test message');
  });

  it('a new critical interrupt and its escalation reach the channel; a low one does not', async () => {
    const low = await team.byRole.member.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title: 'Printer jam', severity: 'low' });
    expect(low.status, JSON.stringify(low.body)).toBe(201);
    const crit = await team.byRole.member.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title: 'Core router down', severity: 'critical' });
    expect(crit.status, JSON.stringify(crit.body)).toBe(201);
    await until(() => at('/slack').some((h) => h.body.includes('Core router down')), 15_000, 'the critical interrupt in chat');
    const msg = JSON.parse(at('/slack').find((h) => h.body.includes('Core router down'))!.body) as { text: string };
    expect(msg.text).toContain('New critical interrupt');
    await until(() => at('/teams').some((h) => h.body.includes('Core router down')), 15_000, 'the Teams card');
    expect(JSON.parse(at('/teams').find((h) => h.body.includes('Core router down'))!.body)).toMatchObject({ '@type': 'MessageCard' });

    const esc = await team.byRole.member.api.post(`/api/interrupts/${crit.body.card.id}/triage`, { action: 'escalate', userId: team.byRole.po.id });
    expect(esc.status).toBe(200);
    await until(() => at('/slack').some((h) => h.body.includes('Escalated')), 15_000, 'the escalation in chat');
    expect(at('/slack').find((h) => h.body.includes('Escalated'))!.body).toContain(team.byRole.po.name);
    expect(at('/slack').some((h) => h.body.includes('Printer jam'))).toBe(false);
    expect(at('/slack').filter((h) => h.body.includes('Core router down') && h.body.includes('New critical'))).toHaveLength(1);
  });

  it("an escalation mentions the person by their chat handle when they route it to chat, by name otherwise", async () => {
    const po = team.byRole.po;
    const prefs = (await po.api.get<NotifyPreferencesView>('/api/account/notify-preferences')).body.preferences;
    const routes = { ...prefs.routes, 'interrupt.escalated': ['inApp', 'chat'] };
    const saved = await po.api.put<NotifyPreferencesView>('/api/account/notify-preferences', { ...prefs, routes, chatHandle: '@U0PO1234' });
    expect(saved.status).toBe(200);
    expect(saved.body.preferences.chatHandle).toBe('U0PO1234');
    const escalate = async (title: string) => {
      const crit = await team.byRole.member.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title, severity: 'critical' });
      expect((await team.byRole.member.api.post(`/api/interrupts/${crit.body.card.id}/triage`, { action: 'escalate', userId: po.id })).status).toBe(200);
      await until(() => at('/slack').some((h) => h.body.includes(`Escalated #${crit.body.card.number} `)), 15_000, `the escalation of ${title}`);
      await until(() => at('/teams').some((h) => h.body.includes(`Escalated #${crit.body.card.number} `)), 15_000, `the Teams escalation of ${title}`);
      return {
        slack: (JSON.parse(at('/slack').find((h) => h.body.includes(`Escalated #${crit.body.card.number} `))!.body) as { text: string }).text,
        teams: at('/teams').find((h) => h.body.includes(`Escalated #${crit.body.card.number} `))!.body,
      };
    };
    // Slack pings a member ID as <@U…>; Teams gets the @handle.
    const pinged = await escalate('Disk full on db-3');
    expect(pinged.slack).toContain('to <@U0PO1234>');
    expect(pinged.teams).toContain('to @U0PO1234');
    // Without chat in the route for that kind: the name, which pings nobody.
    const { chatHandle: _none, ...withoutHandle } = prefs;
    expect((await po.api.put('/api/account/notify-preferences', { ...withoutHandle, routes: { ...prefs.routes, 'interrupt.escalated': ['inApp'] } })).status).toBe(200);
    const named = await escalate('Disk full on db-4');
    expect(named.slack).toContain(`to @${po.name}`);
    expect(named.slack).not.toContain('U0PO1234');
    // The handle was left out of that save, so it is still there.
    expect((await po.api.get<NotifyPreferencesView>('/api/account/notify-preferences')).body.preferences.chatHandle).toBe('U0PO1234');
  });

  it('a deleted hook posts nothing more', async () => {
    expect((await team.admin.api.del(`/api/outgoing-hooks/${slack.hook.id}`)).status).toBe(200);
    const before = at('/slack').length;
    await team.byRole.member.api.post(`/api/teams/${team.team.id}/interrupts`, { title: 'After delete', severity: 'critical' });
    await new Promise((r) => setTimeout(r, 600));
    expect(at('/slack').length).toBe(before);
  });
});
