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
import type { BoardKind, CardLink, CardType, ChecklistItem, DeckCard, DodCriterion, ColumnCategory, Priority, Role, StartConfirmation, WipPolicy } from '@opsboard/shared';

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
  /** Story points one person delivers in a full iteration, the default for capacity planning. */
  pointsPerPerson: real('points_per_person').notNull().default(8),
  /** The team's own planning poker deck (deck "custom"); null until someone saves one. */
  pokerDeck: jsonb('poker_deck').$type<DeckCard[]>(),
  /** Escalation to acknowledge: minutes a critical interrupt may wait untriaged before it escalates; null turns it off. */
  ackTimeoutMinutes: integer('ack_timeout_minutes').default(15),
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
  kind: text('kind').$type<'board' | 'team' | 'poker'>().notNull(),
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

/**
 * Results of mutations sent with an Idempotency-Key, so a retry answers the
 * first result. The key is bound to the request it first came with (method,
 * route, and a hash of params, query and body): another request under the same
 * key is refused, never answered with this result.
 */
export const mutations = pgTable(
  'mutations',
  {
    actorId: uuid('actor_id').notNull(),
    key: text('key').notNull(),
    // '' on rows written before keys were bound to requests: those match nothing, so never replay wrongly.
    method: text('method').notNull().default(''),
    route: text('route').notNull().default(''),
    requestHash: text('request_hash').notNull().default(''),
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
    definitionOfDone: jsonb('definition_of_done').$type<DodCriterion[]>().notNull().default([]),
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
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull().default([]),
    dodChecked: jsonb('dod_checked').$type<string[]>().notNull().default([]),
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
    // "What did I raise or propose": a person's own cards, looked up on every commit while they watch them.
    index('cards_team_creator_idx').on(t.teamId, t.createdBy),
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

// ---- Person of the Week and interrupts ----------------------------------------------------------

/**
 * The PoTW rotation as versions: each change (members, order, hand-off time)
 * appends a version effective from then, so "who was PoTW at t" never changes
 * for the past.
 */
export const rotationVersions = pgTable(
  'rotation_versions',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    effectiveFrom: ts('effective_from').notNull(),
    memberIds: uuid('member_ids').array().notNull(),
    handoffWeekday: integer('handoff_weekday').notNull(),
    handoffTime: text('handoff_time').notNull(),
    timezone: text('timezone').notNull(),
    startIndex: integer('start_index').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('rotation_versions_team_idx').on(t.teamId, t.effectiveFrom)],
);

/** A cover or one half of a swap: between start and end, user_id is PoTW instead of whoever is scheduled. */
export const rotationOverrides = pgTable(
  'rotation_overrides',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'cover' | 'swap'>().notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    userId: uuid('user_id').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    cancelledAt: ts('cancelled_at'),
  },
  (t) => [index('rotation_overrides_team_idx').on(t.teamId, t.startsAt)],
);

/** The outgoing PoTW's written hand-off for one hand-off instant. */
export const handoffs = pgTable(
  'handoffs',
  {
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    handoffAt: ts('handoff_at').notNull(),
    fromUserId: uuid('from_user_id'),
    toUserId: uuid('to_user_id'),
    summary: text('summary').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.handoffAt] })],
);

/** Per-team secrets for the interrupt webhooks; only a hash is kept. */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').$type<'generic' | 'alertmanager' | 'deployment'>().notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('webhooks_team_idx').on(t.teamId)],
);

/** What makes a card an interrupt: where it came from, how bad, and how it was triaged. */
export const interrupts = pgTable(
  'interrupts',
  {
    cardId: uuid('card_id')
      .primaryKey()
      .references(() => cards.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    source: text('source').$type<'ui' | 'webhook' | 'alertmanager'>().notNull(),
    severity: text('severity').$type<'critical' | 'high' | 'medium' | 'low'>().notNull(),
    requester: text('requester'),
    dedupKey: text('dedup_key'),
    webhookId: uuid('webhook_id'),
    alert: jsonb('alert').$type<{ name: string; fingerprint: string; startsAt: string; labels: Record<string, string>; generatorUrl: string | null; annotations?: Record<string, string> } | null>(),
    occurrences: integer('occurrences').notNull().default(1),
    receivedAt: ts('received_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    resolvedBySourceAt: ts('resolved_by_source_at'),
    status: text('status').$type<'untriaged' | 'accepted' | 'escalated' | 'converted' | 'duplicate' | 'closed'>().notNull(),
    assignedPotwId: uuid('assigned_potw_id'),
    triagedAt: ts('triaged_at'),
    triagedBy: uuid('triaged_by'),
    escalatedTo: uuid('escalated_to'),
    convertedCardId: uuid('converted_card_id'),
    duplicateOfCardId: uuid('duplicate_of_card_id'),
    resolution: text('resolution'),
    /**
     * Escalation to acknowledge: 0 until nobody triaged a critical interrupt in time, then the level
     * reached (1: next in the rotation, 2: admins). Each level is claimed by a conditional UPDATE on this
     * column, so it fires once however many instances sweep.
     */
    ackLevel: integer('ack_level').notNull().default(0),
    ackEscalatedAt: ts('ack_escalated_at'),
    /** Who the latest level notified. */
    ackEscalatedTo: uuid('ack_escalated_to').array(),
  },
  (t) => [
    index('interrupts_team_status_idx').on(t.teamId, t.status, t.receivedAt),
    index('interrupts_dedup_idx').on(t.teamId, t.dedupKey),
    // Every instance sweeps for due escalations every few seconds: only the few still waiting are indexed.
    index('interrupts_ack_waiting_idx').on(t.receivedAt).where(sql`${t.severity} = 'critical' AND ${t.status} = 'untriaged' AND ${t.ackLevel} < 2`),
  ],
);

/** In-app notices for one person (an escalation to them, for example). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    cardId: uuid('card_id'),
    createdAt: createdAt(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

// ---- Planned work: features and iterations ------------------------------------------------------

export const features = pgTable(
  'features',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    goal: text('goal').notNull().default(''),
    customer: text('customer').notNull().default(''),
    status: text('status').$type<'proposed' | 'active' | 'done' | 'dropped'>().notNull(),
    leadId: uuid('lead_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('features_team_idx').on(t.teamId)],
);

export const iterations = pgTable(
  'iterations',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    goal: text('goal').notNull().default(''),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    state: text('state').$type<'planned' | 'active' | 'closed'>().notNull(),
    pointsPerPerson: real('points_per_person').notNull(),
    /** Cards and points at the moment the iteration started. */
    committed: jsonb('committed').$type<{ cardId: string; points: number | null; title: string }[] | null>(),
    committedPoints: real('committed_points'),
    completedPoints: real('completed_points'),
    carriedOver: jsonb('carried_over').$type<{ cardId: string; to: string | null }[] | null>(),
    /** Who started it over capacity or outside its dates, the figures they confirmed and why. */
    startConfirmation: jsonb('start_confirmation').$type<StartConfirmation | null>(),
    startedAt: ts('started_at'),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('iterations_team_idx').on(t.teamId, t.startDate)],
);

/** Planned absence per person per iteration, in working days. */
export const iterationAbsences = pgTable(
  'iteration_absences',
  {
    iterationId: uuid('iteration_id').notNull().references(() => iterations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    days: real('days').notNull(),
  },
  (t) => [primaryKey({ columns: [t.iterationId, t.userId] })],
);

/** The pairs a feature lead assembles for a feature in one iteration. */
export const featurePairs = pgTable(
  'feature_pairs',
  {
    featureId: uuid('feature_id').notNull().references(() => features.id, { onDelete: 'cascade' }),
    iterationId: uuid('iteration_id').notNull().references(() => iterations.id, { onDelete: 'cascade' }),
    userA: uuid('user_a').notNull(),
    userB: uuid('user_b').notNull(),
  },
  (t) => [primaryKey({ columns: [t.featureId, t.iterationId, t.userA, t.userB] })],
);
export * from './schema/tech.js';
export * from './schema/standup.js';
export * from './schema/conversation.js';
export * from './schema/search.js';
export * from './schema/retro.js';
export * from './schema/poker.js';
export * from './schema/cardkit.js';
export * from './schema/metrics.js';
export * from './schema/notify.js';
export * from './schema/kpi.js';
export * from './schema/ical.js';
