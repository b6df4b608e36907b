import Type from 'typebox';
import { Id, Name, Nullable, SeqInput, StringEnum } from '../common.js';
import { BOARD_KINDS, COLUMN_CATEGORIES, WIP_POLICIES } from '../entities.js';

/** WIP limits: 1..999; null switches the limit off. */
export const WipLimit = Nullable(Type.Integer({ minimum: 1, maximum: 999 }));

export const CreateColumnBody = Type.Object(
  {
    name: Name(60),
    category: StringEnum(COLUMN_CATEGORIES),
    wipLimit: Type.Optional(WipLimit),
    wipPolicy: Type.Optional(StringEnum(WIP_POLICIES)),
    afterColumnId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type CreateColumnBody = Type.Static<typeof CreateColumnBody>;

export const UpdateColumnBody = Type.Object(
  {
    name: Type.Optional(Name(60)),
    category: Type.Optional(StringEnum(COLUMN_CATEGORIES)),
    wipLimit: Type.Optional(WipLimit),
    wipPolicy: Type.Optional(StringEnum(WIP_POLICIES)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateColumnBody = Type.Static<typeof UpdateColumnBody>;

export const CreateLaneBody = Type.Object(
  {
    name: Name(60),
    wipLimit: Type.Optional(WipLimit),
    wipPolicy: Type.Optional(StringEnum(WIP_POLICIES)),
    afterLaneId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type CreateLaneBody = Type.Static<typeof CreateLaneBody>;

export const UpdateLaneBody = Type.Object(
  {
    name: Type.Optional(Name(60)),
    wipLimit: Type.Optional(WipLimit),
    wipPolicy: Type.Optional(StringEnum(WIP_POLICIES)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateLaneBody = Type.Static<typeof UpdateLaneBody>;

const NewColumn = Type.Object(
  {
    name: Name(60),
    category: StringEnum(COLUMN_CATEGORIES),
    wipLimit: Type.Optional(WipLimit),
    wipPolicy: Type.Optional(StringEnum(WIP_POLICIES)),
  },
  { additionalProperties: false },
);

export const CreateBoardBody = Type.Object(
  {
    kind: StringEnum(BOARD_KINDS),
    name: Name(80),
    columns: Type.Optional(Type.Array(NewColumn, { minItems: 1, maxItems: 30, description: 'defaults to the kind’s standard columns' })),
  },
  { additionalProperties: false },
);
export type CreateBoardBody = Type.Static<typeof CreateBoardBody>;

export const UpdateBoardBody = Type.Object(
  {
    name: Type.Optional(Name(80)),
    personWipLimit: Type.Optional(WipLimit),
    personWipPolicy: Type.Optional(StringEnum(WIP_POLICIES)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateBoardBody = Type.Static<typeof UpdateBoardBody>;

/** Reordering names the neighbour to land after; null puts the item first. */
export const PositionBody = Type.Object({ afterId: Nullable(Id) }, { additionalProperties: false });
export type PositionBody = Type.Static<typeof PositionBody>;

export const EventsQuery = Type.Object(
  {
    since: SeqInput('return events with seq greater than this'),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

/** A page of a stream's event log: events after a seq, and the stream's current seq. */
export const EventsPage = Type.Object(
  {
    seq: Type.Integer({ description: "the stream's current seq" }),
    events: Type.Array(
      Type.Object({
        streamId: Id,
        seq: Type.Integer(),
        type: Type.String(),
        payload: Type.Unknown(),
        actorId: Nullable(Id),
        clientMutationId: Nullable(Type.String()),
        at: Type.String({ format: 'date-time' }),
      }),
    ),
  },
  { additionalProperties: false },
);
export type EventsPage = Type.Static<typeof EventsPage>;
