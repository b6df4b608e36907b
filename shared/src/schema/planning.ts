/** Wire shapes of planned work: features (IDD projects) and iterations. */
import Type from 'typebox';
import { Id, IsoDate, IsoDateTime, Markdown, Name, Nullable, StringEnum, Version } from './common.js';
import { Card } from './entities.js';

export const FEATURE_STATUSES = ['proposed', 'active', 'done', 'dropped'] as const;
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];

export const ITERATION_STATES = ['planned', 'active', 'closed'] as const;
export type IterationState = (typeof ITERATION_STATES)[number];

export const Feature = Type.Object(
  {
    id: Id,
    teamId: Id,
    name: Type.String(),
    goal: Type.String(),
    customer: Type.String(),
    status: StringEnum(FEATURE_STATUSES),
    leadId: Nullable(Id),
    version: Type.Integer(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Feature = Type.Static<typeof Feature>;

export const Progress = Type.Object(
  { cards: Type.Integer(), doneCards: Type.Integer(), points: Type.Number(), donePoints: Type.Number() },
  { additionalProperties: false },
);
export type Progress = Type.Static<typeof Progress>;

export const FeatureSummary = Type.Object({ feature: Feature, progress: Progress }, { additionalProperties: false });
export type FeatureSummary = Type.Static<typeof FeatureSummary>;

export const Pair = Type.Tuple([Id, Id]);

/**
 * A feature's pairs in one iteration (or, with a null iteration, on its cards outside any iteration):
 * the pairs the lead set, and the pairs its cards show through their assignees.
 */
export const FeaturePairs = Type.Object(
  {
    iterationId: Nullable(Id),
    iterationName: Nullable(Type.String()),
    /** Set by the feature lead (what the pairs editor edits). */
    pairs: Type.Array(Pair),
    /** Shown by the feature's cards: each pair with the cards that have both people on them. */
    fromCards: Type.Array(Type.Object({ pair: Pair, cardIds: Type.Array(Id) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type FeaturePairs = Type.Static<typeof FeaturePairs>;

export const FeatureDetail = Type.Object(
  {
    feature: Feature,
    progress: Progress,
    cards: Type.Array(Card),
    /** Newest iteration first; cards outside iterations last. */
    pairs: Type.Array(FeaturePairs),
  },
  { additionalProperties: false },
);
export type FeatureDetail = Type.Static<typeof FeatureDetail>;

export const CreateFeatureBody = Type.Object(
  {
    name: Name(120),
    goal: Type.Optional(Markdown),
    customer: Type.Optional(Type.String({ maxLength: 120 })),
    status: Type.Optional(StringEnum(FEATURE_STATUSES)),
    leadId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type CreateFeatureBody = Type.Static<typeof CreateFeatureBody>;

export const UpdateFeatureBody = Type.Object(
  {
    version: Version(),
    name: Type.Optional(Name(120)),
    goal: Type.Optional(Markdown),
    customer: Type.Optional(Type.String({ maxLength: 120 })),
    status: Type.Optional(StringEnum(FEATURE_STATUSES)),
    leadId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false, minProperties: 2 },
);
export type UpdateFeatureBody = Type.Static<typeof UpdateFeatureBody>;

export const SetPairsBody = Type.Object(
  { iterationId: Id, pairs: Type.Array(Pair, { maxItems: 20 }) },
  { additionalProperties: false },
);
export type SetPairsBody = Type.Static<typeof SetPairsBody>;

export const PairingMatrix = Type.Object(
  {
    people: Type.Array(Type.Object({ userId: Id, name: Type.String() }, { additionalProperties: false })),
    iterations: Type.Array(Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false })),
    /** Each unordered pair once (a < b), with how many times they paired. */
    counts: Type.Array(Type.Object({ a: Id, b: Id, count: Type.Integer() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type PairingMatrix = Type.Static<typeof PairingMatrix>;

export const Iteration = Type.Object(
  {
    id: Id,
    teamId: Id,
    name: Type.String(),
    goal: Type.String(),
    startDate: IsoDate,
    endDate: IsoDate,
    state: StringEnum(ITERATION_STATES),
    pointsPerPerson: Type.Number(),
    committedPoints: Nullable(Type.Number()),
    completedPoints: Nullable(Type.Number()),
    startedAt: Nullable(IsoDateTime),
    closedAt: Nullable(IsoDateTime),
    version: Type.Integer(),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Iteration = Type.Static<typeof Iteration>;

export const CreateIterationBody = Type.Object(
  {
    name: Type.Optional(Name(80)),
    goal: Type.Optional(Type.String({ maxLength: 1000 })),
    startDate: IsoDate,
    endDate: Type.Optional(IsoDate),
    pointsPerPerson: Type.Optional(Type.Number({ minimum: 0, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type CreateIterationBody = Type.Static<typeof CreateIterationBody>;

export const Absence = Type.Object({ userId: Id, days: Type.Number({ minimum: 0, maximum: 60 }) }, { additionalProperties: false });

export const UpdateIterationBody = Type.Object(
  {
    name: Type.Optional(Name(80)),
    goal: Type.Optional(Type.String({ maxLength: 1000 })),
    startDate: Type.Optional(IsoDate),
    endDate: Type.Optional(IsoDate),
    pointsPerPerson: Type.Optional(Type.Number({ minimum: 0, maximum: 200 })),
    absences: Type.Optional(Type.Array(Absence, { maxItems: 100 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateIterationBody = Type.Static<typeof UpdateIterationBody>;

export const IterationCardsBody = Type.Object({ cardIds: Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true }) }, { additionalProperties: false });

export const CloseIterationBody = Type.Object(
  {
    carryOverTo: Nullable(Id),
    /** Unfinished cards that go back to the backlog instead of to `carryOverTo`. */
    backlogCardIds: Type.Optional(Type.Array(Id, { maxItems: 500, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CloseIterationBody = Type.Static<typeof CloseIterationBody>;

export const CapacityLoadSchema = Type.Object(
  { planned: Type.Number(), capacity: Type.Number(), over: Type.Number(), overCapacity: Type.Boolean() },
  { additionalProperties: false },
);

export const OutsideDatesSchema = Type.Object(
  { startDate: IsoDate, endDate: IsoDate, today: IsoDate, position: StringEnum(['before', 'after'] as const), days: Type.Integer() },
  { additionalProperties: false },
);

/** Points and dates as the person starting saw them; a start needs these only when the checks ask. */
export const StartIterationBody = Type.Object(
  {
    confirm: Type.Optional(
      Type.Object(
        {
          overCapacity: Type.Optional(
            Type.Object({ planned: Type.Number({ minimum: 0, maximum: 1_000_000 }), capacity: Type.Number({ minimum: 0, maximum: 1_000_000 }) }, { additionalProperties: false }),
          ),
          outsideDates: Type.Optional(Type.Object({ startDate: IsoDate, endDate: IsoDate }, { additionalProperties: false })),
        },
        { additionalProperties: false },
      ),
    ),
    /** Why the team starts anyway; recorded with the confirmation. */
    reason: Type.Optional(Type.String({ maxLength: 500 })),
    /** Move the dates so the iteration starts today, keeping its length (instead of confirming other dates). */
    moveDatesToToday: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type StartIterationBody = Type.Static<typeof StartIterationBody>;

/** Who started an iteration against a warning, what they saw, and why. */
export const StartConfirmation = Type.Object(
  {
    userId: Id,
    at: IsoDateTime,
    reason: Nullable(Type.String()),
    overCapacity: Nullable(CapacityLoadSchema),
    outsideDates: Nullable(OutsideDatesSchema),
  },
  { additionalProperties: false },
);
export type StartConfirmation = Type.Static<typeof StartConfirmation>;

export const CapacityPerson = Type.Object(
  { userId: Id, name: Type.String(), availableDays: Type.Number(), absenceDays: Type.Number(), potwDays: Type.Number(), points: Type.Number() },
  { additionalProperties: false },
);

export const BurnPointSchema = Type.Object(
  {
    date: IsoDate,
    scope: Type.Number(),
    completed: Type.Number(),
    remaining: Type.Number(),
    added: Type.Number(),
    removed: Type.Number(),
    ideal: Nullable(Type.Number()),
  },
  { additionalProperties: false },
);

export const SsaInfo = Type.Object(
  { people: Type.Array(Id), count: Type.Integer(), ok: Type.Boolean(), message: Type.String() },
  { additionalProperties: false },
);
export type SsaInfo = Type.Static<typeof SsaInfo>;

export const IterationDetail = Type.Object(
  {
    iteration: Iteration,
    cards: Type.Array(Card),
    committed: Nullable(Type.Array(Type.Object({ cardId: Id, points: Nullable(Type.Number()), title: Type.String() }, { additionalProperties: false }))),
    workingDays: Type.Integer(),
    capacity: Type.Object({ total: Type.Number(), perPerson: Type.Array(CapacityPerson) }, { additionalProperties: false }),
    plannedPoints: Type.Number(),
    donePoints: Type.Number(),
    ssa: SsaInfo,
    burn: Type.Array(BurnPointSchema),
    carriedOver: Nullable(Type.Array(Type.Object({ cardId: Id, to: Nullable(Id) }, { additionalProperties: false }))),
    /** Set when the iteration was started over capacity or outside its dates. */
    startConfirmation: Nullable(StartConfirmation),
  },
  { additionalProperties: false },
);
export type IterationDetail = Type.Static<typeof IterationDetail>;

export const VelocityReport = Type.Object(
  {
    entries: Type.Array(Type.Object({ id: Id, name: Type.String(), committed: Type.Number(), completed: Type.Number() }, { additionalProperties: false })),
    average: Nullable(Type.Number()),
  },
  { additionalProperties: false },
);
export type VelocityReport = Type.Static<typeof VelocityReport>;
