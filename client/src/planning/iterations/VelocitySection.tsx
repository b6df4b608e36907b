/** Velocity: committed and finished points of the last closed iterations, with their average as a line. */
import { useEffect, useState } from 'react';
import { BarChart } from '../../charts';
import { ErrorNote } from '../../ui/Feedback';
import { planningApi } from '../../api/planning';
import { LastIterationsSelect } from '../ui/LastIterationsSelect';
import { useFresh } from '../use-fresh';

const CHOICES = [3, 6, 9, 12] as const;

export function VelocitySection({ teamId, closedCount }: { teamId: string; closedCount: number }) {
  const [last, setLast] = useState<number>(6);
  const report = useFresh(() => planningApi.velocity(teamId, last), `${teamId}:${last}`);
  const { refresh } = report;
  // A closed iteration is a new bar.
  useEffect(() => refresh(), [closedCount, refresh]);
  const entries = report.value?.entries ?? [];
  const average = report.value?.average ?? null;
  const latest = entries.at(-1);
  const summary =
    entries.length === 0
      ? 'No closed iterations yet.'
      : `Velocity over the last ${entries.length} closed ${entries.length === 1 ? 'iteration' : 'iterations'}: average ${average} points finished. Latest, ${latest!.name}: ${latest!.completed} of ${latest!.committed} committed points finished.`;
  return (
    <section className="section" aria-labelledby="velocity-heading" data-testid="velocity">
      <div className="section__head">
        <h2 id="velocity-heading">Velocity</h2>
        <LastIterationsSelect value={last} choices={CHOICES} onChange={setLast} />
      </div>
      {report.error && <ErrorNote message={report.error} onRetry={refresh} />}
      <p className="muted section__lede">Points finished per closed iteration; plan the next one near the average, not the best.</p>
      <BarChart
        title="Velocity: committed and finished points per iteration"
        hideTitle
        summary={summary}
        x={{ kind: 'category', values: entries.map((e) => e.name) }}
        series={[
          { id: 'committed', label: 'Committed', values: entries.map((e) => e.committed), color: 'slate', variant: 'light' },
          { id: 'completed', label: 'Finished', values: entries.map((e) => e.completed), color: 'blue' },
        ]}
        reference={average !== null ? { value: average, label: `Average ${average}`, color: 'orange' } : undefined}
        yLabel="Points"
        showValues
        heightRem={15}
        emptyText={report.value ? 'Velocity appears once an iteration has been closed.' : 'Loading…'}
        testId="velocity-chart"
      />
    </section>
  );
}
