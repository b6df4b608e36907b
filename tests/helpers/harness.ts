/**
 * Test harness: a fresh database per test file (a copy of the migrated
 * template, on whichever database this project runs), an app built exactly as
 * main.ts builds it, and small clients that speak the API as a user would.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Role, SessionInfo, Team } from '@opsboard/shared';
import { buildApp, type BuildOptions, type Built } from '../../server/src/app.js';
import { argon2Hasher } from '../../server/src/auth/passwords.js';
import { testConfig, type Config } from '../../server/src/config.js';
import { randomId, systemClock, type AppDeps, type PasswordHasher } from '../../server/src/context.js';
import { connectPostgres, openPglite, type Database } from '../../server/src/db/database.js';
import { assertEventsMatchCatalogue } from './event-catalogue.js';
import { withDatabase } from './global-setup.js';

export const DB_KIND = (process.env.OPSBOARD_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/**
 * A connected pg client for a test's own SQL. It listens for 'error': this
 * process also hosts the servers under test, and a client whose connection
 * dies with nobody listening would take all of them down.
 */
export async function pgClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export interface TestDatabase {
  database: Database;
  /** Postgres URL of this test database (for a second instance or direct SQL), null on PGlite. */
  url: string | null;
  /** Checks every event the file produced against the event catalogue (failing the file on a mismatch), then drops the database. */
  close(): Promise<void>;
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const db = await openTestDatabase();
  return {
    ...db,
    close: async () => {
      try {
        await assertEventsMatchCatalogue(db.database);
      } finally {
        await db.close();
      }
    },
  };
}

async function openTestDatabase(): Promise<TestDatabase> {
  if (DB_KIND === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'opsboard-db-'));
    cpSync(inject('pgliteTemplate'), dir, { recursive: true });
    const database = await openPglite({ dataDir: dir });
    return {
      database,
      url: null,
      close: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = `opsboard_t_${inject('runId')}_${randomUUID().slice(0, 8)}`;
  const admin = await pgClient(adminUrl);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const database = connectPostgres({ url, poolMax: 20, onPoolError: () => undefined });
  return {
    database,
    url,
    close: async () => {
      await database.close();
      const c = await pgClient(adminUrl);
      await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

export interface TestAppOptions extends BuildOptions {
  database: Database;
  clock?: () => Date;
  hasher?: PasswordHasher;
  config?: Partial<Config>;
  /** Listen on a random local port (needed for websocket clients). */
  listen?: boolean;
  instanceId?: string;
}

export interface TestApp extends Built {
  deps: AppDeps;
  /** http://127.0.0.1:port when listening. */
  baseUrl: string;
  close(): Promise<void>;
}

export async function startTestApp(opts: TestAppOptions): Promise<TestApp> {
  const deps: AppDeps = {
    config: testConfig({
      loginRateLimit: 1000,
      signupRateLimit: 100_000,
      // Lets parallel work build the client elsewhere without racing over client/dist.
      ...(process.env.OPSBOARD_CLIENT_DIR && { clientDir: process.env.OPSBOARD_CLIENT_DIR }),
      ...opts.config,
    }),
    database: opts.database,
    clock: opts.clock ?? systemClock,
    newId: randomId,
    hasher: opts.hasher ?? argon2Hasher,
    instanceId: opts.instanceId ?? `test-${randomUUID().slice(0, 8)}`,
  };
  // A fake clock jumps hours at a time while the escalation sweep runs on real timers, so it would fire in the
  // middle of unrelated tests; with a fake clock it is off unless the test turns it on (escalation.test.ts).
  const notify = opts.clock ? { escalations: false, ...opts.notify } : opts.notify;
  const built = await buildApp(deps, { serveClient: false, logger: false, ...opts, ...(notify && { notify }) });
  await built.app.ready();
  let baseUrl = '';
  if (opts.listen) {
    const address = await built.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = address;
  }
  return { ...built, deps, baseUrl, close: () => built.app.close() };
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | number | string[] | undefined>;
}

/** An API client for one identity: a session cookie (with its CSRF token) or a bearer token. */
export class Api {
  constructor(
    private readonly app: Built['app'],
    private readonly creds: { cookie?: string; csrf?: string | null; token?: string } = {},
  ) {}

  async request<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.creds.token) h.authorization = `Bearer ${this.creds.token}`;
    if (this.creds.cookie) h.cookie = this.creds.cookie;
    if (this.creds.csrf && method !== 'GET') h['x-csrf-token'] = this.creds.csrf;
    if (body !== undefined) h['content-type'] = h['content-type'] ?? 'application/json';
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      ...(body !== undefined && { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = res.body;
    let parsed: unknown = text;
    if ((res.headers['content-type'] ?? '').toString().includes('json') && text !== '') parsed = JSON.parse(text);
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  get<T = unknown>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body, headers);
  }
  patch<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body, headers);
  }
  put<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', url, body, headers);
  }
  del<T = unknown>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }
}

export interface TestUser {
  id: string;
  name: string;
  email: string;
  /** Cookie-session client (sends the CSRF header on mutations). */
  session: Api;
  cookie: string;
  csrf: string;
  /** Bearer-token client. */
  api: Api;
  token: string;
}

let counter = 0;
export const PASSWORD = 'correct horse battery staple';

/** Signs a new person up through the API and gives them a session client and a token client. */
export async function signup(app: Built['app'], name = `User ${++counter}`): Promise<TestUser> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${randomUUID().slice(0, 6)}@example.test`;
  const res = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email, name, password: PASSWORD } });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  const info = JSON.parse(res.body) as SessionInfo;
  const setCookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('opsboard_session='));
  const cookie = setCookie!.split(';')[0]!;
  const session = new Api(app, { cookie, csrf: info.csrfToken });
  const tokenRes = await session.post<{ secret: string }>('/api/auth/tokens', { name: 'tests' });
  if (tokenRes.status !== 201) throw new Error(`token failed: ${tokenRes.status} ${JSON.stringify(tokenRes.body)}`);
  return { id: info.user.id, name, email, session, cookie, csrf: info.csrfToken!, api: new Api(app, { token: tokenRes.body.secret }), token: tokenRes.body.secret };
}

/** The roles createTeam gives a person each; a guest comes through addGuest. */
export type MemberRole = Exclude<Role, 'guest'>;

export interface TestTeam {
  team: Team;
  admin: TestUser;
  byRole: Record<MemberRole, TestUser>;
  boards: { planned: string; interrupts: string; selfservice: string };
}

/** A team whose admin created it, with one more person per role. */
export async function createTeam(app: Built['app'], name = 'Team'): Promise<TestTeam> {
  const admin = await signup(app, `${name} Admin`);
  const res = await admin.api.post<Team>('/api/teams', { name });
  if (res.status !== 201) throw new Error(`team failed: ${res.status} ${JSON.stringify(res.body)}`);
  const team = res.body;
  const byRole = { admin } as Record<MemberRole, TestUser>;
  for (const role of ['po', 'member', 'viewer'] as const) {
    const u = await signup(app, `${name} ${role}`);
    const inv = await admin.api.post(`/api/teams/${team.id}/invitations`, { email: u.email, role });
    if (inv.status !== 201) throw new Error(`invite failed: ${inv.status} ${JSON.stringify(inv.body)}`);
    byRole[role] = u;
  }
  const boards = await admin.api.get<{ id: string; kind: 'planned' | 'interrupts' | 'selfservice' }[]>(`/api/teams/${team.id}/boards`);
  const ids = Object.fromEntries(boards.body.map((b) => [b.kind, b.id])) as TestTeam['boards'];
  return { team, admin, byRole, boards: ids };
}

/** Signs a new person up and adds them to the team as a guest (a customer developer or requester). */
export async function addGuest(app: Built['app'], team: TestTeam, name = `${team.team.name} guest`): Promise<TestUser> {
  const guest = await signup(app, name);
  const res = await team.admin.api.post(`/api/teams/${team.team.id}/invitations`, { email: guest.email, role: 'guest' });
  if (res.status !== 201) throw new Error(`guest invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  return guest;
}
