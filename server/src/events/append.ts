import { sql } from 'drizzle-orm';
import type { NewBoardEvent, NewPokerEvent, NewTeamEvent, StreamEvent } from '@opsboard/shared';
import type { Tx } from '../db/database.js';
import { EVENTS_CHANNEL } from './channels.js';

/** An event of the catalogue (shared/src/events.ts) as it is about to be appended. */
export type NewEvent = NewBoardEvent | NewTeamEvent | NewPokerEvent;

/** An event as stored and sent: the wire envelope around a catalogue type and its payload. */
export type StoredEvent = StreamEvent;

export interface AppendContext {
  teamId: string;
  actorId: string | null;
  clientMutationId: string | null;
  at: string;
}

/**
 * Appends events to a stream in one statement: bump the stream's counter,
 * insert the events with the numbers it hands out, and NOTIFY (delivered at
 * commit). Call it last in a transaction, after every check that may refuse,
 * so the stream row is locked for as short a time as possible.
 */
export async function appendEvents(tx: Tx, streamId: string, events: readonly NewEvent[], ctx: AppendContext): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const n = events.length;
  const types = events.map((e) => e.type);
  const subjects = events.map((e) => e.subjectId);
  const payloads = events.map((e) => JSON.stringify(e.payload));
  const result = await tx.execute<{ last_seq: string | number }>(sql`
    WITH s AS (
      UPDATE streams SET last_seq = last_seq + ${n} WHERE id = ${streamId} RETURNING last_seq
    ), ins AS (
      INSERT INTO events (stream_id, seq, team_id, type, subject_id, payload, actor_id, client_mutation_id, at)
      SELECT ${streamId}, s.last_seq - ${n} + e.ord, ${ctx.teamId}, e.type, e.subject_id, e.payload, ${ctx.actorId}, ${ctx.clientMutationId}, ${ctx.at}
      FROM s, unnest(${sql.param(types)}::text[], ${sql.param(subjects)}::uuid[], ${sql.param(payloads)}::jsonb[]) WITH ORDINALITY AS e(type, subject_id, payload, ord)
    )
    SELECT last_seq, pg_notify(${EVENTS_CHANNEL}, ${streamId} || ':' || last_seq) FROM s
  `);
  const row = result.rows[0];
  if (!row) throw new Error(`stream ${streamId} does not exist`);
  const last = Number(row.last_seq);
  return events.map((event, i) => {
    // The subject is an index column, not part of the wire envelope (catch-up reads do not carry it either).
    const { subjectId: _subject, ...fact } = event;
    return { ...fact, streamId, seq: last - n + 1 + i, actorId: ctx.actorId, clientMutationId: ctx.clientMutationId, at: ctx.at };
  });
}
