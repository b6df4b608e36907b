/** Notifications that leave the app: preferences, the e-mail outbox, outgoing webhooks and chat hooks. */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
  /** How the team's chat knows this person; chat messages routed to them mention it. */
  chatHandle: text('chat_handle'),
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

/**
 * A team's outgoing hooks: `generic` posts signed JSON of the chosen event
 * types; `slack`, `mattermost` and `teams` post chat messages to an incoming
 * webhook of that chat.
 */
export const outgoingHooks = pgTable(
  'outgoing_hooks',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    format: text('format').$type<'generic' | 'slack' | 'mattermost' | 'teams'>().notNull(),
    events: jsonb('events').$type<string[]>().notNull(),
    secret: text('secret').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [index('outgoing_hooks_team_idx').on(t.teamId)],
);

/** How far the hook dispatcher has read each stream; locked FOR UPDATE SKIP LOCKED so one instance reads a stream at a time. */
export const hookCursors = pgTable('hook_cursors', {
  streamId: uuid('stream_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
});

/** One event for one hook: unique per (hook, stream, seq), so it is queued once whatever instance reads it; the log the admin sees. */
export const hookDeliveries = pgTable(
  'hook_deliveries',
  {
    id: uuid('id').primaryKey(),
    hookId: uuid('hook_id').notNull(),
    streamId: uuid('stream_id'),
    seq: bigint('seq', { mode: 'number' }),
    eventType: text('event_type').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<'pending' | 'delivered' | 'failed'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    claimedBy: text('claimed_by'),
    claimedUntil: ts('claimed_until'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [uniqueIndex('hook_deliveries_event_idx').on(t.hookId, t.streamId, t.seq), index('hook_deliveries_due_idx').on(t.status, t.nextAttemptAt), index('hook_deliveries_hook_idx').on(t.hookId, t.createdAt)],
);

/** Password-reset tokens sent by e-mail: only the hash is kept; single use, expiring. */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);
