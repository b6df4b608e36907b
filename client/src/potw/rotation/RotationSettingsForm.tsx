/**
 * The rotation's settings (admins): who takes turns in which order, the weekly hand-off day and time, the time zone,
 * and the acknowledge timeout after which an untriaged critical interrupt escalates (empty: off).
 */
import { useId, useState, type FormEvent } from 'react';
import type { RotationSettings } from '@opsboard/shared';
import { ApiError, plainMessage } from '../../api/errors';
import { newKey } from '../../lib/ids';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toasts';
import { potwApi } from '../../api/potw';
import type { PotwEnv } from '../potw-env';
import { MemberOrder } from './MemberOrder';
import { defaultSettings, parseAckTimeout, settingsChanged } from './rotation-model';
import { handoffSentence, timeZones, WEEKDAYS } from './shift-words';

export function RotationSettingsForm({ env }: { env: PotwEnv }) {
  const saved = env.rotation.info?.settings ?? null;
  const [draft, setDraft] = useState<RotationSettings>(() => saved ?? defaultSettings(env.members, env.team.timezone));
  // Typed as text, so a half-typed or empty value is kept as the person wrote it; the draft holds what it means.
  const [ackText, setAckText] = useState(() => String(draft.ackTimeoutMinutes ?? ''));
  const [errors, setErrors] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const zonesId = useId();
  const changed = settingsChanged(saved, draft);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(draft.handoffTime)) {
      setErrors({ field: 'handoffTime', message: 'Give the hand-off time as HH:MM, e.g. 09:00.' });
      return;
    }
    const ack = parseAckTimeout(ackText);
    if (!ack.ok) {
      setErrors({ field: 'ackTimeoutMinutes', message: ack.message });
      return;
    }
    setBusy(true);
    setErrors(null);
    try {
      const info = await potwApi.setRotation(env.teamId, { ...draft, ackTimeoutMinutes: ack.value }, newKey('rotation'));
      env.rotation.set(info);
      showToast({ tone: 'success', title: 'Rotation saved', message: info.current ? `${env.name(info.current.userId)} is Person of the Week now.` : 'It applies from now on.' });
    } catch (err) {
      const field = err instanceof ApiError ? err.field : null;
      setErrors({ ...(field && { field: field.replace(/\[\d+\]$/, '') }), message: plainMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form rotation-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="rotation-settings-heading" data-testid="rotation-form">
      <h3 id="rotation-settings-heading">Settings</h3>
      {!saved && <p className="note note--info">No rotation yet. This is a starting point: everyone who can triage, by name, hand-off Monday 09:00. Adjust and save.</p>}
      <fieldset className="rotation-form__members">
        <legend>Who takes turns, in order</legend>
        <MemberOrder ids={draft.memberIds} members={env.members} name={env.name} onChange={(memberIds) => setDraft({ ...draft, memberIds })} />
        {errors?.field === 'memberIds' && <p className="field__error">{errors.message}</p>}
      </fieldset>
      <div className="rotation-form__when">
        <Field label="Hand-off day">
          {(p) => (
            <select {...p} value={draft.handoffWeekday} onChange={(e) => setDraft({ ...draft, handoffWeekday: Number(e.target.value) })}>
              {WEEKDAYS.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Hand-off time" error={errors?.field === 'handoffTime' ? errors.message : null}>
          {(p) => <input {...p} type="time" value={draft.handoffTime} onChange={(e) => setDraft({ ...draft, handoffTime: e.target.value })} />}
        </Field>
        <Field label="Time zone" error={errors?.field === 'timezone' ? errors.message : null} hint="Hand-offs follow this zone's clock, daylight saving included.">
          {(p) => <input {...p} list={zonesId} value={draft.timezone} onChange={(e) => setDraft({ ...draft, timezone: e.target.value })} autoComplete="off" spellCheck={false} />}
        </Field>
        <datalist id={zonesId}>
          {timeZones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <Field
        label="Escalate untriaged critical interrupts after (minutes)"
        error={errors?.field === 'ackTimeoutMinutes' ? errors.message : null}
        hint="Nobody triages a critical interrupt in this time: it goes to the next person in the rotation, and after as long again to the team admins. Leave empty to turn escalation off."
      >
        {(p) => (
          <input
            {...p}
            type="text"
            inputMode="numeric"
            className="rotation-form__ack"
            value={ackText}
            onChange={(e) => {
              setAckText(e.target.value);
              const parsed = parseAckTimeout(e.target.value);
              setDraft({ ...draft, ackTimeoutMinutes: parsed.ok ? parsed.value : Number.NaN });
            }}
            autoComplete="off"
          />
        )}
      </Field>
      <p className="muted">
        {handoffSentence(draft)}. Changes apply from now on: whoever is on duty stays on until the next hand-off if they are still in the list.
      </p>
      {errors && !['memberIds', 'handoffTime', 'timezone', 'ackTimeoutMinutes'].includes(errors.field ?? '') && (
        <p className="form__error" role="alert">
          {errors.message}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy || !changed}>
          {busy ? 'Saving…' : saved ? 'Save the rotation' : 'Start the rotation'}
        </button>
        {saved && changed && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(saved);
              setAckText(String(saved.ackTimeoutMinutes ?? ''));
            }}
          >
            Undo changes
          </button>
        )}
      </div>
    </form>
  );
}
