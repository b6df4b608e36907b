/**
 * A running iteration past its end date, said plainly, with the way out: the
 * PO closes it (here, or on its page); everyone else learns who does.
 */
import { daysOverdue, type Iteration } from '@opsboard/shared';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { formatDate } from '../../lib/time';
import { CLOSE_QUERY } from '../model/timing';

interface Props {
  iteration: Iteration;
  today: string;
  canPlan: boolean;
  /** Opens the close dialog in place; without it the note links to the iteration's page, which opens it. */
  onClose?: (() => void) | undefined;
}

export function OverdueNote({ iteration, today, canPlan, onClose }: Props) {
  const days = daysOverdue(iteration, today);
  if (days === 0) return null;
  return (
    <div className="note note--warning overdue-note" role="status" data-testid="overdue-note">
      <p>
        <strong>{iteration.name} is overdue.</strong> It ended on {formatDate(iteration.endDate)}, {days} {days === 1 ? 'day' : 'days'} ago, and is still running.{' '}
        {canPlan ? 'Close it to count its velocity and carry the unfinished cards over.' : 'The product owner or an admin closes it.'}
      </p>
      {canPlan &&
        (onClose ? (
          <button type="button" className="button button--primary button--small" onClick={onClose}>
            Close {iteration.name}
          </button>
        ) : (
          <Link to={`${paths.iteration(iteration.id)}${CLOSE_QUERY}`} className="button button--primary button--small">
            Close {iteration.name}…
          </Link>
        ))}
    </div>
  );
}
