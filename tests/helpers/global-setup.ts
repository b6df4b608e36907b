/**
 * Prepares one migrated template per run: a PGlite data folder that each test
 * file copies, or a Postgres database each test file clones with
 * CREATE DATABASE ... TEMPLATE. Dropped again when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { findRoot } from '../../server/src/config.js';
import { connectPostgres, openPglite } from '../../server/src/db/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgAdminUrl: string;
    pgTemplate: string;
    runId: string;
  }
}

export const migrationsDir = path.join(findRoot(), 'migrations');

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  project.provide('runId', runId);
  const kind = project.config.env.OPSBOARD_TEST_DB ?? 'pglite';

  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'opsboard-tests-'));
    const template = path.join(dir, 'template');
    const db = await openPglite({ dataDir: template });
    await db.migrate(migrationsDir);
    await db.close();
    project.provide('pgliteTemplate', template);
    return async () => rmSync(dir, { recursive: true, force: true });
  }

  const adminUrl = process.env.OPSBOARD_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('OPSBOARD_TEST_DATABASE_URL is not set: the Postgres suite needs an admin connection string, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  const templateName = `opsboard_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateName}`);
  await admin.end();
  const db = connectPostgres({ url: withDatabase(adminUrl, templateName) });
  await db.migrate(migrationsDir);
  await db.close();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', templateName);

  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    c.on('error', () => undefined);
    await c.connect();
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`opsboard_%${runId}%`]);
    for (const { datname } of rows) {
      await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [datname]);
      await c.query(`DROP DATABASE IF EXISTS ${datname}`);
    }
    await c.end();
  };
}
