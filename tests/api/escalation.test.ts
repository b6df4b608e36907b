/**
 * Escalation to acknowledge (issue 15): a critical interrupt nobody triages
 * within the team's ack timeout goes to the next person in the rotation, then
 * to the team's admins. Driven by a fake clock both instances read; the sweep
 * is called directly (the background loop is off, so counts are the test's
 * own) except in the last test, which shows the loop runs it by itself.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Interrupt, InterruptItem, Notification, RotationInfo } from '@opsboard/shared';
import { connectPostgres, type Database } from '../../server/src/db/database.js';
import { runEscalations } from '../../server/src/interrupts/escalation.js';
import { createTeam, createTestDatabase, DB_KIND, signup, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';
import { until } from '../helpers/smtp.js';

// One clock both instances read; the test moves it.
let now = new Date('2031-03-03T10:00:00.000Z');
const clock = () => now;
const advance = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

const QUIET = { escalations: false, hooks: { pollMs: 50, baseDelayMs: 100, maxDelayMs: 200 } };

let db: TestDatabase;
let bDatabase: Database;
let a: TestApp;
let b: TestApp;
let team: TestTeam;
let secondAdmin: TestUser;
let receiver: http.Server;
let base = '';
const chat: string[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/chat') chat.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  db = await createTestDatabase();
  a = await startTestApp({ database: db.database, clock, instanceId: 'escalate-a', config: { webhooksAllowPrivate: true }, notify: QUIET });
  // On PostgreSQL, B has its own pool: the two sweeps really race in two sessions.
  bDatabase = DB_KIND === 'postgres' ? connectPostgres({ url: db.url!, applicationName: 'opsboard-escalate-b', onPoolError: () => undefined }) : db.database;
  b = await startTestApp({ database: bDatabase, clock, instanceId: 'escalate-b', config: { webhooksAllowPrivate: true }, notify: QUIET });
  team = await createTeam(a.app, 'Escalate');
  secondAdmin = await signup(a.app, 'Escalate second admin');
  expect((await team.admin.api.post(`/api/teams/${team.team.id}/invitations`, { email: secondAdmin.email, role: 'admin' })).status).toBe(201);
  // The member is PoTW now; the po is next in the rotation.
  const rotation = await team.admin.api.put<RotationInfo>(`/api/teams/${team.team.id}/rotation`, {
    memberIds: [team.byRole.member.id, team.byRole.po.id],
    handoffWeekday: 1,
    handoffTime: '09:00',
    timezone: 'Europe/Berlin',
    ackTimeoutMinutes: 15,
  });
  expect(rotation.status, JSON.stringify(rotation.body)).toBe(200);
  expect(rotation.body.current?.userId).toBe(team.byRole.member.id);
  expect(rotation.body.settings?.ackTimeoutMinutes).toBe(15);
  const hook = await team.admin.api.post(`/api/teams/${team.team.id}/outgoing-hooks`, { name: 'Ops channel', url: `${base}/chat`, format: 'slack' });
  expect(hook.status, JSON.stringify(hook.body)).toBe(201);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  if (bDatabase !== db?.database) await bDatabase?.close();
  await db?.close();
  await new Promise((r) => receiver?.close(r));
});

async function raise(title: string, severity: 'critical' | 'high' = 'critical'): Promise<string> {
  const res = await team.admin.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title, severity });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.card.id;
}

/** The 'interrupt.unacknowledged' notices a person has about one card. */
async function unacked(user: TestUser, cardId: string): Promise<Notification[]> {
  const res = await user.api.get<Notification[]>('/api/notifications');
  expect(res.status).toBe(200);
  return res.body.filter((n) => n.kind === 'interrupt.unacknowledged' && n.cardId === cardId);
}

async function interruptOf(cardId: string): Promise<Interrupt> {
  const items = (await team.admin.api.get<InterruptItem[]>(`/api/teams/${team.team.id}/interrupts`)).body;
  return items.find((i) => i.card.id === cardId)!.interrupt;
}

async function escalationEvents(cardId: string): Promise<{ type: string; actorId: string | null; payload: { level: number; userIds: string[]; interrupt: Interrupt } }[]> {
  const res = await team.admin.api.get<{ events: { type: string; subjectId?: string; actorId: string | null; payload: { level: number; userIds: string[]; interrupt: Interrupt } }[] }>(
    `/api/boards/${team.boards.interrupts}/events?since=0`,
  );
  return res.body.events.filter((e) => e.type === 'interrupt.unacknowledged' && e.payload.interrupt.cardId === cardId);
}

const everyone = () => [team.admin, secondAdmin, team.byRole.po, team.byRole.member, team.byRole.viewer];

describe('escalation to acknowledge', () => {
  it('a critical interrupt nobody triages: after the timeout the next person in the rotation, after another the admins; each once', async () => {
    const cardId = await raise('Payments API down');
    // One minute short of the timeout: nothing yet.
    advance(14);
    await runEscalations(a.services);
    for (const u of everyone()) expect(await unacked(u, cardId), u.name).toHaveLength(0);

    advance(1);
    expect(await runEscalations(a.services)).toBe(1);
    const toNext = await unacked(team.byRole.po, cardId);
    expect(toNext).toHaveLength(1);
    expect(toNext[0]!.title).toContain('Payments API down');
    expect(toNext[0]!.body).toContain('next in the rotation');
    for (const u of [team.admin, secondAdmin, team.byRole.member, team.byRole.viewer]) expect(await unacked(u, cardId), u.name).toHaveLength(0);
    expect((await interruptOf(cardId)).ackEscalation).toEqual({ level: 1, at: now.toISOString(), userIds: [team.byRole.po.id] });
    // Swept again at once: the level has fired, the next is not due.
    expect(await runEscalations(b.services)).toBe(0);

    advance(14);
    expect(await runEscalations(a.services)).toBe(0);
    advance(1);
    expect(await runEscalations(b.services)).toBe(1);
    for (const admin of [team.admin, secondAdmin]) expect(await unacked(admin, cardId), admin.name).toHaveLength(1);
    expect(await unacked(team.byRole.po, cardId)).toHaveLength(1);
    expect(await unacked(team.byRole.member, cardId)).toHaveLength(0);
    const escalated = await interruptOf(cardId);
    expect(escalated.ackEscalation?.level).toBe(2);
    expect([...escalated.ackEscalation!.userIds].sort()).toEqual([team.admin.id, secondAdmin.id].sort());

    // Nothing after the admins, however long it waits.
    advance(600);
    expect(await runEscalations(a.services)).toBe(0);
    const events = await escalationEvents(cardId);
    expect(events.map((e) => [e.payload.level, e.actorId])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(events[0]!.payload.userIds).toEqual([team.byRole.po.id]);
    // The board snapshot (what open pages fold the event into) shows the level reached.
    const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.interrupts}`)).body;
    expect(snapshot.interrupts.find((i) => i.cardId === cardId)?.ackEscalation?.level).toBe(2);
  });

  it('triaging stops it: a critical interrupt triaged in time never escalates, nor does one triaged after level 1', async () => {
    const quick = await raise('Disk full on db-1');
    const slow = await raise('Cert expired on the status page');
    advance(5);
    expect((await team.byRole.member.api.post(`/api/interrupts/${quick}/triage`, { action: 'accept' })).status).toBe(200);
    advance(10);
    await runEscalations(a.services);
    expect((await interruptOf(slow)).ackEscalation?.level).toBe(1);
    expect((await team.byRole.member.api.post(`/api/interrupts/${slow}/triage`, { action: 'accept' })).status).toBe(200);
    advance(600);
    await runEscalations(a.services);
    await runEscalations(b.services);
    expect(await escalationEvents(quick)).toHaveLength(0);
    expect((await escalationEvents(slow)).map((e) => e.payload.level)).toEqual([1]);
    for (const u of everyone()) expect(await unacked(u, quick), u.name).toHaveLength(0);
    for (const admin of [team.admin, secondAdmin]) expect(await unacked(admin, slow)).toHaveLength(0);
    expect((await interruptOf(quick)).ackEscalation).toBeNull();
  });

  it('a high (not critical) interrupt does not escalate', async () => {
    const cardId = await raise('Backups slow', 'high');
    advance(600);
    await runEscalations(a.services);
    expect(await escalationEvents(cardId)).toHaveLength(0);
    for (const u of everyone()) expect(await unacked(u, cardId), u.name).toHaveLength(0);
    expect((await interruptOf(cardId)).ackEscalation).toBeNull();
  });

  it('two instances sweeping at the same moment deliver each level exactly once', async () => {
    const cardIds = [await raise('Core router down'), await raise('DNS resolution failing'), await raise('Queue backlog growing')];
    for (const level of [1, 2]) {
      advance(15);
      const fired = await Promise.all([runEscalations(a.services), runEscalations(b.services), runEscalations(a.services), runEscalations(b.services)]);
      expect(fired.reduce((x, y) => x + y, 0), `level ${level}`).toBe(cardIds.length);
    }
    for (const cardId of cardIds) {
      expect((await escalationEvents(cardId)).map((e) => e.payload.level)).toEqual([1, 2]);
      expect(await unacked(team.byRole.po, cardId)).toHaveLength(1);
      for (const admin of [team.admin, secondAdmin]) expect(await unacked(admin, cardId)).toHaveLength(1);
    }
  });

  it('the team chat hears of each escalation, naming who it went to', async () => {
    await until(() => chat.some((c) => c.includes('Payments API down') && c.includes('next in the rotation')), 15_000, 'level 1 in chat');
    await until(() => chat.some((c) => c.includes('Payments API down') && c.includes('team admins')), 15_000, 'level 2 in chat');
    const level1 = JSON.parse(chat.find((c) => c.includes('Payments API down') && c.includes('next in the rotation'))!) as { text: string };
    expect(level1.text).toContain(`@${team.byRole.po.name}`);
    const level2 = JSON.parse(chat.find((c) => c.includes('Payments API down') && c.includes('team admins'))!) as { text: string };
    expect(level2.text).toContain(`@${team.admin.name}`);
    expect(level2.text).toContain(`@${secondAdmin.name}`);
    // Each once, although two instances dispatch hooks.
    await until(() => chat.filter((c) => c.includes('Queue backlog growing') && c.includes('⏰')).length >= 2, 15_000, 'the raced escalations in chat');
    await new Promise((r) => setTimeout(r, 500));
    expect(chat.filter((c) => c.includes('Queue backlog growing') && c.includes('⏰'))).toHaveLength(2);
    // The high one and the ones triaged in time never reached the channel as escalations.
    expect(chat.filter((c) => (c.includes('Backups slow') || c.includes('Disk full on db-1')) && c.includes('⏰'))).toEqual([]);
  });

  it('the ack timeout is the team’s: 400 naming the field for a bad value (nothing changes), null turns escalation off', async () => {
    const url = `/api/teams/${team.team.id}/rotation`;
    const before = (await team.admin.api.get<RotationInfo>(url)).body.settings!;
    const { ackTimeoutMinutes: _current, ...schedule } = before;
    for (const bad of [0, -5, 1441, 2.5, 'x']) {
      const res = await team.admin.api.put<{ error: { code: string; details: { field?: string } } }>(url, { ...schedule, ackTimeoutMinutes: bad });
      expect(res.status, `${JSON.stringify(bad)}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(JSON.stringify(res.body.error)).toContain('ackTimeoutMinutes');
    }
    expect((await team.admin.api.get<RotationInfo>(url)).body.settings).toEqual(before);
    // Absent: unchanged.
    expect((await team.admin.api.put<RotationInfo>(url, schedule)).body.settings?.ackTimeoutMinutes).toBe(15);
    // Only an admin sets it.
    expect((await team.byRole.member.api.put(url, { ...schedule, ackTimeoutMinutes: 5 })).status).toBe(403);

    const off = await team.admin.api.put<RotationInfo>(url, { ...schedule, ackTimeoutMinutes: null });
    expect(off.status).toBe(200);
    expect(off.body.settings?.ackTimeoutMinutes).toBeNull();
    const cardId = await raise('Nobody is paged for this');
    advance(600);
    expect(await runEscalations(a.services)).toBe(0);
    expect(await escalationEvents(cardId)).toHaveLength(0);

    // Back on with 5 minutes: the waiting interrupt escalates on the next sweep.
    const on = await team.admin.api.put<RotationInfo>(url, { ...schedule, ackTimeoutMinutes: 5 });
    expect(on.body.settings?.ackTimeoutMinutes).toBe(5);
    const teamEvents = (await team.admin.api.get<{ events: { type: string; payload: { settings?: { ackTimeoutMinutes?: number | null } } }[] }>(`/api/boards/${team.team.id}/events?since=0`)).body.events;
    expect(teamEvents.filter((e) => e.type === 'rotation.updated').at(-1)?.payload.settings?.ackTimeoutMinutes).toBe(5);
    expect(await runEscalations(a.services)).toBe(1);
    expect(await unacked(team.byRole.po, cardId)).toHaveLength(1);
  });

  it('the background loop of an instance sweeps by itself', async () => {
    const looping = await startTestApp({ database: db.database, clock, instanceId: 'escalate-loop', notify: { escalations: true, hooks: { pollMs: 50 } } });
    try {
      const cardId = await raise('Left alone');
      advance(5);
      await until(async () => (await unacked(team.byRole.po, cardId)).length === 1, 15_000, 'the loop’s level 1');
    } finally {
      await looping.close();
    }
  });
});
