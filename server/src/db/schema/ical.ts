/** Secret per-person iCal feed tokens (only the sha-256 of the secret is stored). */
import { timestamp, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from '../schema.js';

export const icalFeeds = pgTable('ical_feeds', {
  /** One active token per person: regenerating replaces the row. */
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
});
