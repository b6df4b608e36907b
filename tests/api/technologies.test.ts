/**
 * Issue 14: the technology catalogue with maturity assessments (seed 001).
 * Members keep the catalogue and score alone; nobody sees another's scores
 * before the reveal; only po/admin settle and override; a viewer reads;
 * another team sees nothing; Alertmanager alerts name their technology by
 * label rules; the catalogue view ranks where SS&A would pay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentSummary, AssessmentView, CardTechnologies, Technology, TechnologyDetail, TechnologyRule, TechOverview, WebhookIntakeResult } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let other: TestTeam;
const now = Date.parse('2026-11-30T10:00:00Z');
type Err = { error: { code: string; message: string; details?: { field?: string } } };
type TeamEvent = { seq: number; type: string; payload: Record<string, unknown> };

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, clock: () => new Date(now) });
  team = await createTeam(t.app, 'Maturity');
  other = await createTeam(t.app, 'Elsewhere');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const events = async (since = 0) => (await team.admin.api.get<{ events: TeamEvent[] }>(`/api/boards/${team.team.id}/events?since=${since}&limit=1000`)).body.events;
const lastSeq = async () => (await events()).at(-1)?.seq ?? 0;

async function technology(name: string, extra: Record<string, unknown> = {}) {
  const res = await team.byRole.member.api.post<Technology>(`/api/teams/${team.team.id}/technologies`, { name, ...extra });
  expect(res.status).toBe(201);
  return res.body;
}

describe('catalogue', () => {
  it('a member adds a technology with owners along plan, build and run; a viewer reads it; the event says so', async () => {
    const seq = await lastSeq();
    const tech = await technology('PostgreSQL', {
      description: 'The main database.',
      links: [{ title: 'Runbook', url: 'https://runbooks.example/pg' }],
      owners: { plan: { people: [team.byRole.po.id], teams: [] }, build: { people: [], teams: [other.team.id] }, run: { people: [team.byRole.member.id], teams: [] } },
      configManagedPct: 60,
      environments: ['prod', 'staging'],
      installations: 4,
      lifecycle: 'core',
    });
    expect(tech).toMatchObject({ name: 'PostgreSQL', configManagedPct: 60, lifecycle: 'core', level: null, version: 1 });
    const list = await team.byRole.viewer.api.get<Technology[]>(`/api/teams/${team.team.id}/technologies`);
    expect(list.status).toBe(200);
    expect(list.body.map((x) => x.name)).toContain('PostgreSQL');
    expect((await events(seq)).map((e) => e.type)).toEqual(['technology.created']);
  });

  it('a viewer may not add or edit; another team sees nothing', async () => {
    expect((await team.byRole.viewer.api.post(`/api/teams/${team.team.id}/technologies`, { name: 'Nope' })).status).toBe(403);
    const tech = await technology('Nagios');
    expect((await team.byRole.viewer.api.patch(`/api/technologies/${tech.id}`, { version: 1, name: 'X' })).status).toBe(403);
    expect((await other.admin.api.get(`/api/teams/${team.team.id}/technologies`)).status).toBe(404);
    expect((await other.admin.api.get(`/api/technologies/${tech.id}`)).status).toBe(404);
    expect((await other.admin.api.patch(`/api/technologies/${tech.id}`, { version: 1, name: 'X' })).status).toBe(404);
    expect((await other.admin.api.get(`/api/teams/${team.team.id}/technologies/overview`)).status).toBe(404);
  });

  it('bad input gets a 400 naming the field and changes nothing', async () => {
    const seq = await lastSeq();
    const pct = await team.admin.api.post<Err>(`/api/teams/${team.team.id}/technologies`, { name: 'Redis', configManagedPct: 150 });
    expect(pct.status).toBe(400);
    expect(pct.body.error.details?.field).toBe('configManagedPct');
    const life = await team.admin.api.post<Err>(`/api/teams/${team.team.id}/technologies`, { name: 'Redis', lifecycle: 'immortal' });
    expect(life.body.error.details?.field).toBe('lifecycle');
    const stranger = await team.admin.api.post<Err>(`/api/teams/${team.team.id}/technologies`, { name: 'Redis', owners: { plan: { people: [other.admin.id], teams: [] }, build: { people: [], teams: [] }, run: { people: [], teams: [] } } });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details?.field).toBe('owners/plan/people/0');
    const dup = await team.admin.api.post<Err>(`/api/teams/${team.team.id}/technologies`, { name: 'postgresql' });
    expect(dup.status).toBe(409);
    expect(await lastSeq()).toBe(seq);
  });

  it('edits need the version loaded; only po/admin archive', async () => {
    const tech = await technology('Jenkins');
    const edited = await team.byRole.member.api.patch<Technology>(`/api/technologies/${tech.id}`, { version: 1, configManagedPct: 30, lifecycle: 'replacing' });
    expect(edited.body).toMatchObject({ configManagedPct: 30, lifecycle: 'replacing', version: 2 });
    expect((await team.byRole.member.api.patch(`/api/technologies/${tech.id}`, { version: 1, name: 'Old' })).status).toBe(409);
    expect((await team.byRole.member.api.post(`/api/technologies/${tech.id}/archive`, {})).status).toBe(403);
    expect((await team.byRole.po.api.post<Technology>(`/api/technologies/${tech.id}/archive`, {})).body.archivedAt).not.toBeNull();
    const archived = await team.admin.api.get<Technology[]>(`/api/teams/${team.team.id}/technologies?archived=true`);
    expect(archived.body.map((x) => x.name)).toEqual(['Jenkins']);
  });
});

describe('assessments', () => {
  it('people score alone: before the reveal nobody else, and no event, carries a score or a note', async () => {
    const tech = await technology('Kubernetes');
    const opened = await team.byRole.member.api.post<AssessmentSummary>(`/api/technologies/${tech.id}/assessments`, { assessedOn: '2026-11-02' });
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    expect((await team.byRole.po.api.post(`/api/technologies/${tech.id}/assessments`, {})).status).toBe(409);
    const seq = await lastSeq();
    const mine = await team.byRole.member.api.put<AssessmentView>(`/api/assessments/${id}/scores`, { scores: { stability: { score: 2, note: 'secret-member-note' }, currency: { score: 1, note: '' } } });
    expect(mine.status).toBe(200);
    expect(mine.body.mine?.stability?.score).toBe(2);
    await team.byRole.po.api.put(`/api/assessments/${id}/scores`, { scores: { stability: { score: 4, note: 'secret-po-note' }, currency: { score: 2, note: '' } } });

    const seenByPo = await team.byRole.po.api.get<AssessmentView>(`/api/assessments/${id}`);
    expect(seenByPo.body.assessment.scorerIds.sort()).toEqual([team.byRole.member.id, team.byRole.po.id].sort());
    expect(seenByPo.body.revealed).toEqual([]);
    expect(JSON.stringify(seenByPo.body)).not.toContain('secret-member-note');
    const seenByViewer = await team.byRole.viewer.api.get<AssessmentView>(`/api/assessments/${id}`);
    expect(seenByViewer.body.mine).toBeNull();
    expect(JSON.stringify(seenByViewer.body)).not.toContain('secret');
    const evs = await events(seq);
    expect(evs.map((e) => e.type)).toEqual(['assessment.scored', 'assessment.scored']);
    expect(JSON.stringify(evs)).not.toMatch(/secret|"score"/);
    // A viewer cannot score.
    expect((await team.byRole.viewer.api.put(`/api/assessments/${id}/scores`, { scores: { stability: { score: 3, note: '' } } })).status).toBe(403);
  });

  it('a vector score outside 0 to 5 gets a 400 naming the vector', async () => {
    const tech = await technology('Consul');
    const a = (await team.byRole.member.api.post<AssessmentSummary>(`/api/technologies/${tech.id}/assessments`, {})).body;
    const high = await team.byRole.member.api.put<Err>(`/api/assessments/${a.id}/scores`, { scores: { recoverability: { score: 6, note: '' } } });
    expect(high.status).toBe(400);
    expect(high.body.error.details?.field).toContain('recoverability');
    const low = await team.byRole.member.api.put<Err>(`/api/assessments/${a.id}/scores`, { scores: { happiness: { score: -1, note: '' } } });
    expect(low.body.error.details?.field).toContain('happiness');
    const unknown = await team.byRole.member.api.put<Err>(`/api/assessments/${a.id}/scores`, { scores: { speed: { score: 3, note: '' } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details?.field).toContain('speed');
    expect((await team.byRole.member.api.get<AssessmentView>(`/api/assessments/${a.id}`)).body.mine).toBeNull();
  });

  it('the reveal shows everyone’s scores and the spread; only po/admin settle; the level is computed, and an override needs a reason', async () => {
    const tech = await technology('Nomad');
    const a = (await team.byRole.member.api.post<AssessmentSummary>(`/api/technologies/${tech.id}/assessments`, { assessedOn: '2026-10-01' })).body;
    await team.byRole.member.api.put(`/api/assessments/${a.id}/scores`, { scores: { stability: { score: 1, note: 'falls over' } } });
    await team.byRole.po.api.put(`/api/assessments/${a.id}/scores`, { scores: { stability: { score: 4, note: 'fine lately' } } });
    // Another member (not the opener) may not reveal; the opener may.
    expect((await team.admin.api.post(`/api/assessments/${a.id}/reveal`, {})).status).toBe(200);
    const view = await team.byRole.viewer.api.get<AssessmentView>(`/api/assessments/${a.id}`);
    expect(view.body.revealed).toHaveLength(2);
    expect(view.body.consensus.stability).toEqual({ median: 1, min: 1, max: 4, agreed: false });
    expect((await team.byRole.member.api.put(`/api/assessments/${a.id}/scores`, { scores: { stability: { score: 3, note: '' } } })).status).toBe(409);

    const settleBody = { scores: { stability: { score: 3, note: 'agreed' }, currency: { score: 4, note: '' }, documentation: { score: 2, note: '' } } };
    expect((await team.byRole.member.api.post(`/api/assessments/${a.id}/settle`, settleBody)).status).toBe(403);
    const settled = await team.byRole.po.api.post<AssessmentView>(`/api/assessments/${a.id}/settle`, settleBody);
    expect(settled.status).toBe(200);
    expect(settled.body.assessment).toMatchObject({ status: 'settled', mean: 3, level: 3 });
    const detail = (await team.byRole.viewer.api.get<TechnologyDetail>(`/api/technologies/${tech.id}`)).body;
    expect(detail.technology).toMatchObject({ computedMean: 3, computedLevel: 3, level: 3, lastAssessedOn: '2026-10-01' });

    // Override: po/admin only, with a reason.
    expect((await team.byRole.member.api.post(`/api/technologies/${tech.id}/override`, { version: detail.technology.version, level: 1, reason: 'x' })).status).toBe(403);
    const noReason = await team.byRole.po.api.post<Err>(`/api/technologies/${tech.id}/override`, { version: detail.technology.version, level: 1 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details?.field).toBe('reason');
    const over = await team.byRole.po.api.post<Technology>(`/api/technologies/${tech.id}/override`, { version: detail.technology.version, level: 1, reason: 'Two outages this month' });
    expect(over.body).toMatchObject({ computedLevel: 3, overrideLevel: 1, level: 1, overrideReason: 'Two outages this month' });

    // A second, later assessment: the trend and the rise show.
    const b = (await team.byRole.member.api.post<AssessmentSummary>(`/api/technologies/${tech.id}/assessments`, { assessedOn: '2026-11-20' })).body;
    await team.admin.api.post(`/api/assessments/${b.id}/settle`, { scores: { stability: { score: 5, note: '' }, currency: { score: 4, note: '' }, documentation: { score: 4, note: '' } } });
    const later = (await team.byRole.viewer.api.get<TechnologyDetail>(`/api/technologies/${tech.id}`)).body;
    expect(later.technology.computedLevel).toBe(4);
    expect(later.trends.find((x) => x.vector === 'stability')).toMatchObject({ points: [{ date: '2026-10-01', score: 3 }, { date: '2026-11-20', score: 5 }], change: 2 });
    expect(later.rises).toHaveLength(1);
    expect(later.rises[0]).toMatchObject({ date: '2026-11-20', from: 3, to: 4 });
  });
});

describe('links to work', () => {
  async function hook() {
    const res = await team.admin.api.post<{ webhook: { url: string }; secret: string }>(`/api/teams/${team.team.id}/webhooks`, { name: 'am', kind: 'alertmanager' });
    return res.body;
  }
  // A real Alertmanager v4 webhook payload.
  const payload = (fingerprint: string, labels: Record<string, string>) => ({
    version: '4',
    groupKey: '{}:{alertname="Test"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'opsboard',
    groupLabels: { alertname: labels.alertname ?? 'Test' },
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    alerts: [
      {
        status: 'firing',
        labels: { severity: 'high', ...labels },
        annotations: { summary: 'Something is wrong' },
        startsAt: '2026-11-30T09:14:03.123456789Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example:9090/graph',
        fingerprint,
      },
    ],
  });
  const post = async (url: string, body: unknown, secret: string) => {
    const res = await t.app.inject({ method: 'POST', url: new URL(url).pathname, payload: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` } });
    return JSON.parse(res.body) as WebhookIntakeResult;
  };

  it('label rules name the technology of an arriving alert; the overview counts it and ranks where SS&A would pay', async () => {
    const techs = (await team.admin.api.get<Technology[]>(`/api/teams/${team.team.id}/technologies`)).body;
    const pg = techs.find((x) => x.name === 'PostgreSQL')!;
    const k8s = techs.find((x) => x.name === 'Kubernetes')!;
    const bad = await team.byRole.po.api.post<Err>(`/api/teams/${team.team.id}/technology-rules`, { technologyId: pg.id, matchers: ['job=postgres', 'service=~"("'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.field).toBe('matchers/1');
    expect((await team.byRole.member.api.post(`/api/teams/${team.team.id}/technology-rules`, { technologyId: pg.id, matchers: ['job=postgres'] })).status).toBe(403);
    const otherTech = await other.admin.api.post<Technology>(`/api/teams/${other.team.id}/technologies`, { name: 'Theirs' });
    const foreign = await team.byRole.po.api.post<Err>(`/api/teams/${team.team.id}/technology-rules`, { technologyId: otherTech.body.id, matchers: ['job=x'] });
    expect(foreign.body.error.details?.field).toBe('technologyId');
    const r1 = await team.byRole.po.api.post<TechnologyRule>(`/api/teams/${team.team.id}/technology-rules`, { technologyId: pg.id, matchers: ['job=postgres'] });
    expect(r1.status).toBe(201);
    expect(r1.body.text).toBe('job="postgres"');
    await team.byRole.po.api.post(`/api/teams/${team.team.id}/technology-rules`, { technologyId: k8s.id, matchers: ['service=~"k8s.*"', 'env!="dev"'] });

    const h = await hook();
    const a = await post(h.webhook.url, payload('aa01', { alertname: 'PostgresReplicationLag', job: 'postgres', instance: 'db-2:9187' }), h.secret);
    const b = await post(h.webhook.url, payload('aa02', { alertname: 'KubeApiDown', service: 'k8s-apiserver', env: 'prod' }), h.secret);
    const c = await post(h.webhook.url, payload('aa03', { alertname: 'KubeApiDown', service: 'k8s-apiserver', env: 'dev' }), h.secret);
    const cardOf = (r: WebhookIntakeResult) => r.cardIds[0]!;
    const techOf = async (r: WebhookIntakeResult) => (await team.byRole.viewer.api.get<CardTechnologies>(`/api/cards/${cardOf(r)}/technologies`)).body.technologies;
    expect(await techOf(a)).toEqual([{ id: pg.id, name: 'PostgreSQL', origin: 'rule' }]);
    expect(await techOf(b)).toEqual([{ id: k8s.id, name: 'Kubernetes', origin: 'rule' }]);
    expect(await techOf(c)).toEqual([]);

    // Triage names the technology by hand; a technology of another team is refused.
    const set = await team.byRole.member.api.put<CardTechnologies>(`/api/cards/${cardOf(c)}/technologies`, { technologyIds: [k8s.id] });
    expect(set.body.technologies).toEqual([{ id: k8s.id, name: 'Kubernetes', origin: 'person' }]);
    const wrong = await team.byRole.member.api.put<Err>(`/api/cards/${cardOf(c)}/technologies`, { technologyIds: [k8s.id, otherTech.body.id] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details?.field).toBe('technologyIds/1');
    expect((await team.byRole.viewer.api.put(`/api/cards/${cardOf(c)}/technologies`, { technologyIds: [] })).status).toBe(403);

    const overview = (await team.byRole.viewer.api.get<TechOverview>(`/api/teams/${team.team.id}/technologies/overview?weeks=4`)).body;
    expect(overview.weeks).toEqual(['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    const row = (name: string) => overview.rows.find((r) => r.technology.name === name)!;
    expect(row('Kubernetes').interrupts).toBe(2);
    expect(row('Kubernetes').weekly.at(-1)).toEqual({ week: '2026-11-30', count: 2 });
    expect(row('PostgreSQL').interrupts).toBe(1);
    expect(overview.rows.map((r) => r.pay.rank)).toEqual(overview.rows.map((_, i) => i + 1));
    // Kubernetes: never settled, the most interrupts, nothing under config management: first.
    expect(overview.rows[0]!.technology.name).toBe('Kubernetes');
    expect(overview.ssaBoardId).toBe(team.boards.selfservice);

    // An SS&A card naming PostgreSQL shows as its open SS&A work.
    const card = await team.byRole.member.api.post<{ id: string }>(`/api/boards/${team.boards.selfservice}/cards`, { title: 'Automate PG failover' });
    await team.byRole.member.api.put(`/api/cards/${card.body.id}/technologies`, { technologyIds: [pg.id] });
    const again = (await team.byRole.viewer.api.get<TechOverview>(`/api/teams/${team.team.id}/technologies/overview`)).body;
    expect(again.rows.find((r) => r.technology.name === 'PostgreSQL')!.openSsaCards.map((x) => x.title)).toEqual(['Automate PG failover']);
    expect((await other.admin.api.get(`/api/cards/${card.body.id}/technologies`)).status).toBe(404);
  });
});
