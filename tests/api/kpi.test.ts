/** Team KPIs: roles, validation, a built-in KPI against the metrics API, a manual KPI's weekly series. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Kpi, KpiRow, MetricsReport } from '@opsboard/shared';
import { addGuest, createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let outsider: TestUser;
let guest: TestUser;
let now = new Date('2026-11-02T09:00:00Z'); // a Monday
const DAY = 86_400_000;
const manual = { name: 'Toil hours', unit: 'h', source: 'manual', direction: 'lower', baseline: 20, target: 10 } as const;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, clock: () => now });
  team = await createTeam(t.app, 'Kpi');
  outsider = (await createTeam(t.app, 'Elsewhere')).admin;
  guest = await addGuest(t.app, team, 'Kpi guest');
  const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
  const col = Object.fromEntries(snapshot.columns.map((c) => [c.name, c.id]));
  for (let i = 0; i < 3; i++) {
    const card = (await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: `Work ${i}`, columnId: col['Ready'] })).body;
    await team.admin.api.post(`/api/cards/${card.id}/move`, { toColumnId: col['In progress'] });
    now = new Date(now.getTime() + DAY);
    await team.admin.api.post(`/api/cards/${card.id}/move`, { toColumnId: col['Done'] });
  }
  now = new Date('2026-11-05T12:00:00Z');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const list = async () => (await team.byRole.viewer.api.get<KpiRow[]>(`/api/teams/${team.team.id}/kpis`)).body;

describe('KPIs', () => {
  it('po and admin create; member and viewer may not; guest 403; other team 404', async () => {
    expect((await team.byRole.member.api.post(`/api/teams/${team.team.id}/kpis`, manual)).status).toBe(403);
    expect((await team.byRole.viewer.api.post(`/api/teams/${team.team.id}/kpis`, manual)).status).toBe(403);
    expect((await guest.api.post(`/api/teams/${team.team.id}/kpis`, manual)).status).toBe(403);
    expect((await guest.api.get(`/api/teams/${team.team.id}/kpis`)).status).toBe(403);
    expect((await outsider.api.get(`/api/teams/${team.team.id}/kpis`)).status).toBe(404);
    expect((await outsider.api.post(`/api/teams/${team.team.id}/kpis`, manual)).status).toBe(404);
    const res = await team.byRole.po.api.post<Kpi>(`/api/teams/${team.team.id}/kpis`, manual);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: 'Toil hours', source: 'manual', target: 10 });
    expect((await outsider.api.patch(`/api/kpis/${res.body.id}`, { target: 1 })).status).toBe(404);
    expect((await team.byRole.member.api.patch(`/api/kpis/${res.body.id}`, { target: 1 })).status).toBe(403);
  });

  it('bad input is a 400 naming the field, and nothing changes', async () => {
    const before = await list();
    for (const [field, body] of [
      ['name', { ...manual, name: '   ' }],
      ['source', { ...manual, source: 'vibes' }],
      ['direction', { ...manual, direction: 'sideways' }],
      ['target', { ...manual, target: 'ten' }],
    ] as const) {
      const res = await team.admin.api.post(`/api/teams/${team.team.id}/kpis`, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    const id = before[0]!.kpi.id;
    const bad = await team.byRole.member.api.put(`/api/kpis/${id}/entries/2026-11-03`, { value: 3 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('week');
    expect(await list()).toEqual(before);
  });

  it('a member records manual weekly values; the series, current value and status follow', async () => {
    const id = (await list()).find((r) => r.kpi.name === 'Toil hours')!.kpi.id;
    expect((await team.byRole.viewer.api.put(`/api/kpis/${id}/entries/2026-10-26`, { value: 18 })).status).toBe(403);
    expect((await team.byRole.member.api.put(`/api/kpis/${id}/entries/2026-10-26`, { value: 18 })).status).toBe(200);
    let row = (await list()).find((r) => r.kpi.id === id)!;
    expect(row.series).toHaveLength(12);
    expect(row.series.at(-1)!.week).toBe('2026-11-02');
    expect(row.series.at(-2)).toEqual({ week: '2026-10-26', value: 18 });
    expect(row).toMatchObject({ current: 18, status: 'missed' });
    expect((await team.byRole.member.api.put(`/api/kpis/${id}/entries/2026-11-02`, { value: 9 })).status).toBe(200);
    row = (await list()).find((r) => r.kpi.id === id)!;
    expect(row).toMatchObject({ current: 9, status: 'met', trend: 'improving' });
  });

  it("a built-in KPI's weekly value equals the metrics API's throughput figure", async () => {
    const res = await team.admin.api.post<Kpi>(`/api/teams/${team.team.id}/kpis`, { name: 'Throughput', unit: 'cards/week', source: 'throughput', direction: 'higher', baseline: 1, target: 2 });
    expect(res.status).toBe(201);
    const row = (await list()).find((r) => r.kpi.id === res.body.id)!;
    const metrics = (await team.byRole.viewer.api.get<MetricsReport>(`/api/teams/${team.team.id}/metrics?from=${row.series[0]!.week}&to=2026-11-05&chart=throughput`)).body;
    const week = metrics.throughput!.find((w) => w.week === '2026-11-02')!;
    expect(week.count).toBe(3);
    expect(row).toMatchObject({ current: 3, status: 'met' });
    expect(row.series.at(-1)).toEqual({ week: '2026-11-02', value: week.count });
    expect((await team.admin.api.put(`/api/kpis/${res.body.id}/entries/2026-11-02`, { value: 1 })).status).toBe(400);
    expect((await team.admin.api.del(`/api/kpis/${res.body.id}`)).status).toBe(200);
    expect((await list()).some((r) => r.kpi.id === res.body.id)).toBe(false);
  });

  it('every built-in source follows its chart week by week: cycle time, WIP, flow efficiency, interrupt share, time to triage', async () => {
    const make = async (source: string, direction: 'higher' | 'lower') => {
      const res = await team.byRole.po.api.post<Kpi>(`/api/teams/${team.team.id}/kpis`, { name: `KPI ${source}`, source, direction, baseline: 0, target: 1 });
      expect(res.status, source).toBe(201);
      return res.body.id;
    };
    const ids = {
      cycle: await make('cycle-time-p85', 'lower'),
      wip: await make('wip', 'lower'),
      efficiency: await make('flow-efficiency', 'higher'),
      share: await make('interrupt-share', 'lower'),
      triage: await make('time-to-triage', 'lower'),
    };
    const rows = new Map((await list()).map((r) => [r.kpi.id, r]));
    const thisWeek = (id: string) => rows.get(id)!.series.at(-1);
    // Each of the three cards spent exactly one day in progress, never blocked, and finished this week.
    expect(thisWeek(ids.cycle)).toEqual({ week: '2026-11-02', value: 1 });
    expect(rows.get(ids.cycle)).toMatchObject({ current: 1, status: 'met' });
    expect(thisWeek(ids.efficiency)).toEqual({ week: '2026-11-02', value: 100 });
    // Nothing is in progress now, and none of the finished work was an interrupt.
    expect(thisWeek(ids.wip)).toEqual({ week: '2026-11-02', value: 0 });
    expect(rows.get(ids.wip)).toMatchObject({ current: 0, status: 'met' });
    expect(thisWeek(ids.share)).toEqual({ week: '2026-11-02', value: 0 });
    // No interrupt was triaged: no value, so no verdict either.
    expect(rows.get(ids.triage)).toMatchObject({ current: null, status: 'no-data' });
    expect((await team.byRole.po.api.post(`/api/teams/${team.team.id}/kpis`, { name: 'Bad', source: 'lead-time', direction: 'lower', baseline: 0, target: 1 })).status).toBe(400);
  });
});
