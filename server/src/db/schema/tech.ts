/** Technology catalogue and maturity assessments (seed 001 steps 10–12). */
import { index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, date, uuid } from 'drizzle-orm/pg-core';
import type { LabelMatcher, Lifecycle, TechLink, TechOwners, VectorScoresWithNotes } from '@opsboard/shared';
import { cards, teams } from '../schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const technologies = pgTable(
  'technologies',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    links: jsonb('links').$type<TechLink[]>().notNull().default([]),
    owners: jsonb('owners').$type<TechOwners>().notNull(),
    configManagedPct: integer('config_managed_pct').notNull().default(0),
    environments: jsonb('environments').$type<string[]>().notNull().default([]),
    installations: integer('installations').notNull().default(0),
    lifecycle: text('lifecycle').$type<Lifecycle>().notNull(),
    /** From the latest settled assessment. */
    computedMean: real('computed_mean'),
    computedLevel: integer('computed_level'),
    lastAssessedOn: date('last_assessed_on', { mode: 'string' }),
    /** The level the team overrode the computed one with, and why. */
    overrideLevel: integer('override_level'),
    overrideReason: text('override_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull(),
    archivedAt: ts('archived_at'),
  },
  (t) => [index('technologies_team_idx').on(t.teamId)],
);

/** One dated assessment: people score alone (`technology_scores`), the team reveals, then settles one set. */
export const technologyAssessments = pgTable(
  'technology_assessments',
  {
    id: uuid('id').primaryKey(),
    technologyId: uuid('technology_id').notNull().references(() => technologies.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull(),
    status: text('status').$type<'scoring' | 'revealed' | 'settled'>().notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    openedBy: uuid('opened_by').notNull(),
    openedAt: ts('opened_at').notNull(),
    revealedAt: ts('revealed_at'),
    settledAt: ts('settled_at'),
    settledBy: uuid('settled_by'),
    /** The settled scores and notes per vector. */
    scores: jsonb('scores').$type<VectorScoresWithNotes>(),
    mean: real('mean'),
    level: integer('level'),
  },
  (t) => [index('technology_assessments_tech_idx').on(t.technologyId, t.assessedOn)],
);

/** One person's private scores for an assessment; nobody else sees them before the reveal. */
export const technologyScores = pgTable(
  'technology_scores',
  {
    assessmentId: uuid('assessment_id').notNull().references(() => technologyAssessments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    scores: jsonb('scores').$type<VectorScoresWithNotes>().notNull(),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.userId] })],
);

/** Which technologies a card or interrupt concerns. */
export const cardTechnologies = pgTable(
  'card_technologies',
  {
    cardId: uuid('card_id').notNull().references(() => cards.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id').notNull().references(() => technologies.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull(),
    /** 'rule' when an Alertmanager label rule named it, 'person' when someone did. */
    origin: text('origin').$type<'rule' | 'person'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.technologyId] }), index('card_technologies_tech_idx').on(t.technologyId)],
);

/** Alertmanager label rules: an alert whose labels match every matcher concerns the technology. */
export const technologyRules = pgTable(
  'technology_rules',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id').notNull().references(() => technologies.id, { onDelete: 'cascade' }),
    matchers: jsonb('matchers').$type<LabelMatcher[]>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('technology_rules_team_idx').on(t.teamId)],
);
