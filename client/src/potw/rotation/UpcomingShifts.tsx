/** The coming weeks: who is on when, who covers for whom; admins start a cover or a swap from a week. */
import type { Shift } from '@opsboard/shared';
import { Avatar } from '../../ui/Avatar';
import type { PotwEnv } from '../potw-env';
import { formatInZone } from './shift-words';
import { ScrollRegion } from '../../ui/ScrollRegion';

interface Props {
  env: PotwEnv;
  shifts: readonly Shift[];
  now: number;
  onCover: (shift: Shift) => void;
  onSwap: (shift: Shift) => void;
}

export function UpcomingShifts({ env, shifts, now, onCover, onSwap }: Props) {
  if (shifts.length === 0) return <p className="note note--empty">No weeks scheduled: the rotation has nobody in it yet.</p>;
  return (
    <ScrollRegion label="Upcoming weeks">
      <table className="table shifts" data-testid="upcoming-shifts">
        <caption className="visually-hidden">The coming weeks of the rotation, times in {env.timezone}</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Until</th>
            <th scope="col">Person of the Week</th>
            {env.isAdmin && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {shifts.map((s) => {
            const isNow = Date.parse(s.start) <= now && now < Date.parse(s.end);
            const covered = s.userId !== s.scheduledUserId;
            return (
              <tr key={s.start} className={isNow ? 'shifts__now' : undefined}>
                <td>
                  {formatInZone(s.start, env.timezone, now)}
                  {isNow && <span className="badge badge--accent">now</span>}
                </td>
                <td>{formatInZone(s.end, env.timezone, now)}</td>
                <td>
                  <span className="person">
                    <Avatar userId={s.userId} name={env.name(s.userId)} size="sm" />
                    {env.name(s.userId)}
                    {covered && <span className="muted">{s.overrideId ? `instead of ${env.name(s.scheduledUserId)}` : ''}</span>}
                  </span>
                </td>
                {env.isAdmin && (
                  <td className="table__actions">
                    <button type="button" className="button button--small button--quiet" onClick={() => onCover(s)} aria-label={`Cover the week from ${formatInZone(s.start, env.timezone, now)}`}>
                      Cover…
                    </button>
                    <button type="button" className="button button--small button--quiet" onClick={() => onSwap(s)} aria-label={`Swap the week from ${formatInZone(s.start, env.timezone, now)}`}>
                      Swap…
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
