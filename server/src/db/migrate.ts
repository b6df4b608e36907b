import { sql } from 'drizzle-orm';
import type { Database } from './database.js';

/** Ids (hashes) of the migrations recorded as applied, oldest first. */
export async function appliedMigrations(database: Database): Promise<string[]> {
  const result = await database.db.execute<{ hash: string }>(
    sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at, id`,
  );
  return result.rows.map((r) => r.hash);
}
