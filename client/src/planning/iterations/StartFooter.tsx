/**
 * Starting the iteration: the PO confirms what gets snapshotted as the
 * commitment, and is told plainly when SS&A has fewer than a pair or the plan
 * is over capacity. Only one iteration runs at a time, so a running one is
 * named with a link to close it first.
 */
import { useState } from 'react';
import type { Iteration, IterationDetail } from '@opsboard/shared';
import { plainMessage } from '../../api/errors';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { formatDateTime } from '../../lib/time';
import type { TeamState } from '../../team/team-state';
import { announce } from '../../ui/announcer';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { showToast } from '../../ui/toasts';
import { newKey } from '../../lib/ids';
import { planningApi } from '../../api/planning';
import { loadView } from '../model/capacity';

interface Props {
  team: TeamState;
  iteration: Iteration;
  detail: IterationDetail;
  canPlan: boolean;
}

export function StartFooter({ team, iteration, detail, canPlan }: Props) {
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
  return (
    <div className="plan-panel__foot">
      {running ? (
        <p className="note note--info plan-panel__blocked-start">
          <Link to={paths.iteration(running.id)}>{running.name}</Link> is still running. Close it before starting {iteration.name}.
        </p>
      ) : (
        <p className="muted">Starting snapshots the commitment: these cards and their points.</p>
      )}
      <button type="button" className="button button--primary" disabled={running !== null} onClick={() => setConfirming(true)} data-testid="start-iteration">
        Start {iteration.name}
      </button>
      {confirming && <StartDialog iteration={iteration} detail={detail} onClose={() => setConfirming(false)} />}
    </div>
  );
}

function StartDialog({ iteration, detail, onClose }: { iteration: Iteration; detail: IterationDetail; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = loadView(detail.plannedPoints, detail.capacity.total);
  const start = async () => {
    setBusy(true);
    try {
      await planningApi.start(iteration.id, newKey('start'));
      announce(`${iteration.name} started.`);
      showToast({ tone: 'success', title: `${iteration.name} started`, message: `Committed: ${detail.cards.length} cards, ${detail.plannedPoints} points.` });
      onClose();
    } catch (err) {
      setError(plainMessage(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Start ${iteration.name}?`} onClose={onClose} size="sm">
      <div className="form">
        <ul className="start-summary">
          <li>
            <strong>{detail.cards.length}</strong> {detail.cards.length === 1 ? 'card' : 'cards'}, <strong>{detail.plannedPoints}</strong> points are committed.
          </li>
          <li className={load.level === 'over' ? 'start-summary__warn' : undefined}>{load.words}.</li>
        </ul>
        {!detail.ssa.ok && (
          <div className="note note--warning" data-testid="start-ssa-warning">
            <p>
              <strong>SS&A has fewer than a pair.</strong> {detail.ssa.message}
            </p>
          </div>
        )}
        {error && <p className="form__error">{error}</p>}
        <div className="form__actions">
          <button type="button" className="button button--primary" data-autofocus disabled={busy} onClick={() => void start()}>
            {detail.ssa.ok ? 'Start now' : 'Start anyway'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Keep planning
          </button>
        </div>
      </div>
    </Dialog>
  );
}
