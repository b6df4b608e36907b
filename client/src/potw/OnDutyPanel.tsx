/** Who is Person of the Week now, who is next, and the weeks after: the answer the page exists for. */
import type { RotationInfo, Shift } from '@opsboard/shared';
import { Avatar } from '../ui/Avatar';
import type { PotwEnv } from './potw-env';
import { formatInZone, relative } from './rotation/shift-words';

interface Props {
  env: PotwEnv;
  info: RotationInfo;
  now: number;
  onRaise: () => void;
  /** One line (now, until when, next) beside the section links, so the triage inbox starts high on the page. */
  compact?: boolean;
}

function coverNote(shift: Shift, env: PotwEnv): string | null {
  return shift.userId !== shift.scheduledUserId ? `instead of ${env.name(shift.scheduledUserId)}` : null;
}

export function OnDutyPanel({ env, info, now, onRaise, compact = false }: Props) {
  const { current, next } = info;
  const tz = env.timezone;
  if (compact) {
    return (
      <section className="on-duty on-duty--compact" aria-label="Person of the Week now and next" data-testid="on-duty">
        {current ? (
          <p>
            <span className="on-duty__label">Now</span>{' '}
            <strong data-testid="potw-now">{env.name(current.userId)}</strong>
            {current.userId === env.selfId && <span className="badge badge--accent">you</span>}{' '}
            <span className="on-duty__when">until {formatInZone(current.end, tz, now)}</span>
            {next && (
              <>
                {' · '}
                <span className="on-duty__label">Next</span> <span data-testid="potw-next">{env.name(next.userId)}</span>
              </>
            )}
          </p>
        ) : (
          <p>
            <span className="on-duty__label">Now</span> Nobody yet
          </p>
        )}
        {env.canWrite && (
          <button type="button" className="button button--small" onClick={onRaise} data-testid="potw-raise">
            Raise an interrupt <kbd>n</kbd>
          </button>
        )}
      </section>
    );
  }
  // The weeks after "next", a glance ahead; the rotation section lists them in full.
  const later = info.upcoming.filter((s) => s.start !== current?.start && s.start !== next?.start).slice(0, 4);
  return (
    <section className="on-duty" aria-label="Person of the Week now and next" data-testid="on-duty">
      <div className="on-duty__now">
        {current ? (
          <>
            <Avatar userId={current.userId} name={env.name(current.userId)} size="lg" />
            <div>
              <p className="on-duty__label">Person of the Week now</p>
              <p className="on-duty__name" data-testid="potw-now">
                {env.name(current.userId)}
                {current.userId === env.selfId && <span className="badge badge--accent">you</span>}
              </p>
              <p className="on-duty__when">
                Hands off {formatInZone(current.end, tz, now)} ({relative(current.end, now)}){coverNote(current, env) && ` · ${coverNote(current, env)}`}
              </p>
            </div>
          </>
        ) : (
          <div>
            <p className="on-duty__label">Person of the Week now</p>
            <p className="on-duty__name">Nobody yet</p>
            <p className="on-duty__when">{env.isAdmin ? 'Set up the rotation below: who takes turns, and when the hand-off is.' : 'A team admin sets up the rotation.'}</p>
          </div>
        )}
      </div>
      {next && (
        <div className="on-duty__next">
          <Avatar userId={next.userId} name={env.name(next.userId)} size="md" />
          <div>
            <p className="on-duty__label">Next</p>
            <p className="on-duty__next-name" data-testid="potw-next">
              {env.name(next.userId)}
              {next.userId === env.selfId && <span className="badge badge--accent">you</span>}
            </p>
            <p className="on-duty__when">
              From {formatInZone(next.start, tz, now)}
              {coverNote(next, env) && ` · ${coverNote(next, env)}`}
            </p>
          </div>
        </div>
      )}
      {later.length > 0 && (
        <div className="on-duty__later">
          <p className="on-duty__label">Then</p>
          <ol className="on-duty__later-list">
            {later.map((s) => (
              <li key={s.start}>
                <Avatar userId={s.userId} name={env.name(s.userId)} size="sm" />
                <span>{env.name(s.userId)}</span>
                <span className="muted">{formatInZone(s.start, tz, now).replace(/, \d\d:\d\d$/, '')}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      {env.canWrite && (
        <div className="on-duty__actions">
          <button type="button" className="button button--primary" onClick={onRaise} data-testid="potw-raise">
            Raise an interrupt
          </button>
        </div>
      )}
    </section>
  );
}
