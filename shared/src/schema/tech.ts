/** Wire shapes of the technology catalogue and its maturity assessments (seed 001). */
import Type from 'typebox';
import { LIFECYCLES, MATURITY_VECTORS, MATCH_OPS } from '../domain/maturity.js';
import { Id, IsoDate, IsoDateTime, Markdown, Name, Nullable, StringEnum, Version } from './common.js';

export const TechLink = Type.Object({ title: Type.String({ minLength: 1, maxLength: 120 }), url: Type.String({ format: 'uri', maxLength: 2000 }) }, { additionalProperties: false });
export type TechLink = Type.Static<typeof TechLink>;

/** Who owns one line of the technology: people of the team and teams of the instance. */
export const OwnerLine = Type.Object(
  { people: Type.Array(Id, { maxItems: 20 }), teams: Type.Array(Id, { maxItems: 20 }) },
  { additionalProperties: false },
);
/** Plan, build and run: architecture, engineering and operations (seed 001 step 12). */
export const TechOwners = Type.Object({ plan: OwnerLine, build: OwnerLine, run: OwnerLine }, { additionalProperties: false });
export type TechOwners = Type.Static<typeof TechOwners>;

export const VectorScore = Type.Object(
  { score: Type.Integer({ minimum: 0, maximum: 5 }), note: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);
/** Scores per vector, each 0–5 with a short note; vectors not scored are left out. */
export const VectorScoresWithNotes = Type.Object(
  Object.fromEntries(MATURITY_VECTORS.map((v) => [v, Type.Optional(VectorScore)])) as Record<(typeof MATURITY_VECTORS)[number], Type.TOptional<typeof VectorScore>>,
  { additionalProperties: false },
);
export type VectorScoresWithNotes = Type.Static<typeof VectorScoresWithNotes>;

export const Technology = Type.Object(
  {
    id: Id,
    teamId: Id,
    name: Type.String(),
    description: Type.String(),
    links: Type.Array(TechLink),
    owners: TechOwners,
    configManagedPct: Type.Integer(),
    environments: Type.Array(Type.String()),
    installations: Type.Integer(),
    lifecycle: StringEnum(LIFECYCLES),
    /** From the latest settled assessment. */
    computedMean: Nullable(Type.Number()),
    computedLevel: Nullable(Type.Integer()),
    overrideLevel: Nullable(Type.Integer()),
    overrideReason: Nullable(Type.String()),
    /** The override when set, else the computed level; null before the first settled assessment. */
    level: Nullable(Type.Integer()),
    lastAssessedOn: Nullable(IsoDate),
    version: Type.Integer(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    archivedAt: Nullable(IsoDateTime),
  },
  { additionalProperties: false },
);
export type Technology = Type.Static<typeof Technology>;

const EMPTY_LINE = { people: [], teams: [] };
export const EMPTY_OWNERS: TechOwners = { plan: EMPTY_LINE, build: EMPTY_LINE, run: EMPTY_LINE };

export const CreateTechnologyBody = Type.Object(
  {
    name: Name(120),
    description: Type.Optional(Markdown),
    links: Type.Optional(Type.Array(TechLink, { maxItems: 30 })),
    owners: Type.Optional(TechOwners),
    configManagedPct: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    environments: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
    installations: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    lifecycle: Type.Optional(StringEnum(LIFECYCLES)),
  },
  { additionalProperties: false },
);
export type CreateTechnologyBody = Type.Static<typeof CreateTechnologyBody>;

export const UpdateTechnologyBody = Type.Object(
  {
    version: Version('The version you loaded'),
    name: Type.Optional(Name(120)),
    description: Type.Optional(Markdown),
    links: Type.Optional(Type.Array(TechLink, { maxItems: 30 })),
    owners: Type.Optional(TechOwners),
    configManagedPct: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    environments: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
    installations: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    lifecycle: Type.Optional(StringEnum(LIFECYCLES)),
  },
  { additionalProperties: false },
);
export type UpdateTechnologyBody = Type.Static<typeof UpdateTechnologyBody>;

export const OverrideLevelBody = Type.Object(
  {
    version: Version('The version you loaded'),
    /** null clears the override. */
    level: Nullable(Type.Integer({ minimum: 0, maximum: 5 })),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type OverrideLevelBody = Type.Static<typeof OverrideLevelBody>;

export const ASSESSMENT_STATUSES = ['scoring', 'revealed', 'settled'] as const;

/** What everybody on the team may see of an assessment: before the reveal, who scored and never what. */
export const AssessmentSummary = Type.Object(
  {
    id: Id,
    technologyId: Id,
    status: StringEnum(ASSESSMENT_STATUSES),
    assessedOn: IsoDate,
    openedBy: Id,
    openedAt: IsoDateTime,
    revealedAt: Nullable(IsoDateTime),
    settledAt: Nullable(IsoDateTime),
    settledBy: Nullable(Id),
    scorerIds: Type.Array(Id),
    scores: Nullable(VectorScoresWithNotes),
    mean: Nullable(Type.Number()),
    level: Nullable(Type.Integer()),
  },
  { additionalProperties: false },
);
export type AssessmentSummary = Type.Static<typeof AssessmentSummary>;

export const PersonScores = Type.Object({ userId: Id, scores: VectorScoresWithNotes }, { additionalProperties: false });
export type PersonScores = Type.Static<typeof PersonScores>;

export const VectorAgreement = Type.Object(
  { median: Nullable(Type.Integer()), min: Nullable(Type.Integer()), max: Nullable(Type.Integer()), agreed: Type.Boolean() },
  { additionalProperties: false },
);

/** An assessment as one person sees it: their own scores always, everyone's after the reveal. */
export const AssessmentView = Type.Object(
  {
    assessment: AssessmentSummary,
    mine: Nullable(VectorScoresWithNotes),
    /** Empty until the reveal. */
    revealed: Type.Array(PersonScores),
    /** Per vector after the reveal: median, spread, agreement. */
    consensus: Type.Record(Type.String(), VectorAgreement),
  },
  { additionalProperties: false },
);
export type AssessmentView = Type.Static<typeof AssessmentView>;

export const OpenAssessmentBody = Type.Object({ assessedOn: Type.Optional(IsoDate) }, { additionalProperties: false });
export type OpenAssessmentBody = Type.Static<typeof OpenAssessmentBody>;
export const ScoresBody = Type.Object({ scores: VectorScoresWithNotes }, { additionalProperties: false });
export type ScoresBody = Type.Static<typeof ScoresBody>;

export const LabelMatcherSchema = Type.Object(
  { label: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$', maxLength: 100 }), op: StringEnum(MATCH_OPS), value: Type.String({ maxLength: 300 }) },
  { additionalProperties: false },
);

export const TechnologyRule = Type.Object(
  { id: Id, technologyId: Id, matchers: Type.Array(LabelMatcherSchema), text: Type.String(), createdAt: IsoDateTime },
  { additionalProperties: false },
);
export type TechnologyRule = Type.Static<typeof TechnologyRule>;

export const CreateRuleBody = Type.Object(
  {
    technologyId: Id,
    /** Alertmanager-style matchers, all of which must hold: `job=postgres`, `service=~"k8s.*"`, `env!="dev"`. */
    matchers: Type.Array(Type.String({ minLength: 3, maxLength: 400 }), { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type CreateRuleBody = Type.Static<typeof CreateRuleBody>;

export const CardTechnologiesBody = Type.Object({ technologyIds: Type.Array(Id, { maxItems: 20 }) }, { additionalProperties: false });
export type CardTechnologiesBody = Type.Static<typeof CardTechnologiesBody>;

export const CardTechnologies = Type.Object(
  { cardId: Id, technologies: Type.Array(Type.Object({ id: Id, name: Type.String(), origin: StringEnum(['rule', 'person'] as const) }, { additionalProperties: false })) },
  { additionalProperties: false },
);
export type CardTechnologies = Type.Static<typeof CardTechnologies>;

export const WeekCount = Type.Object({ week: IsoDate, count: Type.Integer() }, { additionalProperties: false });

const CardRef = Type.Object({ id: Id, title: Type.String(), boardId: Id }, { additionalProperties: false });

/** The team's catalogue at a glance: each technology with its load, its open SS&A work and how much SS&A would pay. */
export const TechOverviewRow = Type.Object(
  {
    technology: Technology,
    scores: Nullable(VectorScoresWithNotes),
    interrupts: Type.Integer(),
    weekly: Type.Array(WeekCount),
    openSsaCards: Type.Array(CardRef),
    pay: Type.Object({ rank: Type.Integer(), score: Type.Number(), reasons: Type.Array(Type.String()) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export const TechOverview = Type.Object(
  { weeks: Type.Array(IsoDate), rows: Type.Array(TechOverviewRow), ssaBoardId: Nullable(Id) },
  { additionalProperties: false },
);
export type TechOverview = Type.Static<typeof TechOverview>;
export type TechOverviewRow = Type.Static<typeof TechOverviewRow>;

export const LevelChange = Type.Object(
  { date: IsoDate, from: Nullable(Type.Integer()), to: Type.Integer(), before: Nullable(Type.Number()), after: Nullable(Type.Number()), fell: Nullable(Type.Boolean()) },
  { additionalProperties: false },
);

export const TechnologyDetail = Type.Object(
  {
    technology: Technology,
    assessments: Type.Array(AssessmentSummary),
    trends: Type.Array(Type.Object({ vector: Type.String(), points: Type.Array(Type.Object({ date: IsoDate, score: Type.Integer() }, { additionalProperties: false })), change: Type.Integer() }, { additionalProperties: false })),
    weekly: Type.Array(WeekCount),
    /** Each rise in the settled level, with the weekly interrupt load four weeks before and after. */
    rises: Type.Array(LevelChange),
    rules: Type.Array(TechnologyRule),
    cards: Type.Array(Type.Object({ id: Id, title: Type.String(), boardId: Id, type: Type.String(), done: Type.Boolean() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type TechnologyDetail = Type.Static<typeof TechnologyDetail>;

export const TechOverviewQuery = Type.Object({ weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 104 })) }, { additionalProperties: false });
