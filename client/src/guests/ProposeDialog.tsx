/** "Propose a story": into the planned-work or the SS&A backlog, where it lands at the bottom for the product owner to rank. */
import { useState, type FormEvent } from 'react';
import { PROPOSAL_BOARD_KINDS, type MyRequest } from '@opsboard/shared';
import { ApiError, plainMessage } from '../api/errors';
import { requestsApi } from '../api/requests';
import { newKey } from '../lib/ids';
import { BOARD_KIND_INFO } from '../teams/board-kinds';
import { announce } from '../ui/announcer';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { showToast } from '../ui/toasts';
import '../styles/potw-forms.css';

type Kind = (typeof PROPOSAL_BOARD_KINDS)[number];

const WHY: Record<Kind, string> = {
  planned: 'A feature or change you need from the team, planned into an iteration.',
  selfservice: 'Something that would let you (and others) help yourselves next time, instead of asking.',
};

export function ProposeDialog({ teamId, onClose, onProposed }: { teamId: string; onClose: () => void; onProposed: (item: MyRequest) => void }) {
  const [boardKind, setBoardKind] = useState<Kind>('planned');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ title?: string; description?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  // One key per attempt: a retry after a lost answer proposes once; a refused attempt gets a fresh key.
  const [key, setKey] = useState(() => newKey('propose'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setErrors({ title: 'Say in a few words what you would like the team to build.' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const item = await requestsApi.propose(teamId, { boardKind, title: title.trim(), ...(description.trim() && { description: description.trim() }) }, key);
      const where = `It is at the bottom of the ${BOARD_KIND_INFO[boardKind].title} backlog; the product owner ranks it.`;
      showToast({ tone: 'success', title: `Proposed #${item.card.number}`, message: where });
      announce(`Story #${item.card.number} proposed. ${where}`);
      onProposed(item);
      onClose();
    } catch (err) {
      if (err instanceof ApiError) setKey(newKey('propose'));
      const field = err instanceof ApiError ? err.field : null;
      if (field === 'title' || field === 'description') setErrors({ [field]: plainMessage(err) });
      else setErrors({ form: plainMessage(err) });
      setBusy(false);
    }
  };

  return (
    <Dialog title="Propose a story" onClose={onClose} description="Stories can be proposed by anyone the team works with. The product owner ranks the backlog and plans it into an iteration.">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="propose-form">
        <fieldset className="choice-cards">
          <legend>Which backlog?</legend>
          {PROPOSAL_BOARD_KINDS.map((kind) => (
            <label key={kind} className="choice-card">
              <input type="radio" name="boardKind" value={kind} checked={boardKind === kind} onChange={() => setBoardKind(kind)} />
              <span className="choice-card__name">{BOARD_KIND_INFO[kind].title}</span>
              <span className="choice-card__hint">{WHY[kind]}</span>
            </label>
          ))}
        </fieldset>
        <Field label="What would you like?" error={errors.title ?? null}>
          {(p) => <input {...p} data-autofocus value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Export invoices as CSV every night" />}
        </Field>
        <Field label="Details (optional)" error={errors.description ?? null} hint="Why it matters and how you would know it is done. Markdown works.">
          {(p) => <textarea {...p} rows={4} value={description} maxLength={20_000} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <FormActions submit={busy ? 'Proposing…' : 'Propose story'} onCancel={onClose} disabled={busy} error={errors.form} />
      </form>
    </Dialog>
  );
}
