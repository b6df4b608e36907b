/** Planning poker: sessions (each its own event stream), the cards queued in them, rounds, votes and participants. */
import { index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DeckCard, DeckKind } from '@opsboard/shared';
import { cards, streams, teams, users } from '../schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export type PokerSessionStatus = 'open' | 'closed';
export type PokerItemStatus = 'queued' | 'skipped' | 'accepted';
export type PokerRoundStatus = 'voting' | 'revealed';
export type PokerParticipantRole = 'voter' | 'viewer';

export const pokerSessions = pgTable(
  'poker_sessions',
  {
    /** Also the id of the session's event stream (kind 'poker'). */
    id: uuid('id')
      .primaryKey()
      .references(() => streams.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    deckKind: text('deck_kind').$type<DeckKind>().notNull(),
    deck: jsonb('deck').$type<DeckCard[]>().notNull(),
    facilitatorId: uuid('facilitator_id').notNull().references(() => users.id),
    status: text('status').$type<PokerSessionStatus>().notNull(),
    /** The item being estimated now; null between cards or once the queue is done. */
    currentItemId: uuid('current_item_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [index('poker_sessions_team_idx').on(t.teamId, t.createdAt)],
);

export const pokerItems = pgTable(
  'poker_items',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id').notNull().references(() => pokerSessions.id, { onDelete: 'cascade' }),
    cardId: uuid('card_id').notNull().references(() => cards.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    status: text('status').$type<PokerItemStatus>().notNull(),
    finalValue: text('final_value'),
    finalPoints: real('final_points'),
    acceptedAt: ts('accepted_at'),
    acceptedBy: uuid('accepted_by'),
  },
  (t) => [uniqueIndex('poker_items_session_card_uq').on(t.sessionId, t.cardId), index('poker_items_card_idx').on(t.cardId)],
);

export const pokerRounds = pgTable(
  'poker_rounds',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id').notNull().references(() => pokerItems.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').notNull().references(() => pokerSessions.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    status: text('status').$type<PokerRoundStatus>().notNull(),
    startedAt: ts('started_at').notNull(),
    revealedAt: ts('revealed_at'),
  },
  (t) => [uniqueIndex('poker_rounds_item_number_uq').on(t.itemId, t.number)],
);

export const pokerVotes = pgTable(
  'poker_votes',
  {
    roundId: uuid('round_id').notNull().references(() => pokerRounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
    votedAt: ts('voted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] })],
);

export const pokerParticipants = pgTable(
  'poker_participants',
  {
    sessionId: uuid('session_id').notNull().references(() => pokerSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<PokerParticipantRole>().notNull(),
    joinedAt: ts('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);
