import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ColumnCategory } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { columns } from '../db/schema.js';
import type { ColumnRow } from './mappers.js';

/** The board's first live column (of a category, when given), in board order. */
export async function firstColumn(db: Queryable, boardId: string, category?: ColumnCategory): Promise<ColumnRow | null> {
  const [col] = await db
    .select()
    .from(columns)
    .where(and(eq(columns.boardId, boardId), isNull(columns.archivedAt), category ? eq(columns.category, category) : undefined))
    .orderBy(asc(columns.rank), asc(columns.id))
    .limit(1);
  return col ?? null;
}
