/** Wire shapes of the flow-metrics, forecast and DORA endpoints. */
import Type from 'typebox';
import { Id, IsoDate, IsoDateTime, Nullable, StringEnum } from '../common.js';
import { BOARD_KINDS, CARD_TYPES, COLUMN_CATEGORIES } from '../entities.js';

export const METRIC_CHARTS = ['cfd', 'cycleTime', 'throughput', 'wipAgeing', 'flowEfficiency'] as const;
export type MetricChart = (typeof METRIC_CHARTS)[number];

/** Date range (team-local dates, both inclusive) and filters on the cards as they are now. */
export const MetricsQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    boardKind: Type.Optional(StringEnum(BOARD_KINDS)),
    featureId: Type.Optional(Id),
    cardType: Type.Optional(StringEnum(CARD_TYPES)),
    personId: Type.Optional(Id),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    chart: Type.Optional(Type.Array(StringEnum(METRIC_CHARTS), { maxItems: 5, description: 'only these charts (default: all)' })),
  },
  { additionalProperties: false },
);
export type MetricsQuery = Type.Static<typeof MetricsQuery>;

const Percentiles = Type.Object({ p50: Nullable(Type.Number()), p85: Nullable(Type.Number()), p95: Nullable(Type.Number()) }, { additionalProperties: false });
const CardRef = { cardId: Id, boardId: Id, number: Type.Integer(), title: Type.String() };

export const MetricsReport = Type.Object(
  {
    teamId: Id,
    boardId: Nullable(Id),
    from: IsoDate,
    to: IsoDate,
    timezone: Type.String(),
    columns: Type.Array(Type.Object({ id: Id, boardId: Id, name: Type.String(), category: StringEnum(COLUMN_CATEGORIES) }, { additionalProperties: false })),
    cfd: Type.Optional(
      Type.Object(
        {
          bands: Type.Array(Type.Object({ key: Type.String(), name: Type.String() }, { additionalProperties: false }), { description: 'columns (board) or categories (team), left to right' }),
          days: Type.Array(Type.Object({ date: IsoDate, counts: Type.Array(Type.Integer()) }, { additionalProperties: false })),
        },
        { additionalProperties: false },
      ),
    ),
    cycleTime: Type.Optional(
      Type.Object(
        {
          points: Type.Array(Type.Object({ ...CardRef, startedAt: IsoDateTime, finishedAt: IsoDateTime, days: Type.Number() }, { additionalProperties: false })),
          percentiles: Percentiles,
        },
        { additionalProperties: false },
      ),
    ),
    throughput: Type.Optional(Type.Array(Type.Object({ week: IsoDate, count: Type.Integer() }, { additionalProperties: false }))),
    wipAgeing: Type.Optional(
      Type.Object(
        {
          cards: Type.Array(Type.Object({ ...CardRef, columnId: Id, ageDays: Type.Number(), blocked: Type.Boolean() }, { additionalProperties: false })),
          percentiles: Percentiles,
        },
        { additionalProperties: false },
      ),
    ),
    flowEfficiency: Type.Optional(
      Type.Object(
        {
          efficiency: Nullable(Type.Number()),
          constraintColumnId: Nullable(Id),
          columns: Type.Array(
            Type.Object(
              { columnId: Id, activeMs: Type.Number(), waitingMs: Type.Number(), blockedMs: Type.Number(), cards: Type.Integer(), meanMs: Type.Number() },
              { additionalProperties: false },
            ),
          ),
          cards: Type.Array(
            Type.Object(
              { ...CardRef, activeMs: Type.Number(), waitingMs: Type.Number(), blockedMs: Type.Number(), efficiency: Nullable(Type.Number()) },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type MetricsReport = Type.Static<typeof MetricsReport>;

export const ForecastQuery = Type.Object(
  {
    items: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: '"when will N cards be done?"' })),
    date: Type.Optional(IsoDate),
    featureId: Type.Optional(Id),
    untilCardId: Type.Optional({ ...Id, description: '"when will the backlog down to this card be done?": the cards waiting ahead of it on its board (to-do columns, then the backlog by rank) and itself' }),
    boardKind: Type.Optional(StringEnum(BOARD_KINDS)),
    historyWeeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52 })),
    interruptShare: Type.Optional(Type.Number({ minimum: 0, maximum: 0.95, description: 'override the share of capacity interrupts take (default: measured)' })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647 })),
  },
  { additionalProperties: false },
);
export type ForecastQuery = Type.Static<typeof ForecastQuery>;

export const ForecastAnswer = Type.Object(
  {
    question: StringEnum(['how_many', 'when'] as const),
    items: Nullable(Type.Integer()),
    date: Nullable(IsoDate),
    historyDays: Type.Integer(),
    interruptShare: Type.Number(),
    trials: Type.Integer(),
    seed: Type.Integer(),
    /** Cards (how many) or days from today (when), at 50/85/95% likelihood. */
    p50: Nullable(Type.Number()),
    p85: Nullable(Type.Number()),
    p95: Nullable(Type.Number()),
    /** For "when": the dates those day counts land on. */
    dates: Nullable(Type.Object({ p50: Nullable(IsoDate), p85: Nullable(IsoDate), p95: Nullable(IsoDate) }, { additionalProperties: false })),
    distribution: Type.Array(Type.Object({ value: Type.Number(), trials: Type.Integer() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type ForecastAnswer = Type.Static<typeof ForecastAnswer>;

// ---- DORA

export const DEPLOYMENT_STATUSES = ['success', 'failure'] as const;

/** What CI posts to a deployment webhook. */
export const DeploymentBody = Type.Object(
  {
    service: Type.String({ minLength: 1, maxLength: 120 }),
    version: Type.String({ minLength: 1, maxLength: 120 }),
    environment: Type.String({ minLength: 1, maxLength: 60 }),
    status: StringEnum(DEPLOYMENT_STATUSES),
    commitTimes: Type.Optional(Type.Array(IsoDateTime, { maxItems: 500, description: 'when each commit in the deployment was made: lead time for changes' })),
    deployedAt: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type DeploymentBody = Type.Static<typeof DeploymentBody>;

export const Deployment = Type.Object(
  {
    id: Id,
    service: Type.String(),
    version: Type.String(),
    environment: Type.String(),
    status: StringEnum(DEPLOYMENT_STATUSES),
    deployedAt: IsoDateTime,
    /** The oldest commit's time, when CI sent commit times. */
    firstCommitAt: Nullable(IsoDateTime),
    leadTimeHours: Nullable(Type.Number()),
  },
  { additionalProperties: false },
);
export type Deployment = Type.Static<typeof Deployment>;

export const DoraQuery = Type.Object(
  { from: Type.Optional(IsoDate), to: Type.Optional(IsoDate), environment: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })) },
  { additionalProperties: false },
);
export type DoraQuery = Type.Static<typeof DoraQuery>;

const Hours = Type.Object({ p50: Nullable(Type.Number()), p85: Nullable(Type.Number()), p95: Nullable(Type.Number()) }, { additionalProperties: false });

export const DoraReport = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    deployments: Type.Integer(),
    perWeek: Nullable(Type.Number()),
    weeks: Type.Array(Type.Object({ week: IsoDate, deployments: Type.Integer(), failures: Type.Integer() }, { additionalProperties: false })),
    leadTimeHours: Hours,
    changeFailureRate: Nullable(Type.Number()),
    failedDeploymentIds: Type.Array(Id),
    timeToRestoreHours: Hours,
    restores: Type.Integer(),
    recent: Type.Array(Type.Intersect([Deployment, Type.Object({ failed: Type.Boolean() })])),
  },
  { additionalProperties: false },
);
export type DoraReport = Type.Static<typeof DoraReport>;
