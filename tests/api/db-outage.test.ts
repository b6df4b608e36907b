/**
 * PostgreSQL goes away while moves are in flight, on two instances: through a
 * proxy that drops every connection and refuses new ones for a while (what a
 * restart does to clients), and by terminating the backends. Nothing may
 * crash the process, requests meanwhile get fast 503s with retry-after, no
 * acknowledged move is lost or applied twice, and every websocket client ends
 * with the server's state.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Column } from '@opsboard/shared';
import { connectPostgres, type Database } from '../../server/src/db/database.js';
import { Api, createTeam, createTestDatabase, DB_KIND, pgClient, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';
import { pick, seeded } from '../helpers/random.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { WsClient } from '../helpers/ws-client.js';

// PGlite lives inside the process and cannot be restarted under it; the suite needs PostgreSQL.
describe.runIf(DB_KIND === 'postgres')('PostgreSQL goes away while moves are in flight', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  const databases: Database[] = [];
  const instances: TestApp[] = [];
  const clients: WsClient[] = [];
  let team: TestTeam;
  let boardId: string;
  let columns: Column[];
  let cards: Card[];
  /** What would have killed a real process: an 'error' event nobody listens to, a rejection nobody handles. */
  const crashes: unknown[] = [];
  const onCrash = (err: unknown) => crashes.push(err);

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    db = await createTestDatabase();
    const direct = new URL(db.url!);
    proxy = new TcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    await proxy.start();
    for (const name of ['a', 'b']) {
      const database = connectPostgres({ url: proxy.urlFor(db.url!), poolMax: 6, applicationName: `opsboard-outage-${name}`, onPoolError: () => undefined });
      databases.push(database);
      instances.push(await startTestApp({ database, listen: true, instanceId: `outage-${name}`, hub: { reconcileMs: 250 } }));
    }
    team = await createTeam(instances[0]!.app, 'Outage');
    // No WIP limits and no backlog (which only the PO reorders): every move may land.
    const board = await team.admin.api.post<{ id: string }>(`/api/teams/${team.team.id}/boards`, {
      kind: 'planned',
      name: 'Moves',
      columns: [
        { name: 'Todo', category: 'todo' },
        { name: 'Doing', category: 'doing' },
        { name: 'Done', category: 'done' },
      ],
    });
    boardId = board.body.id;
    columns = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body.columns;
    cards = [];
    for (let i = 0; i < 8; i++) cards.push((await team.admin.api.post<Card>(`/api/boards/${boardId}/cards`, { title: `Card ${i}` })).body);
    for (const [i, app] of instances.entries()) {
      const c = new WsClient({ baseUrl: app.baseUrl, token: i === 0 ? team.byRole.viewer.token : team.byRole.po.token });
      clients.push(c);
      await c.connect();
      await c.openBoard(boardId);
    }
  });
  afterAll(async () => {
    for (const c of clients) c.kill();
    for (const app of instances) await app.close();
    // Ends only once every client is back in its pool: a leaked one would hang here.
    for (const database of databases) await database.close();
    await proxy?.close();
    await db?.close();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  });

  interface Outcome {
    /** Per card, the column of its last acknowledged move. */
    last: Map<string, string>;
    /** Idempotency-Keys of acknowledged moves. */
    acknowledged: string[];
    /** How long each 503 took to come back, and whether it said when to retry. */
    unavailable: { ms: number; retryAfter: boolean }[];
  }

  /**
   * Movers, each owning two cards and alternating between the instances, move
   * them at random; a move that fails is retried with the same key until it
   * is acknowledged, as the board client's outbox does.
   */
  async function storm(moves: number, seed: number, during: () => Promise<void>): Promise<Outcome> {
    const outcome: Outcome = { last: new Map(), acknowledged: [], unavailable: [] };
    const movers = [team.admin, team.byRole.po, team.byRole.member, team.admin];
    let done = 0;
    const run = async (m: number) => {
      const rand = seeded(seed + m);
      const mine = [cards[m * 2]!, cards[m * 2 + 1]!];
      for (let i = 0; i < moves; i++) {
        const api = new Api(instances[(m + i) % 2]!.app, { token: movers[m]!.token });
        const card = pick(rand, mine);
        const to = pick(rand, columns).id;
        const key = randomUUID();
        for (let attempt = 0; ; attempt++) {
          const started = Date.now();
          const res = await api.post(`/api/cards/${card.id}/move`, { toColumnId: to, position: 0 }, { 'idempotency-key': key });
          if (res.status === 200) break;
          expect(res.status, JSON.stringify(res.body)).toBe(503);
          outcome.unavailable.push({ ms: Date.now() - started, retryAfter: res.headers['retry-after'] !== undefined });
          if (attempt > 400) throw new Error('the database never came back for this mover');
          await new Promise((r) => setTimeout(r, 25));
        }
        outcome.last.set(card.id, to);
        outcome.acknowledged.push(key);
        done++;
      }
    };
    const all = Promise.all(movers.map((_, m) => run(m)));
    // The outage starts once moves are flowing, and ends while they still are.
    while (done < movers.length * 3) await new Promise((r) => setTimeout(r, 5));
    await during();
    await all;
    return outcome;
  }

  async function expectConverged(outcome: Outcome): Promise<void> {
    // Both instances are alive and answer with the database back.
    for (const app of instances) expect((await app.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const server = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body;
    // No acknowledged move lost: every card sits where its last acknowledged move put it.
    for (const [cardId, columnId] of outcome.last) expect(server.cards.find((c) => c.id === cardId)?.columnId).toBe(columnId);
    // Retries after a lost answer were not applied twice: one event per acknowledged key.
    const log = (await team.admin.api.get<{ events: { clientMutationId: string | null }[] }>(`/api/boards/${boardId}/events?since=0&limit=1000`)).body.events;
    const perKey = new Map<string, number>();
    for (const e of log) if (e.clientMutationId) perKey.set(e.clientMutationId, (perKey.get(e.clientMutationId) ?? 0) + 1);
    for (const key of outcome.acknowledged) expect(perKey.get(key), key).toBe(1);
    // Every websocket client, on either instance, converges on the server's state.
    for (const c of clients) {
      await c.waitFor(() => c.seqOf(boardId) === server.seq, 15_000);
      expect(c.snapshotOf(boardId)).toEqual(server);
      expect(c.closeCodes).toEqual([]);
    }
    expect(crashes).toEqual([]);
  }

  it('every connection dropped and refused for a while (a restart): fast 503s meanwhile, then recovery', async () => {
    let health: { status: number; retryAfter: unknown } | null = null;
    const outcome = await storm(24, 101, async () => {
      await proxy.down();
      const res = await instances[1]!.app.inject({ method: 'GET', url: '/api/health' });
      health = { status: res.statusCode, retryAfter: res.headers['retry-after'] };
      await new Promise((r) => setTimeout(r, 1_500));
      await proxy.up();
    });
    expect(health).toEqual({ status: 503, retryAfter: '5' });
    // The outage reached requests, which were refused quickly and told to come back (the pool does not hang).
    expect(outcome.unavailable.length).toBeGreaterThan(0);
    expect(outcome.unavailable.every((u) => u.retryAfter)).toBe(true);
    expect(Math.max(...outcome.unavailable.map((u) => u.ms))).toBeLessThan(2_500);
    await expectConverged(outcome);
  });

  it('a transaction whose BEGIN dies with its connection gives the connection back: a one-connection pool keeps working', async () => {
    const single = connectPostgres({ url: proxy.urlFor(db.url!), poolMax: 1, applicationName: 'opsboard-outage-single', onPoolError: () => undefined });
    databases.push(single);
    // The outgoing-hook poller would take the one connection's next BEGIN itself: it runs once at start, then not again during this test.
    const app = await startTestApp({ database: single, instanceId: 'outage-single', notify: { hooks: { pollMs: 3_600_000 } } });
    instances.push(app);
    const api = new Api(app.app, { token: team.byRole.member.token });
    expect((await api.post(`/api/boards/${boardId}/cards`, { title: 'Warm-up' })).status).toBe(201);
    await app.notify.settled();
    proxy.dropWhenSent('begin');
    const lost = await api.post(`/api/boards/${boardId}/cards`, { title: 'Lost with its connection' });
    expect(lost.status).toBe(503);
    // Positive control for the pool: the next writes get the (new) connection at once.
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const res = await api.post(`/api/boards/${boardId}/cards`, { title: `After ${i}` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(Date.now() - started).toBeLessThan(2_500);
    }
    expect(crashes).toEqual([]);
  });

  it('every backend terminated mid-transaction (pg_terminate_backend), twice: no crash, nothing lost', async () => {
    const admin = await pgClient(db.url!);
    let terminated = 0;
    try {
      const outcome = await storm(24, 202, async () => {
        for (let round = 0; round < 2; round++) {
          const r = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
          terminated += r.rowCount ?? 0;
          await new Promise((r) => setTimeout(r, 150));
        }
      });
      // Both pools and both LISTEN connections were hit.
      expect(terminated).toBeGreaterThanOrEqual(4);
      await expectConverged(outcome);
    } finally {
      await admin.end();
    }
  });
});
