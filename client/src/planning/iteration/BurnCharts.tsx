/**
 * Burndown (remaining against the ideal line) and burnup (scope against
 * completed) side by side. Scope added or taken out after the start is
 * marked on the day it happened and counted in the legend-line above.
 */
import { useMemo } from 'react';
import type { IterationDetail } from '@opsboard/shared';
import { LineChart } from '../../charts';
import { burnSummary, burnView } from '../model/burn';

/** `carried`: points carried over at the close (closed iterations), told apart from scope taken out. */
export function BurnCharts({ detail, today, carried }: { detail: IterationDetail; today: string | null; carried: number }) {
  const view = useMemo(() => burnView(detail, today, carried), [detail, today, carried]);
  if (!detail.iteration.startedAt) {
    return <p className="note note--empty">The burndown starts when the iteration does: the commitment is its first point.</p>;
  }
  const x = { kind: 'date' as const, values: view.dates };
  const burnupSummary = view.last
    ? `Burnup: scope ${view.last.scope} points (committed ${view.committed}), ${view.last.completed} completed by ${view.last.date}.`
    : 'Burnup: no points yet.';
  return (
    <div className="burn">
      <p className="burn__scope" data-testid="scope-change">
        Committed <strong>{view.committed}</strong> pts · added after the start <strong className="burn__added">+{view.added}</strong> · taken out <strong className="burn__removed">−{view.removed}</strong>
        {view.carried > 0 && (
          <>
            {' '}
            · carried over at the close <strong>{view.carried}</strong>
          </>
        )}
      </p>
      <div className="burn__charts">
        <LineChart
          title="Burndown: points remaining"
          summary={burnSummary(view)}
          x={x}
          series={[
            { id: 'ideal', label: 'Ideal', values: view.ideal, color: 'slate', dashed: true },
            { id: 'remaining', label: 'Remaining', values: view.remaining, color: 'blue', area: true },
          ]}
          markers={view.markers}
          yLabel="Points"
          yMax={view.committed}
          testId="burndown"
        />
        <LineChart
          title="Burnup: scope and completed"
          summary={burnupSummary}
          x={x}
          series={[
            // The commitment as a flat line: the gap to the scope line is the scope changed after the start.
            { id: 'committed', label: 'Committed', values: view.dates.map(() => view.committed), color: 'slate', dashed: true },
            { id: 'scope', label: 'Scope', values: view.scope, color: 'orange', step: true },
            { id: 'completed', label: 'Completed', values: view.completed, color: 'green', step: true, area: true },
          ]}
          markers={view.markers}
          yLabel="Points"
          yMax={view.committed}
          testId="burnup"
        />
      </div>
    </div>
  );
}
