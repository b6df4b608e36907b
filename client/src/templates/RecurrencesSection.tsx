import { useState, type FormEvent } from 'react';
import type { Board } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { recurrencesApi } from '../api/templates';
import { formatDateTime } from '../lib/time';
import { useFresh } from '../planning/use-fresh';
import { Icon } from '../ui/Icon';

/** Recurring cards (chores on a cron schedule in the team's time zone): list, add, stop. */
export function RecurrencesSection({ teamId, boards, mayEdit, revision }: { teamId: string; boards: readonly Board[]; mayEdit: boolean; revision: number }) {
  const list = useFresh(() => recurrencesApi.list(teamId), `${teamId}:${revision}`);
  const [title, setTitle] = useState('');
  const [schedule, setSchedule] = useState('0 9 * * 1');
  const [boardId, setBoardId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const live = boards.filter((b) => !b.archivedAt);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await recurrencesApi.create(teamId, { boardId: boardId || live[0]!.id, title: title.trim(), schedule: schedule.trim() });
      setTitle('');
      list.refresh();
    } catch (err) {
      setError(plainMessage(err));
    }
  };
  return (
    <section className="card-section" aria-labelledby="recurring-heading" data-testid="recurring-section">
      <h2 id="recurring-heading">Recurring cards</h2>
      <p className="muted">Chores that come back (certificate renewals, restore tests, patch days): a card is added on a cron schedule, in the team's time zone.</p>
      <ul className="plain-list">
        {(list.value ?? []).map((r) => (
          <li key={r.id} className="plain-list__row">
            <span>
              <strong>{r.title}</strong> · <code>{r.schedule}</code> · {boards.find((b) => b.id === r.boardId)?.name ?? 'a board'} · next {r.nextAt ? formatDateTime(r.nextAt) : 'never'}
            </span>
            {mayEdit && (
              <button
                type="button"
                className="icon-button"
                aria-label={`Stop ${r.title}`}
                onClick={() =>
                  void recurrencesApi.remove(r.id).then(
                    () => list.refresh(),
                    (err: unknown) => setError(plainMessage(err)),
                  )
                }
              >
                <Icon name="trash" />
              </button>
            )}
          </li>
        ))}
      </ul>
      {list.value?.length === 0 && <p className="muted">None yet.</p>}
      {mayEdit && live.length > 0 && (
        <form className="form" onSubmit={(e) => void add(e)} data-testid="recurring-form">
          <label className="field">
            <span className="field__label">Title</span>
            <input className="input" value={title} maxLength={300} required onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">Schedule (minute hour day month weekday, e.g. 0 9 1 * * = the 1st at 09:00)</span>
            <input className="input" value={schedule} maxLength={100} required onChange={(e) => setSchedule(e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">Board</span>
            <select className="input" value={boardId || live[0]!.id} onChange={(e) => setBoardId(e.target.value)}>
              {live.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={!title.trim()}>
              <Icon name="plus" /> Add recurring card
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
