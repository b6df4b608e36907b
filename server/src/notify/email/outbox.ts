/**
 * The e-mail outbox. Rows are written in the transaction of the change that
 * caused them, so nothing is lost on a crash; a sender loop delivers them.
 * Claiming takes due rows with FOR UPDATE SKIP LOCKED and stamps a lease, so
 * several instances never take the same row, and rows of a sender that died
 * come back once its lease runs out.
 */
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.js';
import { emailOutbox } from '../../db/schema.js';
import { renderDigest, renderNotice, type EmailItem } from './render.js';

export interface QueueEmail {
  userId: string | null;
  to: string;
  kind: string;
  item: EmailItem;
  notBefore: Date;
  /** Held for the person's digest rather than sent on its own. */
  digest: boolean;
}

/** Queues one e-mail in the caller's transaction. A digest item keeps its notice for the digest to render. */
export async function queueEmail(db: Queryable, id: string, now: string, e: QueueEmail): Promise<void> {
  const rendered = renderNotice(e.item);
  await db.insert(emailOutbox).values({
    id,
    userId: e.userId,
    toAddress: e.to,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    kind: e.digest ? `digest-item:${e.kind}` : e.kind,
    status: e.digest ? 'held' : 'pending',
    nextAttemptAt: e.notBefore.toISOString(),
    createdAt: now,
    item: e.digest ? e.item : null,
  });
}

export type OutboxRow = typeof emailOutbox.$inferSelect;

/** Delay before attempt `attempts + 1`: doubling from `baseMs`, capped at `maxMs`. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Gathers each person's due digest items into one pending e-mail (in one
 * transaction per pass, rows locked SKIP LOCKED so two instances never both
 * gather the same items). Returns how many digests were queued.
 */
export async function gatherDigests(database: Database, now: Date, newId: () => string): Promise<number> {
  return database.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'held'), lte(emailOutbox.nextAttemptAt, now.toISOString())))
      .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id))
      .limit(500)
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    const byAddress = new Map<string, OutboxRow[]>();
    for (const row of due) byAddress.set(row.toAddress, [...(byAddress.get(row.toAddress) ?? []), row]);
    for (const [to, rows] of byAddress) {
      const items = rows.map((r): EmailItem => r.item ?? { title: r.subject, body: '', link: null });
      const rendered = renderDigest(items);
      await tx.insert(emailOutbox).values({
        id: newId(),
        userId: rows[0]!.userId,
        toAddress: to,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        kind: 'digest',
        status: 'pending',
        nextAttemptAt: now.toISOString(),
        createdAt: now.toISOString(),
      });
    }
    await tx
      .update(emailOutbox)
      .set({ status: 'digested' })
      .where(inArray(emailOutbox.id, due.map((r) => r.id)));
    return byAddress.size;
  });
}

/** Claims up to `limit` due rows for `instanceId` until `leaseUntil`; they are this sender's to deliver. */
export async function claimDue(database: Database, instanceId: string, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
  return database.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.status, 'pending'),
          lte(emailOutbox.nextAttemptAt, now.toISOString()),
          or(isNull(emailOutbox.claimedUntil), lte(emailOutbox.claimedUntil, now.toISOString())),
        ),
      )
      .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({ claimedBy: instanceId, claimedUntil: leaseUntil.toISOString() })
      .where(inArray(emailOutbox.id, due.map((r) => r.id)))
      .returning();
  });
}

/** Records a delivery; only the sender holding the claim may. */
export async function markSent(db: Queryable, id: string, instanceId: string, now: Date): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: 'sent', sentAt: now.toISOString(), claimedBy: null, claimedUntil: null, lastError: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.claimedBy, instanceId)));
}

/** Hands back the rows this instance claimed but did not try (a clean shutdown), so another instance need not wait out the lease. */
export async function releaseClaims(db: Queryable, instanceId: string): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ claimedBy: null, claimedUntil: null })
    .where(and(eq(emailOutbox.claimedBy, instanceId), eq(emailOutbox.status, 'pending')));
}

/** Records a failed attempt: retry after a backoff, or give up after `maxAttempts`. */
export async function markFailed(db: Queryable, row: OutboxRow, instanceId: string, now: Date, error: string, opts: { maxAttempts: number; baseMs: number; maxMs: number }): Promise<void> {
  const attempts = row.attempts + 1;
  const giveUp = attempts >= opts.maxAttempts;
  await db
    .update(emailOutbox)
    .set({
      attempts,
      status: giveUp ? 'failed' : 'pending',
      nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, opts.baseMs, opts.maxMs)).toISOString(),
      lastError: error.slice(0, 1000),
      claimedBy: null,
      claimedUntil: null,
    })
    .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.claimedBy, instanceId)));
}

/** Counts by status, for the health of the queue (tests and the admin). */
export async function outboxCounts(db: Queryable): Promise<Record<string, number>> {
  const rows = await db.execute<{ status: string; n: string | number }>(sql`SELECT status, count(*) AS n FROM email_outbox GROUP BY status`);
  return Object.fromEntries(rows.rows.map((r) => [r.status, Number(r.n)]));
}
