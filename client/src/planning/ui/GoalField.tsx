/** The iteration's goal: read as a sentence, edited in place by the PO (saved on "Save", cancelled with Escape). */
import { useState } from 'react';
import { plainMessage } from '../../api/errors';
import '../../styles/plan-widgets.css';

interface Props {
  goal: string;
  editable: boolean;
  onSave(goal: string): Promise<void>;
}

export function GoalField({ goal, editable, onSave }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (draft === null) {
    return (
      <div className="goal">
        <span className="goal__label">Goal</span>
        {goal ? <p className="goal__text">{goal}</p> : <p className="goal__text goal__text--empty">No goal yet.</p>}
        {editable && (
          <button type="button" className="button button--small button--quiet" onClick={() => setDraft(goal)} aria-label={goal ? 'Edit the goal' : 'Set a goal'}>
            {goal ? 'Edit' : 'Set a goal'}
          </button>
        )}
      </div>
    );
  }
  const save = async () => {
    setSaving(true);
    try {
      await onSave(draft.trim());
      setDraft(null);
      setError(null);
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="goal goal--editing"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="goal__label" htmlFor="iteration-goal">
        Goal
      </label>
      <textarea
        id="iteration-goal"
        rows={2}
        maxLength={1000}
        value={draft}
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            setDraft(null);
          }
        }}
      />
      {error && <p className="field__error">{error}</p>}
      <div className="form__actions">
        <button type="submit" className="button button--small button--primary" disabled={saving}>
          Save goal
        </button>
        <button type="button" className="button button--small" onClick={() => setDraft(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
