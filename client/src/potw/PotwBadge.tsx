/** Who is Person of the Week right now, as a link to the PoTW page: for board headers and the team page. */
import type { Shift } from '@opsboard/shared';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { Avatar } from '../ui/Avatar';
import { formatInZone } from './rotation/shift-words';
import '../styles/potw-badge.css';

interface Props {
  teamId: string;
  /** The current shift; null when nobody is on (no rotation yet), undefined while loading. */
  shift: Shift | null | undefined;
  name: (userId: string) => string;
  timezone: string | null;
}

export function PotwBadge({ teamId, shift, name, timezone }: Props) {
  if (shift === undefined) return <span className="potw-badge potw-badge--loading" aria-hidden="true" />;
  if (shift === null) {
    return (
      <Link to={paths.potw(teamId)} className="potw-badge potw-badge--none" data-testid="potw-badge">
        <span className="potw-badge__label">PoTW</span>{' '}
        <span className="potw-badge__name">Nobody yet: set up the rotation</span>
      </Link>
    );
  }
  const who = name(shift.userId);
  const until = timezone ? formatInZone(shift.end, timezone) : null;
  const covering = shift.userId !== shift.scheduledUserId ? ` (covering for ${name(shift.scheduledUserId)})` : '';
  return (
    <Link
      to={paths.potw(teamId)}
      className="potw-badge"
      data-testid="potw-badge"
      title={until ? `Person of the Week until ${until}${covering}` : undefined}
      // Starts with the words it shows ("PoTW Jordan Okafor"), so a name spoken from the screen finds it.
      aria-label={`PoTW ${who}: Person of the Week${covering}${until ? `, until ${until}` : ''}. Opens the Person of the Week page.`}
    >
      <Avatar userId={shift.userId} name={who} size="sm" />
      <span className="potw-badge__label">PoTW</span>{' '}
      <span className="potw-badge__name">{who}</span>
    </Link>
  );
}
