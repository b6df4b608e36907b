/**
 * A guest's live channel: board and team streams are refused, and their own
 * requests arrive through `watch_requests`, carrying their items and nothing
 * else (not even the timing of the team's other work).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, MyRequests, ServerMessage } from '@opsboard/shared';
import { connectPostgres, type Database } from '../../server/src/db/database.js';
import { addGuest, createTeam, createTestDatabase, DB_KIND, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let guest: TestUser;
const clients: WsClient[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true });
  team = await createTeam(t.app, 'Live guests');
  guest = await addGuest(t.app, team, 'Live guest');
  expect(
    (await team.admin.api.put(`/api/teams/${team.team.id}/rotation`, { memberIds: [team.byRole.member.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC' })).status,
  ).toBe(200);
});
afterAll(async () => {
  for (const c of clients) c.kill();
  await t?.close();
  await db?.close();
});

async function connect(user: TestUser, app: TestApp = t): Promise<WsClient> {
  const c = new WsClient({ baseUrl: app.baseUrl, token: user.token });
  clients.push(c);
  await c.connect();
  return c;
}

type Listed = Extract<ServerMessage, { type: 'my_requests' }>;
const lists = (c: WsClient, teamId = team.team.id): MyRequests[] =>
  c.messages.filter((m): m is Listed => m.type === 'my_requests' && m.teamId === teamId).map((m) => m.requests);
const latest = (c: WsClient) => lists(c).at(-1);
const rejections = (c: WsClient) => c.messages.filter((m) => m.type === 'my_requests_rejected');

describe('a guest on the websocket', () => {
  it('is refused the board and team streams, while a member on the same stream gets the event', async () => {
    const g = await connect(guest);
    const member = await connect(team.byRole.member);
    await member.openBoard(team.boards.planned);
    for (const streamId of [team.boards.planned, team.boards.interrupts, team.team.id]) g.subscribe(streamId, 0);
    await g.waitFor(() => g.messages.filter((m) => m.type === 'rejected').length === 3);
    for (const m of g.messages.filter((x) => x.type === 'rejected')) expect(m).toMatchObject({ code: 'forbidden' });

    const card = (await team.byRole.member.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Members only' })).body;
    await member.waitFor(() => member.boards.get(team.boards.planned)?.cards.has(card.id) ?? false);
    expect(g.messages.some((m) => m.type === 'event' || m.type === 'subscribed' || m.type === 'presence')).toBe(false);
  });

  it('watches its own requests: the list now, then each change the PoTW makes', async () => {
    const g = await connect(guest);
    g.send({ type: 'watch_requests', teamId: team.team.id });
    await g.waitFor(() => lists(g).length === 1);
    const start = latest(g)!.requests.length;

    const raised = (await guest.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title: 'Printer queue stuck' })).body.card;
    await g.waitFor(() => latest(g)!.requests.length === start + 1);
    expect(latest(g)!.requests[0]).toMatchObject({ card: { cardId: raised.id, columnName: 'Inbox' }, triage: { status: 'untriaged' } });

    expect((await team.byRole.member.api.post(`/api/interrupts/${raised.id}/triage`, { action: 'accept' })).status).toBe(200);
    await g.waitFor(() => latest(g)!.requests[0]!.triage?.status === 'accepted');
    expect(latest(g)!.requests[0]!.card.columnName).toBe('Accepted');
  });

  it('gets nothing for the team’s other work; a member watching the same team proves that commit was looked at', async () => {
    const g = await connect(guest);
    g.send({ type: 'watch_requests', teamId: team.team.id });
    await g.waitFor(() => lists(g).length === 1);
    // The guest's list is worked out first in each refresh, so once the PO hears of a commit, the guest's turn is over.
    const po = await connect(team.byRole.po);
    po.send({ type: 'watch_requests', teamId: team.team.id });
    await po.waitFor(() => lists(po).length === 1);

    await team.byRole.po.api.post(`/api/boards/${team.boards.planned}/cards`, { title: 'The PO’s own story' });
    await po.waitFor(() => lists(po).length === 2);
    expect(lists(g)).toHaveLength(1);

    const raised = (await guest.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title: 'Guest’s second request' })).body.card;
    await g.waitFor(() => lists(g).length === 2);
    expect(latest(g)!.requests[0]!.card.cardId).toBe(raised.id);
    expect(JSON.stringify(latest(g))).not.toContain('The PO’s own story');
  });

  it('a viewer may not watch requests; an outsider’s watch of a team is as if it did not exist', async () => {
    const viewer = await connect(team.byRole.viewer);
    viewer.send({ type: 'watch_requests', teamId: team.team.id });
    await viewer.waitFor(() => rejections(viewer).length === 1);
    expect(rejections(viewer)[0]).toMatchObject({ code: 'forbidden' });
    const other = await createTeam(t.app, 'Elsewhere');
    const outsider = await connect(other.admin);
    outsider.send({ type: 'watch_requests', teamId: team.team.id });
    await outsider.waitFor(() => rejections(outsider).length === 1);
    expect(rejections(outsider)[0]).toMatchObject({ code: 'not_found' });
  });

  it('a guest removed from the team loses the channel at once', async () => {
    const leaving = await addGuest(t.app, team, 'Removed guest');
    const g = await connect(leaving);
    g.send({ type: 'watch_requests', teamId: team.team.id });
    await g.waitFor(() => lists(g).length === 1);
    expect((await team.admin.api.del(`/api/teams/${team.team.id}/members/${leaving.id}`)).status).toBe(200);
    await g.waitFor(() => rejections(g).length === 1);
    expect(rejections(g)[0]).toMatchObject({ code: 'not_found' });
  });

  it('a member made a guest loses their open board stream at once', async () => {
    const other = await createTeam(t.app, 'Demotion');
    const c = await connect(other.byRole.member);
    await c.openBoard(other.boards.planned);
    const card = (await other.admin.api.post<Card>(`/api/boards/${other.boards.planned}/cards`, { title: 'Seen while a member' })).body;
    await c.waitFor(() => c.boards.get(other.boards.planned)?.cards.has(card.id) ?? false);
    expect((await other.admin.api.patch(`/api/teams/${other.team.id}/members/${other.byRole.member.id}`, { role: 'guest' })).status).toBe(200);
    await c.waitFor(() => c.messages.some((m) => m.type === 'rejected' && m.streamId === other.boards.planned));
    expect(c.messages.find((m) => m.type === 'rejected')).toMatchObject({ code: 'forbidden' });
  });

  it('one connection follows at most ten teams’ requests', async () => {
    // Ten more teams of the admin's, so eleven watches that would all succeed: the eleventh is refused.
    const teamIds = [team.team.id];
    for (let i = 0; i < 10; i++) teamIds.push((await team.admin.api.post<{ id: string }>('/api/teams', { name: `Watched ${i}` })).body.id);
    const a = await connect(team.admin);
    for (const id of teamIds) a.send({ type: 'watch_requests', teamId: id });
    await a.waitFor(() => new Set(a.messages.filter((m) => m.type === 'my_requests').map((m) => m.teamId)).size === 10 && rejections(a).length === 1);
    expect(rejections(a)).toEqual([expect.objectContaining({ type: 'my_requests_rejected', code: 'invalid', teamId: teamIds[10] })]);
  });
});

describe.runIf(DB_KIND === 'postgres')('a guest watching on another instance', () => {
  let bDatabase: Database;
  let b: TestApp;

  beforeAll(async () => {
    bDatabase = connectPostgres({ url: db.url!, applicationName: 'opsboard-guests-b', onPoolError: () => undefined });
    b = await startTestApp({ database: bDatabase, listen: true, instanceId: 'guests-b' });
  });
  afterAll(async () => {
    await b?.close();
    await bDatabase?.close();
  });

  it('sees the PoTW’s triage made through instance A', async () => {
    const g = await connect(guest, b);
    g.send({ type: 'watch_requests', teamId: team.team.id });
    await g.waitFor(() => lists(g).length === 1);
    const raised = (await guest.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title: 'Across instances' })).body.card;
    await g.waitFor(() => latest(g)!.requests[0]!.card.cardId === raised.id);
    expect((await team.byRole.member.api.post(`/api/interrupts/${raised.id}/triage`, { action: 'close', resolution: 'Done on A' })).status).toBe(200);
    await g.waitFor(() => latest(g)!.requests[0]!.triage?.resolution === 'Done on A');
  });
});
