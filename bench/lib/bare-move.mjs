/**
 * Baseline: a bare `pg` transaction of the same shape as the product's move,
 * one statement per step, unnamed (non-prepared) statements like the product's
 * driver. It runs against the same bench database tables (the product board's
 * cards and columns); only the stream counter row is the bench's own, so the
 * product's live-sync hub never sees these commits.
 */
import { generateKeyBetween } from 'fractional-indexing';

const LOCK_CARD = 'SELECT * FROM cards WHERE id = $1 FOR UPDATE';
const LOCK_COLUMNS = 'SELECT * FROM columns WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE';
// The WIP count, and (in the same statement) the anchor and its next neighbour for the new key.
const COUNT_AND_NEIGHBOURS = `
  WITH a AS (SELECT rank FROM cards WHERE id = $3 AND column_id = $1 AND archived_at IS NULL)
  SELECT (SELECT count(*) FROM cards WHERE column_id = $1 AND archived_at IS NULL AND id <> $2)::int AS n,
         (SELECT rank FROM a) AS after_rank,
         (SELECT min(rank) FROM cards WHERE column_id = $1 AND archived_at IS NULL AND rank > (SELECT rank FROM a)) AS after_next,
         (SELECT max(rank) FROM cards WHERE column_id = $1 AND archived_at IS NULL) AS last_rank`;
const UPDATE_CARD = `
  UPDATE cards SET column_id = $2, rank = $3, version = version + 1, override_reason = NULL, updated_at = now(), column_entered_at = now()
  WHERE id = $1 RETURNING *`;
const BUMP_STREAM = 'UPDATE streams SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq';
const INSERT_EVENT = `
  INSERT INTO events (stream_id, seq, team_id, type, subject_id, payload, actor_id, at)
  VALUES ($1, $2, $3, 'card.moved', $4, $5, $6, $7)`;
const NOTIFY = 'SELECT pg_notify($1, $2)';

/**
 * @param {import('pg').Pool} pool
 * @param {{ streamId: string, teamId: string, actorId: string, channel: string }} ctx
 * @param {{ cardId: string, toColumnId: string, afterCardId: string }} move
 * @param {(event: object) => string} [notifyPayload] what to NOTIFY (default `streamId:seq`, like the product)
 */
export async function bareMove(pool, ctx, move, notifyPayload) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const card = (await client.query(LOCK_CARD, [move.cardId])).rows[0];
      if (!card) throw new Error(`no card ${move.cardId}`);
      const ids = [...new Set([card.column_id, move.toColumnId])].sort();
      const cols = (await client.query(LOCK_COLUMNS, [ids])).rows;
      const to = cols.find((c) => c.id === move.toColumnId);
      if (!to) throw new Error(`no column ${move.toColumnId}`);
      const n = (await client.query(COUNT_AND_NEIGHBOURS, [move.toColumnId, move.cardId, move.afterCardId])).rows[0];
      if (to.wip_limit !== null && to.wip_policy === 'block' && n.n >= to.wip_limit) throw new Error('WIP limit reached in the baseline (raise it)');
      const rank = n.after_rank !== null ? generateKeyBetween(n.after_rank, n.after_next) : generateKeyBetween(n.last_rank, null);
      const moved = (await client.query(UPDATE_CARD, [move.cardId, move.toColumnId, rank])).rows[0];
      const seq = Number((await client.query(BUMP_STREAM, [ctx.streamId])).rows[0].last_seq);
      const at = new Date().toISOString();
      const payload = {
        card: moved,
        from: { columnId: card.column_id, laneId: card.lane_id, rank: card.rank },
        to: { columnId: moved.column_id, laneId: moved.lane_id, rank: moved.rank },
        overrideReason: null,
      };
      await client.query(INSERT_EVENT, [ctx.streamId, seq, ctx.teamId, move.cardId, JSON.stringify(payload), ctx.actorId, at]);
      const event = { streamId: ctx.streamId, seq, type: 'card.moved', payload, actorId: ctx.actorId, clientMutationId: null, at };
      await client.query(NOTIFY, [ctx.channel, notifyPayload ? notifyPayload(event) : `${ctx.streamId}:${seq}`]);
      await client.query('COMMIT');
      return seq;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    client.release();
  }
}
