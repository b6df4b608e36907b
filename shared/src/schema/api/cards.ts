import Type from 'typebox';
import { Id, IsoDate, Markdown, Nullable, StringEnum, Title, Version } from '../common.js';
import { CARD_TYPES, Card, CardLink, PRIORITIES } from '../entities.js';

const Points = Nullable(Type.Number({ minimum: 0, maximum: 1000 }));
const Assignees = Type.Array(Id, { maxItems: 6, uniqueItems: true });
const Labels = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20, uniqueItems: true });
const Links = Type.Array(CardLink, { maxItems: 50 });
const OverrideReason = Type.String({ minLength: 1, maxLength: 500 });

const editable = {
  description: Type.Optional(Markdown),
  type: Type.Optional(StringEnum(CARD_TYPES)),
  points: Type.Optional(Points),
  assigneeIds: Type.Optional(Assignees),
  featureId: Type.Optional(Nullable(Id)),
  iterationId: Type.Optional(Nullable(Id)),
  labels: Type.Optional(Labels),
  priority: Type.Optional(StringEnum(PRIORITIES)),
  blocked: Type.Optional(Type.Boolean()),
  blockedReason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  dueDate: Type.Optional(Nullable(IsoDate)),
  links: Type.Optional(Links),
};

/** Where a card lands in a column: after a card, before a card, at an index, or (none given) at the end. */
const placement = {
  laneId: Type.Optional(Nullable(Id)),
  afterCardId: Type.Optional(Nullable(Id)),
  beforeCardId: Type.Optional(Nullable(Id)),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: 'index within the cell, 0 = top' })),
  overrideReason: Type.Optional(OverrideReason),
};

export const CreateCardBody = Type.Object(
  {
    title: Title,
    columnId: Type.Optional(Id),
    ...placement,
    ...editable,
    checklist: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50, description: 'checklist item texts, e.g. from a template' })),
  },
  { additionalProperties: false },
);
export type CreateCardBody = Type.Static<typeof CreateCardBody>;

export const UpdateCardBody = Type.Object(
  {
    version: Version('the version the edit is based on'),
    title: Type.Optional(Title),
    ...editable,
  },
  { additionalProperties: false, minProperties: 2 },
);
export type UpdateCardBody = Type.Static<typeof UpdateCardBody>;

export const MoveCardBody = Type.Object(
  {
    toColumnId: Id,
    toBoardId: Type.Optional(Id),
    version: Type.Optional(Version()),
    ...placement,
  },
  { additionalProperties: false },
);
export type MoveCardBody = Type.Static<typeof MoveCardBody>;

export const RestoreCardBody = Type.Object(
  {
    columnId: Type.Optional(Id),
    overrideReason: Type.Optional(OverrideReason),
  },
  { additionalProperties: false },
);
export type RestoreCardBody = Type.Static<typeof RestoreCardBody>;

export const ArchiveCardBody = Type.Object(
  { version: Type.Optional(Version()) },
  { additionalProperties: false },
);

export const CardRef = Type.Object(
  {
    id: Id,
    number: Type.Integer(),
    title: Type.String(),
    boardId: Id,
    boardName: Type.String(),
    columnName: Type.String(),
    archived: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CardRef = Type.Static<typeof CardRef>;

export const CardDetail = Type.Object(
  {
    card: Card,
    /** Links other cards hold to this one (kind as the other card states it). */
    incoming: Type.Array(CardLink),
    /** Every card named in `card.links` or `incoming`, for titles. */
    related: Type.Array(CardRef),
  },
  { additionalProperties: false },
);
export type CardDetail = Type.Static<typeof CardDetail>;

export const HistoryEntry = Type.Object(
  {
    streamId: Id,
    seq: Type.Integer(),
    type: Type.String(),
    at: Type.String(),
    actor: Nullable(Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false })),
    payload: Type.Unknown(),
    /**
     * Names of what the payload mentions by id (people, columns, swimlanes,
     * boards, features, iterations, cards as "#12 Title"), as they are now,
     * archived ones included. An id missing here no longer exists.
     */
    names: Type.Record(Type.String(), Type.String()),
  },
  { additionalProperties: false },
);
export type HistoryEntry = Type.Static<typeof HistoryEntry>;

/** One person's cards in progress (in `doing` columns) on one live board of the team: what per-person WIP limits count. */
export const PersonWip = Type.Object(
  { userId: Id, boardId: Id, count: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type PersonWip = Type.Static<typeof PersonWip>;

export const CardSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: 'full-text: words of the title, labels, blocked reason, description, alert labels and annotations (all must match; the last as a prefix), or a card number (42 or #42); best matches first' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    boardId: Type.Optional(Type.String({ format: 'uuid', description: 'only cards of this board (the board filter bar)' })),
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
