import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Feature, FeatureDetail, FeatureSummary, Iteration, IterationDetail, PairingMatrix, VelocityReport } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
// Monday 30 Nov 2026, 10:00 UTC.
let now = Date.parse('2026-11-30T10:00:00Z');
const clock = () => new Date(now);
type Err = { error: { code: string; message: string; details?: { field?: string } } };

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, clock, listen: true });
  team = await createTeam(t.app, 'Planning');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const snap = async (boardId: string) => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body;
const col = async (boardId: string, category: string) => (await snap(boardId)).columns.find((c) => c.category === category)!;

async function card(boardId: string, title: string, extra: Record<string, unknown> = {}): Promise<Card> {
  const res = await team.byRole.po.api.post<Card>(`/api/boards/${boardId}/cards`, { title, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('features', () => {
  let feature: Feature;

  it('the PO creates a feature with a lead; a member cannot', async () => {
    const res = await team.byRole.po.api.post<Feature>(`/api/teams/${team.team.id}/features`, {
      name: 'Self-service DNS',
      goal: 'Developers create internal DNS records without a ticket.',
      customer: 'Product engineering',
      status: 'active',
      leadId: team.byRole.member.id,
    });
    expect(res.status).toBe(201);
    feature = res.body;
    expect((await team.byRole.member.api.post(`/api/teams/${team.team.id}/features`, { name: 'Nope' })).status).toBe(403);
    const bad = await team.byRole.po.api.post<Err>(`/api/teams/${team.team.id}/features`, { name: 'X', leadId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.body.error.details?.field).toBe('leadId');
  });

  it('the feature lead (a member) may edit it; a stale version gets 409', async () => {
    const res = await team.byRole.member.api.patch<Feature>(`/api/features/${feature.id}`, { version: feature.version, goal: 'No tickets for DNS records.' });
    expect(res.status).toBe(200);
    const stale = await team.byRole.member.api.patch<Err>(`/api/features/${feature.id}`, { version: feature.version, goal: 'Lost?' });
    expect(stale.body.error.code).toBe('version_conflict');
    feature = res.body;
    expect((await team.byRole.viewer.api.patch(`/api/features/${feature.id}`, { version: feature.version, goal: 'x' })).status).toBe(403);
  });

  it('shows its cards across boards with points done versus total', async () => {
    const a = await card(team.boards.selfservice, 'DNS form with validation', { featureId: feature.id, points: 5 });
    const b = await card(team.boards.planned, 'Delegate the internal zone', { featureId: feature.id, points: 3 });
    await team.admin.api.post(`/api/cards/${b.id}/move`, { toColumnId: (await col(team.boards.planned, 'done')).id });
    const detail = (await team.byRole.viewer.api.get<FeatureDetail>(`/api/features/${feature.id}`)).body;
    expect(detail.cards.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(detail.progress).toEqual({ cards: 2, doneCards: 1, points: 8, donePoints: 3 });
    const list = (await team.byRole.viewer.api.get<FeatureSummary[]>(`/api/teams/${team.team.id}/features`)).body;
    expect(list.find((f) => f.feature.id === feature.id)?.progress.donePoints).toBe(3);
    const other = await createTeam(t.app, 'Foreign');
    const foreign = await other.admin.api.post<Err>(`/api/boards/${other.boards.planned}/cards`, { title: 'x', featureId: feature.id });
    expect(foreign.body.error.details?.field).toBe('featureId');
  });

  it('pairs per iteration feed the pairing matrix', async () => {
    const it1 = (await team.byRole.po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { startDate: '2026-10-19', endDate: '2026-10-30' })).body;
    const res = await team.byRole.member.api.put<FeatureDetail>(`/api/features/${feature.id}/pairs`, { iterationId: it1.id, pairs: [[team.byRole.member.id, team.admin.id]] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.pairs[0]).toMatchObject({ iterationId: it1.id, pairs: [[team.byRole.member.id, team.admin.id].sort()] });
    const same = await team.byRole.member.api.put<Err>(`/api/features/${feature.id}/pairs`, { iterationId: it1.id, pairs: [[team.admin.id, team.admin.id]] });
    expect(same.body.error.details?.field).toBe('pairs[0]');
    const matrix = (await team.byRole.viewer.api.get<PairingMatrix>(`/api/teams/${team.team.id}/pairing`)).body;
    const [x, y] = [team.byRole.member.id, team.admin.id].sort();
    expect(matrix.counts).toContainEqual({ a: x, b: y, count: 1 });
    // Tidy: that early iteration is only for pairs. Its dates are over, so starting it asks to confirm them.
    expect((await team.byRole.po.api.post(`/api/iterations/${it1.id}/start`, { confirm: { outsideDates: { startDate: it1.startDate, endDate: it1.endDate } } })).status).toBe(200);
    expect((await team.byRole.po.api.post(`/api/iterations/${it1.id}/close`, { carryOverTo: null })).status).toBe(200);
  });

  it("shows the pairs its cards' assignees make, beside the pairs the lead set, and the matrix counts each pairing once per iteration", async () => {
    const [lead, admin, po] = [team.byRole.member, team.admin, team.byRole.po];
    const it2 = (await po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { startDate: '2026-11-02', endDate: '2026-11-13' })).body;
    const paired = await card(team.boards.planned, 'Zone delegation runbook', { featureId: feature.id, assigneeIds: [admin.id, lead.id] });
    const loose = await card(team.boards.selfservice, 'DNS record templates', { featureId: feature.id, assigneeIds: [po.id, admin.id] });
    await card(team.boards.planned, 'Solo work', { featureId: feature.id, assigneeIds: [po.id] });
    expect((await po.api.post(`/api/iterations/${it2.id}/cards`, { cardIds: [paired.id] })).status).toBe(200);
    // The lead sets the same pair for the iteration too: still one pairing in the matrix.
    expect((await lead.api.put(`/api/features/${feature.id}/pairs`, { iterationId: it2.id, pairs: [[lead.id, admin.id]] })).status).toBe(200);

    const detail = (await team.byRole.viewer.api.get<FeatureDetail>(`/api/features/${feature.id}`)).body;
    const [x, y] = [lead.id, admin.id].sort() as [string, string];
    const inIt2 = detail.pairs.find((p) => p.iterationId === it2.id);
    expect(inIt2).toEqual({ iterationId: it2.id, iterationName: it2.name, pairs: [[x, y]], fromCards: [{ pair: [x, y], cardIds: [paired.id] }] });
    const outside = detail.pairs.find((p) => p.iterationId === null);
    expect(outside).toEqual({ iterationId: null, iterationName: null, pairs: [], fromCards: [{ pair: [po.id, admin.id].sort(), cardIds: [loose.id] }] });
    // Newest iteration first, cards outside iterations last.
    expect(detail.pairs.map((p) => p.iterationId)).toEqual([it2.id, expect.any(String), null]);

    const matrix = (await team.byRole.viewer.api.get<PairingMatrix>(`/api/teams/${team.team.id}/pairing`)).body;
    expect(matrix.counts).toContainEqual({ a: x, b: y, count: 2 }); // the first iteration and this one
  });
});

describe('backlog ranking', () => {
  it('only the PO reorders the backlog; others propose at the bottom', async () => {
    const backlog = await col(team.boards.planned, 'backlog');
    const [a, b] = [await card(team.boards.planned, 'Rank A'), await card(team.boards.planned, 'Rank B')];
    const refused = await team.byRole.member.api.post<Err>(`/api/cards/${b.id}/move`, { toColumnId: backlog.id, position: 0 });
    expect(refused.status).toBe(403);
    const proposal = await team.byRole.member.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Member idea', position: 0 });
    expect(proposal.status).toBe(201);
    let order = (await snap(team.boards.planned)).cards.filter((c) => c.columnId === backlog.id).map((c) => c.title);
    expect(order.at(-1)).toBe('Member idea');
    // The PO moves B to the top, then A to the bottom.
    expect((await team.byRole.po.api.post(`/api/cards/${b.id}/move`, { toColumnId: backlog.id, position: 0 })).status).toBe(200);
    expect((await team.byRole.po.api.post(`/api/cards/${a.id}/move`, { toColumnId: backlog.id })).status).toBe(200);
    order = (await snap(team.boards.planned)).cards.filter((c) => c.columnId === backlog.id).map((c) => c.title);
    expect(order[0]).toBe('Rank B');
    expect(order.at(-1)).toBe('Rank A');
  });
});

describe('iterations', () => {
  let current: Iteration;
  let next: Iteration;
  const cards: Card[] = [];

  it('a new iteration is two weeks by default; bad dates get a clear 400 or 409 and nothing is written', async () => {
    const res = await team.byRole.po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { startDate: '2026-11-30', goal: 'Self-service DNS in beta' });
    expect(res.status).toBe(201);
    current = res.body;
    expect(current).toMatchObject({ startDate: '2026-11-30', endDate: '2026-12-11', state: 'planned', pointsPerPerson: 8 });
    const before = (await team.admin.api.get<Iteration[]>(`/api/teams/${team.team.id}/iterations`)).body.length;
    const backwards = await team.byRole.po.api.post<Err>(`/api/teams/${team.team.id}/iterations`, { startDate: '2026-12-14', endDate: '2026-12-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details?.field).toBe('endDate');
    const overlap = await team.byRole.po.api.post<Err>(`/api/teams/${team.team.id}/iterations`, { startDate: '2026-12-07' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toContain(current.name);
    expect((await team.admin.api.get<Iteration[]>(`/api/teams/${team.team.id}/iterations`)).body.length).toBe(before);
    expect((await team.byRole.member.api.post(`/api/teams/${team.team.id}/iterations`, { startDate: '2027-01-04' })).status).toBe(403);
    next = (await team.byRole.po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { startDate: '2026-12-14' })).body;
  });

  it('planning pulls backlog cards in (they move to Ready); capacity counts absence and the PoTW', async () => {
    await team.admin.api.put(`/api/teams/${team.team.id}/rotation`, { memberIds: [team.byRole.member.id, team.byRole.po.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC' });
    for (const [title, points, board] of [
      ['Upgrade Kubernetes', 8, team.boards.planned],
      ['Rotate TLS certs', 3, team.boards.planned],
      ['Self-service DB snapshots', 5, team.boards.selfservice],
      ['One-click restarts', 2, team.boards.selfservice],
    ] as const) {
      cards.push(await card(board, title, { points }));
    }
    const other = await createTeam(t.app, 'Outsiders');
    const theirs = (await other.admin.api.post<Card>(`/api/boards/${other.boards.planned}/cards`, { title: 'theirs' })).body;
    const bad = await team.byRole.po.api.post<Err>(`/api/iterations/${current.id}/cards`, { cardIds: [cards[0]!.id, theirs.id] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.field).toBe('cardIds[1]');
    expect((await team.byRole.member.api.post(`/api/iterations/${current.id}/cards`, { cardIds: [cards[0]!.id] })).status).toBe(403);

    const res = await team.byRole.po.api.post(`/api/iterations/${current.id}/cards`, { cardIds: cards.map((c) => c.id) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ready = await col(team.boards.planned, 'todo');
    const planned = (await snap(team.boards.planned)).cards.find((c) => c.id === cards[0]!.id)!;
    expect(planned).toMatchObject({ iterationId: current.id, columnId: ready.id });

    await team.byRole.po.api.patch(`/api/iterations/${current.id}`, { absences: [{ userId: team.admin.id, days: 5 }] });
    const detail = (await team.byRole.viewer.api.get<IterationDetail>(`/api/iterations/${current.id}`)).body;
    expect(detail.workingDays).toBe(10);
    expect(detail.plannedPoints).toBe(18);
    const person = (id: string) => detail.capacity.perPerson.find((p) => p.userId === id)!;
    expect(person(team.admin.id)).toMatchObject({ absenceDays: 5, points: 4 });
    expect(person(team.byRole.member.id)).toMatchObject({ potwDays: 5, points: 4 }); // PoTW the first week
    expect(person(team.byRole.po.id)).toMatchObject({ potwDays: 5, points: 4 });
    expect(detail.capacity.perPerson.some((p) => p.userId === team.byRole.viewer.id)).toBe(false);
  });

  it('the SS&A allocation warns when fewer than two people are on self-service work, and clears at two', async () => {
    const [snapshotsCard, restartCard] = [cards[2]!, cards[3]!];
    let detail = (await team.admin.api.get<IterationDetail>(`/api/iterations/${current.id}`)).body;
    expect(detail.ssa).toMatchObject({ count: 0, ok: false });
    await team.admin.api.patch(`/api/cards/${snapshotsCard.id}`, { version: (await latest(snapshotsCard.id)).version, assigneeIds: [team.byRole.member.id] });
    detail = (await team.admin.api.get<IterationDetail>(`/api/iterations/${current.id}`)).body;
    expect(detail.ssa).toMatchObject({ count: 1, ok: false });
    expect(detail.ssa.message).toContain('pair');
    await team.admin.api.patch(`/api/cards/${restartCard.id}`, { version: (await latest(restartCard.id)).version, assigneeIds: [team.admin.id] });
    detail = (await team.admin.api.get<IterationDetail>(`/api/iterations/${current.id}`)).body;
    expect(detail.ssa).toMatchObject({ count: 2, ok: true });
  });

  it('only the PO starts it; starting snapshots the commitment; a second active iteration is refused', async () => {
    const watcher = new WsClient({ baseUrl: t.baseUrl, token: team.byRole.viewer.token });
    await watcher.connect();
    watcher.subscribe(team.team.id, (await team.admin.api.get<{ seq: number }>(`/api/boards/${team.team.id}/events?since=0&limit=1`)).body.seq);
    await watcher.waitFor(() => watcher.messages.some((m) => m.type === 'subscribed' && m.streamId === team.team.id));
    expect((await team.byRole.member.api.post(`/api/iterations/${current.id}/start`)).status).toBe(403);
    // 18 points on a capacity of 12: the PO confirms the figures.
    const over = await team.byRole.po.api.post<Err>(`/api/iterations/${current.id}/start`);
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('over_capacity');
    const started = await team.byRole.po.api.post<Iteration>(`/api/iterations/${current.id}/start`, { confirm: { overCapacity: { planned: 18, capacity: 12 } } });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ state: 'active', committedPoints: 18 });
    const detail = (await team.admin.api.get<IterationDetail>(`/api/iterations/${current.id}`)).body;
    expect(detail.committed?.map((c) => c.cardId).sort()).toEqual(cards.map((c) => c.id).sort());
    const second = await team.byRole.po.api.post<Err>(`/api/iterations/${next.id}/start`);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('iteration_state');
    await watcher.waitFor(() => watcher.messages.some((m) => m.type === 'event' && (m.event as { type: string }).type === 'iteration.started'));
    watcher.kill();
  });

  it('burndown and burnup follow the log: work done, scope added after start shown as such', async () => {
    now = Date.parse('2026-12-02T15:00:00Z');
    await team.admin.api.post(`/api/cards/${cards[1]!.id}/move`, { toColumnId: (await col(team.boards.planned, 'done')).id });
    now = Date.parse('2026-12-03T15:00:00Z');
    const late = await card(team.boards.planned, 'Urgent: renew the wildcard certificate', { points: 2 });
    await team.byRole.po.api.post(`/api/iterations/${current.id}/cards`, { cardIds: [late.id] });
    cards.push(late);
    now = Date.parse('2026-12-04T15:00:00Z');
    await team.admin.api.post(`/api/cards/${cards[3]!.id}/move`, { toColumnId: (await col(team.boards.selfservice, 'done')).id });
    const burn = (await team.admin.api.get<IterationDetail>(`/api/iterations/${current.id}`)).body.burn;
    expect(burn.map((p) => p.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(burn[0]).toMatchObject({ scope: 18, completed: 0, remaining: 18, added: 0, ideal: 18 });
    expect(burn[2]).toMatchObject({ scope: 18, completed: 3, remaining: 15 });
    expect(burn[3]).toMatchObject({ scope: 20, completed: 3, remaining: 17, added: 2 });
    expect(burn[4]).toMatchObject({ scope: 20, completed: 5, remaining: 15, added: 2 });
  });

  it('closing carries exactly the unfinished cards over to the next iteration and records velocity', async () => {
    now = Date.parse('2026-12-11T17:00:00Z');
    expect((await team.byRole.member.api.post(`/api/iterations/${current.id}/close`, { carryOverTo: next.id })).status).toBe(403);
    const closed = await team.byRole.po.api.post<Iteration>(`/api/iterations/${current.id}/close`, { carryOverTo: next.id });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', completedPoints: 5 });
    const detail = (await team.admin.api.get<IterationDetail>(`/api/iterations/${current.id}`)).body;
    const unfinished = [cards[0]!, cards[2]!, cards[4]!].map((c) => c.id).sort();
    expect(detail.carriedOver?.map((c) => c.cardId).sort()).toEqual(unfinished);
    expect(detail.carriedOver?.every((c) => c.to === next.id)).toBe(true);
    const nextDetail = (await team.admin.api.get<IterationDetail>(`/api/iterations/${next.id}`)).body;
    expect(nextDetail.cards.map((c) => c.id).sort()).toEqual(unfinished);
    const finished = await latest(cards[1]!.id);
    expect(finished.iterationId).toBe(current.id);
    const velocity = (await team.byRole.viewer.api.get<VelocityReport>(`/api/teams/${team.team.id}/velocity`)).body;
    expect(velocity.entries.at(-1)).toMatchObject({ id: current.id, committed: 18, completed: 5 });
    const again = await team.byRole.po.api.post<Err>(`/api/iterations/${current.id}/close`, { carryOverTo: null });
    expect(again.body.error.code).toBe('iteration_state');
    const closedCard = await team.admin.api.patch<Err>(`/api/cards/${cards[1]!.id}`, { version: finished.version, iterationId: current.id, title: 'x' });
    expect(closedCard.body.error.details?.field).toBe('iterationId');
  });

  it('closing to the backlog returns unstarted cards to the top of the backlog', async () => {
    now = Date.parse('2026-12-14T10:00:00Z');
    expect((await team.byRole.po.api.post(`/api/iterations/${next.id}/start`)).status).toBe(200);
    expect((await team.byRole.po.api.post(`/api/iterations/${next.id}/close`, { carryOverTo: null })).status).toBe(200);
    const back = await latest(cards[0]!.id);
    expect(back.iterationId).toBeNull();
    expect(back.columnId).toBe((await col(team.boards.planned, 'backlog')).id);
  });
});

async function latest(cardId: string): Promise<Card> {
  return (await team.admin.api.get<{ card: Card }>(`/api/cards/${cardId}`)).body.card;
}
