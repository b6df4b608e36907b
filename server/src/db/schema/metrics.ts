/** Deployments CI reported through a deployment webhook: the source of the DORA measures. */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams } from '../schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const deployments = pgTable(
  'deployments',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    webhookId: uuid('webhook_id'),
    service: text('service').notNull(),
    version: text('version').notNull(),
    environment: text('environment').notNull(),
    status: text('status').$type<'success' | 'failure'>().notNull(),
    deployedAt: ts('deployed_at').notNull(),
    firstCommitAt: ts('first_commit_at'),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [index('deployments_team_time_idx').on(t.teamId, t.deployedAt)],
);
