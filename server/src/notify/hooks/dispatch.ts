/**
 * Turns committed events into hook deliveries. Each stream has a cursor row;
 * one instance at a time reads a stream (its cursor locked FOR UPDATE SKIP
 * LOCKED) and queues a delivery per matching hook, unique on (hook, stream,
 * seq): an event is queued once, whichever instance reads it. Seq numbers
 * commit in order (PITFALLS 3), so the cursor never skips an event.
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { events, hookCursors, hookDeliveries, outgoingHooks } from '../../db/schema.js';
import { hookBody, type HookEvent } from './format.js';

export type HookRow = typeof outgoingHooks.$inferSelect;

/** True when a hook takes events of this type ('*' takes all). */
export function hookWants(hook: Pick<HookRow, 'events'>, type: string): boolean {
  return hook.events.includes('*') || hook.events.includes(type);
}

/** Queues one delivery (ignored when that hook already has this event). */
export async function queueDelivery(db: Queryable, deps: Pick<AppDeps, 'newId'>, hook: HookRow, e: HookEvent, now: string): Promise<string | null> {
  const id = deps.newId();
  const body = await hookBody(db, hook.format, id, e);
  if (body === null) return null;
  const rows = await db
    .insert(hookDeliveries)
    .values({ id, hookId: hook.id, streamId: e.streamId, seq: e.seq, eventType: e.type, body, status: 'pending', nextAttemptAt: now, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: hookDeliveries.id });
  return rows[0]?.id ?? null;
}

/** One pass over every stream of a team with hooks; how many deliveries were queued. */
export async function dispatchHooks(deps: Pick<AppDeps, 'database' | 'clock' | 'newId'>, batch = 200): Promise<number> {
  const db = deps.database.db;
  const behind = await db.execute<{ id: string }>(sql`
    SELECT s.id FROM streams s
    LEFT JOIN hook_cursors c ON c.stream_id = s.id
    WHERE s.last_seq > coalesce(c.last_seq, 0)
      AND EXISTS (SELECT 1 FROM outgoing_hooks h WHERE h.team_id = s.team_id AND h.deleted_at IS NULL)`);
  let queued = 0;
  for (const { id: streamId } of behind.rows) {
    queued += await db.transaction(async (tx) => {
      await tx.insert(hookCursors).values({ streamId, lastSeq: 0 }).onConflictDoNothing();
      const [cursor] = await tx.select().from(hookCursors).where(eq(hookCursors.streamId, streamId)).for('update', { skipLocked: true });
      if (!cursor) return 0;
      const rows = await tx
        .select()
        .from(events)
        .where(and(eq(events.streamId, streamId), gt(events.seq, cursor.lastSeq)))
        .orderBy(asc(events.seq))
        .limit(batch);
      if (rows.length === 0) return 0;
      const hooks = await tx.select().from(outgoingHooks).where(and(eq(outgoingHooks.teamId, rows[0]!.teamId), isNull(outgoingHooks.deletedAt)));
      const now = deps.clock().toISOString();
      let n = 0;
      for (const ev of rows) {
        for (const hook of hooks) {
          // A hook gets what happened after it was made, not the team's history.
          if (!hookWants(hook, ev.type) || new Date(ev.at).getTime() < new Date(hook.createdAt).getTime()) continue;
          const e: HookEvent = { streamId, seq: ev.seq, teamId: ev.teamId, type: ev.type, payload: ev.payload as Record<string, unknown>, at: new Date(ev.at).toISOString() };
          if (await queueDelivery(tx, deps, hook, e, now)) n++;
        }
      }
      await tx.update(hookCursors).set({ lastSeq: rows.at(-1)!.seq }).where(eq(hookCursors.streamId, streamId));
      return n;
    });
  }
  return queued;
}
