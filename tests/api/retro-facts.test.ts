/**
 * The facts strip against a hand-built history: every fact has a known answer.
 * The app's clock is set for each step, so times (blocked hours, pair-rule days) are exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Iteration, RetroFacts, RetroView } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type Response, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let now = new Date('2031-03-02T12:00:00Z');
const at = (iso: string) => {
  now = new Date(iso);
};

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, clock: () => now });
  team = await createTeam(t.app, 'Facts');
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

describe('the facts strip of an iteration retro', () => {
  let facts: RetroFacts;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const api = team.admin.api;
    const member = team.byRole.member;
    const planned = await ok(api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`));
    const ssa = await ok(api.get<BoardSnapshot>(`/api/boards/${team.boards.selfservice}`));
    const col = (s: BoardSnapshot, cat: string) => s.columns.find((c) => c.category === cat)!.id;
    await ok(api.put(`/api/teams/${team.team.id}/rotation`, { memberIds: [member.id], handoffWeekday: 1, handoffTime: '00:00', timezone: 'UTC' }));
    const it = await ok(api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { startDate: '2031-03-03', endDate: '2031-03-05', goal: 'Backups restored in drills', pointsPerPerson: 20 }));
    ids.A = (await ok(api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Card A', points: 3 }))).id;
    ids.B = (await ok(api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Card B', points: 2 }))).id;
    ids.C = (await ok(api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Card C', points: 5 }))).id;
    ids.S = (await ok(api.post<Card>(`/api/boards/${team.boards.selfservice}/cards`, { title: 'Automate restores', assigneeIds: [member.id, team.byRole.po.id] }))).id;
    await ok(api.post(`/api/iterations/${it.id}/cards`, { cardIds: [ids.A, ids.B] }));
    const version = async (id: string) => (await ok(api.get<{ card: Card }>(`/api/cards/${id}`))).card.version;
    const patch = async (id: string, body: Record<string, unknown>) => ok(api.patch(`/api/cards/${id}`, { version: await version(id), ...body }));
    await patch(ids.B, { blocked: true, blockedReason: 'waiting on vendor' });
    // Day 1 (3 March)
    at('2031-03-03T09:00:00Z');
    await ok(api.post(`/api/iterations/${it.id}/start`));
    at('2031-03-03T10:00:00Z');
    await ok(api.post(`/api/cards/${ids.S}/move`, { toColumnId: col(ssa, 'doing') }));
    at('2031-03-03T12:00:00Z');
    await patch(ids.B, { blocked: false });
    // Day 2: the SS&A pair splits up, scope is added, a WIP limit is overridden, interrupts arrive
    at('2031-03-04T08:00:00Z');
    await patch(ids.S, { assigneeIds: [member.id] });
    at('2031-03-04T09:00:00Z');
    await ok(api.post(`/api/iterations/${it.id}/cards`, { cardIds: [ids.C] }));
    await ok(api.patch(`/api/columns/${col(planned, 'doing')}`, { wipLimit: 1, wipPolicy: 'warn' }));
    await ok(api.post(`/api/cards/${ids.C}/move`, { toColumnId: col(planned, 'doing') }));
    at('2031-03-04T10:00:00Z');
    await ok(api.post(`/api/cards/${ids.A}/move`, { toColumnId: col(planned, 'doing'), overrideReason: 'prod fix' }));
    at('2031-03-04T11:00:00Z');
    await ok(api.post(`/api/teams/${team.team.id}/interrupts`, { title: 'Disk full' }));
    at('2031-03-04T12:00:00Z');
    await ok(api.post(`/api/teams/${team.team.id}/interrupts`, { title: 'VPN down' }));
    // Day 3: the pair is back, C gets blocked, the iteration closes with B carried over
    at('2031-03-05T08:00:00Z');
    await patch(ids.S, { assigneeIds: [member.id, team.byRole.po.id] });
    at('2031-03-05T09:00:00Z');
    await ok(api.post(`/api/teams/${team.team.id}/interrupts`, { title: 'Cert expiry' }));
    at('2031-03-05T10:00:00Z');
    await patch(ids.C, { blocked: true, blockedReason: 'review' });
    at('2031-03-05T16:00:00Z');
    await ok(api.post(`/api/cards/${ids.A}/move`, { toColumnId: col(planned, 'done') }));
    await ok(api.post(`/api/cards/${ids.C}/move`, { toColumnId: col(planned, 'done') }));
    at('2031-03-05T17:00:00Z');
    await ok(api.post(`/api/iterations/${it.id}/close`, { carryOverTo: null }));
    at('2031-03-06T09:00:00Z');
    const retro = await ok(api.post<RetroView>(`/api/teams/${team.team.id}/retros`, { title: 'Iteration retro', iterationId: it.id }));
    facts = await ok(api.get<RetroFacts>(`/api/retros/${retro.retro.id}/facts`));
  });

  it('goal met or not', () => {
    expect(facts.iteration).toMatchObject({ goal: 'Backups restored in drills', goalMet: false });
  });
  it('committed against done', () => {
    expect(facts.iteration!.committed).toEqual({ cards: 2, points: 5 });
    expect(facts.iteration!.done).toEqual({ cards: 2, points: 8 });
  });
  it('scope added after the start', () => {
    expect(facts.iteration!.scopeAdded).toEqual([{ cardId: ids.C, title: 'Card C', points: 5, at: '2031-03-04T09:00:00.000Z' }]);
  });
  it('carry-over', () => {
    expect(facts.iteration!.carriedOver).toEqual([{ cardId: ids.B, title: 'Card B', points: 2, to: null }]);
  });
  it('every WIP override with its reason', () => {
    expect(facts.iteration!.wipOverrides).toEqual([{ cardId: ids.A, title: 'Card A', reason: 'prod fix', at: '2031-03-04T10:00:00.000Z', actorId: team.admin.id }]);
  });
  it('interrupt share and the PoTW load', () => {
    expect(facts.iteration!.interrupts).toEqual({ received: 3, share: 0.5, potwLoad: [{ userId: team.byRole.member.id, count: 3 }] });
  });
  it('blocked cards and for how long', () => {
    expect(facts.iteration!.blocked).toEqual([
      { cardId: ids.B, title: 'Card B', hours: 3, stillBlocked: false },
      { cardId: ids.C, title: 'Card C', hours: 7, stillBlocked: true },
    ]);
  });
  it('the SS&A pair rule: days it held', () => {
    expect(facts.iteration!.pairRule).toEqual({ daysHeld: 2, days: 3 });
  });
  it('the previous retro’s actions with their current state', async () => {
    const api = team.admin.api;
    const first = (await ok(api.get<{ id: string }[]>(`/api/teams/${team.team.id}/retros`)))[0]!.id;
    for (const p of ['write', 'group', 'vote', 'discuss', 'actions']) await ok(api.post(`/api/retros/${first}/phase`, { phase: p }));
    const view = await ok(api.post<RetroView>(`/api/retros/${first}/actions`, { title: 'Drill restores monthly', ownerId: team.byRole.member.id, board: 'planned' }));
    at('2031-03-07T09:00:00Z');
    const next = await ok(api.post<RetroView>(`/api/teams/${team.team.id}/retros`, { title: 'Next retro' }));
    const f = await ok(api.get<RetroFacts>(`/api/retros/${next.retro.id}/facts`));
    expect(f.iteration).toBeNull();
    expect(f.previousRetroId).toBe(first);
    expect(f.previousActions).toEqual([expect.objectContaining({ title: 'Drill restores monthly', cardId: view.actions[0]!.cardId, state: expect.any(String) })]);
    expect((await team.byRole.viewer.api.get(`/api/retros/${next.retro.id}/facts`)).status).toBe(200);
  });
});
