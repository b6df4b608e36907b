/** Swap two weeks: each person takes the other's week. */
import { useState, type FormEvent } from 'react';
import type { Shift } from '@opsboard/shared';
import { plainMessage } from '../../api/errors';
import { newKey } from '../../lib/ids';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toasts';
import { potwApi } from '../../api/potw';
import type { PotwEnv } from '../potw-env';
import { formatInZone } from './shift-words';
import { FormActions } from '../../ui/FormActions';

interface Props {
  env: PotwEnv;
  week: Shift;
  weeks: readonly Shift[];
  onClose: () => void;
}

/** An instant well inside a week, so the server finds that week whatever the edges do. */
const middle = (s: Shift) => new Date((Date.parse(s.start) + Date.parse(s.end)) / 2).toISOString();

export function SwapDialog({ env, week, weeks, onClose }: Props) {
  const tz = env.timezone;
  // Swapping with yourself changes nothing, so only other people's weeks are offered.
  const others = weeks.filter((s) => s.start !== week.start && s.scheduledUserId !== week.scheduledUserId);
  const [other, setOther] = useState(others[0]?.start ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = (s: Shift) => `${formatInZone(s.start, tz)}: ${env.name(s.scheduledUserId)}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const b = others.find((s) => s.start === other);
    if (!b) return setError('Pick the week to swap with.');
    setBusy(true);
    setError(null);
    try {
      const info = await potwApi.addOverride(env.teamId, { kind: 'swap', weekA: middle(week), weekB: middle(b), ...(reason.trim() && { reason: reason.trim() }) }, newKey('swap'));
      env.rotation.set(info);
      showToast({ tone: 'success', title: `Swapped: ${env.name(b.scheduledUserId)} takes ${formatInZone(week.start, tz)}, ${env.name(week.scheduledUserId)} takes ${formatInZone(b.start, tz)}` });
      onClose();
    } catch (err) {
      setError(plainMessage(err));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Swap two weeks" description={`${env.name(week.scheduledUserId)}'s week from ${formatInZone(week.start, tz)} trades places with another week.`} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="swap-form">
        <Field label="Swap with the week of" error={error}>
          {(p) => (
            <select {...p} data-autofocus value={other} onChange={(e) => setOther(e.target.value)}>
              {others.map((s) => (
                <option key={s.start} value={s.start}>
                  {label(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Reason (optional)">{(p) => <input {...p} value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Sam has a conference that week" />}</Field>
        <FormActions submit={busy ? 'Swapping…' : 'Swap the weeks'} onCancel={onClose} disabled={busy || others.length === 0} />
      </form>
    </Dialog>
  );
}
