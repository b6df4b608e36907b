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

const STEP_TYPES = sql`('card.created', 'card.moved', 'card.moved_in', 'card.archived', 'card.restored', 'card.updated')`;

/**
 * Steps of the team's cards that match the filters, up to `until`. A card's
 * `card.moved_out` is skipped: the `card.moved_in` of the same move says where it went.
 * Edits count only when they changed the blocked flag.
 *
 * With `since` (the first instant any chart asks about), a card that has not
 * moved, been edited or archived since then is where the cards table says it is
 * now, for the whole range: it gets one step just before `since` instead of its
 * whole past. Only cards touched since then, and cards in progress (whose age
 * counts from their start), have their history read from the log. On a year of
 * a busy team's log and a 12-week range that is a fraction of the events.
 *
 * The steps are narrow rows, grouped and ordered per card here (no on-disk sort
 * in the database); titles come once per card from the cards table.
 */
export async function cardHistories(
  db: Queryable,
  teamId: string,
  filters: CardFilters,
  until: Date,
  since: Date | null = null,
): Promise<{ histories: CardHistory[]; cards: Map<string, CardInfo> }> {
  const filter = cardFilter(filters);
  const filtered = filters.featureId || filters.cardType || filters.personId || filters.label;
  // Which cards need their past: all of them, or (with `since`) those touched since then and those in progress now.
  const wanted = since
    ? sql`AND e.subject_id IN (
        SELECT t.subject_id FROM events t
        WHERE t.team_id = ${teamId} AND t.type IN ${STEP_TYPES} AND t.at >= ${since.toISOString()}
        UNION
        SELECT c.id FROM cards c JOIN columns col ON col.id = c.column_id
        WHERE c.team_id = ${teamId} AND col.category = 'doing' AND c.archived_at IS NULL
      )`
    : sql``;
  const only = filtered ? sql`AND e.subject_id IN (SELECT c.id FROM cards c WHERE c.team_id = ${teamId} ${filter})` : sql``;
  // Two reads at once (on PostgreSQL they take two connections of the pool).
  const [cardRows, stepRows] = await Promise.all([
    db.execute<{ id: string; board_id: string; number: number; title: string; column_id: string; archived: boolean; blocked: boolean; created: string | number }>(sql`
      SELECT c.id, c.board_id, c.number, c.title, c.column_id, c.archived_at IS NOT NULL AS archived, c.blocked, (extract(epoch FROM c.created_at) * 1000)::float8 AS created
      FROM cards c
      WHERE c.team_id = ${teamId} ${filter}
    `),
    db.execute<{ card_id: string; at: string | number; seq: string | number; column_id: string; archived: boolean; blocked: boolean }>(sql`
      SELECT e.subject_id AS card_id,
             (extract(epoch FROM e.at) * 1000)::float8 AS at,
             e.seq,
             e.payload->'card'->>'columnId' AS column_id,
             (e.type <> 'card.restored' AND e.payload->'card'->>'archivedAt' IS NOT NULL) AS archived,
             coalesce((e.payload->'card'->>'blocked')::boolean, false) AS blocked
      FROM events e
      WHERE e.team_id = ${teamId}
        AND e.type IN ${STEP_TYPES}
        AND (e.type <> 'card.updated' OR (e.payload->'changes') ? 'blocked')
        AND e.at < ${until.toISOString()}
        ${wanted} ${only}
    `),
  ]);
  const cards = new Map<string, CardInfo>();
  for (const r of cardRows.rows) cards.set(r.id, { boardId: r.board_id, number: r.number, title: r.title });

  const perCard = new Map<string, (Step & { seq: number })[]>();
  for (const r of stepRows.rows) {
    if (!cards.has(r.card_id)) continue;
    let steps = perCard.get(r.card_id);
    if (!steps) perCard.set(r.card_id, (steps = []));
    steps.push({ at: Number(r.at), seq: Number(r.seq), columnId: r.column_id, archived: r.archived, blocked: r.blocked });
  }
  const histories: CardHistory[] = [];
  for (const [cardId, steps] of perCard) {
    steps.sort((a, b) => a.at - b.at || a.seq - b.seq);
    histories.push({ cardId, steps: steps.map(({ at, columnId, archived, blocked }) => ({ at, columnId, archived, blocked })) });
  }
  if (since) {
    // Untouched since `since` (no steps read), and there before it: where it is now is where it was all along the range.
    const before = since.getTime() - 1;
    for (const r of cardRows.rows) {
      if (!perCard.has(r.id) && Number(r.created) < since.getTime()) histories.push({ cardId: r.id, steps: [{ at: before, columnId: r.column_id, archived: r.archived, blocked: r.blocked }] });
    }
  }
  // Histories in card id order: answers list cards in a stable order.
  histories.sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
  return { histories, cards };
}
