/** Notifications that leave the app: preferences, the e-mail outbox, outgoing webhooks and chat hooks. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { NotifyChannel, NotifyKind, QuietHours } from '@opsboard/shared';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** One row per person who changed the defaults (shared/src/domain/notify.ts). */
export const notifyPreferences = pgTable('notify_preferences', {
  userId: uuid('user_id').primaryKey(),
  timeZone: text('time_zone').notNull(),
  routes: jsonb('routes').$type<Partial<Record<NotifyKind, NotifyChannel[]>>>().notNull(),
  quietHours: jsonb('quiet_hours').$type<QuietHours | null>(),
  urgentBreaksQuiet: boolean('urgent_breaks_quiet').notNull().default(true),
  digestAt: text('digest_at'),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * E-mail waiting to go out. A sender claims due rows with FOR UPDATE SKIP
 * LOCKED and a lease (`claimed_until`), so instances never send one twice and
 * a crashed sender's rows come back when the lease runs out.
 * status: pending → sent | failed (gave up); held → digested (gathered into a digest row).
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    kind: text('kind').notNull(),
    status: text('status').$type<'pending' | 'sent' | 'failed' | 'held' | 'digested'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    claimedBy: text('claimed_by'),
    claimedUntil: ts('claimed_until'),
    lastError: text('last_error'),
    /** A digest item's notice, rendered with the others when the digest goes out. */
    item: jsonb('item').$type<{ title: string; body: string; link: string | null } | null>(),
    createdAt: ts('created_at').notNull().default(sql`now()`),
    sentAt: ts('sent_at'),
  },
  (t) => [index('email_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);
