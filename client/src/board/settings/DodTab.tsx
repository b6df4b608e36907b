import { useState, type FormEvent } from 'react';
import type { Board } from '@opsboard/shared';
import { checklistsApi } from '../../api/checklists';
import { plainMessage } from '../../api/errors';
import { Icon } from '../../ui/Icon';

type Draft = { id?: string; text: string; key: string };

let keys = 0;
const draftOf = (board: Board): Draft[] => board.definitionOfDone.map((c) => ({ id: c.id, text: c.text, key: c.id }));

/** The board's Definition of Done (keyed on the saved list by its parent, so a save by anyone shows at once): criteria each card ticks before it enters a done column (without them, a move there asks for a reason). */
export function DodTab({ board }: { board: Board }) {
  const [draft, setDraft] = useState<Draft[]>(() => draftOf(board));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const criteria = draft.filter((d) => d.text.trim() !== '').map((d) => ({ ...(d.id && { id: d.id }), text: d.text.trim() }));
      await checklistsApi.setDod(board.id, { criteria });
      setNote('Saved.');
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const set = (key: string, text: string) => setDraft((d) => d.map((x) => (x.key === key ? { ...x, text } : x)));
  return (
    <form className="form" onSubmit={(e) => void save(e)} data-testid="dod-form">
      <p className="settings-intro">
        A card enters a Done column only when every criterion here is ticked on it and its own checklist is finished. A move without them asks for a reason, which is kept on the card and in its history.
      </p>
      {draft.length === 0 && <p className="muted">No Definition of Done yet: cards enter Done freely.</p>}
      <ol className="checklist">
        {draft.map((d, i) => (
          <li key={d.key} className="checklist__item">
            <input className="input" aria-label={`Criterion ${i + 1}`} value={d.text} maxLength={200} onChange={(e) => set(d.key, e.target.value)} style={{ flex: 1 }} />
            <button type="button" className="icon-button" aria-label={`Remove criterion ${i + 1}`} onClick={() => setDraft((all) => all.filter((x) => x.key !== d.key))}>
              <Icon name="trash" />
            </button>
          </li>
        ))}
      </ol>
      <div className="form__actions">
        <button type="button" className="button" onClick={() => setDraft((d) => [...d, { text: '', key: `new-${++keys}` }])} disabled={draft.length >= 30}>
          <Icon name="plus" /> Add criterion
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          Save Definition of Done
        </button>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {note && <p role="status">{note}</p>}
    </form>
  );
}
