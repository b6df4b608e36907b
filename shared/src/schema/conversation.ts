import Type from 'typebox';
import { Id, IsoDate, IsoDateTime, Nullable, StringEnum } from './common.js';

/** The reactions a comment can get: a small set, so they read at a glance and need no picker. */
export const REACTIONS = ['👍', '👎', '🎉', '❤️', '👀', '🚀'] as const;
export type Reaction = (typeof REACTIONS)[number];

export const CommentReaction = Type.Object({ emoji: StringEnum(REACTIONS), userIds: Type.Array(Id) }, { additionalProperties: false });
export type CommentReaction = Type.Static<typeof CommentReaction>;

export const Comment = Type.Object(
  {
    id: Id,
    cardId: Id,
    authorId: Nullable(Id),
    body: Type.String({ description: 'Markdown' }),
    /** The team members the body mentions (`@handle`, the part of their e-mail address before the @). */
    mentionIds: Type.Array(Id),
    reactions: Type.Array(CommentReaction),
    createdAt: IsoDateTime,
    editedAt: Nullable(IsoDateTime),
  },
  { additionalProperties: false },
);
export type Comment = Type.Static<typeof Comment>;

const CommentText = Type.String({ minLength: 1, maxLength: 10_000, description: 'Markdown; `@handle` mentions a team member' });

export const CommentBody = Type.Object({ body: CommentText }, { additionalProperties: false });
export type CommentBody = Type.Static<typeof CommentBody>;

export const ReactionBody = Type.Object({ emoji: StringEnum(REACTIONS) }, { additionalProperties: false });
export type ReactionBody = Type.Static<typeof ReactionBody>;

export const CommentParams = Type.Object({ id: Id, commentId: Id }, { additionalProperties: false });

export const WATCH_REASONS = ['creator', 'assignee', 'watching', 'none'] as const;
export const WatchState = Type.Object(
  {
    watching: Type.Boolean(),
    /** Why: created it, holds it, chose to watch (or was mentioned), or not watching. */
    reason: StringEnum(WATCH_REASONS),
    watcherCount: Type.Integer(),
  },
  { additionalProperties: false },
);
export type WatchState = Type.Static<typeof WatchState>;

export const ACTIVITY_KINDS = ['cards', 'comments', 'interrupts', 'planning', 'team', 'boards'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Filters of an activity feed; `before` pages back (pass the previous page's `next`). */
export const ActivityQuery = Type.Object(
  {
    kind: Type.Optional(StringEnum(ACTIVITY_KINDS)),
    boardId: Type.Optional(Id),
    personId: Type.Optional(Id),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    before: Type.Optional(Type.String({ maxLength: 80, description: 'cursor from the previous page (`next`)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type ActivityQuery = Type.Static<typeof ActivityQuery>;

/** One event of an activity feed: a card history entry plus what it is about. */
export const ActivityEntry = Type.Object(
  {
    streamId: Id,
    seq: Type.Integer(),
    type: Type.String(),
    at: IsoDateTime,
    actor: Nullable(Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false })),
    /** The card (or other thing) the event is about; its name is in `names` when it is a card. */
    subjectId: Nullable(Id),
    payload: Type.Unknown(),
    names: Type.Record(Type.String(), Type.String()),
  },
  { additionalProperties: false },
);
export type ActivityEntry = Type.Static<typeof ActivityEntry>;

export const ActivityPage = Type.Object(
  { entries: Type.Array(ActivityEntry), next: Nullable(Type.String({ description: 'pass as `before` for the next (older) page' })) },
  { additionalProperties: false },
);
export type ActivityPage = Type.Static<typeof ActivityPage>;
