/**
 * The board itself: its name and the per-person WIP limit (off by default;
 * the method suggests 2), saved in one request; and archiving the board,
 * after a confirmation.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { WIP_POLICIES, type Board } from '@opsboard/shared';
import { ApiError, plainMessage } from '../../api/errors';
import { boardsApi } from '../../api/boards';
import { AttemptKeys } from '../../lib/attempt-keys';
import { includes } from '../../lib/guards';
import { announce } from '../../ui/announcer';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { boardChanges, boardDraft, BOARD_FIELDS, errorsFrom, isEmpty, NAME_MAX, POLICY_INFO, SUGGESTED_PERSON_LIMIT, type BoardDraft, type BoardField, type Errors } from './settings-model';
import { useReportUnsaved } from './unsaved';

export function GeneralTab({ board, onArchived }: { board: Board; onArchived: (board: Board) => void }) {
  return (
    <div className="settings-general">
      <BoardForm board={board} />
      <ArchiveBoard board={board} onArchived={onArchived} />
    </div>
  );
}

function BoardForm({ board }: { board: Board }) {
  const [draft, setDraft] = useState<BoardDraft>(() => boardDraft(board));
  const [base, setBase] = useState(board);
  const [errors, setErrors] = useState<Errors<BoardField>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [keys] = useState(() => new AttemptKeys('board'));

  if (base !== board) {
    if (JSON.stringify(draft) === JSON.stringify(boardDraft(base))) setDraft(boardDraft(board));
    setBase(board);
  }
  const checked = boardChanges(board, draft);
  const dirty = !checked.ok || !isEmpty(checked.body);
  useReportUnsaved('board', 'the board', dirty);
  const set = <K extends keyof BoardDraft>(key: K, value: BoardDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    if (isEmpty(checked.body)) return;
    const body = checked.body;
    setBusy(true);
    setErrors({});
    try {
      await keys.run(['update', board.id, body], (key) => boardsApi.update(board.id, body, key));
      setSaved(true);
      announce('Board settings saved.');
    } catch (err) {
      setErrors(errorsFrom(err instanceof ApiError ? err.field : null, plainMessage(err), BOARD_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form settings-board" aria-label="Board" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Board name" error={errors.name}>
        {(p) => <input {...p} value={draft.name} maxLength={NAME_MAX.board} autoComplete="off" onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <fieldset className="settings-person">
        <legend>Per-person WIP limit</legend>
        <label className="checkbox">
          <input type="checkbox" checked={draft.personLimitOn} onChange={(e) => set('personLimitOn', e.target.checked)} />
          Limit the cards one person holds in progress
        </label>
        {draft.personLimitOn ? (
          <div className="form-row">
            <Field
              label="Cards per person"
              error={errors.personWipLimit}
              hint={`Counts each person's cards in "In progress" columns on all the team's boards; this board's limit applies to cards entering it. The method suggests ${SUGGESTED_PERSON_LIMIT}: a pair's focus.`}
            >
              {(p) => <input {...p} className="input--short" inputMode="numeric" pattern="[0-9]*" autoComplete="off" value={draft.personWipLimit} onChange={(e) => set('personWipLimit', e.target.value)} />}
            </Field>
            <Field label="When someone would go over it" error={errors.personWipPolicy} hint={POLICY_INFO[draft.personWipPolicy].hint}>
              {(p) => (
                <select {...p} value={draft.personWipPolicy} onChange={(e) => includes(WIP_POLICIES, e.target.value) && set('personWipPolicy', e.target.value)}>
                  {WIP_POLICIES.map((w) => (
                    <option key={w} value={w}>
                      {POLICY_INFO[w].label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        ) : (
          <p className="field__hint">Off: nobody is limited. The method suggests {SUGGESTED_PERSON_LIMIT} cards in progress per person.</p>
        )}
      </fieldset>
      {errors.form && (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={!dirty || busy}>
          {busy ? 'Saving…' : 'Save board settings'}
        </button>
        {dirty && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(boardDraft(board));
              setErrors({});
            }}
          >
            Undo changes
          </button>
        )}
        {saved && !dirty && (
          <span className="settings-item__saved" role="status">
            <Icon name="check" /> Saved
          </span>
        )}
      </div>
    </form>
  );
}

function ArchiveBoard({ board, onArchived }: { board: Board; onArchived: (board: Board) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [keys] = useState(() => new AttemptKeys('archive-board'));
  const openRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // Asking moves focus to the least destructive choice; cancelling brings it back to the button that asked.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (asked.current) openRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const archive = async () => {
    setBusy(true);
    setError(null);
    try {
      const archived = await keys.run(['archive', board.id], (key) => boardsApi.archive(board.id, key));
      onArchived(archived);
    } catch (err) {
      setError(plainMessage(err));
      setBusy(false);
    }
  };

  return (
    <section className="settings-danger" aria-labelledby="archive-board-heading">
      <h3 id="archive-board-heading">Archive this board</h3>
      <p>It leaves the team's board list and becomes read only. Cards and history stay; restore it any time from the team page.</p>
      {confirming ? (
        <div className="settings-danger__confirm" role="group" aria-label="Confirm archiving">
          <p>
            <strong>Archive '{board.name}'?</strong> Everyone on it sees that it was archived.
          </p>
          <div className="form__actions">
            <button type="button" className="button button--danger" aria-disabled={busy} onClick={() => !busy && void archive()}>
              {busy ? 'Archiving…' : 'Archive board'}
            </button>
            <button
              type="button"
              className="button"
              ref={cancelRef}
              onClick={() => {
                setConfirming(false);
                setError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" ref={openRef} className="button" onClick={() => setConfirming(true)}>
          <Icon name="archive" /> Archive board…
        </button>
      )}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
