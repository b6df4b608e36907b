/** Every figure as numbers, one row per week or iteration (newest first): the exact values behind the charts. */
import type { InterruptFigures } from '@opsboard/shared';
import { formatDuration, formatShare } from '../interrupt-words';
import { bucketLabel, sourceBreakdown } from './figures-words';
import { ScrollRegion } from '../../ui/ScrollRegion';

export function FiguresTable({ buckets, by }: { buckets: readonly InterruptFigures[]; by: 'week' | 'iteration' }) {
  return (
    <ScrollRegion label="Interrupt figures" className="figures__table-wrap">
      <table className="table figures__table" data-testid="figures-table">
        <caption>Interrupt figures per {by}</caption>
        <thead>
          <tr>
            <th scope="col">{by === 'week' ? 'Week' : 'Iteration'}</th>
            <th scope="col">Received</th>
            <th scope="col">Triaged</th>
            <th scope="col">Time to triage (median / p90)</th>
            <th scope="col">Finished: interrupts of all</th>
            <th scope="col">Share by count</th>
            <th scope="col">Share by points</th>
          </tr>
        </thead>
        <tbody>
          {[...buckets].reverse().map((b) => (
            <tr key={`${b.label}-${b.from}`}>
              <th scope="row">{bucketLabel(b, by)}</th>
              <td>
                {b.received}
                {b.received > 0 && <span className="muted"> ({sourceBreakdown(b)})</span>}
              </td>
              <td>{b.triaged}</td>
              <td>{b.timeToTriageMs.median === null ? '–' : `${formatDuration(b.timeToTriageMs.median)} / ${b.timeToTriageMs.p90 === null ? '–' : formatDuration(b.timeToTriageMs.p90)}`}</td>
              <td>
                {b.finished.interrupts} of {b.finished.total}
              </td>
              <td>{formatShare(b.finished.shareByCount)}</td>
              <td>
                {formatShare(b.finished.shareByPoints)}
                {b.finished.points > 0 && (
                  <span className="muted">
                    {' '}
                    ({b.finished.interruptPoints} of {b.finished.points} pts)
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
