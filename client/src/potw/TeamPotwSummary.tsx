/** The team page's answer to "who is Person of the Week now, and next?", with the way to the PoTW page. */
import type { Member } from '@opsboard/shared';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { Avatar } from '../ui/Avatar';
import { nameIn } from './potw-env';
import { formatInZone } from './rotation/shift-words';
import { useRotation } from './use-rotation';
import '../styles/potw-badge.css';

export function TeamPotwSummary({ teamId, members, timezone }: { teamId: string; members: readonly Member[]; timezone: string }) {
  const { info, error } = useRotation(teamId);
  const name = nameIn(members);
  const tz = info?.settings?.timezone ?? timezone;
  const current = info?.current ?? null;
  const next = info?.next ?? null;
  return (
    <section className="section" aria-labelledby="team-potw-heading">
      <h2 id="team-potw-heading">Person of the Week</h2>
      {error && <p className="muted">The rotation could not be loaded: {error}</p>}
      {info && (
        <div className="team-potw" data-testid="team-potw">
          <div className="team-potw__slot">
            <span className="team-potw__label">Now</span>
            {current ? (
              <span className="person">
                <Avatar userId={current.userId} name={name(current.userId)} size="lg" />
                <span>
                  <strong className="team-potw__name">{name(current.userId)}</strong>
                  <span className="team-potw__when">until {formatInZone(current.end, tz)}</span>
                </span>
              </span>
            ) : (
              <span className="muted">Nobody yet: the rotation is not set up.</span>
            )}
          </div>
          {next && (
            <div className="team-potw__slot">
              <span className="team-potw__label">Next</span>
              <span className="person">
                <Avatar userId={next.userId} name={name(next.userId)} />
                <span>
                  <strong className="team-potw__name">{name(next.userId)}</strong>
                  <span className="team-potw__when">from {formatInZone(next.start, tz)}</span>
                </span>
              </span>
            </div>
          )}
          <Link to={paths.potw(teamId)} className="button team-potw__link">
            Triage, rotation and hand-off
          </Link>
        </div>
      )}
    </section>
  );
}
