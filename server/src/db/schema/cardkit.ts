/** Card templates per team (checklists and the Definition of Done live on cards and boards). */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CardType } from '@opsboard/shared';
import { teams } from '../schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A starting point for a kind of card ("ops story", "incident"): what a new card is prefilled with. */
export const cardTemplates = pgTable(
  'card_templates',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    type: text('type').$type<CardType>().notNull(),
    description: text('description').notNull().default(''),
    labels: jsonb('labels').$type<string[]>().notNull().default([]),
    checklist: jsonb('checklist').$type<string[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('card_templates_team_idx').on(t.teamId)],
);
