import Type from 'typebox';
import { Id, IsoDateTime, Nullable, StringEnum } from './common.js';

/** Walk the board card by card, or person by person (each person's cards together). */
export const STANDUP_MODES = ['card', 'person'] as const;
export type StandupMode = (typeof STANDUP_MODES)[number];

/** Where the facilitator is: followers' views move with it. */
export const StandupFocus = Type.Object(
  {
    boardId: Id,
    cardId: Nullable(Id),
    personId: Nullable(Id),
    paused: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type StandupFocus = Type.Static<typeof StandupFocus>;

export const StandupSpeaker = Type.Object(
  { userId: Id, seconds: Type.Integer({ minimum: 0, maximum: 86_400 }) },
  { additionalProperties: false },
);
export type StandupSpeaker = Type.Static<typeof StandupSpeaker>;

export const Standup = Type.Object(
  {
    id: Id,
    teamId: Id,
    boardIds: Type.Array(Id),
    mode: StringEnum(STANDUP_MODES),
    facilitatorId: Id,
    /** Seconds per person before their timer shows they are over (shown, never nagged). */
    limitSeconds: Type.Integer(),
    startedAt: IsoDateTime,
    endedAt: Nullable(IsoDateTime),
    durationSeconds: Nullable(Type.Integer()),
    focus: Nullable(StandupFocus),
    speakers: Type.Array(StandupSpeaker),
  },
  { additionalProperties: false },
);
export type Standup = Type.Static<typeof Standup>;

export const StartStandupBody = Type.Object(
  {
    boardIds: Type.Array(Id, { minItems: 1, maxItems: 10, description: 'Boards to walk, in order (default: the team’s planned, interrupts and SS&A boards)' }),
    mode: Type.Optional(StringEnum(STANDUP_MODES)),
    limitSeconds: Type.Optional(Type.Integer({ minimum: 10, maximum: 3600 })),
  },
  { additionalProperties: false },
);
export type StartStandupBody = Type.Static<typeof StartStandupBody>;

export const FocusStandupBody = StandupFocus;
export type FocusStandupBody = StandupFocus;

export const FinishStandupBody = Type.Object(
  { speakers: Type.Array(StandupSpeaker, { maxItems: 200, description: 'Who spoke and for how many seconds' }) },
  { additionalProperties: false },
);
export type FinishStandupBody = Type.Static<typeof FinishStandupBody>;

/** One change on a board since the last standup. */
export const StandupChange = Type.Object(
  {
    cardId: Id,
    boardId: Id,
    number: Type.Integer(),
    title: Type.String(),
    at: IsoDateTime,
    actorId: Nullable(Id),
    fromColumn: Nullable(Type.String()),
    toColumn: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
export type StandupChange = Type.Static<typeof StandupChange>;

export const StandupSince = Type.Object(
  {
    since: IsoDateTime,
    /** `standup`: the team's previous recorded standup; `default`: none, so the last working day. */
    basis: StringEnum(['standup', 'default'] as const),
    moved: Type.Array(StandupChange),
    added: Type.Array(StandupChange),
    finished: Type.Array(StandupChange),
    interrupts: Type.Array(StandupChange),
  },
  { additionalProperties: false },
);
export type StandupSince = Type.Static<typeof StandupSince>;

export const StandupList = Type.Object(
  { live: Nullable(Standup), recent: Type.Array(Standup) },
  { additionalProperties: false },
);
export type StandupList = Type.Static<typeof StandupList>;
