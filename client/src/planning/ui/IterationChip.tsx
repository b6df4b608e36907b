/**
 * The running iteration in a board header: its name and days left, or, past
 * its end date, "overdue" in warning colours with a link that opens its close
 * dialog (for the PO; others get the iteration's page, which says who closes it).
 */
import { can, type Iteration } from '@opsboard/shared';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { formatDate } from '../../lib/time';
import type { TeamState } from '../../team/team-state';
import { activeIteration, CLOSE_QUERY, teamToday, timing } from '../model/timing';
import '../../styles/iteration-chip.css';

interface Props {
  team: TeamState | null;
  userId: string;
  /** The time (ms) the board last refreshed its sense of "today". */
  now: number;
}

export function IterationChip({ team, userId, now }: Props) {
  const running: Iteration | null = team ? activeIteration(team.iterations.values()) : null;
  if (!team || !running) return null;
  const t = timing(running, teamToday(team.team.timezone, new Date(now)));
  const canPlan = can(team.members.get(userId)?.role ?? null, 'plan');
  const to = t.overdue > 0 && canPlan ? `${paths.iteration(running.id)}${CLOSE_QUERY}` : paths.iteration(running.id);
  return (
    <Link
      to={to}
      className={`iteration-chip iteration-chip--${t.tone}`}
      data-testid="iteration-chip"
      data-overdue={t.overdue > 0 || undefined}
      title={t.overdue > 0 ? `${running.name} ended on ${formatDate(running.endDate)} and is still running${canPlan ? ': close it' : ''}` : `${running.name}: ${running.goal || 'no goal written'}`}
    >
      <span className="iteration-chip__name">{running.name}</span>
      {t.words && <span className="iteration-chip__when">· {t.words}</span>}
      {t.overdue > 0 && canPlan && <span className="iteration-chip__action">· close it</span>}
    </Link>
  );
}
