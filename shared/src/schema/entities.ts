import Type from 'typebox';
import { Id, IsoDate, IsoDateTime, Nullable, Rank, StringEnum } from './common.js';

/** `guest`: someone outside the team (a customer developer, a requester) who raises, proposes and pairs, and sees only that. */
export const ROLES = ['admin', 'po', 'member', 'viewer', 'guest'] as const;
export type Role = (typeof ROLES)[number];

export const BOARD_KINDS = ['planned', 'interrupts', 'selfservice'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

/** Where a column sits in the flow; `doing` columns count towards per-person limits, `done` ones finish a card. */
export const COLUMN_CATEGORIES = ['backlog', 'inbox', 'todo', 'doing', 'done'] as const;
export type ColumnCategory = (typeof COLUMN_CATEGORIES)[number];

export const WIP_POLICIES = ['block', 'warn'] as const;
export type WipPolicy = (typeof WIP_POLICIES)[number];

export const CARD_TYPES = ['story', 'task', 'spike', 'bug', 'interrupt', 'chore'] as const;
export type CardType = (typeof CARD_TYPES)[number];

export const PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const LINK_KINDS = ['relates', 'blocks', 'blocked_by', 'duplicates', 'duplicated_by', 'converted_to', 'converted_from'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const User = Type.Object(
  {
    id: Id,
    email: Type.String(),
    name: Type.String(),
    isInstanceAdmin: Type.Boolean(),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type User = Type.Static<typeof User>;

const teamFields = {
  id: Id,
  name: Type.String(),
  timezone: Type.String({ description: 'IANA time zone the team works in' }),
  createdAt: IsoDateTime,
};

/** A team as everyone sees it. */
export const TeamInfo = Type.Object(teamFields, { additionalProperties: false });
export type TeamInfo = Type.Static<typeof TeamInfo>;

/** A team as one member sees it: with their own role. */
export const Team = Type.Object(
  { ...teamFields, role: StringEnum(ROLES, { description: "the caller's role in this team" }) },
  { additionalProperties: false },
);
export type Team = Type.Static<typeof Team>;

export const Member = Type.Object(
  {
    userId: Id,
    name: Type.String(),
    email: Type.String(),
    role: StringEnum(ROLES),
    joinedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Member = Type.Static<typeof Member>;

export const Invitation = Type.Object(
  {
    id: Id,
    teamId: Id,
    email: Type.String(),
    role: StringEnum(ROLES),
    invitedBy: Nullable(Id),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Invitation = Type.Static<typeof Invitation>;

/** One item of a card's checklist; the list's order is the array's. */
export const ChecklistItem = Type.Object({ id: Id, text: Type.String(), done: Type.Boolean() }, { additionalProperties: false });
export type ChecklistItem = Type.Static<typeof ChecklistItem>;

/** One criterion of a board's Definition of Done: ticked per card before it may enter a done column. */
export const DodCriterion = Type.Object({ id: Id, text: Type.String() }, { additionalProperties: false });
export type DodCriterion = Type.Static<typeof DodCriterion>;

export const Board = Type.Object(
  {
    id: Id,
    teamId: Id,
    kind: StringEnum(BOARD_KINDS),
    name: Type.String(),
    rank: Rank,
    personWipLimit: Nullable(Type.Integer({ description: 'cards one person may hold in doing columns' })),
    personWipPolicy: StringEnum(WIP_POLICIES),
    definitionOfDone: Type.Array(DodCriterion, { description: 'criteria a card must have ticked before it enters a done column' }),
    archivedAt: Nullable(IsoDateTime),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Board = Type.Static<typeof Board>;

export const Column = Type.Object(
  {
    id: Id,
    boardId: Id,
    name: Type.String(),
    rank: Rank,
    category: StringEnum(COLUMN_CATEGORIES),
    wipLimit: Nullable(Type.Integer()),
    wipPolicy: StringEnum(WIP_POLICIES),
    archivedAt: Nullable(IsoDateTime),
  },
  { additionalProperties: false },
);
export type Column = Type.Static<typeof Column>;

export const Lane = Type.Object(
  {
    id: Id,
    boardId: Id,
    name: Type.String(),
    rank: Rank,
    wipLimit: Nullable(Type.Integer()),
    wipPolicy: StringEnum(WIP_POLICIES),
    archivedAt: Nullable(IsoDateTime),
  },
  { additionalProperties: false },
);
export type Lane = Type.Static<typeof Lane>;

export const CardLink = Type.Object(
  { kind: StringEnum(LINK_KINDS), cardId: Id },
  { additionalProperties: false },
);
export type CardLink = Type.Static<typeof CardLink>;

export const Card = Type.Object(
  {
    id: Id,
    boardId: Id,
    number: Type.Integer({ description: 'team-wide card number, shown as #n' }),
    columnId: Id,
    laneId: Nullable(Id),
    rank: Rank,
    version: Type.Integer(),
    title: Type.String(),
    description: Type.String(),
    type: StringEnum(CARD_TYPES),
    points: Nullable(Type.Number()),
    assigneeIds: Type.Array(Id),
    featureId: Nullable(Id),
    iterationId: Nullable(Id),
    labels: Type.Array(Type.String()),
    priority: StringEnum(PRIORITIES),
    blocked: Type.Boolean(),
    blockedReason: Nullable(Type.String()),
    dueDate: Nullable(IsoDate),
    links: Type.Array(CardLink),
    checklist: Type.Array(ChecklistItem),
    dodChecked: Type.Array(Id, { description: "the board's Definition of Done criteria ticked on this card" }),
    overrideReason: Nullable(Type.String({ description: 'why this card was let in over a warn-policy WIP limit' })),
    columnEnteredAt: IsoDateTime,
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    createdBy: Nullable(Id),
    archivedAt: Nullable(IsoDateTime),
  },
  { additionalProperties: false },
);
export type Card = Type.Static<typeof Card>;
