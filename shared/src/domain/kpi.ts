/** KPIs: a target judged with a direction, and the trend of a weekly series. Pure. */

export const KPI_DIRECTIONS = ['higher', 'lower'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/** `manual`: a number entered by hand each week; the others are computed per week by the metrics code. */
export const KPI_SOURCES = [
  'manual',
  'throughput',
  'cycle-time-p85',
  'wip',
  'flow-efficiency',
  'interrupt-share',
  'time-to-triage',
  'deployment-frequency',
  'change-failure-rate',
] as const;
export type KpiSource = (typeof KPI_SOURCES)[number];

/** What each source measures per week, worded for the KPI form and table (with its unit). */
export const KPI_SOURCE_LABELS: Record<KpiSource, string> = {
  manual: 'Entered by hand each week',
  throughput: 'Throughput: cards finished per week',
  'cycle-time-p85': 'Cycle time, 85th percentile (days) of cards finished that week',
  wip: 'Work in progress: cards in doing columns at the end of the week',
  'flow-efficiency': 'Flow efficiency % of cards finished that week',
  'interrupt-share': 'Interrupt share % of finished work (by count)',
  'time-to-triage': 'Time to triage, median minutes of interrupts that week',
  'deployment-frequency': 'Deployments per week',
  'change-failure-rate': 'Change failure rate %',
};

/** The way each built-in source is better, offered as the default direction of a new KPI. */
export const KPI_SOURCE_DIRECTIONS: Record<KpiSource, KpiDirection> = {
  manual: 'higher',
  throughput: 'higher',
  'cycle-time-p85': 'lower',
  wip: 'lower',
  'flow-efficiency': 'higher',
  'interrupt-share': 'lower',
  'time-to-triage': 'lower',
  'deployment-frequency': 'higher',
  'change-failure-rate': 'lower',
};

export type KpiStatus = 'met' | 'missed' | 'no-data';
export type KpiTrend = 'improving' | 'worsening' | 'flat' | 'no-data';

/** Whether `value` meets `target` when `direction` says which way is better (equal to target counts as met). */
export function judgeKpi(value: number | null, target: number, direction: KpiDirection): KpiStatus {
  if (value === null || !Number.isFinite(value)) return 'no-data';
  return (direction === 'higher' ? value >= target : value <= target) ? 'met' : 'missed';
}

/** The latest non-null value of a series, oldest first. */
export function currentKpiValue(series: readonly (number | null)[]): number | null {
  for (let i = series.length - 1; i >= 0; i--) {
    const v = series[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) return v;
  }
  return null;
}

/**
 * Trend of a weekly series (oldest first): the mean of the later half against the mean of the
 * earlier half of its non-null values, read with the direction. Fewer than two values: no data.
 */
export function kpiTrend(series: readonly (number | null)[], direction: KpiDirection): KpiTrend {
  const values = series.filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length < 2) return 'no-data';
  const half = Math.floor(values.length / 2);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const before = mean(values.slice(0, half));
  const after = mean(values.slice(values.length - half));
  const delta = after - before;
  if (Math.abs(delta) < 1e-9) return 'flat';
  return (direction === 'higher') === delta > 0 ? 'improving' : 'worsening';
}

/** Whether `date` (YYYY-MM-DD) is a real calendar date that falls on a Monday. */
export function isMondayDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date && d.getUTCDay() === 1;
}
