/** Flow metrics and forecasts over the event log, read through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, DoraReport, ForecastAnswer, MetricsReport } from '@opsboard/shared';
import { addGuest, Api, createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let outsider: TestUser;
let guest: TestUser;
let now = new Date('2026-11-02T09:00:00Z'); // a Monday
const DAY = 86_400_000;
const col: Record<string, string> = {};
const cards: Card[] = [];

async function move(card: Card, column: string) {
  const res = await team.admin.api.post(`/api/cards/${card.id}/move`, { toColumnId: col[column] });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, clock: () => now });
  team = await createTeam(t.app, 'Flow');
  outsider = (await createTeam(t.app, 'Elsewhere')).admin;
  guest = await addGuest(t.app, team, 'Flow guest');
  const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
  for (const c of snapshot.columns) col[c.name] = c.id;
  for (let i = 0; i < 3; i++) {
    const res = await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: `Flow ${i}`, columnId: col['Ready'], type: i === 2 ? 'bug' : 'story' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    cards.push(res.body);
  }
  // Card 0: started day 1, done day 4 (3 days). Card 1: started day 1, done day 2, reopened day 3, done day 7 (6 days).
  // Card 2 (a bug): started day 5, still in review.
  now = new Date(now.getTime() + DAY);
  await move(cards[0]!, 'In progress');
  await move(cards[1]!, 'In progress');
  now = new Date(now.getTime() + DAY);
  await move(cards[1]!, 'Done');
  now = new Date(now.getTime() + DAY);
  await move(cards[1]!, 'Review');
  now = new Date(now.getTime() + DAY);
  await move(cards[0]!, 'Done');
  now = new Date(now.getTime() + DAY);
  await move(cards[2]!, 'Review');
  now = new Date(now.getTime() + 2 * DAY);
  await move(cards[1]!, 'Done');
  now = new Date(now.getTime() + DAY);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const range = 'from=2026-11-01&to=2026-11-10';

describe('team flow metrics', () => {
  it('a viewer of the team reads every chart, computed from the event log', async () => {
    const res = await team.byRole.viewer.api.get<MetricsReport>(`/api/teams/${team.team.id}/metrics?${range}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = res.body;
    expect(r.cycleTime!.points.map((p) => [p.title, p.days])).toEqual([
      ['Flow 0', 3],
      ['Flow 1', 6],
    ]);
    expect(r.cycleTime!.percentiles.p50).toBe(4.5);
    expect(r.throughput!.reduce((s, w) => s + w.count, 0)).toBe(2);
    expect(r.wipAgeing!.cards.map((c) => [c.title, c.ageDays])).toEqual([['Flow 2', 3]]);
    expect(r.flowEfficiency!.cards).toHaveLength(2);
    // Team CFD bands are categories; on the last day two cards are done and one is doing.
    const done = r.cfd!.bands.findIndex((b) => b.key === 'done');
    const doing = r.cfd!.bands.findIndex((b) => b.key === 'doing');
    const today = r.cfd!.days.at(-1)!;
    expect(today.date).toBe('2026-11-10');
    expect(today.counts[done]).toBe(2);
    expect(today.counts[doing]).toBe(1);
  });

  it('a range that starts after some of the history gives the same figures for its days as a longer one', async () => {
    // Flow 0 finished on day 4 (before this range): it is read from the cards table, not the log, and still counts as done.
    const get = async (q: string) => (await team.byRole.viewer.api.get<MetricsReport>(`/api/teams/${team.team.id}/metrics?${q}`)).body;
    const short = await get('from=2026-11-08&to=2026-11-10');
    const long = await get(range);
    const byDate = (r: MetricsReport) => new Map(r.cfd!.days.map((d) => [d.date, d.counts]));
    expect(short.cfd!.bands).toEqual(long.cfd!.bands);
    for (const [date, counts] of byDate(short)) expect(counts, date).toEqual(byDate(long).get(date));
    const done = short.cfd!.bands.findIndex((b) => b.key === 'done');
    const doing = short.cfd!.bands.findIndex((b) => b.key === 'doing');
    expect(short.cfd!.days.map((d) => [d.date, d.counts[done], d.counts[doing]])).toEqual([
      ['2026-11-08', 1, 2],
      ['2026-11-09', 2, 1],
      ['2026-11-10', 2, 1],
    ]);
    // Only Flow 1 finished in the short range, with its whole cycle (started on day 1); Flow 2's age counts from its start.
    expect(short.cycleTime!.points.map((p) => [p.title, p.days])).toEqual([['Flow 1', 6]]);
    expect(short.wipAgeing!.cards.map((c) => [c.title, c.ageDays])).toEqual([['Flow 2', 3]]);
    expect(short.flowEfficiency!.cards.map((c) => c.title)).toEqual(['Flow 1']);
    expect(short.flowEfficiency!.cards[0]).toEqual(long.flowEfficiency!.cards.find((c) => c.title === 'Flow 1'));
  });

  it('a board chart has the board’s columns as bands, and filters narrow the cards', async () => {
    const board = await team.byRole.member.api.get<MetricsReport>(`/api/boards/${team.boards.planned}/metrics?${range}&chart=cfd&chart=cycleTime`);
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    expect(board.body.cfd!.bands.map((b) => b.name)).toEqual(['Backlog', 'Ready', 'In progress', 'Review', 'Done']);
    expect(board.body.throughput).toBeUndefined();
    const bugs = await team.byRole.member.api.get<MetricsReport>(`/api/teams/${team.team.id}/metrics?${range}&cardType=bug`);
    expect(bugs.body.cycleTime!.points).toEqual([]);
    expect(bugs.body.wipAgeing!.cards).toHaveLength(1);
    const interruptsBoard = await team.byRole.member.api.get<MetricsReport>(`/api/teams/${team.team.id}/metrics?${range}&boardKind=interrupts`);
    expect(interruptsBoard.body.cycleTime!.points).toEqual([]);
  });

  it('nobody outside the team can read it: 404 for another team, 403 for a guest', async () => {
    expect((await outsider.api.get(`/api/teams/${team.team.id}/metrics`)).status).toBe(404);
    expect((await outsider.api.get(`/api/boards/${team.boards.planned}/metrics`)).status).toBe(404);
    expect((await outsider.api.get(`/api/teams/${team.team.id}/metrics/forecast?items=3`)).status).toBe(404);
    expect((await guest.api.get(`/api/teams/${team.team.id}/metrics`)).status).toBe(403);
    expect((await guest.api.get(`/api/boards/${team.boards.planned}/metrics`)).status).toBe(403);
  });

  it('400 naming the field for a bad date range or filter', async () => {
    const cases: [string, string][] = [
      ['from=2026-11-10&to=2026-11-01', 'from'],
      ['from=2025-01-01&to=2026-11-01', 'from'],
      ['from=2026-02-30', 'from'],
      ['to=yesterday', 'to'],
      ['boardKind=kitchen', 'boardKind'],
      ['cardType=epic', 'cardType'],
      ['personId=nobody', 'personId'],
      ['chart=pie', 'chart'],
      ['colour=red', 'colour'],
    ];
    for (const [query, field] of cases) {
      const res = await team.byRole.viewer.api.get<{ error: { code: string; message: string; details?: { field?: string } } }>(`/api/teams/${team.team.id}/metrics?${query}`);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(res.body.error), query).toContain(field);
    }
  });
});

describe('forecast', () => {
  it('answers "when will N be done" deterministically, with monotonic percentiles', async () => {
    const a = await team.byRole.viewer.api.get<ForecastAnswer>(`/api/teams/${team.team.id}/metrics/forecast?items=3&historyWeeks=2`);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const b = await team.byRole.viewer.api.get<ForecastAnswer>(`/api/teams/${team.team.id}/metrics/forecast?items=3&historyWeeks=2`);
    expect(b.body).toEqual(a.body);
    expect(a.body.trials).toBe(10_000);
    expect(a.body.p50!).toBeLessThanOrEqual(a.body.p85!);
    expect(a.body.p85!).toBeLessThanOrEqual(a.body.p95!);
    expect(a.body.dates!.p50).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it('answers "how many by date" and refuses a question it cannot answer', async () => {
    const res = await team.byRole.viewer.api.get<ForecastAnswer>(`/api/teams/${team.team.id}/metrics/forecast?date=2026-12-10`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.p95!).toBeLessThanOrEqual(res.body.p50!);
    expect((await team.byRole.viewer.api.get(`/api/teams/${team.team.id}/metrics/forecast`)).body).toMatchObject({ error: { details: { field: 'items' } } });
    expect((await team.byRole.viewer.api.get(`/api/teams/${team.team.id}/metrics/forecast?date=2020-01-01`)).status).toBe(400);
  });
  it('answers "when will the backlog down to this card be done", counting the ready cards and the backlog above it', async () => {
    // Three more cards: two in the backlog (ranked a, b), one ready; card 2 of the setup is in review, not waiting.
    const made: Card[] = [];
    for (const [title, column] of [['Queue a', 'Backlog'], ['Queue b', 'Backlog'], ['Queue ready', 'Ready']] as const) {
      const res = await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title, columnId: col[column] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      made.push(res.body);
    }
    const board = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
    const waiting = (column: string) => board.cards.filter((c) => c.columnId === col[column] && !c.archivedAt).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
    const ready = waiting('Ready').length;
    const backlog = waiting('Backlog').map((c) => c.id);
    const ask = (q: string) => team.byRole.viewer.api.get<ForecastAnswer>(`/api/teams/${team.team.id}/metrics/forecast?${q}`);
    for (const card of made.slice(0, 2)) {
      const res = await ask(`untilCardId=${card.id}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.items).toBe(ready + backlog.indexOf(card.id) + 1);
      expect(res.body.question).toBe('when');
    }
    const readyOnly = await ask(`untilCardId=${made[2]!.id}`);
    expect(readyOnly.body.items).toBe(waiting('Ready').findIndex((c) => c.id === made[2]!.id) + 1);
    // Not waiting, not the team's, or two questions at once: 400 naming the field.
    expect((await ask(`untilCardId=${cards[2]!.id}`)).body).toMatchObject({ error: { details: { field: 'untilCardId' } } });
    expect((await ask(`untilCardId=00000000-0000-4000-8000-000000000000`)).body).toMatchObject({ error: { details: { field: 'untilCardId' } } });
    expect((await ask(`untilCardId=${made[0]!.id}&items=3`)).body).toMatchObject({ error: { details: { field: 'untilCardId' } } });
    expect((await ask(`featureId=00000000-0000-4000-8000-000000000000`)).body).toMatchObject({ error: { details: { field: 'featureId' } } });
  });
});

describe('interrupt figures by person', () => {
  it('gives one row per team member, with what they finished', async () => {
    const member = team.byRole.member;
    const created = await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Pair work', columnId: col['In progress'], assigneeIds: [member.id] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await move(created.body, 'Done');
    const res = await team.byRole.viewer.api.get<{ label: string; personId?: string; finished: { total: number } }[]>(`/api/teams/${team.team.id}/interrupts/figures?by=person&weeks=2`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.map((r) => r.personId).sort()).toEqual([team.admin.id, team.byRole.po.id, member.id, team.byRole.viewer.id].sort());
    expect(res.body.find((r) => r.personId === member.id)!.finished.total).toBe(1);
    expect(res.body.find((r) => r.personId === team.byRole.po.id)!.finished.total).toBe(0);
  });
});

describe('deployments and DORA', () => {
  let hook: { id: string; secret: string };
  beforeAll(async () => {
    const res = await team.admin.api.post<{ webhook: { id: string; kind: string }; secret: string }>(`/api/teams/${team.team.id}/webhooks`, { name: 'CI deploys', kind: 'deployment' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    hook = { id: res.body.webhook.id, secret: res.body.secret };
  });
  const deploymentsNow = async () => (await team.byRole.viewer.api.get<DoraReport>(`/api/teams/${team.team.id}/metrics/dora?${range}`)).body.deployments;

  it('refuses a wrong secret with 401 and writes nothing', async () => {
    const before = await deploymentsNow();
    const res = await new Api(t.app, { token: 'obh_wrong' }).post(`/api/webhooks/${hook.id}`, { service: 'api', version: '1.0.0', environment: 'production', status: 'success' });
    expect(res.status).toBe(401);
    expect(await deploymentsNow()).toBe(before);
  });

  it('400 naming the field for a bad deployment body, and nothing written', async () => {
    const ci = new Api(t.app, { token: hook.secret });
    const res = await ci.post<{ error: { details?: { field?: string } } }>(`/api/webhooks/${hook.id}`, { service: 'api', version: '1', environment: 'production', status: 'maybe' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('status');
    expect(await deploymentsNow()).toBe(0);
  });

  it('records deployments and reports frequency, lead time and change failure rate', async () => {
    const ci = new Api(t.app, { token: hook.secret });
    const ok1 = await ci.post(`/api/webhooks/${hook.id}`, {
      service: 'api',
      version: '1.0.0',
      environment: 'production',
      status: 'success',
      deployedAt: '2026-11-03T12:00:00Z',
      commitTimes: ['2026-11-03T08:00:00Z', '2026-11-03T10:00:00Z'],
    });
    expect(ok1.status, JSON.stringify(ok1.body)).toBe(200);
    const failed = await ci.post(`/api/webhooks/${hook.id}`, { service: 'api', version: '1.0.1', environment: 'production', status: 'failure', deployedAt: '2026-11-04T12:00:00Z' });
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);
    const dora = (await team.byRole.viewer.api.get<DoraReport>(`/api/teams/${team.team.id}/metrics/dora?${range}`)).body;
    expect(dora.deployments).toBe(2);
    expect(dora.leadTimeHours.p50).toBe(4);
    expect(dora.changeFailureRate).toBe(0.5);
    expect(dora.recent.map((d) => d.version)).toEqual(['1.0.1', '1.0.0']);
    expect((await outsider.api.get(`/api/teams/${team.team.id}/metrics/dora`)).status).toBe(404);
  });
});
