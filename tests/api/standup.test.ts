/**
 * Standup mode over the API: "since the last standup" from the event log,
 * start / focus / finish with roles and 400s, and followers receiving the
 * facilitator's focus over the team stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Standup, StandupList, StandupSince } from '@opsboard/shared';
import { addGuest, createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let other: TestTeam;
let guest: TestUser;
let snapshot: BoardSnapshot;
const clients: WsClient[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true });
  team = await createTeam(t.app, 'Standup');
  other = await createTeam(t.app, 'Elsewhere');
  guest = await addGuest(t.app, team);
  snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
});
afterAll(async () => {
  for (const c of clients) c.kill();
  await t?.close();
  await db?.close();
});

const T = () => `/api/teams/${team.team.id}`;
const col = (category: string) => snapshot.columns.find((c) => c.category === category)!;
const member = () => team.byRole.member.api;
const allBoards = () => [team.boards.planned, team.boards.interrupts, team.boards.selfservice];

async function card(title: string): Promise<Card> {
  const res = await member().post<Card>(`/api/boards/${team.boards.planned}/cards`, { title, columnId: col('todo').id });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('since the last standup', () => {
  it('with no standup yet, lists what was added, moved and finished and the interrupts since the last working day', async () => {
    const added = await card('Write the runbook');
    const moving = await card('Patch the bastion');
    const finishing = await card('Renew the certificate');
    expect((await member().post(`/api/cards/${moving.id}/move`, { toColumnId: col('doing').id })).status).toBe(200);
    expect((await member().post(`/api/cards/${finishing.id}/move`, { toColumnId: col('doing').id })).status).toBe(200);
    expect((await member().post(`/api/cards/${finishing.id}/move`, { toColumnId: col('done').id })).status).toBe(200);
    const raised = await member().post<{ card: Card }>(`${T()}/interrupts`, { title: 'Disk full on db-2' });
    expect(raised.status).toBe(201);

    const res = await team.byRole.viewer.api.get<StandupSince>(`${T()}/standups/since`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.basis).toBe('default');
    expect(res.body.added.map((c) => c.title)).toEqual(expect.arrayContaining(['Write the runbook', 'Patch the bastion', 'Renew the certificate']));
    expect(res.body.added.map((c) => c.cardId)).toContain(added.id);
    expect(res.body.moved.map((c) => [c.cardId, c.fromColumn, c.toColumn])).toEqual([[moving.id, col('todo').name, col('doing').name]]);
    expect(res.body.finished.map((c) => [c.cardId, c.fromColumn, c.toColumn])).toEqual([[finishing.id, col('todo').name, col('done').name]]);
    expect(res.body.interrupts.map((c) => c.title)).toEqual(['Disk full on db-2']);
    // The interrupt card is an interrupt, not an added story.
    expect(res.body.added.map((c) => c.cardId)).not.toContain(raised.body.card.id);

    const onePlanned = await member().get<StandupSince>(`${T()}/standups/since?boardId=${team.boards.interrupts}`);
    expect(onePlanned.body.added).toEqual([]);
    expect(onePlanned.body.interrupts).toHaveLength(1);
  });

  it('400 for a board of another team, 403 for a guest, 404 for an outsider', async () => {
    const bad = await member().get<{ error: { details: { field: string } } }>(`${T()}/standups/since?boardId=${other.boards.planned}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe('boardId');
    expect((await member().get(`${T()}/standups/since?boardId=nope`)).status).toBe(400);
    expect((await guest.api.get(`${T()}/standups/since`)).status).toBe(403);
    expect((await other.admin.api.get(`${T()}/standups/since`)).status).toBe(404);
  });
});

describe('a standup', () => {
  let standup: Standup;

  it('a viewer cannot start one; bad boards are 400s naming the field', async () => {
    expect((await team.byRole.viewer.api.post(`${T()}/standups`, { boardIds: allBoards() })).status).toBe(403);
    const foreign = await member().post<{ error: { details: { field: string } } }>(`${T()}/standups`, { boardIds: [team.boards.planned, other.boards.planned] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details.field).toBe('boardIds[1]');
    const twice = await member().post<{ error: { details: { field: string } } }>(`${T()}/standups`, { boardIds: [team.boards.planned, team.boards.planned] });
    expect(twice.body.error.details.field).toBe('boardIds[1]');
    expect((await member().post(`${T()}/standups`, { boardIds: [] })).status).toBe(400);
    expect((await member().post(`${T()}/standups`, { boardIds: allBoards(), mode: 'dance' })).status).toBe(400);
    expect((await member().post(`${T()}/standups`, { boardIds: allBoards(), extra: 1 })).status).toBe(400);
    expect((await member().get<StandupList>(`${T()}/standups`)).body.live).toBeNull();
  });

  it('a member starts one and facilitates; a second start is a 409 naming the live one', async () => {
    const res = await member().post<Standup>(`${T()}/standups`, { boardIds: allBoards(), mode: 'person', limitSeconds: 90 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    standup = res.body;
    expect(standup).toMatchObject({ facilitatorId: team.byRole.member.id, mode: 'person', limitSeconds: 90, endedAt: null, focus: { boardId: team.boards.planned, cardId: null } });
    const again = await team.byRole.po.api.post<{ error: { code: string; details: { standupId: string } } }>(`${T()}/standups`, { boardIds: allBoards() });
    expect(again.status).toBe(409);
    expect(again.body.error.details.standupId).toBe(standup.id);
    expect((await team.byRole.viewer.api.get<StandupList>(`${T()}/standups`)).body.live?.id).toBe(standup.id);
    expect((await team.byRole.viewer.api.get<Standup>(`/api/standups/${standup.id}`)).status).toBe(200);
    expect((await guest.api.get(`/api/standups/${standup.id}`)).status).toBe(403);
    expect((await other.admin.api.get(`/api/standups/${standup.id}`)).status).toBe(404);
  });

  it('followers on the team stream see the facilitator move; only the facilitator may move it', async () => {
    const follower = new WsClient({ baseUrl: t.baseUrl, token: team.byRole.viewer.token });
    clients.push(follower);
    await follower.connect();
    const seq = Number((await db.database.db.execute<{ last_seq: string }>(`SELECT last_seq FROM streams WHERE id = '${team.team.id}'`)).rows[0]!.last_seq);
    follower.subscribe(team.team.id, seq);
    await follower.waitFor(() => follower.messages.some((m) => m.type === 'subscribed' && m.streamId === team.team.id));

    const target = (await member().get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body.cards[0]!;
    const focus = { boardId: team.boards.planned, cardId: target.id, personId: team.byRole.member.id, paused: false };
    const moved = await member().post<Standup>(`/api/standups/${standup.id}/focus`, focus);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.focus).toEqual(focus);
    await follower.waitFor(() => follower.messages.some((m) => m.type === 'event' && m.event.type === 'standup.focused'));
    const event = follower.messages.find((m) => m.type === 'event' && m.event.type === 'standup.focused');
    expect(event?.type === 'event' && event.event.payload).toEqual({ standupId: standup.id, focus });

    expect((await team.byRole.po.api.post(`/api/standups/${standup.id}/focus`, focus)).status).toBe(403);
    expect((await team.byRole.viewer.api.post(`/api/standups/${standup.id}/focus`, focus)).status).toBe(403);
    const notWalked = await member().post<{ error: { details: { field: string } } }>(`/api/standups/${standup.id}/focus`, { ...focus, boardId: other.boards.planned, cardId: null });
    expect(notWalked.body.error.details.field).toBe('boardId');
    const wrongCard = await member().post<{ error: { details: { field: string } } }>(`/api/standups/${standup.id}/focus`, { ...focus, boardId: team.boards.interrupts });
    expect(wrongCard.body.error.details.field).toBe('cardId');
    const stranger = await member().post<{ error: { details: { field: string } } }>(`/api/standups/${standup.id}/focus`, { ...focus, personId: other.admin.id });
    expect(stranger.body.error.details.field).toBe('personId');
    expect((await member().post(`/api/standups/${standup.id}/focus`, { ...focus, paused: 'yes' })).status).toBe(400);
    expect((await member().post(`/api/standups/${standup.id}/focus`, { boardId: team.boards.planned })).status).toBe(400);
  });

  it('during the standup, "since" still starts before it', async () => {
    expect((await member().get<StandupSince>(`${T()}/standups/since`)).body.basis).toBe('default');
  });

  it('finishing records duration and who spoke; a stranger as speaker is a 400 and nothing changes', async () => {
    const stranger = await member().post<{ error: { details: { field: string } } }>(`/api/standups/${standup.id}/finish`, {
      speakers: [{ userId: team.byRole.member.id, seconds: 40 }, { userId: other.admin.id, seconds: 10 }],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details.field).toBe('speakers[1].userId');
    expect((await member().post(`/api/standups/${standup.id}/finish`, { speakers: [{ userId: team.byRole.member.id, seconds: -1 }] })).status).toBe(400);
    expect((await member().get<StandupList>(`${T()}/standups`)).body.live?.id).toBe(standup.id);
    expect((await team.byRole.viewer.api.post(`/api/standups/${standup.id}/finish`, { speakers: [] })).status).toBe(403);

    const done = await member().post<Standup>(
      `/api/standups/${standup.id}/finish`,
      { speakers: [{ userId: team.byRole.member.id, seconds: 40 }, { userId: team.byRole.po.id, seconds: 55 }, { userId: team.byRole.member.id, seconds: 5 }] },
      { 'idempotency-key': 'finish-1' },
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.endedAt).not.toBeNull();
    expect(done.body.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(done.body.speakers).toEqual([
      { userId: team.byRole.member.id, seconds: 45 },
      { userId: team.byRole.po.id, seconds: 55 },
    ]);
    // The same request again answers the first result.
    const replay = await member().post<Standup>(`/api/standups/${standup.id}/finish`, { speakers: [{ userId: team.byRole.member.id, seconds: 40 }, { userId: team.byRole.po.id, seconds: 55 }, { userId: team.byRole.member.id, seconds: 5 }] }, { 'idempotency-key': 'finish-1' });
    expect(replay.body).toEqual(done.body);
    expect((await member().post(`/api/standups/${standup.id}/finish`, { speakers: [] })).status).toBe(409);
    expect((await member().post(`/api/standups/${standup.id}/focus`, { boardId: team.boards.planned, cardId: null, personId: null, paused: false })).status).toBe(409);

    const list = (await team.byRole.viewer.api.get<StandupList>(`${T()}/standups`)).body;
    expect(list.live).toBeNull();
    expect(list.recent.map((s) => s.id)).toEqual([standup.id]);
  });

  it('after it, "since" starts at that standup and lists only what came later', async () => {
    const later = await card('After the standup');
    const res = await member().get<StandupSince>(`${T()}/standups/since`);
    expect(res.body.basis).toBe('standup');
    expect(res.body.since).toBe(standup.startedAt);
    expect(res.body.added.map((c) => c.cardId)).toEqual([later.id]);
    expect(res.body.moved).toEqual([]);
    expect(res.body.interrupts).toEqual([]);
  });

  it('two starts at once: one standup, the other a 409', async () => {
    const [a, b] = await Promise.all([member().post(`${T()}/standups`, { boardIds: [team.boards.planned] }), team.byRole.po.api.post(`${T()}/standups`, { boardIds: [team.boards.planned] })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const live = (await member().get<StandupList>(`${T()}/standups`)).body.live!;
    expect((await team.byRole.admin.api.post(`/api/standups/${live.id}/finish`, { speakers: [] })).status).toBe(200);
  });

  it('a po may finish a standup someone else facilitates', async () => {
    const started = await member().post<Standup>(`${T()}/standups`, { boardIds: [team.boards.planned] });
    expect(started.status).toBe(201);
    const finished = await team.byRole.po.api.post<Standup>(`/api/standups/${started.body.id}/finish`, { speakers: [] });
    expect(finished.status).toBe(200);
  });
});
