import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { connectPostgres, openPglite, type Database } from '../../server/src/db/database.js';
import { appliedMigrations } from '../../server/src/db/migrate.js';
import { migrationsDir } from '../helpers/global-setup.js';
import { createTestDatabase, DB_KIND, pgClient, signup, startTestApp, type TestDatabase } from '../helpers/harness.js';
import { inject } from 'vitest';
import { randomUUID } from 'node:crypto';

const journal = JSON.parse(readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };

/** An empty database of this project's kind, not migrated. */
async function emptyDatabase(): Promise<{ database: Database; close: () => Promise<void> }> {
  if (DB_KIND === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'opsboard-empty-'));
    const database = await openPglite({ dataDir: dir });
    return { database, close: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const admin = await pgClient(inject('pgAdminUrl'));
  const name = `opsboard_e_${inject('runId')}_${randomUUID().slice(0, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${name}`;
  const database = connectPostgres({ url: u.toString() });
  return {
    database,
    close: async () => {
      await database.close();
      const c = await pgClient(inject('pgAdminUrl'));
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

describe(`migrations on ${DB_KIND}`, () => {
  it('apply from zero, then a restart applies nothing, then only a new migration', async () => {
    const { database, close } = await emptyDatabase();
    try {
      await database.migrate(migrationsDir);
      const first = await appliedMigrations(database);
      expect(first).toHaveLength(journal.entries.length);
      const tables = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(tables.rows[0]!.n).toBeGreaterThan(10);

      await database.migrate(migrationsDir);
      expect(await appliedMigrations(database)).toEqual(first);

      // A copy of the folder with one more migration: only that one is applied.
      const dir = mkdtempSync(path.join(tmpdir(), 'opsboard-migrations-'));
      cpSync(migrationsDir, dir, { recursive: true });
      const meta = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[] };
      const last = meta.entries.at(-1)!;
      meta.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_test_extra' });
      writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(meta));
      writeFileSync(path.join(dir, '9999_test_extra.sql'), 'CREATE TABLE migration_probe (id integer PRIMARY KEY);');
      await database.migrate(dir);
      const after = await appliedMigrations(database);
      expect(after).toHaveLength(first.length + 1);
      expect(after.slice(0, first.length)).toEqual(first);
      await database.db.execute(sql`INSERT INTO migration_probe VALUES (1)`);
      rmSync(dir, { recursive: true, force: true });
    } finally {
      await close();
    }
  });
});

describe(`health on ${DB_KIND}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('200 with the database reachable', async () => {
    const t = await startTestApp({ database: db.database });
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', database: DB_KIND });
    await t.close();
  });

  it('503 in the error shape when the database is gone, and other routes answer 503 too', async () => {
    const { database, close } = await emptyDatabase();
    await database.migrate(migrationsDir);
    const t = await startTestApp({ database });
    const u = await signup(t.app, 'Doomed');
    if (DB_KIND === 'pglite') {
      await database.close();
    } else {
      // Point a second app at a port nothing listens on: every connection attempt fails fast.
      await t.close();
    }
    const target = DB_KIND === 'pglite' ? t : await startTestApp({ database: connectPostgres({ url: 'postgres://postgres@127.0.0.1:1/none', onPoolError: () => undefined }) });
    const res = await target.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body).error.code).toBe('unavailable');
    const other = await target.app.inject({ method: 'GET', url: '/api/teams', headers: { authorization: `Bearer ${u.token}` } });
    expect(other.statusCode).toBe(503);
    expect(other.body).not.toMatch(/ECONNREFUSED|closed|stack/i);
    await target.close();
    if (DB_KIND === 'postgres') await close();
    else await close().catch(() => undefined);
  });
});

describe.runIf(DB_KIND === 'postgres')('the pool survives Postgres dropping its connections', () => {
  it('keeps serving after every backend of the database is terminated', async () => {
    const db = await createTestDatabase();
    const t = await startTestApp({ database: db.database });
    const u = await signup(t.app, 'Survivor');
    expect((await u.api.get('/api/teams')).status).toBe(200);
    const admin = await pgClient(db.url!);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    await admin.end();
    // Idle clients emitted 'error' (no crash); the next requests get fresh connections.
    let status = 0;
    for (let i = 0; i < 5 && status !== 200; i++) status = (await u.api.get('/api/teams')).status;
    expect(status).toBe(200);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    await t.close();
    await db.close();
  });
});
