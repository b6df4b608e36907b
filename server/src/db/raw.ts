/**
 * Hand-written SELECT lists for hot paths: drizzle's query builder and row
 * mapper cost more CPU per query than the query itself on the move path.
 * Columns come back under their drizzle (camelCase) keys, so rows have the
 * same shape as `typeof table.$inferSelect`.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** `alias."snake_name" AS "prefix+camelKey", …` for every column of the table, built once. */
export function selectList(table: PgTable, alias: string, prefix = ''): SQL {
  const parts = Object.entries(getTableColumns(table)).map(([key, column]) => `${alias}."${column.name}" AS "${prefix}${key}"`);
  return sql.raw(parts.join(', '));
}

/** Splits a row of prefixed keys (`b.id`, `b.name`) back into its object. */
export function unprefix<T>(row: Record<string, unknown>, prefix: string): T {
  const out: Record<string, unknown> = {};
  for (const key in row) if (key.startsWith(prefix)) out[key.slice(prefix.length)] = row[key];
  return out as T;
}
