/**
 * Storage: PostgreSQL through `pg` when DATABASE_URL is set, embedded PGlite
 * otherwise. Both sit behind the same drizzle schema, the same migrations and
 * the same LISTEN/NOTIFY contract.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { GuardedPool } from './pool.js';
import * as schema from './schema.js';

/** Both drivers answer raw queries with `{ rows }`; this HKT says so for either. */
export interface RowsResultHKT extends PgQueryResultHKT {
  type: RowsResult<this['row']>;
}
interface RowsResult<T> {
  rows: T[];
}

/**
 * The drizzle database over either driver. The two driver classes differ only
 * in their result HKT, which `RowsResultHKT` covers, hence the one cast in each
 * constructor below.
 */
export type Db = PgDatabase<RowsResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Notification {
  channel: string;
  payload: string;
}

export interface NotifyListener {
  close(): Promise<void>;
}

/** `onReady` runs after every (re)connect, so callers can re-read what they missed while away. */
export interface ListenOptions {
  channels: string[];
  onNotify: (n: Notification) => void;
  onReady: () => void;
  onError?: (err: unknown) => void;
}

export interface Database {
  kind: 'postgres' | 'pglite';
  db: Db;
  listen(options: ListenOptions): Promise<NotifyListener>;
  /** Applies pending migrations from the folder; instances starting together take turns. */
  migrate(migrationsFolder: string): Promise<void>;
  /** True when a trivial query answers within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface PostgresOptions {
  url: string;
  poolMax?: number;
  applicationName?: string;
  onPoolError?: (err: Error) => void;
}

/** For connection errors that are reported elsewhere (see connectPostgres). */
const ignoreHere = (): void => undefined;

/** Arbitrary constant: the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK = 727_001;

/** Session settings that keep a stuck query or an abandoned transaction from holding locks for ever. */
const PG_SESSION = {
  statement_timeout: 15_000,
  lock_timeout: 5_000,
  idle_in_transaction_session_timeout: 30_000,
  options: '-c TimeZone=UTC',
};

export function connectPostgres(opts: PostgresOptions): Database {
  const pool = new GuardedPool({
    connectionString: opts.url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: opts.applicationName ?? 'opsboard',
    ...PG_SESSION,
  });
  // Without these listeners a Postgres restart kills the process: a client emits 'error' when its
  // connection dies. The pool listens only while a client is idle; a client checked out for a
  // transaction (or the migrations) had nobody listening. Every client gets a listener for life:
  // the error itself reaches whoever is using the client, as the rejection of its query or of its
  // next one ("not queryable"), which answers 503, and the pool drops the client when it comes back.
  pool.on('connect', (client) => client.on('error', ignoreHere));
  pool.on('error', (err) => opts.onPoolError?.(err));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;

  return {
    kind: 'postgres',
    db,
    listen: async (o) => listenPostgres(opts, o),
    migrate: async (migrationsFolder) => {
      const client = await pool.connect();
      try {
        // A session-level advisory lock on the connection that runs the migrations.
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    ping: (timeoutMs = 2_000) => withTimeout(pool.query('SELECT 1').then(() => true), timeoutMs, false).catch(() => false),
    close: () => pool.end(),
  };
}

/**
 * One LISTEN connection, reconnected with backoff for as long as it is open.
 * NOTIFY keeps nothing for a disconnected listener, so `onReady` fires after
 * every reconnect and the caller re-reads the event log from what it last delivered.
 */
function listenPostgres(opts: PostgresOptions, o: ListenOptions): NotifyListener {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = 50;

  const connect = async (): Promise<void> => {
    if (closed) return;
    const c = new pg.Client({
      connectionString: opts.url,
      connectionTimeoutMillis: 3_000,
      keepAlive: true,
      application_name: `${opts.applicationName ?? 'opsboard'}-listen`,
      ...PG_SESSION,
      statement_timeout: 5_000,
    });
    const scheduleReconnect = (err: unknown) => {
      if (client === c) client = null;
      c.removeAllListeners('notification');
      c.end().catch(() => undefined);
      if (closed || retry) return;
      o.onError?.(err);
      retry = setTimeout(() => {
        retry = null;
        void connect();
      }, delay);
      delay = Math.min(delay * 2, 2_000);
    };
    c.on('error', scheduleReconnect);
    c.on('end', () => scheduleReconnect(new Error('listen connection ended')));
    c.on('notification', (msg) => o.onNotify({ channel: msg.channel, payload: msg.payload ?? '' }));
    try {
      await c.connect();
      for (const channel of o.channels) await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (closed) {
        await c.end();
        return;
      }
      client = c;
      delay = 50;
      o.onReady();
    } catch (err) {
      scheduleReconnect(err);
    }
  };

  // Connecting (and retrying) happens in the background: an instance starts and
  // answers 503 while the database is down, and catches up once it is back.
  void connect();
  return {
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}

export interface PgliteOptions {
  /** A folder for the data, or null for an in-memory database (tests). */
  dataDir: string | null;
}

export async function openPglite(opts: PgliteOptions): Promise<Database> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = opts.dataDir ? new PGlite(opts.dataDir) : new PGlite();
  await client.waitReady;
  await client.exec(`SET TimeZone = 'UTC'`);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  let closed = false;

  return {
    kind: 'pglite',
    db,
    listen: async (o) => {
      const stops = await Promise.all(o.channels.map((channel) => client.listen(channel, (payload) => o.onNotify({ channel, payload }))));
      o.onReady();
      return { close: async () => void (await Promise.all(stops.map((stop) => stop()))) };
    },
    migrate: (migrationsFolder) => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder }),
    ping: async () => {
      if (closed) return false;
      try {
        await client.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
