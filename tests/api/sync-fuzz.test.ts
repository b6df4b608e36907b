/**
 * Seeded randomized sync: several clients move, edit, create and archive
 * cards while randomly dropping and reconnecting; at the end every client's
 * board must equal the server's snapshot. A seed that ever failed is pinned
 * in PINNED_SEEDS as a named regression case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '@opsboard/shared';
import { connectPostgres, type Database } from '../../server/src/db/database.js';
import { createTeam, createTestDatabase, DB_KIND, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';
import { pick, seeded } from '../helpers/random.js';
import { WsClient } from '../helpers/ws-client.js';

/** Seeds that failed once, with what they exposed. */
const PINNED_SEEDS: { seed: number; why: string }[] = [];
/** OPSBOARD_FUZZ_SEEDS=1-200 explores more seeds locally; CI runs the fixed ones. */
const RANDOM_SEEDS = seedsFromEnv(process.env.OPSBOARD_FUZZ_SEEDS) ?? [101, 202, 303, 404];

function seedsFromEnv(spec: string | undefined): number[] | null {
  const m = spec ? /^(\d+)-(\d+)$/.exec(spec) : null;
  if (!m) return null;
  return Array.from({ length: Number(m[2]) - Number(m[1]) + 1 }, (_, i) => Number(m[1]) + i);
}
const OPS = DB_KIND === 'postgres' ? 120 : 70;

let db: TestDatabase;
let second: Database | null = null;
const apps: TestApp[] = [];
let team: TestTeam;

beforeAll(async () => {
  db = await createTestDatabase();
  apps.push(await startTestApp({ database: db.database, listen: true }));
  // Clients spread over two instances, as behind a load balancer: on PostgreSQL each with its own
  // pool and LISTEN connection, on PGlite (one process) sharing its handle and its in-process NOTIFY.
  if (DB_KIND === 'postgres') second = connectPostgres({ url: db.url!, applicationName: 'opsboard-fuzz-2', onPoolError: () => undefined });
  apps.push(await startTestApp({ database: second ?? db.database, listen: true }));
  team = await createTeam(apps[0]!.app, 'Fuzz');
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await second?.close();
  await db?.close();
});

async function runSeed(seed: number): Promise<void> {
  const rand = seeded(seed);
  const board = (await team.admin.api.post<{ id: string }>(`/api/teams/${team.team.id}/boards`, {
    kind: 'planned',
    name: `Fuzz ${seed}`,
    columns: [
      // Not a backlog: only the PO may reorder a backlog, and the fuzz moves as anyone.
      { name: 'To do', category: 'todo' },
      { name: 'Doing', category: 'doing', wipLimit: 4, wipPolicy: 'block' },
      { name: 'Review', category: 'doing', wipLimit: 3, wipPolicy: 'warn' },
      { name: 'Done', category: 'done' },
    ],
  })).body.id;
  const users: TestUser[] = [team.admin, team.byRole.po, team.byRole.member];
  const snapshot = async () => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`)).body;
  const columns = (await snapshot()).columns;
  for (let i = 0; i < 8; i++) await team.admin.api.post(`/api/boards/${board}/cards`, { title: `Seed card ${i}` });

  const clients = users.map((u, i) => new WsClient({ baseUrl: apps[i % apps.length]!.baseUrl, token: u.token }));
  for (const c of clients) {
    await c.connect();
    await c.openBoard(board);
  }
  const down = new Set<WsClient>();

  // Ops run in small concurrent batches so requests race each other on the server.
  for (let op = 0; op < OPS; op += 3) {
    const current = await snapshot();
    const cards = current.cards;
    const batch: Promise<number>[] = [];
    for (let k = 0; k < 3; k++) {
      const actor = pick(rand, users);
      const roll = rand();
      if (roll < 0.08) {
        // A client drops (no close handshake) or comes back and resumes from its seq.
        const c = pick(rand, clients);
        if (down.has(c)) {
          down.delete(c);
          await c.reconnect();
        } else {
          down.add(c);
          c.kill();
        }
      } else if (roll < 0.45 && cards.length > 0) {
        const card = pick(rand, cards);
        const to = pick(rand, columns);
        const inTarget = cards.filter((c) => c.columnId === to.id && c.id !== card.id);
        const anchor = rand() < 0.5 && inTarget.length > 0 ? { afterCardId: pick(rand, inTarget).id } : { position: Math.floor(rand() * (inTarget.length + 1)) };
        const reason = rand() < 0.5 ? { overrideReason: 'fuzz says so' } : {};
        batch.push(actor.api.post(`/api/cards/${card.id}/move`, { toColumnId: to.id, ...anchor, ...reason }).then((r) => r.status));
      } else if (roll < 0.65 && cards.length > 0) {
        const card = pick(rand, cards);
        // Sometimes from a stale copy: the server must refuse with 409, never overwrite.
        const version = rand() < 0.2 ? Math.max(1, card.version - 1) : card.version;
        batch.push(actor.api.patch(`/api/cards/${card.id}`, { version, title: `Edited ${seed}-${op + k}`, points: Math.floor(rand() * 8) }).then((r) => r.status));
      } else if (roll < 0.85) {
        batch.push(actor.api.post(`/api/boards/${board}/cards`, { title: `New ${seed}-${op + k}`, columnId: pick(rand, columns).id, position: Math.floor(rand() * 3) }).then((r) => r.status));
      } else if (cards.length > 0) {
        const card = pick(rand, cards);
        const restore = rand() < 0.5;
        batch.push(
          actor.api.post(`/api/cards/${card.id}/archive`).then(async (r) => (restore && r.status === 200 ? (await actor.api.post(`/api/cards/${card.id}/restore`, {})).status : r.status)),
        );
      }
    }
    // Every answer is a success or a clean refusal (WIP limit, stale version, archived meanwhile).
    for (const status of await Promise.all(batch)) expect([200, 201, 409]).toContain(status);
  }

  for (const c of down) await c.reconnect();
  const server = await snapshot();
  for (const c of clients) {
    await c.waitFor(() => c.seqOf(board) === server.seq, 15_000);
    expect(c.snapshotOf(board)).toEqual(server);
    expect(c.duplicates).toBe(0);
    c.kill();
  }
  // Keys stay unique per column whatever happened.
  const keys = server.cards.map((c) => `${c.columnId}/${c.rank}`);
  expect(new Set(keys).size).toBe(keys.length);
}

describe(`seeded sync fuzz on ${DB_KIND} (two instances)`, () => {
  for (const { seed, why } of PINNED_SEEDS) {
    it(`pinned seed ${seed}: ${why}`, () => runSeed(seed));
  }
  for (const seed of RANDOM_SEEDS) {
    it(`seed ${seed}: every client converges to the server snapshot`, () => runSeed(seed));
  }
});
