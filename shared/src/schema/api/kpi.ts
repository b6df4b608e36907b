import Type from 'typebox';
import { KPI_DIRECTIONS, KPI_SOURCES } from '../../domain/kpi.js';
import { Id, IsoDate, IsoDateTime, Nullable, StringEnum } from '../common.js';

const Name = Type.String({ minLength: 1, maxLength: 80 });
const Unit = Type.String({ maxLength: 20 });
const Num = Type.Number({ minimum: -1e12, maximum: 1e12 });

export const CreateKpiBody = Type.Object(
  { name: Name, unit: Type.Optional(Unit), source: StringEnum(KPI_SOURCES), direction: StringEnum(KPI_DIRECTIONS), baseline: Num, target: Num },
  { additionalProperties: false },
);
export type CreateKpiBody = Type.Static<typeof CreateKpiBody>;

export const UpdateKpiBody = Type.Object(
  { name: Type.Optional(Name), unit: Type.Optional(Unit), direction: Type.Optional(StringEnum(KPI_DIRECTIONS)), baseline: Type.Optional(Num), target: Type.Optional(Num) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateKpiBody = Type.Static<typeof UpdateKpiBody>;

export const KpiEntryParams = Type.Object({ id: Id, week: Type.String({ description: 'a Monday, YYYY-MM-DD' }) }, { additionalProperties: false });
export type KpiEntryParams = Type.Static<typeof KpiEntryParams>;
export const KpiEntryBody = Type.Object({ value: Num }, { additionalProperties: false });
export type KpiEntryBody = Type.Static<typeof KpiEntryBody>;

export const Kpi = Type.Object(
  {
    id: Id,
    teamId: Id,
    name: Type.String(),
    unit: Type.String(),
    source: StringEnum(KPI_SOURCES),
    direction: StringEnum(KPI_DIRECTIONS),
    baseline: Type.Number(),
    target: Type.Number(),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Kpi = Type.Static<typeof Kpi>;

export const KpiRow = Type.Object(
  {
    kpi: Kpi,
    series: Type.Array(Type.Object({ week: IsoDate, value: Nullable(Type.Number()) }, { additionalProperties: false }), { description: 'the last 12 weeks, oldest first' }),
    current: Nullable(Type.Number()),
    status: StringEnum(['met', 'missed', 'no-data'] as const),
    trend: StringEnum(['improving', 'worsening', 'flat', 'no-data'] as const),
  },
  { additionalProperties: false },
);
export type KpiRow = Type.Static<typeof KpiRow>;
