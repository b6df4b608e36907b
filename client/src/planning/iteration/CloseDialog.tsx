/**
 * Closing an iteration: finished cards count towards velocity; the PO chooses
 * where the unfinished ones go, and sees what that does before it happens:
 * the points carried, into which iteration, and its load against its
 * capacity afterwards. Cards can be left out of the carry-over one by one
 * (they go back to the top of the backlog), or all of them.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { carryOverLoad, type Card, type Iteration, type IterationDetail } from '@opsboard/shared';
import { plainMessage } from '../../api/errors';
import { planningApi } from '../../api/planning';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { newKey } from '../../lib/ids';
import { announce } from '../../ui/announcer';
import { Dialog } from '../../ui/Dialog';
import { useFresh } from '../use-fresh';
import { rangeWords } from '../ui/dates';
import { CarryFigures } from './CarryFigures';

interface Props {
  iteration: Iteration;
  unfinished: readonly Card[];
  finishedPoints: number;
  choices: readonly Iteration[];
  onClose(): void;
  onClosed(): void;
}

const cardsWord = (n: number) => `${n} ${n === 1 ? 'card' : 'cards'}`;

export function CloseDialog({ iteration, unfinished, finishedPoints, choices, onClose, onClosed }: Props) {
  const [to, setTo] = useState<string>(choices[0]?.id ?? 'backlog');
  // Cards the PO keeps out of the carry-over: they go back to the backlog.
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = choices.find((c) => c.id === to) ?? null;
  const points = unfinished.reduce((s, c) => s + (c.points ?? 0), 0);
  const carried = useMemo(() => (target ? unfinished.filter((c) => !left.has(c.id)) : []), [target, unfinished, left]);
  const targetDetail = useFresh<IterationDetail | null>(() => (target ? planningApi.iteration(target.id) : Promise.resolve(null)), target?.id ?? 'backlog');
  const figures = target && targetDetail.value ? carryOverLoad(carried, { planned: targetDetail.value.plannedPoints, capacity: targetDetail.value.capacity.total }) : null;

  const toggle = (id: string, carry: boolean) =>
    setLeft((current) => {
      const next = new Set(current);
      if (carry) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const backlogCardIds = target ? unfinished.filter((c) => left.has(c.id)).map((c) => c.id) : [];
    try {
      await planningApi.close(iteration.id, { carryOverTo: target?.id ?? null, ...(backlogCardIds.length > 0 && { backlogCardIds }) }, newKey('close'));
      const parts = [target && carried.length > 0 ? `${cardsWord(carried.length)} to ${target.name}` : null, unfinished.length - carried.length > 0 ? `${cardsWord(unfinished.length - carried.length)} to the backlog` : null];
      announce(`${iteration.name} closed.${unfinished.length > 0 ? ` Carried over: ${parts.filter(Boolean).join(', ')}.` : ''}`);
      onClosed();
    } catch (err) {
      setError(plainMessage(err));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Close ${iteration.name}`} onClose={onClose} size="md" description={`${finishedPoints} points finished count towards velocity.`}>
      <form className="form" onSubmit={(e) => void submit(e)} data-testid="close-form">
        {unfinished.length === 0 ? (
          <p>Every card is done: nothing carries over.</p>
        ) : (
          <>
            <p>
              <strong>{unfinished.length}</strong> unfinished {unfinished.length === 1 ? 'card' : 'cards'} ({points} points).
            </p>
            <fieldset className="choice-list">
              <legend>Where do they go?</legend>
              {choices.map((c) => (
                <label key={c.id} className="choice-list__item">
                  <input type="radio" name="carry" value={c.id} checked={to === c.id} onChange={() => setTo(c.id)} />
                  <span className="choice-list__name">{c.name}</span>
                  <span className="muted">
                    {c.state}, {rangeWords(c)}
                  </span>
                </label>
              ))}
              <label className="choice-list__item">
                <input type="radio" name="carry" value="backlog" checked={to === 'backlog'} onChange={() => setTo('backlog')} />
                <span className="choice-list__name">Back to the backlog</span>
                <span className="muted">to the top of their board's backlog</span>
              </label>
            </fieldset>
            {choices.length === 0 && (
              <p className="field__hint">
                No iteration is planned after this one. <Link to={paths.iterations(iteration.teamId)}>Plan the next one first</Link> to carry the cards straight into it.
              </p>
            )}
            {target ? (
              <fieldset className="choice-list carry-pick" data-testid="carry-pick">
                <legend>Carry into {target.name} (unticked cards go back to the backlog)</legend>
                {unfinished.map((c) => (
                  <label key={c.id} className="choice-list__item">
                    <input type="checkbox" checked={!left.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                    <span>
                      #{c.number} {c.title} <span className="muted">· {c.points ?? '–'} pts</span>
                    </span>
                  </label>
                ))}
              </fieldset>
            ) : (
              <ul className="close-list">
                {unfinished.map((c) => (
                  <li key={c.id}>
                    #{c.number} {c.title} <span className="muted">· {c.points ?? '–'} pts</span>
                  </li>
                ))}
              </ul>
            )}
            {target && (
              <CarryFigures
                target={target}
                figures={figures}
                loading={targetDetail.value === null && targetDetail.error === null}
                error={targetDetail.error}
                onAllToBacklog={() => setTo('backlog')}
              />
            )}
          </>
        )}
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy} data-autofocus>
            Close {iteration.name}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
