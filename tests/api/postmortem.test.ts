/**
 * Blameless postmortems: the timeline pre-fills from an Alertmanager-created
 * interrupt that was triaged and closed, firing-to-resolution time is
 * recorded, actions become linked cards, and another team sees it only once shared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, CardPostmortem, Postmortem, WebhookIntakeResult } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type Response, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let now = new Date('2026-11-25T08:15:00Z');

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, clock: () => now });
  team = await createTeam(t.app, 'Incidents');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

async function ok<T>(p: Promise<Response<T>>): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

function alert(fingerprint: string) {
  return {
    version: '4',
    groupKey: '{}:{alertname="PostgresReplicationLag"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'opsboard',
    groupLabels: { alertname: 'PostgresReplicationLag' },
    commonLabels: { alertname: 'PostgresReplicationLag' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'PostgresReplicationLag', instance: 'db-replica-2:9187', severity: 'critical' },
        annotations: { summary: 'Replica lag is 45s' },
        startsAt: '2026-11-25T08:14:03.123Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example:9090/graph',
        fingerprint,
      },
    ],
  };
}

describe('postmortems', () => {
  it('pre-fills the timeline from an Alertmanager interrupt triaged and closed; records MTTR; actions become linked cards; shared on request', async () => {
    const hook = await ok(team.admin.api.post<{ webhook: { id: string; url: string }; secret: string }>(`/api/teams/${team.team.id}/webhooks`, { name: 'am', kind: 'alertmanager' }));
    const res = await t.app.inject({ method: 'POST', url: new URL(hook.webhook.url).pathname, payload: JSON.stringify(alert('ab12cd34')), headers: { 'content-type': 'application/json', authorization: `Bearer ${hook.secret}` } });
    expect(res.statusCode, res.body).toBe(200);
    const cardId = (JSON.parse(res.body) as WebhookIntakeResult).cardIds[0]!;
    const member = team.byRole.member.api;
    now = new Date('2026-11-25T08:20:00Z');
    await ok(member.post(`/api/interrupts/${cardId}/triage`, { action: 'accept' }));
    now = new Date('2026-11-25T08:30:00Z');
    await ok(member.post(`/api/interrupts/${cardId}/triage`, { action: 'escalate', userId: team.byRole.po.id, note: 'DBA on call' }));
    now = new Date('2026-11-25T09:00:00Z');
    await ok(team.byRole.po.api.post(`/api/interrupts/${cardId}/triage`, { action: 'close', resolution: 'Replica rebuilt.' }));

    now = new Date('2026-11-25T10:00:00Z');
    // The card panel asks first: a critical interrupt may have one, and has none yet.
    expect(await ok(team.byRole.viewer.api.get<CardPostmortem>(`/api/cards/${cardId}/postmortem`))).toEqual({ allowed: true, reason: null, postmortem: null });
    const pm = await ok(member.post<Postmortem>(`/api/cards/${cardId}/postmortem`));
    expect(await ok(team.byRole.viewer.api.get<CardPostmortem>(`/api/cards/${cardId}/postmortem`))).toEqual({ allowed: true, reason: null, postmortem: { id: pm.id, title: pm.title, publishedAt: null } });
    expect(pm.timeline.map((e) => [e.kind, e.at])).toEqual([
      ['firing', '2026-11-25T08:14:03.123Z'],
      ['received', '2026-11-25T08:15:00.000Z'],
      ['triage', '2026-11-25T08:20:00.000Z'],
      ['escalation', '2026-11-25T08:30:00.000Z'],
      ['resolution', '2026-11-25T09:00:00.000Z'],
    ]);
    expect(pm.firingAt).toBe('2026-11-25T08:14:03.123Z');
    expect(pm.resolvedAt).toBe('2026-11-25T09:00:00.000Z');
    expect(pm.timeToResolveSeconds).toBe(2757);
    // Opening it again returns the same one.
    expect((await ok(member.post<Postmortem>(`/api/cards/${cardId}/postmortem`))).id).toBe(pm.id);

    // The template is editable; the timeline too; blame fields name no one.
    const blame = await member.patch<{ error: { details: { field: string } } }>(`/api/postmortems/${pm.id}`, { version: pm.version, contributingFactors: `${team.byRole.po.name} forgot the disk alert` });
    expect(blame.status).toBe(400);
    expect(blame.body.error.details.field).toBe('contributingFactors');
    const edited = await ok(
      member.patch<Postmortem>(`/api/postmortems/${pm.id}`, {
        version: pm.version,
        summary: 'Replica fell behind and was rebuilt.',
        impact: 'Read traffic served stale data for 45 minutes.',
        contributingFactors: 'WAL retention too short for the replica’s catch-up.',
        wentWell: 'Escalation reached the DBA in ten minutes.',
        timeline: [...pm.timeline, { at: '2026-11-25T08:40:00Z', kind: 'note', text: 'Replica rebuild started' }],
      }),
    );
    expect(edited.timeline.map((e) => e.kind)).toEqual(['firing', 'received', 'triage', 'escalation', 'note', 'resolution']);
    expect((await member.patch(`/api/postmortems/${pm.id}`, { version: pm.version, summary: 'stale' })).status).toBe(409);

    // Actions become cards, linked to the incident card.
    const withAction = await ok(member.post<Postmortem>(`/api/postmortems/${pm.id}/actions`, { title: 'Raise WAL retention', ownerId: team.byRole.member.id, board: 'selfservice' }));
    const action = withAction.actions[0]!;
    expect(action.boardId).toBe(team.boards.selfservice);
    const card = (await ok(team.admin.api.get<{ card: Card }>(`/api/cards/${action.cardId}`))).card;
    expect(card.links).toContainEqual(expect.objectContaining({ cardId }));
    expect(card.description).toContain(`/postmortems/${pm.id}`);

    // Another team sees it only after it is shared.
    const other = await createTeam(t.app, 'Other');
    expect((await other.byRole.viewer.api.get(`/api/postmortems/${pm.id}`)).status).toBe(404);
    expect(await ok(other.byRole.viewer.api.get<Postmortem[]>('/api/postmortems/published'))).toEqual([]);
    expect((await other.byRole.viewer.api.get(`/api/cards/${cardId}/postmortem`)).status).toBe(404);
    expect((await team.byRole.viewer.api.get(`/api/postmortems/${pm.id}`)).status).toBe(200);
    expect((await team.byRole.member.api.post(`/api/postmortems/${pm.id}/publish`)).status).toBe(200); // its author
    const shared = await ok(other.byRole.viewer.api.get<Postmortem>(`/api/postmortems/${pm.id}`));
    expect(shared).toMatchObject({ readOnly: true, summary: 'Replica fell behind and was rebuilt.' });
    // Listed for every team of the instance: read-only for the others, editable for its own.
    expect((await ok(other.byRole.viewer.api.get<Postmortem[]>('/api/postmortems/published'))).map((p) => [p.id, p.readOnly])).toEqual([[pm.id, true]]);
    expect((await ok(team.byRole.viewer.api.get<Postmortem[]>('/api/postmortems/published'))).map((p) => [p.id, p.readOnly])).toEqual([[pm.id, false]]);
    expect((await other.byRole.viewer.api.patch(`/api/postmortems/${pm.id}`, { version: shared.version, summary: 'x' })).status).toBe(404);
    expect((await ok(team.byRole.viewer.api.get<Postmortem[]>(`/api/teams/${team.team.id}/postmortems`))).map((p) => p.id)).toEqual([pm.id]);
  });

  it('is only for critical/high interrupts and incident cards; bad input names the field', async () => {
    const plain = await ok(team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Ordinary story' }));
    expect((await team.admin.api.post(`/api/cards/${plain.id}/postmortem`)).status).toBe(409);
    const asked = await ok(team.admin.api.get<CardPostmortem>(`/api/cards/${plain.id}/postmortem`));
    expect(asked).toMatchObject({ allowed: false, postmortem: null });
    expect(asked.reason).toContain('critical or high');
    expect((await team.admin.api.get(`/api/cards/not-an-id/postmortem`)).status).toBe(400);
    const incident = await ok(team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Outage of the wiki', labels: ['incident'] }));
    const pm = await ok(team.admin.api.post<Postmortem>(`/api/cards/${incident.id}/postmortem`));
    expect(pm.timeline).toEqual([]);
    expect(pm.timeToResolveSeconds).toBeNull();
    expect((await team.byRole.viewer.api.post(`/api/cards/${incident.id}/postmortem`)).status).toBe(403);
    const bad = await team.admin.api.patch<{ error: { message: string } }>(`/api/postmortems/${pm.id}`, { version: pm.version, timeline: [{ at: 'yesterday', kind: 'note', text: 'x' }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('timeline');
    const owner = await team.admin.api.post(`/api/postmortems/${pm.id}/actions`, { title: 'x', ownerId: team.byRole.viewer.id, board: 'planned' });
    expect(owner.status).toBe(400);
    expect(JSON.stringify(owner.body)).toContain('ownerId');
    const snap = await ok(team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`));
    expect(snap.cards.filter((c) => c.title === 'x')).toEqual([]);
  });
});
