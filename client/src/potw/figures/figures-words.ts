/** Interrupt figures in words and in shapes the charts draw: sources, severities, triage times, shares. */
import { INTERRUPT_SOURCES, SEVERITIES, type InterruptFigures, type InterruptSource, type Severity } from '@opsboard/shared';
import { formatDuration, formatShare } from '../interrupt-words';

export const SOURCE_NAME: Record<InterruptSource, string> = { ui: 'People', webhook: 'Webhooks', alertmanager: 'Alerts' };

/** Counts in a fixed order (the API leaves out zeros). */
export function countsBySource(figures: Pick<InterruptFigures, 'bySource'>): Record<InterruptSource, number> {
  const out: Record<InterruptSource, number> = { ui: 0, webhook: 0, alertmanager: 0 };
  for (const s of INTERRUPT_SOURCES) out[s] = figures.bySource[s] ?? 0;
  return out;
}

export function countsBySeverity(figures: Pick<InterruptFigures, 'bySeverity'>): Record<Severity, number> {
  const out: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const s of SEVERITIES) out[s] = figures.bySeverity[s] ?? 0;
  return out;
}

/** "2 alerts, 1 from people" (only sources that sent something). */
export function sourceBreakdown(figures: Pick<InterruptFigures, 'bySource'>): string {
  const counts = countsBySource(figures);
  const words: Record<InterruptSource, (n: number) => string> = {
    alertmanager: (n) => `${n} ${n === 1 ? 'alert' : 'alerts'}`,
    ui: (n) => `${n} from people`,
    webhook: (n) => `${n} by webhook`,
  };
  return (['alertmanager', 'ui', 'webhook'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => words[s](counts[s]))
    .join(', ');
}

/** "median 20 min, p90 35 min", or null before anything was triaged. */
export function triageTimes(figures: Pick<InterruptFigures, 'timeToTriageMs'>): string | null {
  const { median, p90 } = figures.timeToTriageMs;
  if (median === null) return null;
  return p90 === null ? `median ${formatDuration(median)}` : `median ${formatDuration(median)}, p90 ${formatDuration(p90)}`;
}

/** "25% of finished work (30% of points)", or null when nothing finished. */
export function shareSentence(figures: Pick<InterruptFigures, 'finished'>): string | null {
  const f = figures.finished;
  if (f.total === 0) return null;
  const byPoints = f.shareByPoints !== null && f.points > 0 ? ` (${formatShare(f.shareByPoints)} of points)` : '';
  return `${formatShare(f.shareByCount)} of finished work${byPoints}`;
}

/** A bucket's label as people read it: the iteration's name, or "Week of 23 Nov". */
export function bucketLabel(figures: Pick<InterruptFigures, 'label' | 'from'>, by: 'week' | 'iteration'): string {
  if (by === 'iteration') return figures.label;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(figures.label) ? `${figures.label}T12:00:00Z` : figures.from);
  if (Number.isNaN(t)) return figures.label;
  return `Week of ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(t)}`;
}

/** The same label, short enough for a chart axis: "23 Nov". */
export function axisLabel(figures: Pick<InterruptFigures, 'label' | 'from'>, by: 'week' | 'iteration'): string {
  const long = bucketLabel(figures, by);
  return by === 'week' ? long.replace(/^Week of /, '') : long;
}
