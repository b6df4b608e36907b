/**
 * "Start Iteration N?": what gets committed, and every warning the server
 * would refuse the start on, each needing its own answer: a plan over capacity
 * is confirmed with its figures; dates that lie ahead (or are over) are moved
 * to today or kept on purpose. An optional reason is recorded with the
 * confirmation. If the plan changed meanwhile, the server's figures replace
 * ours and the PO confirms again.
 */
import { useState, type FormEvent } from 'react';
import { shiftedToToday, startChecks, type Iteration, type IterationDetail, type StartChecks } from '@opsboard/shared';
import { ApiError, plainMessage } from '../../api/errors';
import { planningApi } from '../../api/planning';
import { newKey } from '../../lib/ids';
import { announce } from '../../ui/announcer';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toasts';
import { loadView } from '../model/capacity';
import { NO_ANSWERS, refusedChecks, startRequest, withRefused, type StartAnswers } from '../model/start';
import { rangeWords } from '../ui/dates';

interface Props {
  iteration: Iteration;
  detail: IterationDetail;
  today: string;
  onStale(): void;
  onClose(): void;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export function StartDialog({ iteration, detail, today, onStale, onClose }: Props) {
  const [answers, setAnswers] = useState<StartAnswers>(NO_ANSWERS);
  const [refused, setRefused] = useState<StartChecks | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const local = startChecks({ planned: detail.plannedPoints, capacity: detail.capacity.total, startDate: iteration.startDate, endDate: iteration.endDate, today });
  const checks = withRefused(local, refused);
  const request = startRequest(checks, answers);
  const load = loadView(detail.plannedPoints, detail.capacity.total);
  const over = checks.overCapacity;
  const dates = checks.outsideDates;
  const ticked = over !== null && answers.overCapacity?.planned === over.planned && answers.overCapacity.capacity === over.capacity;
  const anyway = request.body.confirm !== undefined || !detail.ssa.ok;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!request.ready) return;
    setBusy(true);
    try {
      const started = await planningApi.start(iteration.id, request.body, newKey('start'));
      const confirmed = request.body.confirm?.overCapacity ? ` Over capacity by ${over?.over ?? 0} points, confirmed.` : '';
      announce(`${iteration.name} started.${confirmed}`);
      showToast({ tone: 'success', title: `${iteration.name} started`, message: `Committed: ${detail.cards.length} cards, ${detail.plannedPoints} points (${rangeWords(started)}).${confirmed}` });
      onClose();
    } catch (err) {
      const open = err instanceof ApiError ? refusedChecks(err.code, err.details) : null;
      if (open) {
        // The plan or the dates changed since the dialog opened: show the figures the server counted.
        setRefused(withRefused(checks, open));
        onStale();
      }
      setError(plainMessage(err));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Start ${iteration.name}?`} onClose={onClose} size="md">
      <form className="form" onSubmit={(e) => void submit(e)} data-testid="start-form">
        <ul className="start-summary">
          <li>
            <strong>{detail.cards.length}</strong> {detail.cards.length === 1 ? 'card' : 'cards'}, <strong>{detail.plannedPoints}</strong> points are committed.
          </li>
          <li className={load.level === 'over' ? 'start-summary__warn' : undefined}>{load.words}.</li>
        </ul>
        {over && (
          <fieldset className="note note--warning start-check" data-testid="start-over-capacity">
            <legend>Over capacity</legend>
            <p>
              {iteration.name} is planned at{' '}
              <strong>
                {over.planned} of {over.capacity} points
              </strong>
              : <strong>{over.over} over</strong> its capacity. Take cards out to fit, or start with them; your confirmation is recorded with the figures.
            </p>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={ticked}
                onChange={(e) => setAnswers({ ...answers, overCapacity: e.target.checked ? { planned: over.planned, capacity: over.capacity } : null })}
              />
              Start {over.over} points over capacity ({over.planned} of {over.capacity})
            </label>
          </fieldset>
        )}
        {dates && (
          <fieldset className="note note--warning start-check" data-testid="start-dates">
            <legend>{dates.position === 'before' ? 'Starts early' : 'Its dates are over'}</legend>
            <p>
              {iteration.name} is planned for {rangeWords(dates)},{' '}
              {dates.position === 'before' ? `which starts in ${days(dates.days)}.` : `which ended ${days(dates.days)} ago.`}
            </p>
            <div className="choice-list">
              <label className="choice-list__item">
                <input type="radio" name="start-dates" checked={answers.dates === 'move'} onChange={() => setAnswers({ ...answers, dates: 'move' })} />
                <span>
                  <span className="choice-list__name">Move the dates to today</span>: {rangeWords(shiftedToToday(dates.startDate, dates.endDate, today))}
                </span>
              </label>
              <label className="choice-list__item">
                <input type="radio" name="start-dates" checked={answers.dates === 'keep'} onChange={() => setAnswers({ ...answers, dates: 'keep' })} />
                <span>
                  <span className="choice-list__name">Keep the dates</span> and start {dates.position === 'before' ? 'early' : 'anyway'}
                </span>
              </label>
            </div>
          </fieldset>
        )}
        {(over || dates) && (
          <label className="field">
            <span className="field__label">
              Why start this way? <span className="muted">(optional, recorded)</span>
            </span>
            <textarea rows={2} maxLength={500} value={answers.reason} onChange={(e) => setAnswers({ ...answers, reason: e.target.value })} />
          </label>
        )}
        {!detail.ssa.ok && (
          <div className="note note--warning" data-testid="start-ssa-warning">
            <p>
              <strong>SS&A has fewer than a pair.</strong> {detail.ssa.message}
            </p>
          </div>
        )}
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" data-autofocus disabled={busy || !request.ready}>
            {anyway ? 'Start anyway' : 'Start now'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Keep planning
          </button>
          {!request.ready && <span className="field__hint">Answer each warning to start.</span>}
        </div>
      </form>
    </Dialog>
  );
}
