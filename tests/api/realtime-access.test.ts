/**
 * A connection's messages apply in order, a connection follows a bounded
 * number of streams, and an open websocket ends with the credential it was
 * opened with: revoked, logged out or expired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WS_MAX_SUBSCRIPTIONS, type Board, type Card } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
const clients: WsClient[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true });
  team = await createTeam(t.app, 'Order');
});
afterAll(async () => {
  for (const c of clients) c.kill();
  await t?.close();
  await db?.close();
});

function client(token: string, app: TestApp = t): WsClient {
  const c = new WsClient({ baseUrl: app.baseUrl, token });
  clients.push(c);
  return c;
}

async function until(predicate: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!(await predicate())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a connection’s messages apply strictly in order', () => {
  it('an unsubscribe sent right after subscribe wins: no events and no presence for that board afterwards', async () => {
    const watcher = client(team.byRole.po.token);
    await watcher.connect();
    await watcher.openBoard(team.boards.planned);

    const c = client(team.byRole.member.token);
    await c.connect();
    const seq = watcher.seqOf(team.boards.planned);
    // Back to back, as a page that opens a board and navigates away at once sends them.
    c.send({ type: 'subscribe', streamId: team.boards.planned, sinceSeq: seq });
    c.send({ type: 'unsubscribe', streamId: team.boards.planned });
    c.send({ type: 'subscribe', streamId: team.boards.interrupts, sinceSeq: 0 });
    // Applied in order, so both earlier messages are done once the third is answered.
    await c.waitFor(() => c.messages.some((m) => m.type === 'subscribed' && m.streamId === team.boards.interrupts));

    const card = (await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'After the unsubscribe' })).body;
    // Positive control: delivery works, the watcher on the same board gets the event.
    await watcher.waitFor(() => watcher.boards.get(team.boards.planned)?.cards.has(card.id) === true);
    // Anything the server sent c before this pong has arrived by then (one socket keeps its order).
    c.send({ type: 'ping', at: 1 });
    await c.waitFor(() => c.messages.some((m) => m.type === 'pong' && m.at === 1));
    const planned = c.messages.filter((m) => 'streamId' in m && m.streamId === team.boards.planned);
    expect(planned.filter((m) => m.type === 'event')).toEqual([]);
    // The member is not left behind as a viewer of the board.
    await until(async () => JSON.stringify((await t.hub.viewers(team.boards.planned)).map((v) => v.userId)) === JSON.stringify([team.byRole.po.id]), 'presence without the member');
    await watcher.waitFor(() => JSON.stringify((watcher.presence.get(team.boards.planned) ?? []).map((v) => v.userId)) === JSON.stringify([team.byRole.po.id]));
  });

  it(`a connection follows at most ${WS_MAX_SUBSCRIPTIONS} streams; one more is rejected with too_many_subscriptions and the rest keep working`, async () => {
    const own = await createTeam(t.app, 'Many');
    const streams = [own.team.id, own.boards.planned, own.boards.interrupts, own.boards.selfservice];
    while (streams.length <= WS_MAX_SUBSCRIPTIONS) {
      const board = await own.admin.api.post<Board>(`/api/teams/${own.team.id}/boards`, { kind: 'planned', name: `Extra ${streams.length}`, columns: [{ name: 'Only', category: 'todo' }] });
      expect(board.status).toBe(201);
      streams.push(board.body.id);
    }
    const c = client(own.byRole.viewer.token);
    await c.connect();
    for (const id of streams) c.subscribe(id, 0);
    const last = streams.at(-1)!;
    await c.waitFor(() => c.messages.some((m) => m.type === 'rejected' && m.streamId === last));
    expect(c.messages.find((m) => m.type === 'rejected')).toMatchObject({ streamId: last, code: 'too_many_subscriptions' });
    expect(c.messages.filter((m) => m.type === 'subscribed').length).toBe(WS_MAX_SUBSCRIPTIONS);
    // Resubscribing to a stream already followed does not count twice; dropping one makes room.
    c.subscribe(streams[0]!, 0);
    c.send({ type: 'unsubscribe', streamId: streams[1] });
    c.subscribe(last, 0);
    await c.waitFor(() => c.messages.some((m) => m.type === 'subscribed' && m.streamId === last));
    expect(c.messages.filter((m) => m.type === 'rejected')).toHaveLength(1);
  });
});

describe('an open websocket ends with its credential', () => {
  it('revoking an API token closes the websockets opened with it (4001), and only those', async () => {
    const created = await team.byRole.viewer.session.post<{ token: { id: string }; secret: string }>('/api/auth/tokens', { name: 'watcher script' });
    const revoked = client(created.body.secret);
    const other = client(team.byRole.viewer.token);
    await revoked.connect();
    await revoked.openBoard(team.boards.planned);
    await other.connect();
    await other.openBoard(team.boards.planned);
    expect((await team.byRole.viewer.session.del(`/api/auth/tokens/${created.body.token.id}`)).status).toBe(200);
    await revoked.waitFor(() => revoked.closeCodes.includes(4001));
    const card = (await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'After the revocation' })).body;
    await other.waitFor(() => other.boards.get(team.boards.planned)?.cards.has(card.id) === true);
    expect(other.closeCodes).toEqual([]);
  });

  it('revoking a session from the account page closes its websocket (4001)', async () => {
    const u = (await createTeam(t.app, 'Sessions')).admin;
    const ws = new WebSocket(`${t.baseUrl.replace('http', 'ws')}/api/ws`, { headers: { cookie: u.cookie, origin: t.baseUrl } });
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    const sessions = await u.api.get<{ id: string }[]>('/api/auth/sessions');
    expect(sessions.body).toHaveLength(1);
    expect((await u.api.del(`/api/auth/sessions/${sessions.body[0]!.id}`)).status).toBe(200);
    expect(await closed).toBe(4001);
  });
});

describe('expiry', () => {
  let now = 0;
  let timed: TestApp;
  beforeAll(async () => {
    // Starts at the real time the credentials were made at, then jumps ahead.
    now = Date.now();
    timed = await startTestApp({ database: db.database, listen: true, clock: () => new Date(now), hub: { accessCheckMs: 50 } });
  });
  afterAll(async () => {
    await timed?.close();
  });

  it('a token that expires, or a session left idle past its limit, closes its websocket (4001) at the next check', async () => {
    const created = await team.byRole.member.session.post<{ secret: string }>('/api/auth/tokens', { name: 'one day', expiresInDays: 1 });
    const byToken = client(created.body.secret, timed);
    const lasting = client(team.byRole.member.token, timed);
    await byToken.connect();
    await lasting.connect();
    const ws = new WebSocket(`${timed.baseUrl.replace('http', 'ws')}/api/ws`, { headers: { cookie: team.byRole.po.cookie, origin: timed.baseUrl } });
    const sessionClosed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    await new Promise((r) => ws.once('open', r));

    now += 25 * 3_600_000;
    await byToken.waitFor(() => byToken.closeCodes.includes(4001));
    now += 72 * 3_600_000; // past the default 72 idle hours since the session was last used
    expect(await sessionClosed).toBe(4001);
    // Positive control: a token without an end keeps its connection.
    lasting.send({ type: 'ping', at: 7 });
    await lasting.waitFor(() => lasting.messages.some((m) => m.type === 'pong' && m.at === 7));
    expect(lasting.closeCodes).toEqual([]);
  });
});
