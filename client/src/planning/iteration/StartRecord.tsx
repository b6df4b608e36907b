/** How the iteration was started when a warning had to be confirmed: by whom, against which figures, and why. */
import type { Member, StartConfirmation } from '@opsboard/shared';
import { formatDate, formatDateTime } from '../../lib/time';

interface Props {
  confirmation: StartConfirmation;
  people: ReadonlyMap<string, Member>;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export function StartRecord({ confirmation, people }: Props) {
  const who = people.get(confirmation.userId)?.name ?? (people.size === 0 ? '…' : 'a former member');
  const { overCapacity, outsideDates } = confirmation;
  return (
    <div className="note note--warning start-record" data-testid="start-confirmation">
      <p>
        <strong>Started against a warning</strong>, confirmed by {who} on {formatDateTime(confirmation.at)}:
      </p>
      <ul>
        {overCapacity && (
          <li>
            over capacity: {overCapacity.planned} of {overCapacity.capacity} points planned, {overCapacity.over} over;
          </li>
        )}
        {outsideDates && (
          <li>
            {outsideDates.position === 'before'
              ? `started ${days(outsideDates.days)} before its start date (${formatDate(outsideDates.startDate)})`
              : `started ${days(outsideDates.days)} after its end date (${formatDate(outsideDates.endDate)})`}
            ;
          </li>
        )}
      </ul>
      <p>{confirmation.reason ? <>Reason: “{confirmation.reason}”</> : <span className="muted">No reason given.</span>}</p>
    </div>
  );
}
