/**
 * Issue 10: an iteration over capacity or outside its dates starts only when
 * the figures are confirmed, and the confirmation (who, figures, reason) is
 * recorded; closing lets chosen cards go back to the backlog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Iteration, IterationDetail, StartConfirmation } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
// Monday 30 Nov 2026, 10:00 UTC.
let now = Date.parse('2026-11-30T10:00:00Z');
const clock = () => new Date(now);
type Err = { error: { code: string; message: string; details?: Record<string, unknown> & { field?: string } } };
type TeamEvent = { seq: number; type: string; actorId: string | null; payload: Record<string, unknown> };

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, clock });
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const events = async (team: TestTeam, since = 0) =>
  (await team.admin.api.get<{ events: TeamEvent[] }>(`/api/boards/${team.team.id}/events?since=${since}&limit=1000`)).body.events;
const lastSeq = async (team: TestTeam) => (await events(team)).at(-1)?.seq ?? 0;
const detail = async (team: TestTeam, id: string) => (await team.admin.api.get<IterationDetail>(`/api/iterations/${id}`)).body;

/** A team whose iteration has capacity 8 (two of the three workers away all iteration) holding `points` of planned work. */
async function planned(name: string, points: number[], dates: { startDate: string; endDate?: string } = { startDate: '2026-11-30' }) {
  const team = await createTeam(t.app, name);
  const po = team.byRole.po;
  const it = (await po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, dates)).body;
  expect((await po.api.patch(`/api/iterations/${it.id}`, { absences: [{ userId: team.admin.id, days: 10 }, { userId: team.byRole.member.id, days: 10 }] })).status).toBe(200);
  const cards: Card[] = [];
  for (const [i, p] of points.entries()) cards.push((await po.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: `Story ${i + 1}`, points: p })).body);
  if (cards.length > 0) expect((await po.api.post(`/api/iterations/${it.id}/cards`, { cardIds: cards.map((c) => c.id) })).status).toBe(200);
  return { team, po, it, cards };
}

describe('starting over capacity', () => {
  it('409 over_capacity with the figures, and nothing changes, when 15 points sit on 8', async () => {
    const { team, po, it } = await planned('Over', [8, 5, 2]);
    expect((await detail(team, it.id)).capacity.total).toBe(8);
    const seq = await lastSeq(team);
    const res = await po.api.post<Err>(`/api/iterations/${it.id}/start`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('over_capacity');
    expect(res.body.error.message).toContain('15 of 8 points (7 over)');
    expect(res.body.error.details).toMatchObject({ planned: 15, capacity: 8, over: 7, iterationId: it.id, confirm: { overCapacity: { planned: 15, capacity: 8 } } });
    expect((await detail(team, it.id)).iteration.state).toBe('planned');
    expect(await lastSeq(team)).toBe(seq);
  });

  it('starts when the figures are confirmed, and records who, the figures and the reason in the event and on the iteration', async () => {
    const { team, po, it } = await planned('Confirmed', [8, 5, 2]);
    const seq = await lastSeq(team);
    const res = await po.api.post<Iteration>(`/api/iterations/${it.id}/start`, { confirm: { overCapacity: { planned: 15, capacity: 8 } }, reason: '  The upgrade cannot wait.  ' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'active', committedPoints: 15 });
    const expected: StartConfirmation = {
      userId: po.id,
      at: new Date(now).toISOString(),
      reason: 'The upgrade cannot wait.',
      overCapacity: { planned: 15, capacity: 8, over: 7, overCapacity: true },
      outsideDates: null,
    };
    const started = (await events(team, seq)).filter((e) => e.type === 'iteration.started');
    expect(started).toHaveLength(1);
    expect(started[0]!.actorId).toBe(po.id);
    expect(started[0]!.payload.confirmation).toEqual(expected);
    expect((await detail(team, it.id)).startConfirmation).toEqual(expected);
  });

  it('refuses a confirmation the plan has outgrown since (a card was added after the dialog opened)', async () => {
    const { team, po, it } = await planned('Outgrown', [8, 5]);
    const late = (await po.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Late', points: 5 })).body;
    await po.api.post(`/api/iterations/${it.id}/cards`, { cardIds: [late.id] });
    const res = await po.api.post<Err>(`/api/iterations/${it.id}/start`, { confirm: { overCapacity: { planned: 13, capacity: 8 } } });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ planned: 18, over: 10 });
    expect((await detail(team, it.id)).iteration.state).toBe('planned');
  });

  it('starts within capacity without any confirmation, with or without a body, and records none', async () => {
    const { team, po, it } = await planned('Fits', [5, 3]);
    const res = await po.api.post<Iteration>(`/api/iterations/${it.id}/start`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await detail(team, it.id)).startConfirmation).toBeNull();
    const started = (await events(team)).find((e) => e.type === 'iteration.started');
    expect(started?.payload.confirmation).toBeNull();
  });

  it('400 naming the field for a malformed confirmation, and nothing starts', async () => {
    const { team, po, it } = await planned('Malformed', [8, 5, 2]);
    const extra = await po.api.post<Err>(`/api/iterations/${it.id}/start`, { confirm: { overCapacity: { planned: 15, capacity: 8, sure: true } } });
    expect(extra.status).toBe(400);
    const long = await po.api.post<Err>(`/api/iterations/${it.id}/start`, { confirm: { overCapacity: { planned: 15, capacity: 8 } }, reason: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.body.error.details?.field).toBe('reason');
    const negative = await po.api.post<Err>(`/api/iterations/${it.id}/start`, { confirm: { overCapacity: { planned: -1, capacity: 8 } } });
    expect(negative.status).toBe(400);
    expect((await detail(team, it.id)).iteration.state).toBe('planned');
  });
});

describe('starting outside the dates', () => {
  it('409 outside_dates for an iteration that starts in 14 days; confirming the dates keeps them and records it', async () => {
    const { team, po, it } = await planned('Early', [3], { startDate: '2026-12-14' });
    const res = await po.api.post<Err>(`/api/iterations/${it.id}/start`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('outside_dates');
    expect(res.body.error.message).toContain('starts on 2026-12-14, in 14 days');
    expect(res.body.error.details).toMatchObject({ position: 'before', days: 14, today: '2026-11-30', confirm: { outsideDates: { startDate: '2026-12-14', endDate: '2026-12-25' } } });
    const ok = await po.api.post<Iteration>(`/api/iterations/${it.id}/start`, { confirm: { outsideDates: { startDate: '2026-12-14', endDate: '2026-12-25' } } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ startDate: '2026-12-14', state: 'active' });
    expect((await detail(team, it.id)).startConfirmation).toMatchObject({ userId: po.id, reason: null, overCapacity: null, outsideDates: { position: 'before', days: 14 } });
  });

  it('moves the dates to today, keeping the length, instead of confirming; the move is an iteration.updated event', async () => {
    const { team, po, it } = await planned('Moved', [3], { startDate: '2026-12-14' });
    const seq = await lastSeq(team);
    const res = await po.api.post<Iteration>(`/api/iterations/${it.id}/start`, { moveDatesToToday: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ startDate: '2026-11-30', endDate: '2026-12-11', state: 'active' });
    const after = await events(team, seq);
    expect(after.map((e) => e.type)).toEqual(['iteration.updated', 'iteration.started']);
    expect(after[0]!.payload.changes).toEqual({ startDate: { from: '2026-12-14', to: '2026-11-30' }, endDate: { from: '2026-12-25', to: '2026-12-11' } });
    expect((await detail(team, it.id)).startConfirmation).toBeNull();
  });

  it('refuses moving the dates onto another open iteration (409 conflict) and changes nothing', async () => {
    const { team, po } = await planned('Clash', [], { startDate: '2026-11-23', endDate: '2026-12-04' });
    const later = (await po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { startDate: '2026-12-14' })).body;
    const res = await po.api.post<Err>(`/api/iterations/${later.id}/start`, { moveDatesToToday: true });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect((await detail(team, later.id)).iteration).toMatchObject({ state: 'planned', startDate: '2026-12-14' });
  });

  it('409 outside_dates for an iteration that has already ended', async () => {
    const { po, it } = await planned('Late', [3], { startDate: '2026-11-09', endDate: '2026-11-20' });
    const res = await po.api.post<Err>(`/api/iterations/${it.id}/start`, {});
    expect(res.body.error.code).toBe('outside_dates');
    expect(res.body.error.message).toContain('ended on 2026-11-20, 10 days ago');
  });

  it('over capacity and early: the 409 lists both, and the confirmation it offers starts it', async () => {
    const { team, po, it } = await planned('Both', [8, 5, 2], { startDate: '2026-12-14' });
    const res = await po.api.post<Err>(`/api/iterations/${it.id}/start`, {});
    expect(res.body.error.code).toBe('over_capacity');
    const details = res.body.error.details!;
    expect(details.checks).toMatchObject({ overCapacity: { over: 7 }, outsideDates: { position: 'before', days: 14 } });
    const ok = await po.api.post(`/api/iterations/${it.id}/start`, { confirm: details.confirm, reason: 'Agreed at planning' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await detail(team, it.id)).startConfirmation).toMatchObject({ reason: 'Agreed at planning', overCapacity: { over: 7 }, outsideDates: { days: 14 } });
  });
});

describe('closing with a choice of cards', () => {
  it('sends the chosen unfinished cards to the backlog and carries the rest to the next iteration', async () => {
    now = Date.parse('2026-11-30T10:00:00Z');
    const { team, po, it, cards } = await planned('Choose', [3, 2, 1]);
    expect((await po.api.post(`/api/iterations/${it.id}/start`)).status).toBe(200);
    const next = (await po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { startDate: '2026-12-14' })).body;
    const stray = (await po.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Not in it' })).body;
    const bad = await po.api.post<Err>(`/api/iterations/${it.id}/close`, { carryOverTo: next.id, backlogCardIds: [cards[1]!.id, stray.id] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.field).toBe('backlogCardIds[1]');
    expect((await detail(team, it.id)).iteration.state).toBe('active');

    const res = await po.api.post(`/api/iterations/${it.id}/close`, { carryOverTo: next.id, backlogCardIds: [cards[1]!.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await detail(team, it.id)).carriedOver).toEqual(
      expect.arrayContaining([
        { cardId: cards[0]!.id, to: next.id },
        { cardId: cards[1]!.id, to: null },
        { cardId: cards[2]!.id, to: next.id },
      ]),
    );
    expect((await detail(team, next.id)).cards.map((c) => c.id).sort()).toEqual([cards[0]!.id, cards[2]!.id].sort());
    const snap = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
    const backlog = snap.columns.find((c) => c.category === 'backlog')!;
    expect(snap.cards.find((c) => c.id === cards[1]!.id)).toMatchObject({ iterationId: null, columnId: backlog.id });
  });
});
