/**
 * Wire shapes of what a person raised, proposed or is paired on, as they
 * follow it: the whole of what a guest (a customer developer or requester)
 * sees of a team. Names of people appear only where they work these items.
 */
import Type from 'typebox';
import { Id, IsoDateTime, Markdown, Nullable, StringEnum, Title, Version } from './common.js';
import { BOARD_KINDS, COLUMN_CATEGORIES, ROLES } from './entities.js';
import { INTERRUPT_STATUSES, SEVERITIES } from './potw.js';

export const Person = Type.Object({ userId: Id, name: Type.String() }, { additionalProperties: false });
export type Person = Type.Static<typeof Person>;

/** Where a card is now and who is on it. */
export const CardPlace = Type.Object(
  {
    cardId: Id,
    number: Type.Integer({ description: 'team-wide card number, shown as #n' }),
    title: Type.String(),
    boardKind: StringEnum(BOARD_KINDS),
    boardName: Type.String(),
    columnId: Id,
    columnName: Type.String(),
    columnCategory: StringEnum(COLUMN_CATEGORIES),
    assignees: Type.Array(Person),
    archived: Type.Boolean(),
    updatedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type CardPlace = Type.Static<typeof CardPlace>;

/** What the Person of the Week decided about an interrupt. */
export const RequestTriage = Type.Object(
  {
    status: StringEnum(INTERRUPT_STATUSES),
    severity: StringEnum(SEVERITIES),
    triagedAt: Nullable(IsoDateTime),
    escalatedTo: Nullable(Person),
    resolution: Nullable(Type.String()),
    /** The number of the card it duplicates (only the number: the other card is not the requester's). */
    duplicateOfNumber: Nullable(Type.Integer()),
    resolvedBySourceAt: Nullable(IsoDateTime),
  },
  { additionalProperties: false },
);
export type RequestTriage = Type.Static<typeof RequestTriage>;

export const REQUEST_KINDS = ['interrupt', 'proposal'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const MyRequest = Type.Object(
  {
    kind: StringEnum(REQUEST_KINDS),
    card: CardPlace,
    createdAt: IsoDateTime,
    /** Interrupts only. */
    triage: Nullable(RequestTriage),
    /** The story an interrupt was converted into: its state is the request's state from then on. */
    followUp: Nullable(CardPlace),
  },
  { additionalProperties: false },
);
export type MyRequest = Type.Static<typeof MyRequest>;

export const WorkColumn = Type.Object({ columnId: Id, name: Type.String(), category: StringEnum(COLUMN_CATEGORIES) }, { additionalProperties: false });
export type WorkColumn = Type.Static<typeof WorkColumn>;

/** A feature card the person is assigned to (paired on), with the columns it may move to. */
export const MyWorkItem = Type.Object(
  {
    card: CardPlace,
    version: Type.Integer(),
    description: Type.String(),
    featureName: Type.String(),
    blocked: Type.Boolean(),
    blockedReason: Nullable(Type.String()),
    /** The board's live columns outside its backlog, in board order. */
    columns: Type.Array(WorkColumn),
  },
  { additionalProperties: false },
);
export type MyWorkItem = Type.Static<typeof MyWorkItem>;

export const MyRequests = Type.Object(
  {
    teamId: Id,
    teamName: Type.String(),
    role: StringEnum(ROLES),
    /** Newest first: the interrupts raised and the stories proposed, i.e. the cards the person created. */
    requests: Type.Array(MyRequest),
    /** Feature cards the person is assigned to, in board order. */
    work: Type.Array(MyWorkItem),
  },
  { additionalProperties: false },
);
export type MyRequests = Type.Static<typeof MyRequests>;

export const PROPOSAL_BOARD_KINDS = ['planned', 'selfservice'] as const;

export const ProposeBody = Type.Object(
  {
    boardKind: StringEnum(PROPOSAL_BOARD_KINDS, { description: 'planned work or the self-service & automation backlog' }),
    title: Title,
    description: Type.Optional(Markdown),
  },
  { additionalProperties: false },
);
export type ProposeBody = Type.Static<typeof ProposeBody>;

export const WorkMoveBody = Type.Object(
  {
    toColumnId: Id,
    version: Type.Optional(Version('the version you saw; a stale one gets 409 version_conflict')),
    overrideReason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'why the card may go over a warn-policy WIP limit' })),
  },
  { additionalProperties: false },
);
export type WorkMoveBody = Type.Static<typeof WorkMoveBody>;
