/** Standups: one row per standup a team ran at the board, live until finished. */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { StandupFocus, StandupMode, StandupSpeaker } from '@opsboard/shared';
import { teams } from '../schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const standups = pgTable(
  'standups',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    boardIds: uuid('board_ids').array().notNull(),
    mode: text('mode').$type<StandupMode>().notNull(),
    facilitatorId: uuid('facilitator_id').notNull(),
    limitSeconds: integer('limit_seconds').notNull(),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
    durationSeconds: integer('duration_seconds'),
    focus: jsonb('focus').$type<StandupFocus | null>(),
    speakers: jsonb('speakers').$type<StandupSpeaker[]>().notNull().default([]),
  },
  (t) => [
    index('standups_team_idx').on(t.teamId, t.startedAt),
    // One live standup per team at a time.
    uniqueIndex('standups_team_live_idx').on(t.teamId).where(sql`ended_at IS NULL`),
  ],
);
