import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Handoff, InterruptFigures, InterruptItem, Notification, RotationInfo, TriageResult, WebhookIntakeResult } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
// Wednesday 25 Nov 2026, 10:00 in Berlin: Monday 09:00 hand-offs on the 23rd and the 30th.
let now = Date.parse('2026-11-25T09:00:00Z');
const clock = () => new Date(now);

type Err = { error: { code: string; message: string; details?: { field?: string } } };

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, clock, listen: true });
  team = await createTeam(t.app, 'Potw');
  const order = [team.byRole.member.id, team.byRole.po.id, team.admin.id];
  const res = await team.admin.api.put<RotationInfo>(`/api/teams/${team.team.id}/rotation`, { memberIds: order, handoffWeekday: 1, handoffTime: '09:00', timezone: 'Europe/Berlin' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const inbox = async () => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.interrupts}`)).body;

async function hook(kind: 'generic' | 'alertmanager') {
  const res = await team.admin.api.post<{ webhook: { id: string; url: string }; secret: string }>(`/api/teams/${team.team.id}/webhooks`, { name: `${kind} hook`, kind });
  expect(res.status).toBe(201);
  return res.body;
}

async function post(url: string, body: unknown, secret: string | null, raw = false) {
  const res = await t.app.inject({
    method: 'POST',
    url: new URL(url).pathname,
    payload: raw ? String(body) : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(secret !== null && { authorization: `Bearer ${secret}` }) },
  });
  return { status: res.statusCode, body: JSON.parse(res.body) as WebhookIntakeResult & Err };
}

function alertmanagerPayload(status: 'firing' | 'resolved', alerts: { fingerprint: string; name?: string; instance?: string; severity?: string; status?: 'firing' | 'resolved' }[]) {
  return {
    version: '4',
    groupKey: '{}:{alertname="PostgresReplicationLag"}',
    truncatedAlerts: 0,
    status,
    receiver: 'opsboard',
    groupLabels: { alertname: 'PostgresReplicationLag' },
    commonLabels: { alertname: 'PostgresReplicationLag', job: 'postgres' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    alerts: alerts.map((a) => ({
      status: a.status ?? status,
      labels: { alertname: a.name ?? 'PostgresReplicationLag', instance: a.instance ?? 'db-replica-2:9187', severity: a.severity ?? 'critical', job: 'postgres' },
      annotations: { summary: 'Replica lag is 45s', description: 'Streaming replication has fallen behind the primary.', runbook_url: 'https://runbooks.example/pg-lag' },
      startsAt: '2026-11-25T08:14:03.123456789Z',
      endsAt: status === 'resolved' ? '2026-11-25T09:20:00Z' : '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example:9090/graph?g0.expr=pg_replication_lag%3E30',
      fingerprint: a.fingerprint,
    })),
  };
}

describe('rotation', () => {
  it('answers who is PoTW now and next, and who was at a past instant', async () => {
    const info = (await team.byRole.viewer.api.get<RotationInfo>(`/api/teams/${team.team.id}/rotation`)).body;
    expect(info.current?.userId).toBe(team.byRole.member.id);
    expect(info.current?.end).toBe('2026-11-30T08:00:00.000Z'); // Monday 09:00 CET
    expect(info.next?.userId).toBe(team.byRole.po.id);
    expect(info.upcoming.length).toBeGreaterThan(3);
    const nextWeek = await team.admin.api.get<{ shift: { userId: string } | null }>(`/api/teams/${team.team.id}/potw?at=2026-12-01T12:00:00Z`);
    expect(nextWeek.body.shift?.userId).toBe(team.byRole.po.id);
    // Before the rotation was set up nobody was on duty.
    const before = await team.admin.api.get<{ shift: { userId: string } | null }>(`/api/teams/${team.team.id}/potw?at=2026-11-24T12:00:00Z`);
    expect(before.body.shift).toBeNull();
  });

  it('a cover override puts someone else on duty for its range; cancelling it restores the schedule', async () => {
    const res = await team.admin.api.post<RotationInfo>(`/api/teams/${team.team.id}/rotation/overrides`, {
      kind: 'cover',
      userId: team.admin.id,
      start: '2026-11-25T08:00:00Z',
      end: '2026-11-26T08:00:00Z',
      reason: 'Dentist',
    });
    expect(res.status).toBe(201);
    expect(res.body.current?.userId).toBe(team.admin.id);
    const id = res.body.overrides[0]!.id;
    const back = await team.admin.api.del<RotationInfo>(`/api/teams/${team.team.id}/rotation/overrides/${id}`);
    expect(back.body.current?.userId).toBe(team.byRole.member.id);
  });

  it('400s: a cover that ends before it starts, a stranger in the rotation, a bad time zone', async () => {
    const backwards = await team.admin.api.post<Err>(`/api/teams/${team.team.id}/rotation/overrides`, { kind: 'cover', userId: team.admin.id, start: '2026-11-26T08:00:00Z', end: '2026-11-25T08:00:00Z' });
    expect(backwards.body.error.details?.field).toBe('end');
    const other = await createTeam(t.app, 'Elsewhere');
    const stranger = await team.admin.api.put<Err>(`/api/teams/${team.team.id}/rotation`, { memberIds: [other.admin.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC' });
    expect(stranger.body.error.details?.field).toBe('memberIds[0]');
    const tz = await team.admin.api.put<Err>(`/api/teams/${team.team.id}/rotation`, { memberIds: [], handoffWeekday: 1, handoffTime: '09:00', timezone: 'Mars/Olympus' });
    expect(tz.body.error.details?.field).toBe('timezone');
    const time = await team.admin.api.put<Err>(`/api/teams/${team.team.id}/rotation`, { memberIds: [], handoffWeekday: 1, handoffTime: '25:00', timezone: 'UTC' });
    expect(time.body.error.details?.field).toBe('handoffTime');
  });

  it('only an admin changes the rotation', async () => {
    const res = await team.byRole.po.api.put(`/api/teams/${team.team.id}/rotation`, { memberIds: [team.byRole.po.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC' });
    expect(res.status).toBe(403);
  });
});

describe('intake', () => {
  it('an interrupt raised in the UI lands in the inbox, assigned to the PoTW, live on the board', async () => {
    const watcher = new WsClient({ baseUrl: t.baseUrl, token: team.byRole.viewer.token });
    await watcher.connect();
    await watcher.openBoard(team.boards.interrupts);
    const res = await team.byRole.po.api.post<{ card: Card; interrupt: { status: string; source: string; assignedPotwId: string } }>(`/api/teams/${team.team.id}/interrupts`, {
      title: 'Grant read access to prod logs',
      requester: 'Payments team',
      severity: 'low',
    });
    expect(res.status).toBe(201);
    const snapshot = await inbox();
    expect(res.body.card.columnId).toBe(snapshot.columns[0]!.id);
    expect(res.body.card.assigneeIds).toEqual([team.byRole.member.id]);
    expect(res.body.interrupt).toMatchObject({ status: 'untriaged', source: 'ui', assignedPotwId: team.byRole.member.id });
    await watcher.waitFor(() => watcher.boards.get(team.boards.interrupts)!.interrupts.has(res.body.card.id));
    expect(watcher.snapshotOf(team.boards.interrupts)).toEqual(await inbox());
    watcher.kill();
  });

  it('the generic webhook creates a card, deduplicates by key, and refuses bad secrets and bad bodies', async () => {
    const h = await hook('generic');
    const first = await post(h.webhook.url, { title: 'Backup job failed on nas-01', severity: 'high', dedupKey: 'backup-nas-01' }, h.secret);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 1, updated: 0 });
    const again = await post(h.webhook.url, { title: 'Backup job failed on nas-01', severity: 'high', dedupKey: 'backup-nas-01' }, h.secret);
    expect(again.body).toMatchObject({ created: 0, updated: 1, cardIds: first.body.cardIds });
    const items = (await team.admin.api.get<InterruptItem[]>(`/api/teams/${team.team.id}/interrupts`)).body;
    expect(items.find((i) => i.card.id === first.body.cardIds[0])?.interrupt.occurrences).toBe(2);

    const before = (await inbox()).seq;
    expect((await post(h.webhook.url, { title: 'x' }, null)).status).toBe(401);
    expect((await post(h.webhook.url, { title: 'x' }, 'obh_wrong')).status).toBe(401);
    expect((await post(h.webhook.url, { title: 'x' }, `${h.secret}extra`)).status).toBe(401);
    const noTitle = await post(h.webhook.url, { severity: 'high' }, h.secret);
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.details?.field).toBe('title');
    const unknown = await post(h.webhook.url, { title: 'x', colour: 'red' }, h.secret);
    expect(unknown.body.error.details?.field).toBe('colour');
    expect((await post(h.webhook.url, '{"title": ', h.secret, true)).body.error.code).toBe('invalid_json');
    expect((await inbox()).seq).toBe(before);

    expect((await team.admin.api.del(`/api/teams/${team.team.id}/webhooks/${h.webhook.id}`)).status).toBe(200);
    expect((await post(h.webhook.url, { title: 'after revoke' }, h.secret)).status).toBe(401);
    const hooks = await team.admin.api.get<{ id: string }[]>(`/api/teams/${team.team.id}/webhooks`);
    expect(hooks.body.map((x) => x.id)).not.toContain(h.webhook.id);
    expect(JSON.stringify(hooks.body)).not.toContain(h.secret);
  });

  it('the generic webhook resolves what it raised by dedupKey; firing again raises it again; an unknown key is a clear 404', async () => {
    // A team of its own, so the figures below keep their counts.
    const own = await createTeam(t.app, 'Resolve');
    const created = await own.admin.api.post<{ webhook: { url: string }; secret: string }>(`/api/teams/${own.team.id}/webhooks`, { name: 'cron', kind: 'generic' });
    const h = created.body;
    const board = async () => (await own.admin.api.get<BoardSnapshot>(`/api/boards/${own.boards.interrupts}`)).body;
    const interruptOf = async (cardId: string) => (await own.admin.api.get<InterruptItem[]>(`/api/teams/${own.team.id}/interrupts`)).body.find((i) => i.card.id === cardId)!.interrupt;
    const body = { title: 'Nightly backup failed on nas-01', severity: 'high', dedupKey: 'backup-nas-01' };

    const raised = await post(h.webhook.url, { ...body, status: 'firing' }, h.secret);
    expect(raised.body).toMatchObject({ created: 1, updated: 0, resolved: 0 });
    const cardId = raised.body.cardIds[0]!;

    const resolved = await post(h.webhook.url, { dedupKey: 'backup-nas-01', status: 'resolved' }, h.secret);
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toEqual({ created: 0, updated: 0, resolved: 1, cardIds: [cardId] });
    expect((await interruptOf(cardId)).resolvedBySourceAt).not.toBeNull();
    const after = await board();
    expect(after.cards.find((c) => c.id === cardId)?.columnId).toBe(after.columns[0]!.id);
    const events = (await own.admin.api.get<{ events: { type: string }[] }>(`/api/boards/${own.boards.interrupts}/events?since=0`)).body.events;
    expect(events.at(-1)?.type).toBe('interrupt.resolved_by_source');

    // A retry of the resolve changes nothing.
    const again = await post(h.webhook.url, { dedupKey: 'backup-nas-01', status: 'resolved' }, h.secret);
    expect(again.body).toEqual({ created: 0, updated: 0, resolved: 0, cardIds: [cardId] });
    expect((await board()).seq).toBe(after.seq);

    // Firing again: the same card, raised again.
    const refired = await post(h.webhook.url, body, h.secret);
    expect(refired.body).toMatchObject({ created: 0, updated: 1, cardIds: [cardId] });
    expect(await interruptOf(cardId)).toMatchObject({ resolvedBySourceAt: null, occurrences: 2 });
    // The sender may post the same body with only the status changed.
    expect((await post(h.webhook.url, { ...body, status: 'resolved' }, h.secret)).body).toMatchObject({ resolved: 1, cardIds: [cardId] });

    const before = (await board()).seq;
    const unknown = await post(h.webhook.url, { dedupKey: 'never-raised', status: 'resolved' }, h.secret);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'not_found', details: { field: 'dedupKey' } });
    expect(unknown.body.error.message).toContain('never-raised');
    const noKey = await post(h.webhook.url, { status: 'resolved' }, h.secret);
    expect([noKey.status, noKey.body.error.details?.field]).toEqual([400, 'dedupKey']);
    const badStatus = await post(h.webhook.url, { ...body, status: 'gone' }, h.secret);
    expect([badStatus.status, badStatus.body.error.details?.field]).toEqual([400, 'status']);
    const noTitle = await post(h.webhook.url, { dedupKey: 'backup-nas-01' }, h.secret);
    expect([noTitle.status, noTitle.body.error.details?.field]).toEqual([400, 'title']);
    expect((await board()).seq).toBe(before);
  });

  it('only admins manage webhook secrets', async () => {
    expect((await team.byRole.po.api.post(`/api/teams/${team.team.id}/webhooks`, { name: 'x', kind: 'generic' })).status).toBe(403);
    expect((await team.byRole.member.api.get(`/api/teams/${team.team.id}/webhooks`)).status).toBe(403);
  });

  it('Alertmanager: firing → card; the same alert again → same card updated; resolved → card marked, still in sight', async () => {
    const h = await hook('alertmanager');
    const firing = await post(h.webhook.url, alertmanagerPayload('firing', [{ fingerprint: 'c3d4a9f1e2b7a6d5' }]), h.secret);
    expect(firing.status, JSON.stringify(firing.body)).toBe(200);
    expect(firing.body.created).toBe(1);
    const cardId = firing.body.cardIds[0]!;
    // Retries and the second HA peer send the same alert again.
    for (let i = 0; i < 3; i++) {
      const repeat = await post(h.webhook.url, alertmanagerPayload('firing', [{ fingerprint: 'c3d4a9f1e2b7a6d5' }]), h.secret);
      expect(repeat.body).toMatchObject({ created: 0, updated: 1, cardIds: [cardId] });
    }
    let item = (await team.admin.api.get<InterruptItem[]>(`/api/teams/${team.team.id}/interrupts`)).body.find((i) => i.card.id === cardId)!;
    expect(item.card.title).toBe('PostgresReplicationLag on db-replica-2:9187: Replica lag is 45s');
    expect(item.card.assigneeIds).toEqual([team.byRole.member.id]);
    expect(item.interrupt).toMatchObject({ source: 'alertmanager', severity: 'critical', occurrences: 4, resolvedBySourceAt: null });
    expect(item.interrupt.alert).toMatchObject({ name: 'PostgresReplicationLag', fingerprint: 'c3d4a9f1e2b7a6d5', startsAt: '2026-11-25T08:14:03.123Z' });
    expect(item.card.description).toContain('runbooks.example');

    const resolved = await post(h.webhook.url, alertmanagerPayload('resolved', [{ fingerprint: 'c3d4a9f1e2b7a6d5' }]), h.secret);
    expect(resolved.body).toMatchObject({ resolved: 1, cardIds: [cardId] });
    item = (await team.admin.api.get<InterruptItem[]>(`/api/teams/${team.team.id}/interrupts`)).body.find((i) => i.card.id === cardId)!;
    expect(item.interrupt.resolvedBySourceAt).not.toBeNull();
    expect(item.card.columnId).toBe((await inbox()).columns[0]!.id);
    const resolvedAgain = await post(h.webhook.url, alertmanagerPayload('resolved', [{ fingerprint: 'c3d4a9f1e2b7a6d5' }]), h.secret);
    expect(resolvedAgain.body.resolved).toBe(0);
  });

  it('Alertmanager: a batch of several alerts lands in one go', async () => {
    const h = await hook('alertmanager');
    const res = await post(
      h.webhook.url,
      alertmanagerPayload('firing', [
        { fingerprint: 'aaa1', name: 'DiskFull', instance: 'ci-runner-07', severity: 'warning' },
        { fingerprint: 'aaa2', name: 'DiskFull', instance: 'ci-runner-08', severity: 'warning' },
        { fingerprint: 'aaa3', name: 'NodeDown', instance: 'k8s-node-3', severity: 'page' },
      ]),
      h.secret,
    );
    expect(res.body).toMatchObject({ created: 3, updated: 0 });
    const items = (await team.admin.api.get<InterruptItem[]>(`/api/teams/${team.team.id}/interrupts`)).body.filter((i) => res.body.cardIds.includes(i.card.id));
    expect(items.map((i) => i.interrupt.severity).sort()).toEqual(['critical', 'medium', 'medium']);
  });

  it('Alertmanager: wrong secret → 401 and nothing written; malformed JSON or a wrong schema → 400 naming what is wrong', async () => {
    const h = await hook('alertmanager');
    const before = (await inbox()).seq;
    expect((await post(h.webhook.url, alertmanagerPayload('firing', [{ fingerprint: 'zzz' }]), 'obh_not_it')).status).toBe(401);
    const basicWrong = await t.app.inject({
      method: 'POST',
      url: new URL(h.webhook.url).pathname,
      payload: JSON.stringify(alertmanagerPayload('firing', [{ fingerprint: 'zzz' }])),
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('alertmanager:nope').toString('base64')}` },
    });
    expect(basicWrong.statusCode).toBe(401);
    expect((await post(h.webhook.url, '{"version":"4","alerts":[', h.secret, true)).body.error.code).toBe('invalid_json');
    const v3 = await post(h.webhook.url, { ...alertmanagerPayload('firing', [{ fingerprint: 'zzz' }]), version: '3' }, h.secret);
    expect(v3.status).toBe(400);
    expect(v3.body.error.details?.field).toBe('version');
    const noFingerprint = alertmanagerPayload('firing', [{ fingerprint: 'zzz' }]);
    delete (noFingerprint.alerts[0] as Partial<(typeof noFingerprint.alerts)[0]>).fingerprint;
    const missing = await post(h.webhook.url, noFingerprint, h.secret);
    expect(missing.body.error.details?.field).toBe('alerts[0].fingerprint');
    expect((await inbox()).seq).toBe(before);
    // Basic auth with the secret as password works, as Alertmanager's basic_auth sends it.
    const basicOk = await t.app.inject({
      method: 'POST',
      url: new URL(h.webhook.url).pathname,
      payload: JSON.stringify(alertmanagerPayload('firing', [{ fingerprint: 'bbb1' }])),
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`alertmanager:${h.secret}`).toString('base64')}` },
    });
    expect(basicOk.statusCode).toBe(200);
  });
});

describe('triage', () => {
  async function raise(title: string): Promise<Card> {
    return (await team.byRole.member.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title })).body.card;
  }

  it('each action through the API, with its events on the websocket and the links it creates; time-to-triage is recorded', async () => {
    const watcher = new WsClient({ baseUrl: t.baseUrl, token: team.byRole.viewer.token });
    await watcher.connect();
    await watcher.openBoard(team.boards.interrupts);
    await watcher.openBoard(team.boards.planned);
    const escalatee = new WsClient({ baseUrl: t.baseUrl, token: team.byRole.po.token });
    await escalatee.connect();

    const [a, b, c, d, e] = [await raise('Accept me'), await raise('Escalate me'), await raise('Convert me'), await raise('Duplicate me'), await raise('Close me')];
    now += 30 * 60_000;
    const snapshot = await inbox();
    const accepted = snapshot.columns.find((col) => col.category === 'todo')!;
    const done = snapshot.columns.find((col) => col.category === 'done')!;
    const member = team.byRole.member.api;

    const r1 = await member.post<TriageResult>(`/api/interrupts/${a.id}/triage`, { action: 'accept', severity: 'high' });
    expect(r1.status, JSON.stringify(r1.body)).toBe(200);
    expect(r1.body.card.columnId).toBe(accepted.id);
    expect(r1.body.interrupt).toMatchObject({ status: 'accepted', severity: 'high', triagedBy: team.byRole.member.id });
    expect(new Date(r1.body.interrupt.triagedAt!).getTime() - new Date(r1.body.interrupt.receivedAt).getTime()).toBe(30 * 60_000);

    const r2 = await member.post<TriageResult>(`/api/interrupts/${b.id}/triage`, { action: 'escalate', userId: team.byRole.po.id, note: 'You know the SAN' });
    expect(r2.body.card.assigneeIds).toEqual([team.byRole.po.id]);
    expect(r2.body.interrupt).toMatchObject({ status: 'escalated', escalatedTo: team.byRole.po.id });
    await escalatee.waitFor(() => escalatee.messages.some((m) => m.type === 'notification'));
    const notes = (await team.byRole.po.api.get<Notification[]>('/api/notifications')).body;
    expect(notes[0]).toMatchObject({ kind: 'interrupt.escalated', cardId: b.id, boardId: team.boards.interrupts });
    expect(notes[0]!.body).toContain('You know the SAN');

    const r3 = await member.post<TriageResult>(`/api/interrupts/${c.id}/triage`, { action: 'convert', boardKind: 'planned', title: 'Automate prod log access requests' });
    expect(r3.body.interrupt.status).toBe('converted');
    expect(r3.body.created).toMatchObject({ boardId: team.boards.planned, title: 'Automate prod log access requests', links: [{ kind: 'converted_from', cardId: c.id }] });
    // The link is stored once, on the story; the interrupt shows it as incoming.
    expect(r3.body.card.links).toEqual([]);
    expect(r3.body.card.columnId).toBe(done.id);

    const r4 = await member.post<TriageResult>(`/api/interrupts/${d.id}/triage`, { action: 'duplicate', duplicateOfCardId: a.id });
    expect(r4.body.interrupt).toMatchObject({ status: 'duplicate', duplicateOfCardId: a.id });
    expect(r4.body.card.links).toEqual([{ kind: 'duplicates', cardId: a.id }]);
    const detail = await member.get<{ incoming: { kind: string; cardId: string }[] }>(`/api/cards/${a.id}`);
    expect(detail.body.incoming).toEqual([{ kind: 'duplicates', cardId: d.id }]);

    const r5 = await member.post<TriageResult>(`/api/interrupts/${e.id}/triage`, { action: 'close', resolution: 'Answered in chat; nothing to change.' });
    expect(r5.body.interrupt).toMatchObject({ status: 'closed', resolution: 'Answered in chat; nothing to change.' });
    expect(r5.body.card.columnId).toBe(done.id);

    const again = await member.post<Err>(`/api/interrupts/${e.id}/triage`, { action: 'accept' });
    expect(again.status).toBe(409);

    const [interruptsSnap, plannedSnap] = [await inbox(), (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body];
    await watcher.waitFor(() => watcher.seqOf(team.boards.interrupts) === interruptsSnap.seq && watcher.seqOf(team.boards.planned) === plannedSnap.seq);
    expect(watcher.snapshotOf(team.boards.interrupts)).toEqual(interruptsSnap);
    expect(watcher.snapshotOf(team.boards.planned)).toEqual(plannedSnap);
    const triaged = watcher.applied.filter((x) => x.type === 'interrupt.triaged');
    expect(triaged).toHaveLength(5);
    watcher.kill();
    escalatee.kill();
  });

  it('a converted interrupt and its story each list their link once', async () => {
    // A team of its own, so the figures below keep their counts.
    const own = await createTeam(t.app, 'Links');
    const interrupt = (await own.byRole.member.api.post<{ card: Card }>(`/api/teams/${own.team.id}/interrupts`, { title: 'Converted once' })).body.card;
    const res = await own.byRole.member.api.post<TriageResult>(`/api/interrupts/${interrupt.id}/triage`, { action: 'convert', boardKind: 'selfservice' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const story = res.body.created!;
    type Detail = { card: Card; incoming: { kind: string; cardId: string }[]; related: { id: string }[] };
    const links = (d: Detail) => [...d.card.links.map((l) => `${l.kind} → ${l.cardId}`), ...d.incoming.map((l) => `${l.cardId} ${l.kind} → this`)];
    const ofStory = (await own.admin.api.get<Detail>(`/api/cards/${story.id}`)).body;
    const ofInterrupt = (await own.admin.api.get<Detail>(`/api/cards/${interrupt.id}`)).body;
    expect(links(ofStory)).toEqual([`converted_from → ${interrupt.id}`]);
    expect(links(ofInterrupt)).toEqual([`${story.id} converted_from → this`]);
    expect(ofInterrupt.related.map((r) => r.id)).toEqual([story.id]);

    // The same relation stored from both ends (as conversions used to) still shows once on each card.
    const current = ofInterrupt.card;
    expect((await own.admin.api.patch(`/api/cards/${interrupt.id}`, { version: current.version, links: [{ kind: 'converted_to', cardId: story.id }] })).status).toBe(200);
    expect(links((await own.admin.api.get<Detail>(`/api/cards/${story.id}`)).body)).toEqual([`converted_from → ${interrupt.id}`]);
    expect(links((await own.admin.api.get<Detail>(`/api/cards/${interrupt.id}`)).body)).toEqual([`converted_to → ${story.id}`]);
  });

  it('a viewer cannot triage; bad bodies name the field', async () => {
    const card = await raise('Viewer tries');
    const res = await team.byRole.viewer.api.post<Err>(`/api/interrupts/${card.id}/triage`, { action: 'accept' });
    expect(res.status).toBe(403);
    const bad = await team.byRole.member.api.post<Err>(`/api/interrupts/${card.id}/triage`, { action: 'escalate', userId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.field).toBe('userId');
    const nope = await team.byRole.member.api.post<Err>(`/api/interrupts/${card.id}/triage`, { action: 'launch' });
    expect(nope.status).toBe(400);
  });

  it('the triage view lists untriaged interrupts oldest first with their age', async () => {
    const list = (await team.admin.api.get<InterruptItem[]>(`/api/teams/${team.team.id}/interrupts?status=untriaged`)).body;
    expect(list.length).toBeGreaterThan(2);
    expect(list.every((i) => i.interrupt.status === 'untriaged')).toBe(true);
    const received = list.map((i) => i.interrupt.receivedAt);
    expect(received).toEqual([...received].sort());
    expect(list[0]!.ageMs).toBeGreaterThanOrEqual(list.at(-1)!.ageMs);
  });
});

describe('hand-off and figures', () => {
  it('the hand-off draft lists open interrupts; only the outgoing PoTW or an admin saves it', async () => {
    const draft = (await team.byRole.viewer.api.get<Handoff>(`/api/teams/${team.team.id}/handoff`)).body;
    expect(draft).toMatchObject({ saved: false, fromUserId: team.byRole.member.id, toUserId: team.byRole.po.id, handoffAt: '2026-11-30T08:00:00.000Z' });
    expect(draft.summary).toContain('Untriaged');
    expect((await team.byRole.po.api.put(`/api/teams/${team.team.id}/handoff`, { summary: 'not mine' })).status).toBe(403);
    const saved = await team.byRole.member.api.put<Handoff>(`/api/teams/${team.team.id}/handoff`, { summary: 'SAN ticket waits on the vendor; the rest is calm.' });
    expect(saved.body.saved).toBe(true);
    expect((await team.byRole.po.api.get<Handoff>(`/api/teams/${team.team.id}/handoff`)).body.summary).toBe('SAN ticket waits on the vendor; the rest is calm.');
    const fresh = (await team.byRole.member.api.get<Handoff>(`/api/teams/${team.team.id}/handoff?draft=true`)).body;
    expect(fresh.saved).toBe(false);
    expect(fresh.summary).toContain('Untriaged');
  });

  it('who was PoTW at a past instant does not change when a member leaves', async () => {
    now = Date.parse('2026-12-02T10:00:00Z'); // the po's week
    const during = '2026-11-27T12:00:00Z';
    const before = (await team.admin.api.get<{ shift: { userId: string } }>(`/api/teams/${team.team.id}/potw?at=${during}`)).body.shift.userId;
    expect(before).toBe(team.byRole.member.id);
    expect((await team.admin.api.del(`/api/teams/${team.team.id}/members/${team.byRole.member.id}`)).status).toBe(200);
    const after = (await team.admin.api.get<{ shift: { userId: string } }>(`/api/teams/${team.team.id}/potw?at=${during}`)).body.shift.userId;
    expect(after).toBe(team.byRole.member.id);
    const info = (await team.admin.api.get<RotationInfo>(`/api/teams/${team.team.id}/rotation`)).body;
    expect(info.settings?.memberIds).toEqual([team.byRole.po.id, team.admin.id]);
    expect(info.current?.userId).toBe(team.byRole.po.id);
    expect(info.next?.userId).toBe(team.admin.id);
    now = Date.parse('2026-11-25T10:00:00Z');
  });

  it('figures per week: received by source and severity, time-to-triage, share of finished work', async () => {
    const figures = (await team.byRole.viewer.api.get<InterruptFigures[]>(`/api/teams/${team.team.id}/interrupts/figures?weeks=2`)).body;
    expect(figures).toHaveLength(2);
    const thisWeek = figures.at(-1)!;
    expect(thisWeek.label).toBe('2026-11-23');
    expect(thisWeek.received).toBeGreaterThan(5);
    expect(thisWeek.bySource.alertmanager).toBeGreaterThan(0);
    expect(thisWeek.bySource.webhook).toBe(1);
    expect(thisWeek.timeToTriageMs.median).toBe(30 * 60_000);
    expect(thisWeek.finished.interrupts).toBe(3); // converted, duplicate, closed
    expect(thisWeek.finished.shareByCount).toBe(1);
  });
});
