/** Comments on cards, their reactions, and who watches a card (issue 15, "Conversation"). */
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cards, teams, users } from '../schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    cardId: uuid('card_id').notNull().references(() => cards.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    mentionIds: uuid('mention_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
    editedAt: ts('edited_at'),
  },
  (t) => [index('comments_card_idx').on(t.cardId, t.createdAt)],
);

export const commentReactions = pgTable(
  'comment_reactions',
  {
    commentId: uuid('comment_id').notNull().references(() => comments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    emoji: text('emoji').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.emoji, t.userId] })],
);

/**
 * A person's own choice about a card: `watching` true (clicked Watch, or was
 * mentioned) or false (clicked Unwatch, which also silences being its creator
 * or an assignee). Creators and assignees without a row watch by default.
 */
export const cardWatchers = pgTable(
  'card_watchers',
  {
    cardId: uuid('card_id').notNull().references(() => cards.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    watching: boolean('watching').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.userId] })],
);
