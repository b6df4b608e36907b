import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { BoardSnapshot, Card, Column } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let columns: Column[];
const clients: WsClient[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true, hub: { maxCatchUp: 150 }, ws: { heartbeatMs: 200 } });
  team = await createTeam(t.app, 'Live');
  columns = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body.columns;
});
afterAll(async () => {
  for (const c of clients) c.kill();
  await t?.close();
  await db?.close();
});

function client(token: string): WsClient {
  const c = new WsClient({ baseUrl: t.baseUrl, token });
  clients.push(c);
  return c;
}

/**
 * Proves, without waiting on a clock, that nothing is on its way to `c`: called once
 * another subscriber of the same stream on this instance received the event, whose
 * delivery loop sends to every subscriber at once. A pong asked for now leaves after
 * anything sent to `c` before it, on the same connection, so once it is here, so is that.
 */
let pings = 0;
async function nothingElseQueued(c: WsClient): Promise<void> {
  const at = ++pings;
  c.send({ type: 'ping', at });
  await c.waitFor(() => c.messages.some((m) => m.type === 'pong' && m.at === at));
}

const board = () => team.boards.planned;
const serverSnapshot = async () => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board()}`)).body;

describe('websocket sync', () => {
  it('two clients on one board see each other’s changes, in the same order', async () => {
    const a = client(team.admin.token);
    const b = client(team.byRole.member.token);
    await a.connect();
    await b.connect();
    await a.openBoard(board());
    await b.openBoard(board());
    const writes = [];
    for (let i = 0; i < 10; i++) {
      const who = i % 2 === 0 ? team.admin : team.byRole.member;
      writes.push(who.api.post<Card>(`/api/boards/${board()}/cards`, { title: `Parallel ${i}` }));
    }
    await Promise.all(writes);
    const server = await serverSnapshot();
    await a.waitFor(() => a.seqOf(board()) === server.seq);
    await b.waitFor(() => b.seqOf(board()) === server.seq);
    expect(a.applied.map((e) => e.seq)).toEqual(b.applied.map((e) => e.seq));
    expect(a.applied.map((e) => e.type)).toEqual(b.applied.map((e) => e.type));
    expect(a.snapshotOf(board())).toEqual(server);
    expect(b.snapshotOf(board())).toEqual(server);
  });

  it('a client that misses 100 events and resubscribes from its seq ends with exactly the server state', async () => {
    const c = client(team.byRole.viewer.token);
    await c.connect();
    await c.openBoard(board());
    const heldSeq = c.seqOf(board());
    c.kill();
    const cards = (await serverSnapshot()).cards;
    for (let i = 0; i < 100; i++) {
      const card = cards[i % cards.length]!;
      const res = await team.admin.api.post(`/api/cards/${card.id}/move`, { toColumnId: columns[i % 2]!.id, position: i % 3 });
      expect(res.status).toBe(200);
    }
    const server = await serverSnapshot();
    expect(server.seq - heldSeq).toBe(100);
    const appliedBefore = c.applied.length;
    await c.reconnect();
    await c.waitFor(() => c.seqOf(board()) === server.seq);
    const caughtUp = c.applied.slice(appliedBefore).map((e) => e.seq);
    expect(caughtUp).toEqual(Array.from({ length: 100 }, (_, i) => heldSeq + 1 + i));
    expect(c.duplicates).toBe(0);
    expect(c.gaps).toBe(0);
    expect(c.snapshotOf(board())).toEqual(server);
  });

  it('a client too far behind is told to reload the snapshot, and converges after it does', async () => {
    const c = client(team.admin.token);
    await c.connect();
    await c.openBoard(board());
    const held = c.seqOf(board());
    c.kill();
    const card = (await serverSnapshot()).cards[0]!;
    for (let i = 0; i < 160; i++) await team.admin.api.post(`/api/cards/${card.id}/move`, { toColumnId: columns[i % 2]!.id });
    await c.reconnect();
    await c.waitFor(() => c.messages.some((m) => m.type === 'resync' && m.reason === 'too_far_behind'));
    const server = await serverSnapshot();
    await c.waitFor(() => c.seqOf(board()) === server.seq);
    expect(c.seqOf(board())).toBeGreaterThan(held + 150);
    expect(c.snapshotOf(board())).toEqual(server);
  });

  it('a viewer receives events but cannot mutate; nothing reaches the stream from the refused write', async () => {
    const v = client(team.byRole.viewer.token);
    await v.connect();
    await v.openBoard(board());
    const seq = v.seqOf(board());
    const res = await team.byRole.viewer.api.post<{ error: { code: string } }>(`/api/boards/${board()}/cards`, { title: 'Viewer write' });
    expect(res.status).toBe(403);
    expect((await serverSnapshot()).seq).toBe(seq);
  });

  it('a non-member cannot subscribe: the subscription is rejected as not found', async () => {
    const stranger = await createTeam(t.app, 'Strangers');
    const s = client(stranger.admin.token);
    await s.connect();
    s.subscribe(board(), 0);
    await s.waitFor(() => s.messages.some((m) => m.type === 'rejected'));
    expect(s.messages.find((m) => m.type === 'rejected')).toMatchObject({ streamId: board(), code: 'not_found' });
    const member = client(team.byRole.member.token);
    await member.connect();
    await member.openBoard(board());
    const secret = (await team.admin.api.post<Card>(`/api/boards/${board()}/cards`, { title: 'Private' })).body;
    await member.waitFor(() => member.boards.get(board())!.cards.has(secret.id));
    await nothingElseQueued(s);
    expect(s.messages.some((m) => m.type === 'event')).toBe(false);
  });

  it('the handshake needs credentials and a same-site origin', async () => {
    const url = `${t.baseUrl.replace('http', 'ws')}/api/ws`;
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => undefined);
      });
    expect(await status({})).toBe(401);
    expect(await status({ cookie: team.admin.cookie, origin: 'https://evil.example' })).toBe(403);
    expect(await status({ cookie: team.admin.cookie, origin: t.baseUrl })).toBe(101);
  });

  it('presence: joins and leaves are broadcast to everyone on the board', async () => {
    const own = await createTeam(t.app, 'Presence');
    const p1 = client(own.byRole.po.token);
    const p2 = client(own.byRole.member.token);
    await p1.connect();
    await p1.openBoard(own.boards.planned);
    await p2.connect();
    await p2.openBoard(own.boards.planned);
    const viewers = (c: WsClient) => (c.presence.get(own.boards.planned) ?? []).map((v) => v.name).sort();
    await p1.waitFor(() => viewers(p1).length === 2);
    expect(viewers(p1)).toEqual([own.byRole.member.name, own.byRole.po.name].sort());
    await p2.waitFor(() => viewers(p2).length === 2);
    await p2.close();
    await p1.waitFor(() => viewers(p1).length === 1);
    expect(viewers(p1)).toEqual([own.byRole.po.name]);
  });

  it('a removed member’s live subscription ends at once', async () => {
    const other = await createTeam(t.app, 'Removal');
    const m = client(other.byRole.member.token);
    await m.connect();
    await m.openBoard(other.boards.planned);
    await other.admin.api.del(`/api/teams/${other.team.id}/members/${other.byRole.member.id}`);
    await m.waitFor(() => m.messages.some((x) => x.type === 'rejected' && x.code === 'forbidden'));
    const before = m.messages.length;
    const admin = client(other.admin.token);
    await admin.connect();
    await admin.openBoard(other.boards.planned);
    const after = (await other.admin.api.post<Card>(`/api/boards/${other.boards.planned}/cards`, { title: 'After removal' })).body;
    await admin.waitFor(() => admin.boards.get(other.boards.planned)!.cards.has(after.id));
    await nothingElseQueued(m);
    expect(m.messages.slice(before).some((x) => x.type === 'event')).toBe(false);
  });

  it('logging out closes the session’s websocket with the auth close code', async () => {
    const u = (await createTeam(t.app, 'Logout')).admin;
    const ws = new WebSocket(`${t.baseUrl.replace('http', 'ws')}/api/ws`, { headers: { cookie: u.cookie, origin: t.baseUrl } });
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    expect((await u.session.post('/api/auth/logout')).status).toBe(200);
    expect(await closed).toBe(4001);
  });

  it('a dead connection that stops answering pings is dropped by the heartbeat', async () => {
    const d = client(team.admin.token);
    await d.connect();
    const before = t.hub.connectionCount;
    // Stop reading: no pong goes back, as with a laptop that went to sleep.
    (d.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const started = Date.now();
    while (t.hub.connectionCount !== before - 1) {
      if (Date.now() - started > 5_000) throw new Error('the heartbeat did not drop the connection');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a bad message gets a validation error and the connection stays usable', async () => {
    const c = client(team.admin.token);
    await c.connect();
    c.send({ type: 'subscribe', streamId: 'nope', sinceSeq: -1 });
    await c.waitFor(() => c.messages.some((m) => m.type === 'error'));
    c.send({ type: 'ping', at: 42 });
    await c.waitFor(() => c.messages.some((m) => m.type === 'pong' && m.at === 42));
  });
});

describe('slow consumers', () => {
  it('a client whose send buffer passes the limit is dropped (4008) and recovers by resubscribing, without stalling others', async () => {
    const small = await startTestApp({ database: db.database, listen: true, ws: { maxBufferedBytes: 2_000 } });
    try {
      const slow = new WsClient({ baseUrl: small.baseUrl, token: team.admin.token });
      const fast = new WsClient({ baseUrl: small.baseUrl, token: team.byRole.member.token });
      await slow.connect();
      await fast.connect();
      await slow.openBoard(board());
      await fast.openBoard(board());
      (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
      // Big events until the server gives up on the stalled client (kernel buffers absorb the first few MB).
      let card = (await team.admin.api.post<Card>(`/api/boards/${board()}/cards`, { title: 'Chatty card' })).body;
      for (let i = 0; i < 400 && small.hub.connectionCount > 1; i++) {
        const res = await team.admin.api.patch<Card>(`/api/cards/${card.id}`, { version: card.version, description: `${i} ${'x'.repeat(19_000)}` });
        expect(res.status).toBe(200);
        card = res.body;
      }
      expect(small.hub.connectionCount).toBe(1);
      const server = await serverSnapshot();
      await fast.waitFor(() => fast.seqOf(board()) === server.seq);
      (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
      await slow.waitFor(() => slow.closeCodes.includes(4008));
      await slow.reconnect();
      await slow.waitFor(() => slow.seqOf(board()) === server.seq);
      expect(slow.snapshotOf(board())).toEqual(server);
      expect(fast.snapshotOf(board())).toEqual(server);
      await slow.close();
      await fast.close();
    } finally {
      await small.close();
    }
  });
});
