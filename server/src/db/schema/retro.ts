/** Retrospectives: the retro, check-ins, notes (private until the reveal), themes, votes and actions. */
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RetroPhase, RetroQuadrant, TimelineKind } from '@opsboard/shared';
import { cards, iterations, teams } from '../schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const retros = pgTable(
  'retros',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    iterationId: uuid('iteration_id').references(() => iterations.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    phase: text('phase').$type<RetroPhase>().notNull(),
    facilitatorId: uuid('facilitator_id').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    votesPerPerson: integer('votes_per_person').notNull(),
    timerEndsAt: ts('timer_ends_at'),
    publishedAt: ts('published_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('retros_team_idx').on(t.teamId, t.createdAt)],
);

export const retroCheckins = pgTable(
  'retro_checkins',
  {
    retroId: uuid('retro_id').notNull().references(() => retros.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    morale: integer('morale').notNull(),
    mood: text('mood'),
  },
  (t) => [primaryKey({ columns: [t.retroId, t.userId] })],
);

export const retroThemes = pgTable(
  'retro_themes',
  {
    id: uuid('id').primaryKey(),
    retroId: uuid('retro_id').notNull().references(() => retros.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('retro_themes_retro_idx').on(t.retroId)],
);

export const retroNotes = pgTable(
  'retro_notes',
  {
    id: uuid('id').primaryKey(),
    retroId: uuid('retro_id').notNull().references(() => retros.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    quadrant: text('quadrant').$type<RetroQuadrant>().notNull(),
    text: text('text').notNull(),
    themeId: uuid('theme_id').references(() => retroThemes.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('retro_notes_retro_idx').on(t.retroId)],
);

/** One row per vote: a person may put several of their votes on one theme. */
export const retroVotes = pgTable(
  'retro_votes',
  {
    id: uuid('id').primaryKey(),
    retroId: uuid('retro_id').notNull().references(() => retros.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    themeId: uuid('theme_id').notNull().references(() => retroThemes.id, { onDelete: 'cascade' }),
  },
  (t) => [index('retro_votes_retro_idx').on(t.retroId, t.userId)],
);

export const retroActions = pgTable(
  'retro_actions',
  {
    id: uuid('id').primaryKey(),
    retroId: uuid('retro_id').notNull().references(() => retros.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').notNull(),
    themeId: uuid('theme_id').references(() => retroThemes.id, { onDelete: 'set null' }),
    cardId: uuid('card_id').notNull().references(() => cards.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('retro_actions_retro_idx').on(t.retroId)],
);

/** Blameless postmortems: one per card (a critical/high interrupt or an incident). */
export const postmortems = pgTable(
  'postmortems',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    cardId: uuid('card_id').notNull().references(() => cards.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    impact: text('impact').notNull().default(''),
    timeline: jsonb('timeline').$type<{ at: string; kind: TimelineKind; text: string }[]>().notNull(),
    contributingFactors: text('contributing_factors').notNull().default(''),
    wentWell: text('went_well').notNull().default(''),
    firingAt: ts('firing_at'),
    resolvedAt: ts('resolved_at'),
    /** Alert firing to resolution, for MTTR. */
    timeToResolveSeconds: integer('time_to_resolve_seconds'),
    publishedAt: ts('published_at'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('postmortems_card_idx').on(t.cardId), index('postmortems_team_idx').on(t.teamId)],
);

export const postmortemActions = pgTable(
  'postmortem_actions',
  {
    id: uuid('id').primaryKey(),
    postmortemId: uuid('postmortem_id').notNull().references(() => postmortems.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').notNull(),
    cardId: uuid('card_id').notNull().references(() => cards.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('postmortem_actions_pm_idx').on(t.postmortemId)],
);
