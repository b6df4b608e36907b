/**
 * Reads what the flow metrics need from the event log in one SQL pass: each
 * card's steps (where it was, archived or not, blocked or not, from when),
 * already extracted from the JSON payloads and ordered per card. The maths is
 * then the pure functions in @opsboard/shared.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { BoardKind, CardHistory, CardType, ColumnCategory, MetricColumn, Step } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';

export interface CardFilters {
  boardKind?: BoardKind | undefined;
  featureId?: string | undefined;
  cardType?: CardType | undefined;
  personId?: string | undefined;
  label?: string | undefined;
}

export interface Scope {
  teamId: string;
  /** One board, or every board of the team (of `filters.boardKind`, if given). */
  boardId: string | null;
}

export interface ScopedColumn extends MetricColumn {
  rank: string;
  boardRank: string;
  archived: boolean;
}

export async function scopeColumns(db: Queryable, scope: Scope, boardKind: BoardKind | undefined): Promise<ScopedColumn[]> {
  const board = scope.boardId ? sql`AND b.id = ${scope.boardId}` : sql``;
  const kind = boardKind ? sql`AND b.kind = ${boardKind}` : sql``;
  const result = await db.execute<{ id: string; board_id: string; name: string; category: ColumnCategory; rank: string; board_rank: string; archived: boolean }>(sql`
    SELECT c.id, c.board_id, c.name, c.category, c.rank, b.rank AS board_rank, c.archived_at IS NOT NULL AS archived
    FROM columns c JOIN boards b ON b.id = c.board_id
    WHERE b.team_id = ${scope.teamId} ${board} ${kind}
    ORDER BY b.rank, b.id, c.rank, c.id
  `);
  return result.rows.map((r) => ({ id: r.id, boardId: r.board_id, name: r.name, category: r.category, rank: r.rank, boardRank: r.board_rank, archived: r.archived }));
}

function cardFilter(filters: CardFilters): SQL {
  const parts: SQL[] = [];
  if (filters.featureId) parts.push(sql`AND c.feature_id = ${filters.featureId}`);
  if (filters.cardType) parts.push(sql`AND c.type = ${filters.cardType}`);
  if (filters.personId) parts.push(sql`AND ${filters.personId}::uuid = ANY(c.assignee_ids)`);
  if (filters.label) parts.push(sql`AND ${filters.label} = ANY(c.labels)`);
  return sql.join(parts, sql` `);
}

export interface CardInfo {
  boardId: string;
  number: number;
  title: string;
}

/**
 * Steps of the team's cards that match the filters, up to `until`. A card's
 * `card.moved_out` is skipped: the `card.moved_in` of the same move says where it went.
 * Edits count only when they changed the blocked flag.
 */
export async function cardHistories(db: Queryable, teamId: string, filters: CardFilters, until: Date): Promise<{ histories: CardHistory[]; cards: Map<string, CardInfo> }> {
  const result = await db.execute<{ card_id: string; at: string | number; column_id: string; archived: boolean; blocked: boolean; board_id: string; number: number; title: string }>(sql`
    SELECT e.subject_id AS card_id,
           (extract(epoch FROM e.at) * 1000)::float8 AS at,
           e.payload->'card'->>'columnId' AS column_id,
           (e.type <> 'card.restored' AND e.payload->'card'->>'archivedAt' IS NOT NULL) AS archived,
           coalesce((e.payload->'card'->>'blocked')::boolean, false) AS blocked,
           c.board_id, c.number, c.title
    FROM events e
    JOIN cards c ON c.id = e.subject_id
    WHERE e.team_id = ${teamId}
      AND e.type IN ('card.created', 'card.moved', 'card.moved_in', 'card.archived', 'card.restored', 'card.updated')
      AND (e.type <> 'card.updated' OR (e.payload->'changes') ? 'blocked')
      AND e.at < ${until.toISOString()}
      AND c.team_id = ${teamId} ${cardFilter(filters)}
    ORDER BY e.subject_id, e.at, e.seq
  `);
  const histories: CardHistory[] = [];
  const cards = new Map<string, CardInfo>();
  let current: { cardId: string; steps: Step[] } | null = null;
  for (const r of result.rows) {
    if (!current || current.cardId !== r.card_id) {
      current = { cardId: r.card_id, steps: [] };
      histories.push(current);
      cards.set(r.card_id, { boardId: r.board_id, number: r.number, title: r.title });
    }
    current.steps.push({ at: Number(r.at), columnId: r.column_id, archived: r.archived, blocked: r.blocked });
  }
  return { histories, cards };
}
