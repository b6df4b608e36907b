/**
 * Who has paired with whom over the last N iterations, as a grid: in each cell
 * the number of iterations the two paired in, shaded darker the more often. Below it, the people who have
 * not paired at all, because pairing them next spreads knowledge.
 */
import { useEffect, useState } from 'react';
import { Avatar } from '../../ui/Avatar';
import { EmptyNote, ErrorNote } from '../../ui/Feedback';
import { planningApi } from '../../api/planning';
import { pairingGrid, shade } from '../model/pairing';
import { LastIterationsSelect } from '../ui/LastIterationsSelect';
import { useFresh } from '../use-fresh';
import { ScrollRegion } from '../../ui/ScrollRegion';

const CHOICES = [3, 6, 12] as const;

/** `revision` grows when pairs or iterations change (from the team stream), which refetches the matrix. */
export function PairingMatrix({ teamId, revision }: { teamId: string; revision: number }) {
  const [last, setLast] = useState<number>(6);
  const matrix = useFresh(() => planningApi.pairing(teamId, last), `${teamId}:${last}`);
  const { refresh } = matrix;
  useEffect(() => {
    if (revision > 0) refresh();
  }, [revision, refresh]);
  const grid = matrix.value ? pairingGrid(matrix.value) : null;

  return (
    <div className="matrix" data-testid="pairing-matrix">
      <div className="section__head">
        <p className="muted matrix__lede">
          {matrix.value ? `Across ${matrix.value.iterations.length} ${matrix.value.iterations.length === 1 ? 'iteration' : 'iterations'}: ${matrix.value.iterations.map((i) => i.name).join(', ') || 'none yet'}.` : 'Loading…'}
        </p>
        <LastIterationsSelect value={last} choices={CHOICES} onChange={setLast} />
      </div>
      {matrix.error && <ErrorNote message={matrix.error} onRetry={refresh} />}
      {grid && grid.people.length < 2 && <EmptyNote>Pairing needs at least two people in the team.</EmptyNote>}
      {grid && grid.people.length >= 2 && (
        <>
          <ScrollRegion label="Pairing matrix">
            <table className="matrix__table">
              <caption className="visually-hidden">In how many of the last {last} iterations each two people paired (on a card, or set by a feature lead)</caption>
              <thead>
                <tr>
                  <td />
                  {grid.people.map((p) => (
                    <th key={p.userId} scope="col" className="matrix__col">
                      <Avatar userId={p.userId} name={p.name} size="sm" />
                      <span className="matrix__col-name">{p.name.split(' ')[0]}</span>
                      <span className="visually-hidden">{p.name}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.people.map((row, i) => (
                  <tr key={row.userId}>
                    <th scope="row" className="matrix__row">
                      <Avatar userId={row.userId} name={row.name} size="sm" />
                      {row.name}
                    </th>
                    {grid.counts[i]!.map((count, j) =>
                      count === null ? (
                        <td key={j} className="matrix__cell matrix__cell--self" aria-label="Same person">
                          ·
                        </td>
                      ) : (
                        <td key={j} className={`matrix__cell matrix__cell--s${shade(count, grid.max)}`} title={`${row.name} and ${grid.people[j]!.name}: paired in ${count} ${count === 1 ? 'iteration' : 'iterations'}`}>
                          {count}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {grid.never.length > 0 ? (
            <p className="matrix__never">
              <strong>Never paired{grid.max > 0 ? ' in this window' : ''}:</strong> {grid.never.slice(0, 8).map(([a, b]) => `${a} & ${b}`).join(' · ')}
              {grid.never.length > 8 && ` and ${grid.never.length - 8} more`}. Pairing them next spreads what each knows.
            </p>
          ) : (
            <p className="matrix__never">Everyone has paired with everyone in this window.</p>
          )}
        </>
      )}
    </div>
  );
}
