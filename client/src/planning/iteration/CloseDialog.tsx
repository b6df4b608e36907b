/**
 * Closing an iteration: finished cards count towards velocity; the PO chooses
 * where the unfinished ones go, the next planned iteration or back to the
 * backlog (to the top of it, as they were ranked high enough to be planned).
 */
import { useState, type FormEvent } from 'react';
import type { Card, Iteration } from '@opsboard/shared';
import { plainMessage } from '../../api/errors';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { newKey } from '../../lib/ids';
import { announce } from '../../ui/announcer';
import { Dialog } from '../../ui/Dialog';
import { planningApi } from '../../api/planning';
import { rangeWords } from '../ui/dates';

interface Props {
  iteration: Iteration;
  unfinished: readonly Card[];
  finishedPoints: number;
  choices: readonly Iteration[];
  onClose(): void;
  onClosed(): void;
}

export function CloseDialog({ iteration, unfinished, finishedPoints, choices, onClose, onClosed }: Props) {
  const [to, setTo] = useState<string>(choices[0]?.id ?? 'backlog');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => newKey('close'));
  const points = unfinished.reduce((s, c) => s + (c.points ?? 0), 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await planningApi.close(iteration.id, { carryOverTo: to === 'backlog' ? null : to }, key);
      const where = to === 'backlog' ? 'the backlog' : (choices.find((c) => c.id === to)?.name ?? 'the next iteration');
      announce(`${iteration.name} closed. ${unfinished.length} unfinished ${unfinished.length === 1 ? 'card went' : 'cards went'} to ${where}.`);
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
              <strong>{unfinished.length}</strong> unfinished {unfinished.length === 1 ? 'card' : 'cards'} ({points} points):
            </p>
            <ul className="close-list">
              {unfinished.map((c) => (
                <li key={c.id}>
                  #{c.number} {c.title} <span className="muted">· {c.points ?? '–'} pts</span>
                </li>
              ))}
            </ul>
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
