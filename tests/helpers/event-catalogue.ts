/**
 * Every event a test file produced, checked against the event catalogue
 * (shared/src/events.ts) when its database closes: the envelope, that the
 * type belongs to its stream's kind, the payload's schema, numbers 1..N
 * without a gap, and that the browser client's boundary check reads it back
 * unchanged. The read goes through the server's own `readEvents`, so what is
 * checked is exactly what the hub sends.
 */
import { Compile, type Validator } from 'typebox/compile';
import { BoardEventPayloads, EventEnvelopeSchema, PokerEventPayloads, TeamEventPayloads, type StreamKind } from '@opsboard/shared';
import type { TSchema } from 'typebox';
import type { Database } from '../../server/src/db/database.js';
import { streams } from '../../server/src/db/schema.js';
import { readEvents } from '../../server/src/events/read.js';
import { parseServerMessage } from '../../client/src/realtime/messages.js';

const CATALOGUES: Record<StreamKind, Record<string, TSchema>> = { board: BoardEventPayloads, team: TeamEventPayloads, poker: PokerEventPayloads };
const compiled = new Map<TSchema, Validator>();
function validator(schema: TSchema): Validator {
  let v = compiled.get(schema);
  if (!v) {
    v = Compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

function errorsOf(schema: TSchema, value: unknown): string {
  return validator(schema)
    .Errors(value)
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message}`)
    .join('; ');
}

/** What is wrong with the events in this database; empty when every one matches the catalogue. */
export async function catalogueProblems(database: Database): Promise<string[]> {
  const problems: string[] = [];
  const rows = await database.db.select({ id: streams.id, kind: streams.kind, lastSeq: streams.lastSeq }).from(streams);
  for (const stream of rows) {
    const catalogue = CATALOGUES[stream.kind];
    const events = await readEvents(database, stream.id, 0, stream.lastSeq);
    const seqs = events.map((e) => e.seq);
    if (seqs.length !== stream.lastSeq || seqs.some((s, i) => s !== i + 1)) {
      problems.push(`${stream.kind} stream ${stream.id}: seqs are not 1..${stream.lastSeq} (got ${seqs.length} events)`);
    }
    for (const event of events) {
      const where = `${stream.kind} stream ${stream.id} seq ${event.seq} (${event.type})`;
      if (!validator(EventEnvelopeSchema).Check(event)) problems.push(`${where}: envelope: ${errorsOf(EventEnvelopeSchema, event)}`);
      const schema = catalogue[event.type];
      if (!schema) {
        problems.push(`${where}: not an event of a ${stream.kind} stream`);
        continue;
      }
      if (!validator(schema).Check(event.payload)) problems.push(`${where}: payload: ${errorsOf(schema, event.payload)}`);
      const message = { type: 'event', streamId: event.streamId, seq: event.seq, event };
      const parsed = parseServerMessage(JSON.stringify(message));
      if (parsed?.type !== 'event' || JSON.stringify(parsed.event) !== JSON.stringify(event)) problems.push(`${where}: the client's boundary check refuses it`);
    }
  }
  return problems;
}

/** Throws when any event breaks the catalogue, naming the first few. */
export async function assertEventsMatchCatalogue(database: Database): Promise<void> {
  const problems = await catalogueProblems(database);
  if (problems.length === 0) return;
  const shown = problems.slice(0, 20).join('\n  ');
  throw new Error(`${problems.length} stored event(s) do not match the event catalogue (shared/src/events.ts):\n  ${shown}`);
}
