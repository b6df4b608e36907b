/** "Raise an interrupt": what, who asks, how urgent. Any member; the card lands in the PoTW's inbox. */
import { useState, type FormEvent } from 'react';
import { SEVERITIES, type Card, type Severity } from '@opsboard/shared';
import { ApiError, plainMessage } from '../api/errors';
import { announce } from '../ui/announcer';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { showToast } from '../ui/toasts';
import { newKey } from '../lib/ids';
import { potwApi } from '../api/potw';
import { SEVERITY_LABEL } from './interrupt-words';
import '../styles/potw-forms.css';
import { FormActions } from '../ui/FormActions';

const URGENCY: Record<Severity, string> = {
  critical: 'Down or on fire now; people cannot work',
  high: 'Hurting someone today',
  medium: 'Needed this week',
  low: 'Whenever there is time',
};

interface Props {
  teamId: string;
  /** Who will get it, to say so; null while nobody is Person of the Week. */
  potw: { name: string; self: boolean } | null;
  onClose: () => void;
  /** Told about the new interrupt (a guest's page shows it in their requests at once). */
  onRaised?: (card: Card) => void;
}

export function RaiseInterruptDialog({ teamId, potw, onClose, onRaised }: Props) {
  const [title, setTitle] = useState('');
  const [requester, setRequester] = useState('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ title?: string; requester?: string; description?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  // One key per attempt: a retry after a lost answer raises one interrupt; a refused one gets a fresh key.
  const [key, setKey] = useState(() => newKey('raise'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setErrors({ title: 'Say in a few words what is needed or what is wrong.' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const { card } = await potwApi.raise(
        teamId,
        { title: title.trim(), severity, ...(requester.trim() && { requester: requester.trim() }), ...(description.trim() && { description: description.trim() }) },
        key,
      );
      const where = potw === null ? 'It is in the interrupts inbox.' : potw.self ? 'It is in your inbox.' : `It is in ${potw.name}'s inbox (Person of the Week).`;
      showToast({ tone: 'success', title: `Raised #${card.number}`, message: where });
      announce(`Interrupt #${card.number} raised. ${where}`);
      onRaised?.(card);
      onClose();
    } catch (err) {
      if (err instanceof ApiError) setKey(newKey('raise'));
      const field = err instanceof ApiError ? err.field : null;
      if (field === 'title' || field === 'requester' || field === 'description') setErrors({ [field]: plainMessage(err) });
      else setErrors({ form: plainMessage(err) });
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Raise an interrupt"
      onClose={onClose}
      description={
        potw === null
          ? 'It lands in the interrupts inbox for the Person of the Week.'
          : potw.self
            ? 'It lands in your inbox: you are Person of the Week.'
            : `It goes to ${potw.name}, the Person of the Week, who triages everything that lands on the team.`
      }
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="raise-form">
        <Field label="What is it?" error={errors.title ?? null}>
          {(p) => <input {...p} data-autofocus value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. VPN drops every few minutes in the Berlin office" />}
        </Field>
        <Field label="Who asks?" error={errors.requester ?? null} hint="A person or team. Leave empty if it is you.">
          {(p) => <input {...p} value={requester} maxLength={120} onChange={(e) => setRequester(e.target.value)} placeholder="e.g. Dana from Finance" />}
        </Field>
        <fieldset className="urgency">
          <legend>How urgent?</legend>
          {SEVERITIES.map((s) => (
            <label key={s} className={`urgency__option urgency__option--${s}`}>
              <input type="radio" name="severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} />
              <span className="urgency__name">{SEVERITY_LABEL[s]}</span>
              <span className="urgency__hint">{URGENCY[s]}</span>
            </label>
          ))}
        </fieldset>
        <Field label="Details (optional)" error={errors.description ?? null} hint="Markdown works: links, lists, code.">
          {(p) => <textarea {...p} rows={3} value={description} maxLength={20_000} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <FormActions submit={busy ? 'Raising…' : 'Raise interrupt'} onCancel={onClose} disabled={busy} error={errors.form} />
      </form>
    </Dialog>
  );
}
