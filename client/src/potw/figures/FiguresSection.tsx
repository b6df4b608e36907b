/**
 * Interrupt figures per week or per iteration: what arrived (by source and
 * severity), how fast it was triaged (median and 90th percentile), and how
 * much of the team's finished work was interrupts (by count and by points).
 */
import { useState } from 'react';
import type { InterruptFigures } from '@opsboard/shared';
import { BarChart, LineChart } from '../../charts';
import { ErrorNote, Spinner } from '../../ui/Feedback';
import { useAsync } from '../../ui/use-async';
import { potwApi, type FiguresBy } from '../../api/potw';
import { formatDuration, formatShare } from '../interrupt-words';
import { FiguresTable } from './FiguresTable';
import { bucketLabel, countsBySeverity, countsBySource, triageTimes } from './figures-words';
import '../../styles/potw-forms.css';
import '../../styles/figures.css';

const WEEK_CHOICES = [4, 8, 12, 26] as const;

export function FiguresSection({ teamId }: { teamId: string }) {
  const [by, setBy] = useState<FiguresBy>('week');
  const [weeks, setWeeks] = useState<number>(8);
  const figures = useAsync(() => potwApi.figures(teamId, by, weeks), [teamId, by, weeks]);

  return (
    <section className="figures" aria-labelledby="figures-heading" data-testid="figures">
      <div className="figures__header">
        <h2 id="figures-heading">Figures</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Group by</legend>
          {(['week', 'iteration'] as const).map((b) => (
            <label key={b} className={`segmented__option${by === b ? ' segmented__option--on' : ''}`}>
              <input type="radio" name="figures-by" value={b} checked={by === b} onChange={() => setBy(b)} />
              {b === 'week' ? 'Per week' : 'Per iteration'}
            </label>
          ))}
        </fieldset>
        {by === 'week' && (
          <label className="figures__weeks">
            <span>Last</span>
            <select value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
              {WEEK_CHOICES.map((w) => (
                <option key={w} value={w}>
                  {w} weeks
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {figures.status === 'loading' && <Spinner label="Adding up the figures" />}
      {figures.status === 'error' && <ErrorNote message={figures.message} onRetry={figures.reload} />}
      {figures.status === 'ready' && <FiguresBody buckets={figures.value} by={by} />}
    </section>
  );
}

function FiguresBody({ buckets, by }: { buckets: readonly InterruptFigures[]; by: FiguresBy }) {
  if (buckets.length === 0) return <p className="note note--empty">{by === 'iteration' ? 'No iterations yet: figures per iteration start with the first one.' : 'No figures yet.'}</p>;
  // Weeks are dates (spaced by time, short date ticks); iterations are names.
  const x = by === 'week' ? { kind: 'date' as const, values: buckets.map((b) => b.label), label: 'Week starting' } : { kind: 'category' as const, values: buckets.map((b) => b.label), label: 'Iteration' };
  const sources = buckets.map(countsBySource);
  const severities = buckets.map(countsBySeverity);
  const last = buckets.at(-1)!;
  const total = buckets.reduce((n, b) => n + b.received, 0);
  const lastTimes = triageTimes(last);

  return (
    <>
      <div className="figures__grid">
        <BarChart
          title="Interrupts received, by source"
          summary={`${total} interrupts in ${buckets.length} ${by === 'week' ? 'weeks' : 'iterations'}; ${last.received} in ${bucketLabel(last, by).toLowerCase()}.`}
          x={x}
          mode="stacked"
          series={[
            { id: 'alertmanager', label: 'Alerts', values: sources.map((s) => s.alertmanager), color: 'orange' },
            { id: 'ui', label: 'People', values: sources.map((s) => s.ui), color: 'blue', variant: 'light' },
            { id: 'webhook', label: 'Webhooks', values: sources.map((s) => s.webhook), color: 'purple', variant: 'hatched' },
          ]}
          yLabel="Interrupts"
          showValues
          heightRem={14}
          testId="figures-by-source"
        />
        <BarChart
          title="Interrupts received, by severity"
          summary={`Critical: ${severities.reduce((n, s) => n + s.critical, 0)}, high: ${severities.reduce((n, s) => n + s.high, 0)} over the period.`}
          x={x}
          mode="stacked"
          series={[
            { id: 'critical', label: 'Critical', values: severities.map((s) => s.critical), color: 'pink' },
            { id: 'high', label: 'High', values: severities.map((s) => s.high), color: 'orange', variant: 'light' },
            { id: 'medium', label: 'Medium', values: severities.map((s) => s.medium), color: 'amber', variant: 'hatched' },
            { id: 'low', label: 'Low', values: severities.map((s) => s.low), color: 'slate', variant: 'light' },
          ]}
          yLabel="Interrupts"
          heightRem={14}
          testId="figures-by-severity"
        />
        <LineChart
          title="Time to triage"
          summary={lastTimes ? `Latest: ${lastTimes}.` : 'Nothing triaged in the latest period.'}
          x={x}
          series={[
            { id: 'median', label: 'Median', values: buckets.map((b) => b.timeToTriageMs.median), color: 'teal' },
            { id: 'p90', label: '90th percentile', values: buckets.map((b) => b.timeToTriageMs.p90), color: 'purple', dashed: true },
          ]}
          yLabel="Time to triage"
          yScale="duration"
          formatY={formatDuration}
          heightRem={14}
          testId="figures-triage-time"
        />
        <LineChart
          title="Share of finished work that was interrupts"
          summary={`Latest: ${formatShare(last.finished.shareByCount)} by count, ${formatShare(last.finished.shareByPoints)} by points.`}
          x={x}
          series={[
            { id: 'count', label: 'By count', values: buckets.map((b) => (b.finished.shareByCount === null ? null : b.finished.shareByCount * 100)), color: 'orange' },
            { id: 'points', label: 'By points', values: buckets.map((b) => (b.finished.shareByPoints === null ? null : b.finished.shareByPoints * 100)), color: 'blue', dashed: true },
          ]}
          yLabel="Share"
          yMax={100}
          formatY={(v) => `${Math.round(v)}%`}
          heightRem={14}
          testId="figures-share"
        />
      </div>
      <FiguresTable buckets={buckets} by={by} />
    </>
  );
}
