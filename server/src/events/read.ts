import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { events } from '../db/schema.js';
import { iso } from '../db/time.js';
import type { StoredEvent } from './append.js';

type EventRow = typeof events.$inferSelect;

/**
 * A stored row as a catalogue event. Rows are only ever written by
 * `appendEvents` from typed events, and every API suite checks each row it
 * produced against the catalogue (tests/helpers/event-catalogue.ts), so the
 * read path trusts them rather than validating every event it fans out.
 */
function toStoredEvent(r: EventRow): StoredEvent {
  const envelope = { streamId: r.streamId, seq: r.seq, actorId: r.actorId, clientMutationId: r.clientMutationId, at: iso(r.at) };
  return { ...envelope, type: r.type, payload: r.payload } as StoredEvent;
}

/** Events of a stream with after < seq <= upTo, in order, as wire envelopes. */
export async function readEvents(database: Database, streamId: string, after: number, upTo: number): Promise<StoredEvent[]> {
  if (upTo <= after) return [];
  const rows = await database.db
    .select()
    .from(events)
    .where(and(eq(events.streamId, streamId), gt(events.seq, after), lte(events.seq, upTo)))
    .orderBy(asc(events.seq));
  return rows.map(toStoredEvent);
}
