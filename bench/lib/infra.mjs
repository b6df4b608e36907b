/**
 * The bench's infrastructure: a throw-away Postgres database, the product
 * server as a child process, free ports and process memory.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/**
 * @param {string} adminUrl
 * @param {{ logStatements?: boolean }} [o] logStatements: log every statement of this database with its
 *   duration to the Postgres server log (diagnostics only; it slows everything down)
 */
export async function createDatabase(adminUrl, o = {}) {
  const name = `opsboard_bench_${new Date().toISOString().replace(/[-:TZ.]/g, '').slice(0, 14)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    const version = (await admin.query('SHOW server_version')).rows[0].server_version;
    const settings = Object.fromEntries(
      (await admin.query(`SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections')`)).rows.map((r) => [r.name, r.setting]),
    );
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    if (o.logStatements) await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(name)} SET log_min_duration_statement = 0`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return { name, url: url.toString(), postgresVersion: version, postgresSettings: settings };
  } finally {
    await admin.end();
  }
}

/** @param {string} adminUrl @param {string} name */
export async function dropDatabase(adminUrl, name) {
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** Builds server/dist/main.js when it is missing (or when asked to). @param {string} root @param {boolean} force */
export function ensureServerBuilt(root, force) {
  const main = path.join(root, 'server', 'dist', 'main.js');
  if (existsSync(main) && !force) return { built: false, main, ...buildIdentity(main) };
  console.log(force ? 'Rebuilding the server (BENCH_REBUILD=1)…' : 'server/dist/main.js is missing: building the server…');
  const r = spawnSync('npx', ['pnpm@12.4.2', '--filter', '@opsboard/server', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(main)) throw new Error('building the server failed');
  return { built: true, main, ...buildIdentity(main) };
}

/** Which build is measured: the bundle's hash and modification time. @param {string} file */
function buildIdentity(file) {
  return { sha256: createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16), modifiedAt: statSync(file).mtime.toISOString() };
}

/**
 * Starts `node server/dist/main.js` and waits for GET /api/health = 200.
 * @param {{ root: string, main: string, databaseUrl: string, port: number, nodeArgs: string[], env?: Record<string, string> }} o
 */
export async function startServer(o) {
  const child = spawn(process.execPath, [...o.nodeArgs, o.main], {
    cwd: o.root,
    env: {
      ...process.env,
      DATABASE_URL: o.databaseUrl,
      PORT: String(o.port),
      HOST: '127.0.0.1',
      OPSBOARD_DEMO: 'off',
      LOG_LEVEL: 'warn',
      OPSBOARD_LOGIN_RATE_LIMIT: '100000',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** @type {string[]} */
  const output = [];
  let outputBytes = 0;
  const keep = (/** @type {Buffer} */ chunk) => {
    const text = chunk.toString('utf8');
    output.push(text);
    outputBytes += text.length;
    while (outputBytes > 256_000 && output.length > 1) outputBytes -= output.shift().length;
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = /** @type {null | { code: number | null, signal: string | null }} */ (null);
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));

  const base = `http://127.0.0.1:${o.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`the server exited during start (${JSON.stringify(exited)}):\n${output.join('')}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not become healthy within 60 s:\n${output.join('')}`);
    }
    await sleep(100);
  }

  return {
    base,
    pid: /** @type {number} */ (child.pid),
    /** Everything the server printed (bounded). */
    output: () => output.join(''),
    /** Log lines at warn level or above (pino JSON: level >= 40). */
    warnings: () =>
      output
        .join('')
        .split('\n')
        .filter((l) => /"level":\s*(40|50|60)/.test(l)),
    memory: () => processMemory(/** @type {number} */ (child.pid)),
    /** How the server ended, if it did. */
    exited: () => exited,
    async stop() {
      if (exited) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Resident set size now and at its peak, in MiB (Linux /proc; null elsewhere). @param {number} pid */
export function processMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (/** @type {string} */ key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: Math.round(kb('VmRSS') / 102.4) / 10, peakRssMiB: Math.round(kb('VmHWM') / 102.4) / 10 };
  } catch {
    return { rssMiB: null, peakRssMiB: null };
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; NaN elsewhere). @param {number} pid */
export function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * CPU time (ms) used so far by each process named `postgres` (the server and its backends), by pid.
 * Compare two readings with `postgresCpuDelta`: a backend that exits between them takes its CPU with it.
 * @returns {Map<number, number>}
 */
export function postgresCpu() {
  /** @type {Map<number, number>} */
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (comm !== 'postgres') continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byPid.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // the process ended meanwhile
    }
  }
  return byPid;
}

/** CPU (ms) Postgres processes used between two `postgresCpu()` readings (NaN when none were visible). @param {Map<number, number>} from @param {Map<number, number>} to */
export function postgresCpuDelta(from, to) {
  if (to.size === 0) return NaN;
  let total = 0;
  for (const [pid, ms] of to) total += ms - (from.get(pid) ?? 0);
  return total;
}

/** Whole-machine CPU counters from /proc/stat (clock ticks), or null off Linux. */
export function machineCpu() {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
    // `tasks`: time charged to processes (user + system); interrupt time is not charged to any process.
    return { busy: user + nice + system + irq + softirq, tasks: user + nice + system, idle: idle + iowait, steal: steal || 0, at: Date.now() };
  } catch {
    return null;
  }
}

/**
 * Share of the machine's CPU time that was busy and that the hypervisor stole, between two readings.
 * @param {ReturnType<typeof machineCpu>} a @param {ReturnType<typeof machineCpu>} b
 */
export function machineCpuShare(a, b) {
  if (!a || !b) return { busy: null, steal: null };
  const busy = b.busy - a.busy;
  const steal = b.steal - a.steal;
  const total = busy + steal + (b.idle - a.idle);
  return total > 0 ? { busy: Math.round((busy / total) * 1000) / 1000, steal: Math.round((steal / total) * 1000) / 1000 } : { busy: null, steal: null };
}
