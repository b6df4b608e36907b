/**
 * The whole product's tables, in one place. Migrations in /migrations are
 * generated from this file by drizzle-kit (`pnpm db:generate`).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  date,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { BoardKind, CardLink, CardType, ColumnCategory, Priority, Role, WipPolicy } from '@opsboard/shared';

/** Fractional-index keys compare byte-wise: locale collations sort them wrong. */
const rankText = customType<{ data: string }>({
  dataType: () => 'text COLLATE "C"',
});

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const createdAt = () => ts('created_at').notNull().defaultNow();

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  isInstanceAdmin: boolean('is_instance_admin').notNull().default(false),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha-256 of the cookie secret
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at'),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** Fixed-window counters shared by every instance (login and sign-up limits). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: ts('window_start').notNull(),
  count: integer('count').notNull(),
});

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default('UTC'),
  cardSeq: integer('card_seq').notNull().default(0),
  createdAt: createdAt(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_team_email_idx').on(t.teamId, t.email), index('invitations_email_idx').on(t.email)],
);

/**
 * An ordered event stream (a board's, or a team's for team-wide facts).
 * `last_seq` is bumped inside each writing transaction, as its last
 * statement before the event insert: commit order then equals seq order.
 */
export const streams = pgTable('streams', {
  id: uuid('id').primaryKey(),
  teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<'board' | 'team'>().notNull(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
});

export const events = pgTable(
  'events',
  {
    streamId: uuid('stream_id').notNull().references(() => streams.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    teamId: uuid('team_id').notNull(),
    type: text('type').notNull(),
    subjectId: uuid('subject_id'),
    payload: jsonb('payload').notNull(),
    actorId: uuid('actor_id'),
    clientMutationId: text('client_mutation_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.streamId, t.seq] }),
    index('events_subject_idx').on(t.subjectId, t.seq),
    index('events_team_type_idx').on(t.teamId, t.type, t.at),
  ],
);

/** Results of mutations sent with an Idempotency-Key, so a retry answers the first result. */
export const mutations = pgTable(
  'mutations',
  {
    actorId: uuid('actor_id').notNull(),
    key: text('key').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.key] })],
);

export const boards = pgTable(
  'boards',
  {
    id: uuid('id')
      .primaryKey()
      .references(() => streams.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<BoardKind>().notNull(),
    name: text('name').notNull(),
    rank: rankText('rank').notNull(),
    personWipLimit: integer('person_wip_limit'),
    personWipPolicy: text('person_wip_policy').$type<WipPolicy>().notNull().default('block'),
    createdAt: createdAt(),
    archivedAt: ts('archived_at'),
  },
  (t) => [index('boards_team_idx').on(t.teamId)],
);

export const columns = pgTable(
  'columns',
  {
    id: uuid('id').primaryKey(),
    boardId: uuid('board_id').notNull().references(() => boards.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    rank: rankText('rank').notNull(),
    category: text('category').$type<ColumnCategory>().notNull(),
    wipLimit: integer('wip_limit'),
    wipPolicy: text('wip_policy').$type<WipPolicy>().notNull().default('block'),
    createdAt: createdAt(),
    archivedAt: ts('archived_at'),
  },
  (t) => [index('columns_board_idx').on(t.boardId)],
);

export const lanes = pgTable(
  'lanes',
  {
    id: uuid('id').primaryKey(),
    boardId: uuid('board_id').notNull().references(() => boards.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    rank: rankText('rank').notNull(),
    wipLimit: integer('wip_limit'),
    wipPolicy: text('wip_policy').$type<WipPolicy>().notNull().default('block'),
    createdAt: createdAt(),
    archivedAt: ts('archived_at'),
  },
  (t) => [index('lanes_board_idx').on(t.boardId)],
);

export const cards = pgTable(
  'cards',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    boardId: uuid('board_id').notNull().references(() => boards.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    columnId: uuid('column_id').notNull().references(() => columns.id),
    laneId: uuid('lane_id').references(() => lanes.id),
    rank: rankText('rank').notNull(),
    version: integer('version').notNull().default(1),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    type: text('type').$type<CardType>().notNull(),
    points: real('points'),
    assigneeIds: uuid('assignee_ids').array().notNull().default(sql`'{}'::uuid[]`),
    featureId: uuid('feature_id'),
    iterationId: uuid('iteration_id'),
    labels: text('labels').array().notNull().default(sql`'{}'::text[]`),
    priority: text('priority').$type<Priority>().notNull().default('none'),
    blocked: boolean('blocked').notNull().default(false),
    blockedReason: text('blocked_reason'),
    dueDate: date('due_date', { mode: 'string' }),
    links: jsonb('links').$type<CardLink[]>().notNull().default([]),
    overrideReason: text('override_reason'),
    columnEnteredAt: ts('column_entered_at').notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    archivedAt: ts('archived_at'),
  },
  (t) => [
    // Keys never collide among live cards of a column; archived cards give theirs up.
    uniqueIndex('cards_column_rank_idx').on(t.columnId, t.rank).where(sql`archived_at IS NULL`),
    uniqueIndex('cards_team_number_idx').on(t.teamId, t.number),
    index('cards_board_idx').on(t.boardId).where(sql`archived_at IS NULL`),
    index('cards_assignees_idx').using('gin', t.assigneeIds),
    index('cards_iteration_idx').on(t.iterationId),
    index('cards_feature_idx').on(t.featureId),
  ],
);

/** Who is looking at which stream right now, per websocket connection; rows of dead instances age out. */
export const presence = pgTable(
  'presence',
  {
    connectionId: text('connection_id').notNull(),
    streamId: uuid('stream_id').notNull(),
    userId: uuid('user_id').notNull(),
    instanceId: text('instance_id').notNull(),
    seenAt: ts('seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.streamId] }), index('presence_stream_idx').on(t.streamId)],
);
