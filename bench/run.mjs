#!/usr/bin/env node
/**
 * opsboard benchmark: the product server (child process, PostgreSQL) against
 * minimal baselines measured in the same run. See bench/README.md.
 *
 *   node bench/run.mjs          (or: npx pnpm@12.4.2 bench)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { bareMove } from './lib/bare-move.mjs';
import { BASELINE_SQL, bind, defaultRange, generateHistory, METRIC_CHARTS } from './lib/metrics.mjs';
import { Subscribers } from './lib/fanout.mjs';
import { httpClient } from './lib/http.mjs';
import { createDatabase, dropDatabase, ensureServerBuilt, freePort, machineCpu, machineCpuShare, postgresCpu, postgresCpuDelta, processCpuMs, startServer } from './lib/infra.mjs';
import { seed } from './lib/seed.mjs';
import { round, summarize } from './lib/stats.mjs';
import { MoveWorkload } from './lib/workload.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');

// ---- configuration (environment) ------------------------------------------------------------------

/** @param {string} name @param {number} fallback */
function intEnv(name, fallback, min = 1) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min} (got "${raw}")`);
  return n;
}

const samples = intEnv('BENCH_SAMPLES', 400);
const config = {
  adminUrl: process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  cards: intEnv('BENCH_CARDS', 2000, 60),
  seedConcurrency: intEnv('BENCH_SEED_CONCURRENCY', 6),
  /** Samples per side of the cheap sequential measures: repeated snapshot read, move at 1 client. */
  samples,
  /** Samples per side of the first read at a new seq (each is preceded by an untimed move) and of Fastify + pg. */
  snapshotSamples: intEnv('BENCH_SNAPSHOT_SAMPLES', Math.max(20, Math.round(samples / 3))),
  /** Fan-out samples per side and subscriber count. */
  fanoutSamples: intEnv('BENCH_FANOUT_SAMPLES', Math.max(20, Math.round((samples * 3) / 4))),
  /** Untimed operations before each measure (a multiple of it for the cheap ones). */
  warmup: intEnv('BENCH_WARMUP', 30, 0),
  clients: intEnv('BENCH_CLIENTS', 10),
  /** Seconds of concurrent moves per side (split over the rounds), after 1 s of warm-up each. */
  concurrentSeconds: Number(process.env.BENCH_CONCURRENT_SECONDS || 8),
  /** Product and baseline alternate in this many rounds (P,B then B,P, ...), so drift hits both alike. */
  rounds: intEnv('BENCH_ROUNDS', 4),
  subscribers: (process.env.BENCH_SUBSCRIBERS || '100,500').split(',').map((s) => Number(s.trim())),
  only: new Set((process.env.BENCH_ONLY || 'snapshot,moves,fanout,metrics').split(',').map((s) => s.trim())),
  /** The metrics part: cards of the generated year (10 events each) and samples per side per chart. */
  metricsCards: intEnv('BENCH_METRICS_CARDS', 20_000, 100),
  metricsSamples: intEnv('BENCH_METRICS_SAMPLES', 24),
  rebuild: process.env.BENCH_REBUILD === '1',
  keepDb: process.env.BENCH_KEEP_DB === '1',
  /** BENCH_PROFILE=1 runs the server with --cpu-prof (profiles in bench/profiles/). */
  profile: process.env.BENCH_PROFILE === '1',
  /** BENCH_PG_LOG_STATEMENTS=1 logs every statement of the bench database with its duration (Postgres server log; diagnostics only). */
  logStatements: process.env.BENCH_PG_LOG_STATEMENTS === '1',
  serverNodeArgs: (process.env.BENCH_SERVER_NODE_ARGS || '').split(' ').filter(Boolean),
  writeResults: process.env.BENCH_WRITE !== '0',
  /** Wait up to this many seconds for a quiet machine before starting. */
  waitQuietSeconds: intEnv('BENCH_WAIT_QUIET', 0, 0),
  /** Idle time between fan-out samples (ms). */
  fanoutGapMs: Number(process.env.BENCH_FANOUT_GAP_MS || 2),
};
if (config.subscribers.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('BENCH_SUBSCRIBERS must be a comma-separated list of positive integers');
config.subscribers.sort((a, b) => a - b);

// ---- helpers ----------------------------------------------------------------------------------------

const now = () => performance.now();
const log = (/** @type {string} */ s) => console.log(s);
const fmt = (/** @type {number} */ x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
/** @param {number} n */
const range = (n) => Array.from({ length: n }, (_, i) => i);

/**
 * CPU used so far (ms) by the product server, by all Postgres processes and by this bench process
 * (main thread, baseline worker and clients together). Set once the server runs.
 * @typedef {{ server: number, postgres: number, bench: number }} Cpu
 * @typedef {{ server: number, postgres: Map<number, number>, bench: number }} CpuReading
 * @type {() => CpuReading}
 */
let cpuNow = () => ({ server: NaN, postgres: new Map(), bench: NaN });
const benchCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** @param {Cpu} acc @param {CpuReading} from @param {CpuReading} to */
const addCpu = (acc, from, to) => {
  acc.server += to.server - from.server;
  acc.postgres += postgresCpuDelta(from.postgres, to.postgres);
  acc.bench += to.bench - from.bench;
};
/** @param {Cpu} acc @param {Cpu} more */
const sumCpu = (acc, more) => {
  acc.server += more.server;
  acc.postgres += more.postgres;
  acc.bench += more.bench;
};
const zeroCpu = () => ({ server: 0, postgres: 0, bench: 0 });
/** CPU ms per operation (10 ms /proc granularity: meaningful over hundreds of operations). @param {Cpu} cpu @param {number} ops */
const perOp = (cpu, ops) => ({ server: round(cpu.server / ops, 2), postgres: round(cpu.postgres / ops, 2), bench: round(cpu.bench / ops, 2) });

/**
 * Alternates product and baseline samplers over `rounds` rounds (P,B then B,P, ...),
 * each taking its share of `n` samples. A sampler returns one number per call.
 * Also returns the CPU each side used per sample.
 * @param {number} n @param {(i: number) => Promise<number>} product @param {(i: number) => Promise<number>} baseline
 */
async function alternate(n, product, baseline) {
  /** @type {number[]} */
  const p = [];
  /** @type {number[]} */
  const b = [];
  const pCpu = zeroCpu();
  const bCpu = zeroCpu();
  let pi = 0;
  let bi = 0;
  for (const r of range(config.rounds)) {
    const share = Math.ceil(n / config.rounds);
    const runP = async () => {
      const from = cpuNow();
      for (const _ of range(share)) p.push(await product(pi++));
      addCpu(pCpu, from, cpuNow());
    };
    const runB = async () => {
      const from = cpuNow();
      for (const _ of range(share)) b.push(await baseline(bi++));
      addCpu(bCpu, from, cpuNow());
    };
    if (r % 2 === 0) {
      await runP();
      await runB();
    } else {
      await runB();
      await runP();
    }
  }
  return { product: p, baseline: b, cpu: { product: perOp(pCpu, p.length), baseline: perOp(bCpu, b.length) } };
}

/** @param {{ product: Cpu, baseline: Cpu }} c */
const cpuText = (c) =>
  `CPU ms/op: server ${fmt(c.product.server)}, postgres ${fmt(c.product.postgres)} (baseline: postgres ${fmt(c.baseline.postgres)}, bench ${fmt(c.baseline.bench)})`;

/** @param {number} n @param {(i: number) => Promise<unknown>} fn */
async function repeat(n, fn) {
  for (const i of range(n)) await fn(i);
}

/**
 * `clients` loops issuing operations until `ms` elapsed; every call returns its latency.
 * @param {number} clients @param {number} ms @param {(client: number) => Promise<number>} op
 */
async function concurrent(clients, ms, op) {
  /** @type {number[]} */
  const latencies = [];
  const cpu = zeroCpu();
  const from = cpuNow();
  const start = now();
  const deadline = start + ms;
  await Promise.all(
    range(clients).map(async (c) => {
      while (now() < deadline) latencies.push(await op(c));
    }),
  );
  const elapsedMs = now() - start;
  addCpu(cpu, from, cpuNow());
  return { latencies, count: latencies.length, elapsedMs, cpu };
}

// ---- the run ----------------------------------------------------------------------------------------

/** @type {Array<() => Promise<unknown>>} */
const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn?.();
    } catch (err) {
      console.error(`cleanup: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
let interrupted = false;
/** @type {null | Awaited<ReturnType<typeof startServer>>} */
let runningServer = null;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: cleaning up…`);
    void cleanup().then(() => process.exit(130));
  });
}

async function main() {
  const runStarted = now();
  const startedAt = new Date();
  // Is the machine quiet? One-second windows of whole-machine CPU counters before anything starts;
  // with BENCH_WAIT_QUIET=<seconds>, keep looking that long for a quiet second.
  const quietDeadline = Date.now() + config.waitQuietSeconds * 1000;
  const quietSecond = async () => {
    const from = machineCpu();
    await sleep(1_000);
    return machineCpuShare(from, machineCpu());
  };
  let before = await quietSecond();
  while (before.busy !== null && before.busy > 0.15 && Date.now() < quietDeadline) before = await quietSecond();
  if (before.busy !== null && before.busy > 0.15) log(`! ${Math.round(before.busy * 100)}% of the CPU was busy before the bench started: figures will be noisy.`);

  const runCpuFrom = machineCpu();
  const build = ensureServerBuilt(ROOT, config.rebuild);
  const serverMain = build.main;
  log(`Server build ${build.sha256} (server/dist/main.js of ${build.modifiedAt}${build.built ? ', built now' : ''})`);

  const database = await createDatabase(config.adminUrl, { logStatements: config.logStatements });
  log(`Database ${database.name} (PostgreSQL ${database.postgresVersion})`);
  cleanups.push(async () => {
    if (config.keepDb) log(`Keeping database ${database.name} (BENCH_KEEP_DB=1)`);
    else await dropDatabase(config.adminUrl, database.name);
  });

  const nodeArgs = [...config.serverNodeArgs];
  if (config.profile) {
    const dir = path.join(BENCH, 'profiles');
    mkdirSync(dir, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${dir}`);
  }
  const port = /** @type {number} */ (await freePort());
  const server = await startServer({ root: ROOT, main: serverMain, databaseUrl: database.url, port, nodeArgs });
  runningServer = server;
  cleanups.push(async () => {
    await server.stop();
  });
  cpuNow = () => ({ server: processCpuMs(server.pid), postgres: postgresCpu(), bench: benchCpuMs() });
  const serverCpuFrom = cpuNow();
  const runCpuFromServer = machineCpu();
  log(`Server pid ${server.pid} at ${server.base}${nodeArgs.length ? ` (node ${nodeArgs.join(' ')})` : ''}; ${fmt(server.memory().rssMiB, 1)} MiB RSS at start`);

  // ---- seed
  const seedStarted = now();
  const seeded = await seed(server.base, { cards: config.cards, concurrency: config.seedConcurrency });
  const seedSeconds = (now() - seedStarted) / 1000;
  const auth = { authorization: `Bearer ${seeded.secret}` };
  const api = httpClient(server.base, { headers: auth, maxSockets: config.clients + 4 });
  cleanups.push(async () => api.close());
  const boardPath = `/api/boards/${seeded.boardId}`;
  const initial = await api.request('GET', boardPath);
  if (initial.status !== 200) throw new Error(`GET ${boardPath}: ${initial.status}`);
  const snapshot = JSON.parse(initial.body.toString('utf8'));
  if (snapshot.cards.length !== config.cards) throw new Error(`the board has ${snapshot.cards.length} cards, expected ${config.cards}`);
  log(`Seeded ${config.cards} cards on 6 columns in ${seedSeconds.toFixed(1)} s; snapshot ${(initial.body.length / 1024).toFixed(0)} KiB at seq ${snapshot.seq}`);

  const colA = snapshot.columns.find((/** @type {{ name: string }} */ c) => c.name === 'Doing A').id;
  const colB = snapshot.columns.find((/** @type {{ name: string }} */ c) => c.name === 'Doing B').id;
  const workload = new MoveWorkload(snapshot.cards, colA, colB, Math.max(10, config.clients));

  /** One move through the product's HTTP API; returns the timed response. @param {number} q */
  const productMove = async (q) => {
    const mv = workload.next(q);
    const res = await api.request('POST', `/api/cards/${mv.cardId}/move`, { toColumnId: mv.toColumnId, afterCardId: mv.afterCardId });
    if (res.status !== 200) throw new Error(`move ${mv.cardId}: ${res.status} ${res.body.toString('utf8').slice(0, 300)}`);
    mv.done();
    return res;
  };

  // Baseline plumbing: a pool for the bare transaction, a stream counter row of the bench's own, the baseline servers.
  const pool = new pg.Pool({ connectionString: database.url, max: config.clients, idleTimeoutMillis: 0 });
  // No pg client without an 'error' listener: a dropped connection fails its query instead of the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  pool.on('error', () => undefined);
  cleanups.push(async () => pool.end());
  const bareStream = (
    await pool.query(`INSERT INTO streams (id, team_id, kind, last_seq) VALUES (gen_random_uuid(), $1, 'board', 0) RETURNING id`, [seeded.teamId])
  ).rows[0].id;
  const bareCtx = { streamId: bareStream, teamId: seeded.teamId, actorId: seeded.user.id, channel: 'bench_events' };
  const fanoutCtx = { ...bareCtx, channel: 'bench_fanout' };
  /** @param {number} q @param {typeof bareCtx} [ctx] @param {(event: object) => string} [payload] */
  const baselineMove = async (q, ctx = bareCtx, payload) => {
    const mv = workload.next(q);
    const seq = await bareMove(pool, ctx, mv, payload);
    mv.done();
    return seq;
  };

  const worker = new Worker(path.join(BENCH, 'lib', 'baseline-worker.mjs'), {
    workerData: { databaseUrl: database.url, boardId: seeded.boardId, memoryBody: initial.body.toString('utf8'), channel: fanoutCtx.channel },
  });
  const ports = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  cleanups.push(async () => {
    const closed = new Promise((resolve) => worker.once('message', resolve));
    worker.postMessage('close');
    await Promise.race([closed, sleep(3_000)]);
    await worker.terminate();
  });
  const baseHttp = httpClient(`http://127.0.0.1:${ports.httpPort}`, { maxSockets: 4 });
  cleanups.push(async () => baseHttp.close());

  /** @type {Record<string, any>} */
  const results = {};

  // ---- A. board snapshot ---------------------------------------------------------------------------
  if (config.only.has('snapshot')) {
    log('\n[snapshot] first read at a new seq vs Fastify + pg; repeated read vs in-memory route');
    const pgRows = await baseHttp.request('GET', '/pg-cards');
    const pgCount = JSON.parse(pgRows.body.toString('utf8')).length;
    if (pgCount !== config.cards) throw new Error(`the Fastify + pg baseline returned ${pgCount} rows`);
    let seq = snapshot.seq;
    const firstRead = async () => {
      await productMove(seq); // a new seq: the cached snapshot is stale
      seq++;
      const res = await api.request('GET', boardPath);
      if (res.status !== 200) throw new Error(`GET ${boardPath}: ${res.status}`);
      return res;
    };
    const pgRoute = async () => {
      const res = await baseHttp.request('GET', '/pg-cards');
      if (res.status !== 200) throw new Error(`baseline /pg-cards: ${res.status}`);
      return res.t1 - res.t0;
    };
    await repeat(config.warmup, firstRead);
    await repeat(config.warmup, pgRoute);
    const first = await alternate(
      config.snapshotSamples,
      async () => {
        const res = await firstRead();
        return res.t1 - res.t0;
      },
      pgRoute,
    );
    // The product answered the seq it was asked at (checked outside the timed window).
    const check = await firstRead();
    const checked = JSON.parse(check.body.toString('utf8'));
    if (checked.seq !== seq || checked.cards.length !== config.cards) throw new Error(`snapshot at seq ${checked.seq} with ${checked.cards.length} cards; expected seq ${seq}`);
    results.snapshotFirst = {
      product: summarize(first.product),
      baseline: summarize(first.baseline),
      cpuMsPerSample: first.cpu,
      cpuNote: 'product samples include the move that forces a new seq',
      productBytes: check.body.length,
      baselineBytes: pgRows.body.length,
    };
    log(`  first read   p50 ${fmt(results.snapshotFirst.product.p50)} ms  (Fastify + pg ${fmt(results.snapshotFirst.baseline.p50)} ms)  ${cpuText(first.cpu)}`);

    const repeated = async () => {
      const res = await api.request('GET', boardPath);
      if (res.status !== 200) throw new Error(`GET ${boardPath}: ${res.status}`);
      return res.t1 - res.t0;
    };
    const memory = async () => {
      const res = await baseHttp.request('GET', '/memory');
      if (res.status !== 200) throw new Error(`baseline /memory: ${res.status}`);
      return res.t1 - res.t0;
    };
    await repeat(config.warmup * 3, repeated);
    await repeat(config.warmup * 3, memory);
    const rep = await alternate(config.samples, repeated, memory);
    // Informational: the same JSON held as a JS string, encoded to UTF-8 on every request.
    const memoryString = async () => {
      const res = await baseHttp.request('GET', '/memory-string');
      if (res.status !== 200) throw new Error(`baseline /memory-string: ${res.status}`);
      return res.t1 - res.t0;
    };
    await repeat(config.warmup, memoryString);
    /** @type {number[]} */
    const str = [];
    for (const _ of range(config.samples)) str.push(await memoryString());
    results.snapshotRepeat = { product: summarize(rep.product), baseline: summarize(rep.baseline), baselineString: summarize(str), cpuMsPerSample: rep.cpu };
    log(`  repeat read  p50 ${fmt(results.snapshotRepeat.product.p50)} ms  (in-memory route ${fmt(results.snapshotRepeat.baseline.p50)} ms; as a JS string ${fmt(results.snapshotRepeat.baselineString.p50)} ms)  ${cpuText(rep.cpu)}`);
  }

  // ---- B. card moves -------------------------------------------------------------------------------
  if (config.only.has('moves')) {
    log(`\n[moves] HTTP move vs bare pg transaction, at 1 and ${config.clients} clients`);
    const product1 = async (/** @type {number} */ i) => {
      const res = await productMove(i);
      return res.t1 - res.t0;
    };
    const baseline1 = async (/** @type {number} */ i) => {
      const t0 = now();
      await baselineMove(i);
      return now() - t0;
    };
    await repeat(config.warmup * 2, product1);
    await repeat(config.warmup * 2, baseline1);
    const one = await alternate(config.samples, product1, baseline1);
    results.move1 = { product: summarize(one.product), baseline: summarize(one.baseline), cpuMsPerMove: one.cpu };
    log(`  1 client     p50 ${fmt(results.move1.product.p50)} ms  (bare transaction ${fmt(results.move1.baseline.p50)} ms)  ${cpuText(one.cpu)}`);

    const productC = async (/** @type {number} */ c) => product1(c);
    const baselineC = async (/** @type {number} */ c) => baseline1(c);
    await concurrent(config.clients, 1000, productC);
    await concurrent(config.clients, 1000, baselineC);
    const share = (config.concurrentSeconds * 1000) / config.rounds;
    /** @type {Awaited<ReturnType<typeof concurrent>>[]} */
    const p = [];
    /** @type {Awaited<ReturnType<typeof concurrent>>[]} */
    const b = [];
    for (const r of range(config.rounds)) {
      if (r % 2 === 0) {
        p.push(await concurrent(config.clients, share, productC));
        b.push(await concurrent(config.clients, share, baselineC));
      } else {
        b.push(await concurrent(config.clients, share, baselineC));
        p.push(await concurrent(config.clients, share, productC));
      }
    }
    const merge = (/** @type {typeof p} */ runs) => ({
      ...summarize(runs.flatMap((x) => x.latencies)),
      perSecond: round(runs.reduce((s, x) => s + x.count, 0) / (runs.reduce((s, x) => s + x.elapsedMs, 0) / 1000), 1),
    });
    const cpuOf = (/** @type {typeof p} */ runs) => {
      const total = zeroCpu();
      for (const x of runs) sumCpu(total, x.cpu);
      const seconds = runs.reduce((s, x) => s + x.elapsedMs, 0) / 1000;
      return { ...perOp(total, runs.reduce((s, x) => s + x.count, 0)), utilisation: { server: round(total.server / seconds / 1000, 2), postgres: round(total.postgres / seconds / 1000, 2), bench: round(total.bench / seconds / 1000, 2) } };
    };
    results.moveN = { clients: config.clients, product: merge(p), baseline: merge(b), cpuMsPerMove: { product: cpuOf(p), baseline: cpuOf(b) } };
    log(`  ${config.clients} clients   ${fmt(results.moveN.product.perSecond, 0)} moves/s, p50 ${fmt(results.moveN.product.p50)} ms  (bare ${fmt(results.moveN.baseline.perSecond, 0)} tx/s, p50 ${fmt(results.moveN.baseline.p50)} ms)  ${cpuText(results.moveN.cpuMsPerMove)}`);
    const u = results.moveN.cpuMsPerMove;
    log(`               cores busy: product run server ${fmt(u.product.utilisation.server)}, postgres ${fmt(u.product.utilisation.postgres)}, bench ${fmt(u.product.utilisation.bench)}; baseline run postgres ${fmt(u.baseline.utilisation.postgres)}, bench ${fmt(u.baseline.utilisation.bench)}`);
  }

  // ---- C. fan-out ----------------------------------------------------------------------------------
  if (config.only.has('fanout')) {
    log('\n[fan-out] move → last websocket subscriber, product vs commit → NOTIFY → ws broadcast');
    const wsUrl = `${server.base.replace('http', 'ws')}/api/ws`;
    const productSubs = new Subscribers('product');
    const baselineSubs = new Subscribers('baseline');
    cleanups.push(async () => productSubs.close());
    cleanups.push(async () => baselineSubs.close());
    const currentSeq = async () => JSON.parse((await api.request('GET', boardPath)).body.toString('utf8')).seq;
    let productSeq = 0;
    let bareSeq = Number((await pool.query('SELECT last_seq FROM streams WHERE id = $1', [bareStream])).rows[0].last_seq);
    const eventMessage = (/** @type {{ streamId: string, seq: number }} */ event) => JSON.stringify({ type: 'event', streamId: event.streamId, seq: event.seq, event });

    // The commit instant, as seen from outside: a LISTEN connection of the bench's own receives the
    // NOTIFY that both the product (channel opsboard_events, server/src/events/append.ts) and the
    // baseline send in their transaction; Postgres delivers it when the transaction commits.
    const observer = new pg.Client({ connectionString: database.url });
    observer.on('error', () => undefined);
    await observer.connect();
    cleanups.push(async () => observer.end());
    /** @type {null | { channel: string, prefix: string, at: number, seen: Promise<void>, resolve: () => void }} */
    let commitWait = null;
    observer.on('notification', (msg) => {
      const t = now();
      const w = commitWait;
      if (w && w.at === 0 && msg.channel === w.channel && (msg.payload ?? '').startsWith(w.prefix)) {
        w.at = t;
        w.resolve();
      }
    });
    await observer.query('LISTEN opsboard_events');
    await observer.query(`LISTEN ${fanoutCtx.channel}`);
    const armCommit = (/** @type {string} */ channel, /** @type {string} */ prefix) => {
      /** @type {() => void} */
      let resolve = () => undefined;
      const seen = new Promise((r) => (resolve = () => r(undefined)));
      commitWait = { channel, prefix, at: 0, seen, resolve };
      return commitWait;
    };
    const commitSeen = async (/** @type {NonNullable<typeof commitWait>} */ w) => {
      await Promise.race([w.seen, sleep(5_000).then(() => Promise.reject(new Error(`no NOTIFY on ${w.channel} within 5 s`)))]);
      return w.at;
    };

    let productMovesInFanout = 0;
    /** @typedef {{ fromSend: number, fromCommit: number, fromResponse: number, firstFromSend: number, trigger: number, eventFirst?: boolean }} FanSample */
    /** @returns {Promise<FanSample>} */
    const productSample = async (/** @type {number} */ i) => {
      const arrived = productSubs.expect(productSeq);
      const commit = armCommit('opsboard_events', `${seeded.boardId}:`);
      const res = await productMove(i);
      productMovesInFanout++;
      const a = await arrived;
      const committedAt = await commitSeen(commit);
      productSeq = a.seq;
      // The product sends the event before answering when it publishes its own commit; when its
      // LISTEN connection sees the NOTIFY first it re-reads the event from the log, and the answer
      // goes out first. The order in which the two reach the bench tells the paths apart.
      return { fromSend: a.last - res.t0, fromCommit: a.last - committedAt, fromResponse: a.last - res.t1, firstFromSend: a.first - res.t0, trigger: res.t1 - res.t0, eventFirst: a.first < res.t1 };
    };
    /** @returns {Promise<FanSample>} */
    const baselineSample = async (/** @type {number} */ i) => {
      const arrived = baselineSubs.expect(bareSeq);
      const commit = armCommit(fanoutCtx.channel, '{"type":"event"');
      const t0 = now();
      await baselineMove(i, fanoutCtx, eventMessage);
      const t1 = now();
      const a = await arrived;
      const committedAt = await commitSeen(commit);
      bareSeq = a.seq;
      return { fromSend: a.last - t0, fromCommit: a.last - committedAt, fromResponse: a.last - t1, firstFromSend: a.first - t0, trigger: t1 - t0 };
    };

    // How often the product's hub read an event back from the log instead of sending the copy it
    // just committed: every such read is an index scan on events (nothing else in this phase scans it).
    const eventScans = async () => {
      await sleep(1_200); // Postgres publishes table statistics at most once a second per backend
      const r = await pool.query(`SELECT coalesce(idx_scan, 0) + coalesce(seq_scan, 0) AS n FROM pg_stat_user_tables WHERE relname = 'events'`);
      return Number(r.rows[0]?.n ?? NaN);
    };
    const scansBefore = await eventScans();
    const movesBefore = workload.moves;
    results.fanout = {};
    for (const n of config.subscribers) {
      const seqNow = await currentSeq();
      const addStarted = now();
      productSeq = Math.max(productSeq, await productSubs.add(n - productSubs.size, wsUrl, { headers: auth, subscribe: { streamId: seeded.boardId, sinceSeq: () => seqNow } }));
      const productConnectS = (now() - addStarted) / 1000;
      await baselineSubs.add(n - baselineSubs.size, `ws://127.0.0.1:${ports.wsPort}`);
      await sleep(500); // presence broadcasts of the joins settle
      /** @type {FanSample[]} */
      const ps = [];
      /** @type {FanSample[]} */
      const bs = [];
      const gap = () => sleep(config.fanoutGapMs);
      await repeat(Math.min(10, config.warmup), async (i) => (await productSample(i), gap()));
      await repeat(Math.min(10, config.warmup), async (i) => (await baselineSample(i), gap()));
      await alternate(
        config.fanoutSamples,
        async (i) => {
          ps.push(await productSample(i));
          await gap();
          return 0;
        },
        async (i) => {
          bs.push(await baselineSample(i));
          await gap();
          return 0;
        },
      );
      const pick = (/** @type {'fromSend' | 'fromCommit' | 'fromResponse' | 'firstFromSend' | 'trigger'} */ k) => ({ product: summarize(ps.map((x) => x[k])), baseline: summarize(bs.map((x) => x[k])) });
      const published = ps.filter((x) => x.eventFirst);
      const reread = ps.filter((x) => !x.eventFirst);
      results.fanout[n] = {
        subscribers: n,
        productConnectSeconds: round(productConnectS, 2),
        fromSend: pick('fromSend'),
        fromCommit: pick('fromCommit'),
        fromResponse: pick('fromResponse'),
        firstSubscriberFromSend: pick('firstFromSend'),
        /** The trigger alone: the product's HTTP move, the baseline's bare transaction. */
        trigger: pick('trigger'),
        serverMemoryWithSubscribers: server.memory(),
        /** Product samples split by delivery path (see productSample): from-commit latency of each. */
        productByPath: {
          sentBeforeAnswer: { samples: published.length, fromCommit: summarize(published.map((x) => x.fromCommit)) },
          answeredFirst: { samples: reread.length, fromCommit: summarize(reread.map((x) => x.fromCommit)) },
        },
      };
      const f = results.fanout[n];
      const pair = (/** @type {{ product: { p50: number, p99: number }, baseline: { p50: number, p99: number } }} */ x) =>
        `${fmt(x.product.p50)}/${fmt(x.product.p99)} (bare ${fmt(x.baseline.p50)}/${fmt(x.baseline.p99)})`;
      log(`  ${String(n).padStart(4)} subs  p50/p99 ms  from send ${pair(f.fromSend)}  from commit ${pair(f.fromCommit)}  from response ${pair(f.fromResponse)}  trigger ${pair(f.trigger)}`);
      const bp = f.productByPath;
      log(
        `             product from commit p50: ${fmt(bp.sentBeforeAnswer.fromCommit.p50)} ms in ${bp.sentBeforeAnswer.samples} samples sent before the answer (own commit published), ` +
          `${fmt(bp.answeredFirst.fromCommit.p50)} ms in ${bp.answeredFirst.samples} answered first (event re-read from the log after the NOTIFY)`,
      );
    }
    const productMoves = productMovesInFanout;
    results.fanoutHubLogReads = { reads: (await eventScans()) - scansBefore, productMoves, allMoves: workload.moves - movesBefore };
    log(`  the hub read ${results.fanoutHubLogReads.reads} event(s) back from the log during ${productMoves} product moves (0 expected: it publishes its own commits from memory)`);
    const problems = [...productSubs.problems, ...baselineSubs.problems];
    if (problems.length) throw new Error(`websocket problems during fan-out:\n${problems.slice(0, 10).join('\n')}`);
    await productSubs.close();
    await baselineSubs.close();
  }

  if (config.only.has('metrics')) {
    // A second team holding a generated year: 20,000 cards and 200,000 events on its planned board.
    const team = (await api.json('POST', '/api/teams', { name: 'Metrics team' })).value;
    const boards = (await api.json('GET', `/api/teams/${team.id}/boards`)).value;
    const planned = boards.find((/** @type {{ kind: string }} */ b) => b.kind === 'planned');
    const scratch = boards.find((/** @type {{ kind: string }} */ b) => b.kind === 'selfservice');
    const columns = (await api.json('GET', `/api/boards/${planned.id}`)).value.columns;
    const genStarted = now();
    const at = new Date(Date.now() - 60_000);
    const generated = await generateHistory(pool, { teamId: team.id, boardId: planned.id, columns, userId: seeded.user.id, cards: config.metricsCards, now: at });
    log(`\nMetrics: generated ${config.metricsCards} cards and ${generated.events} events over a year in ${((now() - genStarted) / 1000).toFixed(1)} s`);
    const range = defaultRange(new Date());
    const values = { team: team.id, from: range.fromInstant.toISOString(), end: range.end.toISOString(), fromDay: range.from, toDay: range.to, tz: 'UTC' };
    results.metrics = { cards: config.metricsCards, events: generated.events, range: { from: range.from, to: range.to }, charts: {} };
    // The first read after the year was written: the server reads the team's whole log into its read model once.
    {
      const t0 = now();
      const first = await api.request('GET', `/api/teams/${team.id}/metrics?from=${range.from}&to=${range.to}`);
      if (first.status !== 200) throw new Error(`first metrics read: ${first.status}`);
      results.metrics.firstReadMs = now() - t0;
      log(`  first read of every chart (the server reads the team's whole log once): ${fmt(results.metrics.firstReadMs)} ms`);
    }
    let bumps = 0;
    for (const chart of METRIC_CHARTS) {
      const url = `/api/teams/${team.id}/metrics?chart=${chart}&from=${range.from}&to=${range.to}`;
      const query = bind(BASELINE_SQL[chart], values);
      // Every product sample follows an untimed new card on the team's SS&A board: a new event, so no cached answer serves it.
      const product = async () => {
        const bump = await api.request('POST', `/api/boards/${scratch.id}/cards`, { title: `Cache buster ${++bumps}` });
        if (bump.status !== 201) throw new Error(`bump card: ${bump.status}`);
        const t0 = now();
        const res = await api.request('GET', url);
        const ms = now() - t0;
        if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.body.toString('utf8').slice(0, 300)}`);
        return ms;
      };
      const baseline = async () => {
        const t0 = now();
        await pool.query(query);
        return now() - t0;
      };
      await product();
      await baseline();
      const m = await alternate(config.metricsSamples, product, baseline);
      const answer = JSON.parse((await api.request('GET', url)).body.toString('utf8'));
      const rows = (await pool.query(query)).rows;
      const size =
        chart === 'cfd' ? `${answer.cfd.days.length} days × ${answer.cfd.bands.length} bands (SQL: ${rows.length} day-category rows)`
        : chart === 'cycleTime' ? `${answer.cycleTime.points.length} finished cards (SQL: ${rows.length})`
        : chart === 'throughput' ? `${answer.throughput.reduce((s, w) => s + w.count, 0)} finished in ${answer.throughput.length} weeks (SQL: ${rows.reduce((s, r) => s + r.cards, 0)})`
        : chart === 'wipAgeing' ? `${answer.wipAgeing.cards.length} cards in progress (SQL: ${rows.length})`
        : `${answer.flowEfficiency.cards.length} cards (SQL: ${rows.filter((r) => r.per === 'card').length})`;
      results.metrics.charts[chart] = { product: summarize(m.product), baseline: summarize(m.baseline), answer: size, cpuMsPerSample: m.cpu };
      const c = results.metrics.charts[chart];
      log(`  ${chart.padEnd(15)} p50/p99 ms ${fmt(c.product.p50)}/${fmt(c.product.p99)} (SQL ${fmt(c.baseline.p50)}/${fmt(c.baseline.p99)}); ${size}`);
    }
  }

  await sleep(200);
  const memory = server.memory();
  const warnings = server.warnings();

  // ---- report --------------------------------------------------------------------------------------
  const { rows, targets } = buildTable(results);
  const durationS = round((now() - runStarted) / 1000, 1);
  log(`\n${renderTable(rows)}`);
  log(`\nServer memory: ${fmt(memory.rssMiB, 1)} MiB RSS at the end, ${fmt(memory.peakRssMiB, 1)} MiB peak` + (results.fanout ? ` (with ${config.subscribers.at(-1)} subscribers: ${fmt(results.fanout[config.subscribers.at(-1)].serverMemoryWithSubscribers.rssMiB, 1)} MiB)` : ''));
  const runCpuTo = machineCpu();
  const during = machineCpuShare(runCpuFrom, runCpuTo);
  // CPU that neither the server, Postgres nor the bench used: other work on the machine.
  const ours = cpuNow();
  const oursMs = ours.server - serverCpuFrom.server + postgresCpuDelta(serverCpuFrom.postgres, ours.postgres) + (ours.bench - serverCpuFrom.bench);
  const foreign = runCpuTo && runCpuFromServer ? Math.max(0, round(((runCpuTo.tasks - runCpuFromServer.tasks) * 10 - oursMs) / ((runCpuTo.at - runCpuFromServer.at) * os.cpus().length), 3)) : null;
  Object.assign(during, { foreignSinceServerStart: foreign });
  if (during.busy !== null) {
    log(
      `Machine: ${os.cpus().length} CPUs, ${Math.round(during.busy * 100)}% busy over the run, ${Math.round((during.steal ?? 0) * 100)}% stolen by the hypervisor, ` +
        `${foreign === null ? 'n/a' : `${Math.round(foreign * 100)}%`} used by other processes${foreign !== null && foreign > 0.05 ? ' (this run is not clean: figures are noisy)' : ''}.`,
    );
  }
  if (warnings.length) log(`Server logged ${warnings.length} warning(s); first: ${warnings[0].slice(0, 300)}`);
  const failed = targets.filter((t) => t.pass === false);
  log(`Targets: ${targets.filter((t) => t.pass).length} PASS, ${failed.length} FAIL${failed.length ? ` (${failed.map((t) => t.name).join('; ')})` : ''}. Run took ${durationS} s.`);

  const report = {
    startedAt: startedAt.toISOString(),
    durationSeconds: durationS,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      totalMemoryMiB: Math.round(os.totalmem() / 1048576),
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      postgres: database.postgresVersion,
      postgresSettings: database.postgresSettings,
      cpuBusyBeforeStart: before.busy,
      cpuDuringRun: during,
    },
    git: gitCommit(),
    serverBuild: { sha256: build.sha256, modifiedAt: build.modifiedAt, builtByBench: build.built },
    config: { ...config, only: [...config.only], adminUrl: undefined },
    seed: { cards: config.cards, columns: 6, seconds: round(seedSeconds, 2), snapshotBytes: initial.body.length },
    results,
    table: rows,
    targets,
    server: { memory, warnings: warnings.length, nodeArgs },
  };
  if (config.writeResults) {
    const dir = path.join(BENCH, 'results');
    mkdirSync(dir, { recursive: true });
    const stamp = startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
    const text = `${JSON.stringify(report, null, 2)}\n`;
    writeFileSync(path.join(dir, `${stamp}.json`), text);
    const complete = ['snapshot', 'moves', 'fanout', 'metrics'].every((x) => config.only.has(x));
    if (complete) writeFileSync(path.join(dir, 'latest.json'), text);
    log(`Results: bench/results/${stamp}.json${complete ? ' (and latest.json)' : ' (partial run: latest.json left as it was)'}`);
  }
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/**
 * @typedef {{ measure: string, product: string, baseline: string, baselineName: string, ratio: string, target: string, verdict: string }} Row
 * @typedef {{ name: string, value: number, limit: number, pass: boolean | null }} Target
 */

/** @param {Record<string, any>} r */
function buildTable(r) {
  /** @type {Row[]} */
  const rows = [];
  /** @type {Target[]} */
  const targets = [];
  /** @param {number} a @param {number} b */
  // Undefined when the baseline is under 0.5 ms: a ratio to a figure that small (or negative) says nothing.
  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b >= 0.5 ? round(a / b, 2) : NaN);
  /** @param {string} name @param {number} value @param {number} limit @param {'max' | 'min'} kind */
  const target = (name, value, limit, kind) => {
    const pass = Number.isFinite(value) ? (kind === 'max' ? value <= limit : value >= limit) : null;
    targets.push({ name, value, limit, pass });
    return pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL';
  };
  const ms = (/** @type {{ p50: number, p99: number }} */ s) => `${fmt(s.p50)} / ${fmt(s.p99)}`;
  const ratios = (/** @type {{ p50: number, p99: number }} */ a, /** @type {{ p50: number, p99: number }} */ b) => `${fmt(ratio(a.p50, b.p50))} / ${fmt(ratio(a.p99, b.p99))}`;

  if (r.snapshotFirst) {
    const { product: p, baseline: b } = r.snapshotFirst;
    rows.push({ measure: 'Snapshot GET, first read at a new seq', product: ms(p), baseline: ms(b), baselineName: 'Fastify + pg, 2,000 rows', ratio: ratios(p, b), target: 'p50 ≤ 2×', verdict: target('first snapshot p50 ≤ 2× Fastify+pg', ratio(p.p50, b.p50), 2, 'max') });
  }
  if (r.snapshotRepeat) {
    const { product: p, baseline: b } = r.snapshotRepeat;
    rows.push({ measure: 'Snapshot GET, repeated at the same seq', product: ms(p), baseline: ms(b), baselineName: 'Fastify, same JSON in memory (bytes)', ratio: ratios(p, b), target: 'p50 ≤ 2×', verdict: target('repeated snapshot p50 ≤ 2× in-memory route', ratio(p.p50, b.p50), 2, 'max') });
    const st = r.snapshotRepeat.baselineString;
    if (st) rows.push({ measure: '  (same, against the JSON held as a JS string)', product: ms(p), baseline: ms(st), baselineName: 'Fastify, same JSON in memory (string)', ratio: ratios(p, st), target: 'info', verdict: '' });
  }
  if (r.move1) {
    const { product: p, baseline: b } = r.move1;
    rows.push({ measure: 'Card move over HTTP, 1 client', product: ms(p), baseline: ms(b), baselineName: 'bare pg move transaction', ratio: ratios(p, b), target: 'p50 ≤ 2.5×', verdict: target('move p50 at 1 client ≤ 2.5× bare transaction', ratio(p.p50, b.p50), 2.5, 'max') });
  }
  if (r.moveN) {
    const { product: p, baseline: b, clients } = r.moveN;
    rows.push({ measure: `Card move over HTTP, ${clients} clients (latency)`, product: ms(p), baseline: ms(b), baselineName: `bare pg move transaction ×${clients}`, ratio: ratios(p, b), target: '', verdict: '' });
    rows.push({
      measure: `Card moves per second, ${clients} clients`,
      product: `${fmt(p.perSecond, 0)} /s`,
      baseline: `${fmt(b.perSecond, 0)} /s`,
      baselineName: `bare pg move transaction ×${clients}`,
      ratio: fmt(ratio(p.perSecond, b.perSecond)),
      target: '≥ 0.5×',
      verdict: target(`moves/s at ${clients} clients ≥ 0.5× bare transaction`, ratio(p.perSecond, b.perSecond), 0.5, 'min'),
    });
  }
  for (const f of Object.values(r.fanout ?? {})) {
    for (const [key, label, baselineName] of /** @type {const} */ ([
      ['fromSend', 'from move sent', 'bare tx → NOTIFY → ws, from BEGIN'],
      ['fromCommit', 'from commit (NOTIFY seen)', 'bare tx → NOTIFY → ws, from commit'],
      ['fromResponse', 'from move answered', 'bare tx → NOTIFY → ws, from COMMIT ok'],
    ])) {
      const { product: p, baseline: b } = f[key];
      const v50 = target(`fan-out to ${f.subscribers}, ${label}: p50 ≤ 1.5× bare path`, ratio(p.p50, b.p50), 1.5, 'max');
      const v99 = target(`fan-out to ${f.subscribers}, ${label}: p99 ≤ 1.5× bare path`, ratio(p.p99, b.p99), 1.5, 'max');
      rows.push({ measure: `Fan-out to last of ${f.subscribers} sockets, ${label}`, product: ms(p), baseline: ms(b), baselineName, ratio: ratios(p, b), target: 'p50, p99 ≤ 1.5×', verdict: `${v50} / ${v99}` });
    }
  }
  for (const [chart, c] of Object.entries(r.metrics?.charts ?? {})) {
    const { product: p, baseline: b } = c;
    const under = target(`metrics ${chart}: p50 ≤ 300 ms`, p.p50, 300, 'max');
    const vs = target(`metrics ${chart}: p50 ≤ 2× hand-written SQL`, ratio(p.p50, b.p50), 2, 'max');
    rows.push({
      measure: `Metrics ${chart}, ${r.metrics.cards.toLocaleString('en')} cards / ${r.metrics.events.toLocaleString('en')} events`,
      product: ms(p),
      baseline: ms(b),
      baselineName: 'hand-written SQL, same chart',
      ratio: ratios(p, b),
      target: 'p50 ≤ 300 ms, ≤ 2×',
      verdict: `${under} / ${vs}`,
    });
  }
  return { rows, targets };
}

/** @param {Row[]} rows */
function renderTable(rows) {
  const head = { measure: 'Measure', product: 'opsboard p50 / p99 ms', baseline: 'baseline p50 / p99 ms', baselineName: 'baseline', ratio: 'ratio p50 / p99', target: 'target', verdict: 'verdict' };
  const keys = /** @type {(keyof Row)[]} */ (Object.keys(head));
  const all = [head, ...rows];
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...all.map((r) => r[k].length))]));
  const line = (/** @type {Row} */ r) => keys.map((k) => r[k].padEnd(width[k])).join(' | ').trimEnd();
  return [line(head), keys.map((k) => '-'.repeat(width[k])).join('-|-'), ...rows.map(line)].join('\n');
}

main()
  .then(cleanup)
  .then(() => process.exit(0))
  .catch(async (err) => {
    if (!interrupted) console.error(`\nbench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    const ended = runningServer?.exited();
    if (ended) console.error(`\nThe server exited (${JSON.stringify(ended)}); its last output:\n${runningServer?.output().slice(-4000)}`);
    await cleanup();
    process.exit(1);
  });
