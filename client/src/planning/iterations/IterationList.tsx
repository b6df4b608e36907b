/**
 * Every iteration of the team, upcoming first, then the running one, then the past: dates, state,
 * committed and finished points. A running iteration past its end date is marked overdue, with a
 * way to close it for those who may.
 */
import { daysOverdue, type Iteration } from '@opsboard/shared';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { EmptyNote } from '../../ui/Feedback';
import { CLOSE_QUERY } from '../model/timing';
import { rangeWords } from '../ui/dates';
import { IterationStateBadge } from '../ui/StateBadge';
import { ScrollRegion } from '../../ui/ScrollRegion';

const ORDER = { planned: 0, active: 1, closed: 2 } as const;

interface Props {
  iterations: readonly Iteration[];
  selectedId: string | null;
  /** The team's calendar date, for overdue. */
  today: string;
  canPlan: boolean;
}

export function IterationList({ iterations, selectedId, today, canPlan }: Props) {
  if (iterations.length === 0) return <EmptyNote>No iterations yet.</EmptyNote>;
  const sorted = [...iterations].sort((a, b) => ORDER[a.state] - ORDER[b.state] || (a.state === 'closed' ? b.startDate.localeCompare(a.startDate) : a.startDate.localeCompare(b.startDate)));
  return (
    <ScrollRegion label="Iterations">
      <table className="table iteration-table" data-testid="iteration-list">
        <thead>
          <tr>
            <th scope="col">Iteration</th>
            <th scope="col">Dates</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Committed
            </th>
            <th scope="col" className="num">
              Finished
            </th>
            <th scope="col">Goal</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((i) => {
            const overdue = daysOverdue(i, today);
            const classes = [i.id === selectedId && 'iteration-table__row--selected', overdue > 0 && 'iteration-table__row--overdue'].filter(Boolean).join(' ');
            return (
            <tr key={i.id} className={classes || undefined} data-overdue={overdue > 0 || undefined}>
              <th scope="row">
                <Link to={paths.iteration(i.id)}>{i.name}</Link>
              </th>
              <td className="nowrap">{rangeWords(i)}</td>
              <td>
                <span className="iteration-table__state">
                  <IterationStateBadge state={i.state} overdue={overdue} />
                  {overdue > 0 && canPlan && (
                    <Link to={`${paths.iteration(i.id)}${CLOSE_QUERY}`} className="button button--small">
                      Close<span className="visually-hidden"> {i.name}</span>…
                    </Link>
                  )}
                </span>
              </td>
              <td className="num">{i.committedPoints ?? '–'}</td>
              <td className="num">{i.completedPoints ?? '–'}</td>
              <td className="iteration-table__goal">{i.goal || <span className="muted">–</span>}</td>
            </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
