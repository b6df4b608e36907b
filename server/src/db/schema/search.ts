/**
 * Full-text search and saved filters. `card_search` holds one weighted
 * tsvector per card, kept current by triggers on `cards`, `interrupts` and
 * `comments` (written in migrations 0008 and 0009), so every writer (UI,
 * webhooks, seeds, imports) feeds the index without knowing about it, and
 * board snapshots never carry it.
 */
import { sql } from 'drizzle-orm';
import { customType, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { BoardFilterModel } from '@opsboard/shared';
import { cards, teams, users } from '../schema.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const cardSearch = pgTable(
  'card_search',
  {
    cardId: uuid('card_id')
      .primaryKey()
      .references(() => cards.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull(),
    /** Title (A); labels, blocked reason, alert labels (B); description, alert annotations (C). */
    document: tsvector('document').notNull(),
  },
  (t) => [index('card_search_document_idx').using('gin', t.document), index('card_search_team_idx').on(t.teamId)],
);

/** A named board filter: a person's own (owner_id set) or the whole team's (owner_id null). */
export const savedFilters = pgTable(
  'saved_filters',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    filter: jsonb('filter').$type<BoardFilterModel>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('saved_filters_team_idx').on(t.teamId, t.ownerId), index('saved_filters_owner_idx').on(t.ownerId).where(sql`owner_id IS NOT NULL`)],
);
