/**
 * Reads what the flow metrics need from the event log: each card's steps
 * (where it was, archived or not, blocked or not, from when), extracted from
 * the JSON payloads and ordered per card, kept per team in memory and brought
 * up to date from the log on each read. The maths is then the pure functions
 * in @opsboard/shared.
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

/** A step as kept in memory: its stream's number breaks ties between steps at the same instant. */
interface LoggedStep extends Step {
  seq: number;
}

/**
 * The steps of every card of one team, read from the event log once and then
 * kept up to date by reading only the events appended since (per stream, from
 * the number last read). This is a read model of the log, not a cache of
 * answers: every chart is still computed from it on each request, and another
 * instance's writes reach it through the log like any other reader's.
 */
interface TeamLog {
  /** Per stream of the team, the last event number read. */
  cursors: Map<string, number>;
  steps: Map<string, LoggedStep[]>;
  /** Cards with steps appended since their steps were last sorted. */
  unsorted: Set<string>;
  /** Card ids in order (answers list cards in a stable order); null when a new card needs sorting in. */
  order: string[] | null;
  /** What the last refresh read, handed out as is until a refresh reads more. */
  snapshot: TeamSteps;
  /** Steps held. */
  size: number;
  /** Refreshes run one at a time per team. */
  queue: Promise<unknown>;
}

/** Per database handle (a transaction gets its own, short-lived), per team, least recently read first. */
const logs = new WeakMap<Queryable, Map<string, TeamLog>>();
export const readModelLimits = {
  /**
   * Steps kept in memory per database handle, all teams together (about 130 bytes each, so some
   * 130 MiB at most): beyond it the least recently read teams are dropped, and read again from the
   * log when next asked about.
   */
  steps: 1_000_000,
  /** Events of one stream read per query, so a first read of a long log never holds all its rows at once. */
  window: 25_000,
};

const emptyLog = (): TeamLog => ({ cursors: new Map(), steps: new Map(), unsorted: new Set(), order: [], snapshot: { version: '0', cards: [] }, size: 0, queue: Promise.resolve() });

/** The team's read model, brought up to the latest committed event. */
async function teamLog(db: Queryable, teamId: string): Promise<TeamLog> {
  let teams = logs.get(db);
  if (!teams) logs.set(db, (teams = new Map()));
  let log = teams.get(teamId);
  if (log) teams.delete(teamId);
  else log = emptyLog();
  teams.set(teamId, log);
  const current = log;
  const run = current.queue.then(() => refresh(db, teamId, current));
  current.queue = run.catch(() => undefined);
  await run;
  // Over the limit: drop the least recently read teams (never the one just read).
  let total = 0;
  for (const other of teams.values()) total += other.size;
  for (const [id, other] of teams) {
    if (total <= readModelLimits.steps || other === current) break;
    teams.delete(id);
    total -= other.size;
  }
  return current;
}

async function refresh(db: Queryable, teamId: string, log: TeamLog): Promise<void> {
  const streams = (await db.execute<{ id: string; last_seq: string | number }>(sql`SELECT id, last_seq FROM streams WHERE team_id = ${teamId}`)).rows.map((r) => ({ id: r.id, last: Number(r.last_seq) }));
  // A stream behind what was read, or gone, means the log was rewritten (a restored backup): read it all again.
  if (streams.some((s) => s.last < (log.cursors.get(s.id) ?? 0)) || [...log.cursors.keys()].some((id) => !streams.some((s) => s.id === id))) {
    Object.assign(log, { ...emptyLog(), queue: log.queue });
  }
  // Each stream from its cursor up to the number just read (an event committed since then waits for
  // the next refresh), at most `readModelLimits.window` events of a stream per query.
  const behind = streams.filter((s) => s.last > (log.cursors.get(s.id) ?? 0)).map((s) => ({ id: s.id, after: log.cursors.get(s.id) ?? 0, last: s.last }));
  const columnIds = new Map<string, string>();
  // Arrays already handed out are never changed: a card's steps are copied the first time this refresh touches them.
  const copied = new Set<string>();
  for (let pending = behind; pending.length > 0; pending = pending.filter((s) => s.after < s.last)) {
    const upto = pending.map((s) => Math.min(s.last, s.after + readModelLimits.window));
    const rows = await db.execute<{ card_id: string; at: string | number; seq: string | number; column_id: string; archived: boolean; blocked: boolean }>(sql`
      SELECT e.subject_id AS card_id,
             (extract(epoch FROM e.at) * 1000)::float8 AS at,
             e.seq,
             e.payload->'card'->>'columnId' AS column_id,
             (e.type <> 'card.restored' AND e.payload->'card'->>'archivedAt' IS NOT NULL) AS archived,
             coalesce((e.payload->'card'->>'blocked')::boolean, false) AS blocked
      FROM unnest(${sql.param(pending.map((s) => s.id))}::uuid[], ${sql.param(pending.map((s) => s.after))}::bigint[], ${sql.param(upto)}::bigint[]) AS r(stream_id, after, upto)
      CROSS JOIN LATERAL (
        SELECT * FROM events e
        WHERE e.stream_id = r.stream_id AND e.seq > r.after AND e.seq <= r.upto
          AND e.type IN ${STEP_TYPES}
          AND (e.type <> 'card.updated' OR (e.payload->'changes') ? 'blocked')
      ) e
    `);
    for (const r of rows.rows) {
      // One string per column id, shared by every step in it.
      let columnId = columnIds.get(r.column_id);
      if (columnId === undefined) columnIds.set(r.column_id, (columnId = r.column_id));
      let steps = log.steps.get(r.card_id);
      if (!steps || !copied.has(r.card_id)) {
        if (!steps) log.order = null;
        steps = steps ? steps.slice() : [];
        copied.add(r.card_id);
        log.steps.set(r.card_id, steps);
      }
      const step = { at: Number(r.at), seq: Number(r.seq), columnId, archived: r.archived, blocked: r.blocked };
      const previous = steps.at(-1);
      if (previous && (previous.at > step.at || (previous.at === step.at && previous.seq > step.seq))) log.unsorted.add(r.card_id);
      steps.push(step);
      log.size++;
    }
    pending.forEach((s, i) => {
      s.after = upto[i]!;
      log.cursors.set(s.id, s.after);
    });
  }
  const version = String(streams.reduce((sum, s) => sum + s.last, 0));
  if (copied.size === 0 && log.order) {
    // No new steps (a rename, a comment…): the same cards, but answers that name them are out of date.
    if (version !== log.snapshot.version) log.snapshot = { version, cards: log.snapshot.cards };
    return;
  }
  // Only arrays copied in this refresh are out of order, so sorting them in place changes nothing handed out.
  for (const cardId of log.unsorted) log.steps.get(cardId)!.sort((a, b) => a.at - b.at || a.seq - b.seq);
  log.unsorted.clear();
  if (!log.order) log.order = [...log.steps.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  log.snapshot = { version, cards: log.order.map((cardId) => ({ cardId, steps: log.steps.get(cardId)! })) };
}

/**
 * Every card of the team with its whole step history, in card id order, as of the latest committed
 * event; `version` changes with any new event of the team. A card's `card.moved_out` is skipped:
 * the `card.moved_in` of the same move says where it went. Edits count only when they changed the
 * blocked flag.
 */
export interface TeamSteps {
  version: string;
  cards: readonly CardHistory[];
}

export async function teamSteps(db: Queryable, teamId: string): Promise<TeamSteps> {
  return (await teamLog(db, teamId)).snapshot;
}

/** The ids of the team's cards that match the filters, or null when no filter narrows them. */
export async function matchingCards(db: Queryable, teamId: string, filters: CardFilters): Promise<ReadonlySet<string> | null> {
  if (!(filters.featureId || filters.cardType || filters.personId || filters.label)) return null;
  const rows = await db.execute<{ id: string }>(sql`SELECT c.id FROM cards c WHERE c.team_id = ${teamId} ${cardFilter(filters)}`);
  return new Set(rows.rows.map((r) => r.id));
}

/** The histories of the cards in `only` (all when null), cut before `until`; cards with no step before it are left out. */
export function historiesUntil(steps: TeamSteps, until: Date, only: ReadonlySet<string> | null): CardHistory[] {
  const cut = until.getTime();
  const histories: CardHistory[] = [];
  for (const card of steps.cards) {
    if (only && !only.has(card.cardId)) continue;
    let n = card.steps.length;
    while (n > 0 && card.steps[n - 1]!.at >= cut) n--;
    if (n > 0) histories.push(n === card.steps.length ? card : { cardId: card.cardId, steps: card.steps.slice(0, n) });
  }
  return histories;
}

/** Board, number and current title of the given cards. */
export async function cardInfo(db: Queryable, ids: readonly string[]): Promise<Map<string, CardInfo>> {
  const cards = new Map<string, CardInfo>();
  if (ids.length === 0) return cards;
  const rows = await db.execute<{ id: string; board_id: string; number: number; title: string }>(sql`
    SELECT c.id, c.board_id, c.number, c.title FROM cards c WHERE c.id = ANY(${sql.param(ids)}::uuid[])
  `);
  for (const r of rows.rows) cards.set(r.id, { boardId: r.board_id, number: r.number, title: r.title });
  return cards;
}
