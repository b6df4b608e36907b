/** Card templates and recurring cards per team (checklists and the Definition of Done live on cards and boards). */
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CardType } from '@opsboard/shared';
import { boards, teams } from '../schema.js';

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

/** A chore that comes back: a card created on a cron-like schedule, in the team's time zone. */
export const cardRecurrences = pgTable(
  'card_recurrences',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    boardId: uuid('board_id').notNull().references(() => boards.id, { onDelete: 'cascade' }),
    /** Where the card lands; null: the board's first column. */
    columnId: uuid('column_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    checklist: jsonb('checklist').$type<string[]>().notNull().default([]),
    schedule: text('schedule').notNull(),
    /** The next occurrence not yet created; null when the schedule never fires again. */
    nextAt: ts('next_at'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('card_recurrences_due_idx').on(t.nextAt)],
);

/** One row per created occurrence: the unique key makes each occurrence happen once, however many instances run. */
export const recurrenceOccurrences = pgTable(
  'recurrence_occurrences',
  {
    recurrenceId: uuid('recurrence_id').notNull().references(() => cardRecurrences.id, { onDelete: 'cascade' }),
    occursAt: ts('occurs_at').notNull(),
    cardId: uuid('card_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recurrenceId, t.occursAt] })],
);
