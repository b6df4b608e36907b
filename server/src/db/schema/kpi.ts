/** Team KPIs (a target on a built-in measure or on hand-entered weekly numbers) and their weekly entries. */
import { date, doublePrecision, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { KpiDirection, KpiSource } from '@opsboard/shared';
import { teams } from '../schema.js';

export const kpis = pgTable('kpis', {
  id: uuid('id').primaryKey(),
  teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  source: text('source').$type<KpiSource>().notNull(),
  direction: text('direction').$type<KpiDirection>().notNull(),
  baseline: doublePrecision('baseline').notNull(),
  target: doublePrecision('target').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
});

export const kpiEntries = pgTable(
  'kpi_entries',
  {
    kpiId: uuid('kpi_id').notNull().references(() => kpis.id, { onDelete: 'cascade' }),
    week: date('week', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [unique('kpi_entries_week_uq').on(t.kpiId, t.week)],
);
