/** Plan a new iteration: name, goal, dates (two weeks after the last one unless changed) and points per person. */
import { useState, type FormEvent } from 'react';
import type { Iteration } from '@opsboard/shared';
import { ApiError, plainMessage } from '../../api/errors';
import { newKey } from '../../lib/ids';
import { announce } from '../../ui/announcer';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { planningApi } from '../../api/planning';
import { lengthWords, nextIterationDraft, twoWeeksFrom, type IterationDraft } from '../model/defaults';
import { FormActions } from '../../ui/FormActions';

interface Props {
  teamId: string;
  iterations: readonly Iteration[];
  today: string;
  onClose(): void;
  onCreated(iteration: Iteration): void;
}

type FieldName = keyof IterationDraft;
const FIELDS: readonly string[] = ['name', 'goal', 'startDate', 'endDate', 'pointsPerPerson'] satisfies FieldName[];

function isDraftField(value: string | null): value is FieldName {
  return value !== null && FIELDS.includes(value);
}

export function NewIterationDialog({ teamId, iterations, today, onClose, onCreated }: Props) {
  const [draft, setDraft] = useState<IterationDraft>(() => nextIterationDraft(iterations, today));
  const [endTouched, setEndTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => newKey('iteration'));
  const set = <K extends FieldName>(k: K, v: IterationDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.endDate < draft.startDate) {
      setErrors({ endDate: 'The iteration must not end before it starts.' });
      return;
    }
    setBusy(true);
    try {
      const created = await planningApi.createIteration(
        teamId,
        { name: draft.name.trim() || undefined, goal: draft.goal.trim(), startDate: draft.startDate, endDate: draft.endDate, pointsPerPerson: draft.pointsPerPerson },
        key,
      );
      announce(`${created.name} planned.`);
      onCreated(created);
    } catch (err) {
      // An overlap (409) is about the dates; a 400 names its field.
      const field = err instanceof ApiError ? (err.code === 'conflict' ? 'startDate' : err.field) : null;
      const message = plainMessage(err);
      setErrors(isDraftField(field) ? { [field]: message } : { form: message });
      setBusy(false);
    }
  };

  return (
    <Dialog title="Plan a new iteration" onClose={onClose} size="sm" description="Two weeks by default; any length works.">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="new-iteration-form">
        <Field label="Name" error={errors.name}>
          {(p) => <input {...p} value={draft.name} maxLength={80} onChange={(e) => set('name', e.target.value)} data-autofocus />}
        </Field>
        <Field label="Goal" hint="What the team wants to have achieved at the end." error={errors.goal}>
          {(p) => <textarea {...p} rows={2} maxLength={1000} value={draft.goal} onChange={(e) => set('goal', e.target.value)} />}
        </Field>
        <div className="form__row">
          <Field label="Starts" error={errors.startDate}>
            {(p) => (
              <input
                {...p}
                type="date"
                required
                value={draft.startDate}
                onChange={(e) => {
                  const start = e.target.value;
                  setDraft((d) => ({ ...d, startDate: start, endDate: endTouched || !start ? d.endDate : twoWeeksFrom(start) }));
                }}
              />
            )}
          </Field>
          <Field label="Ends" error={errors.endDate}>
            {(p) => (
              <input
                {...p}
                type="date"
                required
                value={draft.endDate}
                onChange={(e) => {
                  setEndTouched(true);
                  set('endDate', e.target.value);
                }}
              />
            )}
          </Field>
        </div>
        <p className="field__hint">{draft.startDate && draft.endDate ? lengthWords(draft.startDate, draft.endDate) : ''}</p>
        <Field label="Points per person" hint="What one person delivers in the whole iteration; absence and PoTW days are taken off." error={errors.pointsPerPerson}>
          {(p) => <input {...p} className="input--short" type="number" min={0} max={200} step={0.5} value={draft.pointsPerPerson} onChange={(e) => set('pointsPerPerson', Number(e.target.value))} />}
        </Field>
        <FormActions submit="Plan iteration" onCancel={onClose} disabled={busy} error={errors.form} />
      </form>
    </Dialog>
  );
}
