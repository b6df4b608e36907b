/**
 * A new board for the team (admin, po): a name and a kind. The server gives
 * it the standard columns and WIP limits of its kind; the board opens with
 * its settings, to shape them straight away.
 */
import { useState, type FormEvent } from 'react';
import { BOARD_KINDS, type Board, type BoardKind } from '@opsboard/shared';
import { ApiError, plainMessage } from '../api/errors';
import { boardsApi } from '../api/boards';
import { AttemptKeys } from '../lib/attempt-keys';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { BOARD_KIND_INFO } from './board-kinds';
import { FormActions } from '../ui/FormActions';

export function NewBoardDialog({ teamId, onClose, onCreated }: { teamId: string; onClose: () => void; onCreated: (board: Board) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<BoardKind>('planned');
  const [errors, setErrors] = useState<{ name?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [keys] = useState(() => new AttemptKeys('board'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (trimmed === '') {
      setErrors({ name: 'Give the board a name.' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const body = { name: trimmed, kind };
      onCreated(await keys.run(body, (key) => boardsApi.create(teamId, body, key)));
    } catch (err) {
      setBusy(false);
      setErrors(err instanceof ApiError && err.field === 'name' ? { name: plainMessage(err) } : { form: plainMessage(err) });
    }
  };

  return (
    <Dialog title="New board" onClose={onClose} description="It starts with the usual columns and WIP limits for its kind. Its settings open next, to change them.">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="new-board-form">
        <Field label="Board name" error={errors.name}>
          {(p) => <input {...p} value={name} maxLength={80} autoComplete="off" onChange={(e) => setName(e.target.value)} placeholder="e.g. Database migrations" data-autofocus />}
        </Field>
        <fieldset className="kind-choice">
          <legend>Kind of work</legend>
          {BOARD_KINDS.map((k) => (
            <label key={k} className={`kind-choice__option kind-choice__option--${k}`}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span className="kind-choice__name">{BOARD_KIND_INFO[k].title}</span>
              <span className="kind-choice__hint">{BOARD_KIND_INFO[k].blurb}</span>
            </label>
          ))}
        </fieldset>
        <FormActions submit={busy ? 'Creating…' : 'Create board'} onCancel={onClose} disabled={busy} error={errors.form} />
      </form>
    </Dialog>
  );
}
