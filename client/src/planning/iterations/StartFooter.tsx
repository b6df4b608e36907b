/**
 * Starting the iteration: the PO confirms what gets snapshotted as the
 * commitment (StartDialog). Only one iteration runs at a time, so a running
 * one is named with a way to close it first (at once when it is overdue).
 */
import { useState } from 'react';
import { daysOverdue, type Iteration, type IterationDetail } from '@opsboard/shared';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { formatDateTime } from '../../lib/time';
import type { TeamState } from '../../team/team-state';
import { Icon } from '../../ui/Icon';
import { CLOSE_QUERY } from '../model/timing';
import { StartDialog } from './StartDialog';

interface Props {
  team: TeamState;
  iteration: Iteration;
  detail: IterationDetail;
  canPlan: boolean;
  today: string;
  /** Fetches the iteration's figures again (the server refused a start on figures that changed). */
  onStale(): void;
}

export function StartFooter({ team, iteration, detail, canPlan, today, onStale }: Props) {
  const [confirming, setConfirming] = useState(false);
  const running = [...team.iterations.values()].find((i) => i.state === 'active' && i.id !== iteration.id) ?? null;

  if (iteration.state === 'active') {
    return (
      <div className="plan-panel__foot">
        <p className="muted">Started {iteration.startedAt ? formatDateTime(iteration.startedAt) : ''}. Cards pulled in now count as scope added after the start.</p>
        <Link to={paths.iteration(iteration.id)} className="button button--small">
          Burndown and closing <Icon name="arrowRight" />
        </Link>
      </div>
    );
  }
  if (iteration.state !== 'planned' || !canPlan) return null;
  const overdue = running ? daysOverdue(running, today) : 0;
  return (
    <div className="plan-panel__foot">
      {running ? (
        <p className={`note ${overdue > 0 ? 'note--warning' : 'note--info'} plan-panel__blocked-start`}>
          <Link to={`${paths.iteration(running.id)}${CLOSE_QUERY}`}>{running.name}</Link> is still running
          {overdue > 0 ? `, ${overdue} ${overdue === 1 ? 'day' : 'days'} past its end date` : ''}. Close it before starting {iteration.name}.
        </p>
      ) : (
        <p className="muted">Starting snapshots the commitment: these cards and their points.</p>
      )}
      <button type="button" className="button button--primary" disabled={running !== null} onClick={() => setConfirming(true)} data-testid="start-iteration">
        Start {iteration.name}
      </button>
      {confirming && <StartDialog iteration={iteration} detail={detail} today={today} onStale={onStale} onClose={() => setConfirming(false)} />}
    </div>
  );
}
