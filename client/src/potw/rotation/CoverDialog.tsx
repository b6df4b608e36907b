/** Cover for someone on leave: a person takes over for a date-time range (in the rotation's time zone). */
import { useState, type FormEvent } from 'react';
import { can, type Shift } from '@opsboard/shared';
import { ApiError, plainMessage } from '../../api/errors';
import { newKey } from '../../lib/ids';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toasts';
import { potwApi } from '../../api/potw';
import type { PotwEnv } from '../potw-env';
import { formatInZone, fromZonedInput, toZonedInput } from './shift-words';
import { FormActions } from '../../ui/FormActions';

interface Props {
  env: PotwEnv;
  /** The week to start from (its range and person prefill the form). */
  shift: Shift | null;
  onClose: () => void;
}

export function CoverDialog({ env, shift, onClose }: Props) {
  const tz = env.timezone;
  const people = env.members.filter((m) => can(m.role, 'write')).sort((a, b) => a.name.localeCompare(b.name));
  const [userId, setUserId] = useState(() => people.find((m) => m.userId !== shift?.userId)?.userId ?? people[0]?.userId ?? '');
  const [start, setStart] = useState(() => (shift ? toZonedInput(shift.start, tz) : ''));
  const [end, setEnd] = useState(() => (shift ? toZonedInput(shift.end, tz) : ''));
  const [reason, setReason] = useState(() => (shift ? `${env.name(shift.userId)} is away` : ''));
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startIso = fromZonedInput(start, tz);
    const endIso = fromZonedInput(end, tz);
    if (!startIso) return setError({ field: 'start', message: 'Pick the day and time the cover starts.' });
    if (!endIso) return setError({ field: 'end', message: 'Pick the day and time the cover ends.' });
    if (Date.parse(endIso) <= Date.parse(startIso)) return setError({ field: 'end', message: 'The cover must end after it starts.' });
    setBusy(true);
    setError(null);
    try {
      const info = await potwApi.addOverride(env.teamId, { kind: 'cover', userId, start: startIso, end: endIso, ...(reason.trim() && { reason: reason.trim() }) }, newKey('cover'));
      env.rotation.set(info);
      showToast({ tone: 'success', title: `${env.name(userId)} covers ${formatInZone(startIso, tz)} – ${formatInZone(endIso, tz)}` });
      onClose();
    } catch (err) {
      setError({ field: err instanceof ApiError ? err.field : null, message: plainMessage(err) });
      setBusy(false);
    }
  };

  const fieldError = (name: string) => (error?.field === name ? error.message : null);
  return (
    <Dialog title="Cover for someone" description={`Someone takes over the Person of the Week for a while. Times are in ${tz}.`} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="cover-form">
        <Field label="Who covers" error={fieldError('userId')}>
          {(p) => (
            <select {...p} data-autofocus value={userId} onChange={(e) => setUserId(e.target.value)}>
              {people.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-row">
          <Field label={`From (${tz})`} error={fieldError('start')}>
            {(p) => <input {...p} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />}
          </Field>
          <Field label={`Until (${tz})`} error={fieldError('end')}>
            {(p) => <input {...p} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />}
          </Field>
        </div>
        <Field label="Reason (optional)" error={fieldError('reason')}>
          {(p) => <input {...p} value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Mia is on holiday" />}
        </Field>
        {error && !['userId', 'start', 'end', 'reason'].includes(error.field ?? '') && (
          <p className="form__error" role="alert">
            {error.message}
          </p>
        )}
        <FormActions submit={busy ? 'Saving…' : 'Add cover'} onCancel={onClose} disabled={busy || !userId} />
      </form>
    </Dialog>
  );
}
