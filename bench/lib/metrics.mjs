/**
 * The metrics part of the bench (issue 13): a generated team with 20,000 cards
 * and 200,000 events over a year, written straight into PostgreSQL (seeding a
 * year through the API would take longer than the whole bench), then each flow
 * chart's API answer against a hand-written SQL query that computes the same
 * chart over the same events, measured in the same run.
 *
 * Each card walks Backlog → Ready → In progress → Review → Done on the team's
 * planned board, is blocked and unblocked once in progress, and is edited twice
 * (edits that leave the blocked flag alone, which the metrics skip): ten events.
 * The newest cards are still on their way, so WIP ageing has cards to show.
 */

const DAY = 86_400_000;

/** The charts measured, with the SQL that answers each by hand. */
export const METRIC_CHARTS = ['cfd', 'cycleTime', 'throughput', 'wipAgeing', 'flowEfficiency'];

/**
 * Writes the cards and events of a year into `teamId`'s planned board.
 * @param {import('pg').Pool} pool
 * @param {{ teamId: string, boardId: string, columns: { id: string, category: string }[], userId: string, cards: number, now: Date }} o
 */
export async function generateHistory(pool, o) {
  const byCategory = (/** @type {string} */ c) => o.columns.filter((x) => x.category === c).map((x) => x.id);
  const [backlog] = byCategory('backlog');
  const [ready] = byCategory('todo');
  const [doing, review] = byCategory('doing');
  const [done] = byCategory('done');
  if (!backlog || !ready || !doing || !review || !done) throw new Error('the planned board lacks a backlog, ready, two doing or a done column');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Cards: created evenly over the year before `now`; numbers and ranks are unique per team and column.
    // Steps (hours after creation): ready +24..72, doing +48..120 more, blocked +6, unblocked +6..30,
    // review +24..72, done +12..48. A card whose step would fall after `now` stops before it.
    await client.query(
      `CREATE TEMP TABLE bench_steps ON COMMIT DROP AS
       WITH c AS (
         SELECT i, gen_random_uuid() AS id,
                $2::timestamptz - interval '365 days' + (i - 1) * (interval '365 days' / $1) AS created,
                ((i * 7919) % 49)::int AS r1, ((i * 104729) % 73)::int AS r2, ((i * 1299709) % 25)::int AS r3, ((i * 15485863) % 49)::int AS r4, ((i * 32452843) % 37)::int AS r5
         FROM generate_series(1::bigint, $1::bigint) i
       )
       SELECT c.*, created + make_interval(hours => 24 + r1) AS t_ready,
              created + make_interval(hours => 72 + r1 + r2) AS t_doing,
              created + make_interval(hours => 78 + r1 + r2) AS t_block,
              created + make_interval(hours => 84 + r1 + r2 + r3) AS t_unblock,
              created + make_interval(hours => 108 + r1 + r2 + r3 + r4) AS t_review,
              created + make_interval(hours => 120 + r1 + r2 + r3 + r4 + r5) AS t_done
       FROM c`,
      [o.cards, o.now.toISOString()],
    );
    // Where each card ends up at `now`.
    await client.query(
      `INSERT INTO cards (id, team_id, board_id, number, column_id, rank, title, description, type, created_at, updated_at, column_entered_at, created_by)
       SELECT id, $1, $2, i,
              CASE WHEN t_done <= $8 THEN $7::uuid WHEN t_review <= $8 THEN $6::uuid WHEN t_doing <= $8 THEN $5::uuid WHEN t_ready <= $8 THEN $4::uuid ELSE $3::uuid END,
              'b' || lpad(i::text, 7, '0'), 'Generated card ' || i, '', 'story', created, created,
              greatest(created, least($8, CASE WHEN t_done <= $8 THEN t_done WHEN t_review <= $8 THEN t_review WHEN t_doing <= $8 THEN t_doing WHEN t_ready <= $8 THEN t_ready ELSE created END)),
              $9
       FROM bench_steps`,
      [o.teamId, o.boardId, backlog, ready, doing, review, done, o.now.toISOString(), o.userId],
    );
    await client.query(`UPDATE teams SET card_seq = $2 WHERE id = $1`, [o.teamId, o.cards]);
    // Ten events per card on the board's stream, in time order; those after `now` are left out.
    const inserted = await client.query(
      `WITH steps AS (
         SELECT s.id, s.i, x.k, x.type, x.at, x.col, x.blocked, x.changes
         FROM bench_steps s
         CROSS JOIN LATERAL (VALUES
           (0, 'card.created', s.created, $3::uuid, false, NULL::jsonb),
           (1, 'card.updated', s.created + interval '1 hour', $3::uuid, false, '{"title":{"from":"a","to":"b"}}'::jsonb),
           (2, 'card.moved', s.t_ready, $4::uuid, false, NULL),
           (3, 'card.updated', s.t_ready + interval '1 hour', $4::uuid, false, '{"points":{"from":null,"to":3}}'::jsonb),
           (4, 'card.moved', s.t_doing, $5::uuid, false, NULL),
           (5, 'card.updated', s.t_block, $5::uuid, true, '{"blocked":{"from":false,"to":true}}'::jsonb),
           (6, 'card.updated', s.t_unblock, $5::uuid, false, '{"blocked":{"from":true,"to":false}}'::jsonb),
           (7, 'card.moved', s.t_review, $6::uuid, false, NULL),
           (8, 'card.moved', s.t_done, $7::uuid, false, NULL),
           (9, 'card.updated', s.t_done + interval '1 hour', $7::uuid, false, '{"labels":{"from":[],"to":["shipped"]}}'::jsonb)
         ) AS x(k, type, at, col, blocked, changes)
         WHERE x.at <= $8
       ), ordered AS (
         SELECT steps.*, (SELECT last_seq FROM streams WHERE id = $2) + row_number() OVER (ORDER BY at, i, k) AS seq FROM steps
       )
       INSERT INTO events (stream_id, seq, team_id, type, subject_id, payload, actor_id, at)
       SELECT $2, seq, $1, type, id,
              jsonb_build_object('card', jsonb_build_object('id', id, 'columnId', col, 'archivedAt', NULL, 'blocked', blocked, 'title', 'Generated card ' || i))
                || CASE WHEN changes IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('changes', changes) END,
              $9, at
       FROM ordered`,
      [o.teamId, o.boardId, backlog, ready, doing, review, done, o.now.toISOString(), o.userId],
    );
    await client.query(`UPDATE streams SET last_seq = (SELECT max(seq) FROM events WHERE stream_id = $1) WHERE id = $1`, [o.boardId]);
    await client.query('COMMIT');
    await client.query('ANALYZE cards');
    await client.query('ANALYZE events');
    return { events: inserted.rowCount ?? 0 };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

// Every card step the metrics read, with its column's category and when the next step of the card replaced it.
const STEPS = `
  steps AS (
    SELECT e.subject_id AS card, e.at, (e.payload->'card'->>'columnId')::uuid AS col, col.category,
           coalesce((e.payload->'card'->>'blocked')::boolean, false) AS blocked,
           lead(e.at) OVER (PARTITION BY e.subject_id ORDER BY e.at, e.seq) AS until
    FROM events e
    JOIN columns col ON col.id = (e.payload->'card'->>'columnId')::uuid
    WHERE e.team_id = {team}
      AND e.type IN ('card.created', 'card.moved', 'card.moved_in', 'card.archived', 'card.restored', 'card.updated')
      AND (e.type <> 'card.updated' OR (e.payload->'changes') ? 'blocked')
      AND e.at < {end}
  )`;
// Each card's start (first doing) and finish (first done), for the charts of finished work.
const CYCLES = `
  cycles AS (
    SELECT card, coalesce(min(at) FILTER (WHERE category = 'doing'), min(at) FILTER (WHERE category = 'done')) AS started,
           min(at) FILTER (WHERE category = 'done') AS finished
    FROM steps GROUP BY card
  )`;

/**
 * The hand-written SQL of each chart, with {team}, {from} (first instant of the range), {end} (end of
 * the range), {fromDay}, {toDay} and {tz} (the team's time zone) bound by `bind`.
 * @type {Record<string, string>}
 */
export const BASELINE_SQL = {
  // Cards per column category at the end of each day: the step that was current then.
  cfd: `WITH ${STEPS},
    days AS (SELECT d::date AS day, (d::date + 1)::timestamp AT TIME ZONE {tz} AS day_end FROM generate_series({fromDay}::date, {toDay}::date, interval '1 day') d)
    SELECT days.day, s.category, count(*)::int AS cards
    FROM days JOIN steps s ON s.at < days.day_end AND (s.until IS NULL OR s.until >= days.day_end)
    GROUP BY days.day, s.category ORDER BY days.day, s.category`,
  cycleTime: `WITH ${STEPS}, ${CYCLES}
    SELECT c.card, k.number, k.title, k.board_id, c.started, c.finished, extract(epoch FROM c.finished - c.started) / 86400 AS days
    FROM cycles c JOIN cards k ON k.id = c.card
    WHERE c.finished >= {from} AND c.finished < {end} ORDER BY c.finished`,
  throughput: `WITH ${STEPS}, ${CYCLES}
    SELECT date_trunc('week', c.finished AT TIME ZONE {tz})::date AS week, count(*)::int AS cards
    FROM cycles c WHERE c.finished >= {from} AND c.finished < {end} GROUP BY 1 ORDER BY 1`,
  // Cards whose current step is in a doing column, aged from their start.
  wipAgeing: `WITH ${STEPS}, ${CYCLES}
    SELECT s.card, k.number, k.title, s.col, s.blocked, extract(epoch FROM {end}::timestamptz - c.started) / 86400 AS age_days
    FROM steps s JOIN cycles c ON c.card = s.card JOIN cards k ON k.id = s.card
    WHERE s.until IS NULL AND s.category = 'doing' ORDER BY age_days DESC`,
  // Active, blocked and waiting time of each card finished in the range, per card and per column.
  flowEfficiency: `WITH ${STEPS}, ${CYCLES},
    spans AS (
      SELECT s.card, s.col, extract(epoch FROM least(coalesce(s.until, c.finished), c.finished) - greatest(s.at, c.started)) * 1000 AS ms,
             CASE WHEN s.blocked THEN 'blocked' WHEN s.category = 'doing' THEN 'active' ELSE 'waiting' END AS kind
      FROM steps s JOIN cycles c ON c.card = s.card
      WHERE c.finished >= {from} AND c.finished < {end} AND s.at < c.finished AND coalesce(s.until, c.finished) > c.started
    )
    SELECT 'card' AS per, card::text AS id, sum(ms) FILTER (WHERE kind = 'active') AS active, sum(ms) FILTER (WHERE kind = 'blocked') AS blocked, sum(ms) FILTER (WHERE kind = 'waiting') AS waiting
    FROM spans GROUP BY card
    UNION ALL
    SELECT 'column', col::text, sum(ms) FILTER (WHERE kind = 'active'), sum(ms) FILTER (WHERE kind = 'blocked'), sum(ms) FILTER (WHERE kind = 'waiting')
    FROM spans GROUP BY col`,
};

/**
 * Turns {name} tokens into $n parameters, so each query binds only what it uses.
 * @param {string} text @param {Record<string, unknown>} values
 */
export function bind(text, values) {
  /** @type {string[]} */
  const names = [];
  const sql = text.replace(/\{(\w+)\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`no value for {${name}}`);
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return { text: sql, values: names.map((n) => values[n]) };
}

/** The range the metrics page asks for by default: the last 12 weeks up to today (UTC team). @param {Date} now */
export function defaultRange(now) {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 83 * DAY).toISOString().slice(0, 10);
  return { from, to, fromInstant: new Date(`${from}T00:00:00Z`), end: now };
}
