import { useState, type FormEvent } from 'react';
import { checklistProgress, type Card, type DodCriterion } from '@opsboard/shared';
import { checklistsApi } from '../api/checklists';
import { plainMessage } from '../api/errors';
import { Icon } from '../ui/Icon';
import { usePendingChecks } from '../ui/use-pending-checks';

interface Props {
  card: Card;
  /** The board's Definition of Done, ticked per card. */
  dod: readonly DodCriterion[];
  editable: boolean;
}

/**
 * The card's checklist (add, tick, rename, reorder, delete) and its board's
 * Definition of Done. Changes go straight to the server; the board's live
 * stream brings the new card back into the panel and the tile.
 */
export function ChecklistSection({ card, dod, editable }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  // A tick shows at once; the card's next version (this change, live) takes over from it.
  const checks = usePendingChecks(card.version);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const t = text.trim();
    if (!t) return;
    void run(async () => {
      await checklistsApi.add(card.id, { text: t });
      setText('');
    });
  };
  const saveEdit = (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const t = editing.text.trim();
    if (!t) return;
    void run(async () => {
      await checklistsApi.update(card.id, editing.id, { text: t });
      setEditing(null);
    });
  };
  const { done, total } = checklistProgress(card.checklist.map((item) => ({ ...item, done: checks.shown(item.id, item.done) })));
  const ticked = new Set(card.dodChecked);
  return (
    <>
      {dod.length > 0 && (
        <section className="card-section" aria-labelledby="dod-heading" data-testid="dod-section">
          <div className="card-section__head">
            <h3 id="dod-heading">Definition of Done</h3>
            <span className="muted">
              {dod.filter((c) => checks.shown(`dod:${c.id}`, ticked.has(c.id))).length}/{dod.length}
            </span>
          </div>
          <ul className="checklist">
            {dod.map((c) => (
              <li key={c.id} className="checklist__item">
                <label>
                  <input
                    type="checkbox"
                    checked={checks.shown(`dod:${c.id}`, ticked.has(c.id))}
                    disabled={!editable || busy}
                    onChange={(e) => {
                      const on = e.target.checked;
                      void run(() => checks.run(`dod:${c.id}`, on, () => checklistsApi.tickDod(card.id, c.id, on)));
                    }}
                  />
                  <span>{c.text}</span>
                </label>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card-section" aria-labelledby="checklist-heading" data-testid="checklist-section">
        <div className="card-section__head">
          <h3 id="checklist-heading">Checklist</h3>
          {total > 0 && (
            <span className="muted" data-testid="checklist-progress">
              {done}/{total}
            </span>
          )}
        </div>
        {total > 0 && (
          <progress className="checklist__bar" max={total} value={done} aria-label={`${done} of ${total} checklist items done`} />
        )}
        {total === 0 && !editable && <p className="muted">No checklist.</p>}
        <ul className="checklist">
          {card.checklist.map((item, i) => (
            <li key={item.id} className={`checklist__item${item.done ? ' checklist__item--done' : ''}`}>
              {editing?.id === item.id ? (
                <form className="checklist__edit" onSubmit={saveEdit}>
                  <input
                    className="input"
                    aria-label="Item text"
                    value={editing.text}
                    maxLength={200}
                    autoFocus
                    onChange={(e) => setEditing({ id: item.id, text: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Escape') {
                        e.preventDefault();
                        setEditing(null);
                      }
                    }}
                  />
                  <button type="submit" className="button button--small" disabled={busy}>
                    Save
                  </button>
                </form>
              ) : (
                <label>
                  <input
                    type="checkbox"
                    checked={checks.shown(item.id, item.done)}
                    disabled={!editable || busy}
                    onChange={(e) => {
                      const done = e.target.checked;
                      void run(() => checks.run(item.id, done, () => checklistsApi.update(card.id, item.id, { done })));
                    }}
                  />
                  <span>{item.text}</span>
                </label>
              )}
              {editable && editing?.id !== item.id && (
                <span className="checklist__actions">
                  <button type="button" className="icon-button" aria-label={`Move '${item.text}' up`} disabled={busy || i === 0} onClick={() => void run(() => checklistsApi.update(card.id, item.id, { position: i - 1 }))}>
                    <Icon name="arrowUp" />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move '${item.text}' down`}
                    disabled={busy || i === total - 1}
                    onClick={() => void run(() => checklistsApi.update(card.id, item.id, { position: i + 1 }))}
                  >
                    <Icon name="arrowDown" />
                  </button>
                  <button type="button" className="icon-button" aria-label={`Edit '${item.text}'`} disabled={busy} onClick={() => setEditing({ id: item.id, text: item.text })}>
                    <Icon name="edit" />
                  </button>
                  <button type="button" className="icon-button" aria-label={`Delete '${item.text}'`} disabled={busy} onClick={() => void run(() => checklistsApi.remove(card.id, item.id))}>
                    <Icon name="trash" />
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
        {editable && (
          <form className="checklist__add" onSubmit={add}>
            <input className="input" aria-label="New checklist item" placeholder="Add an item" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} data-testid="checklist-new" />
            <button type="submit" className="button button--small" disabled={busy || !text.trim()}>
              <Icon name="plus" /> Add
            </button>
          </form>
        )}
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
      </section>
    </>
  );
}
