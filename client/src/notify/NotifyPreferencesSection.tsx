import { useState, type FormEvent } from 'react';
import { NOTIFY_CHANNELS, NOTIFY_KINDS, NOTIFY_KIND_LABELS, type NotifyChannel, type NotifyKind, type NotifyPreferencesBody } from '@opsboard/shared';
import { notifyApi } from '../api/notify';
import { plainMessage } from '../api/errors';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { Field } from '../ui/Field';
import { showToast } from '../ui/toasts';
import { useAsync } from '../ui/use-async';
import { ScrollRegion } from '../ui/ScrollRegion';

const CHANNEL_LABELS: Record<NotifyChannel, string> = { inApp: 'In the app', email: 'E-mail', chat: 'Team chat' };

/** Account section: which notices go where, quiet hours and the daily digest. */
export function NotifyPreferencesSection() {
  const loaded = useAsync(() => notifyApi.preferences(), []);
  return (
    <section className="section" aria-labelledby="notify-heading">
      <h2 id="notify-heading">Notifications</h2>
      {loaded.status === 'loading' && <Spinner label="Loading notification preferences" />}
      {loaded.status === 'error' && <ErrorNote message={loaded.message} onRetry={loaded.reload} />}
      {loaded.status === 'ready' && <PreferencesForm initial={loaded.value.preferences} emailEnabled={loaded.value.emailEnabled} />}
    </section>
  );
}

function PreferencesForm({ initial, emailEnabled }: { initial: NotifyPreferencesBody; emailEnabled: boolean }) {
  const [draft, setDraft] = useState<NotifyPreferencesBody>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const toggle = (kind: NotifyKind, channel: NotifyChannel, on: boolean) =>
    setDraft((d) => {
      const now = d.routes[kind].filter((c) => c !== channel);
      return { ...d, routes: { ...d.routes, [kind]: on ? NOTIFY_CHANNELS.filter((c) => c === channel || now.includes(c)) : now } };
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const saved = await notifyApi.savePreferences(draft);
      setDraft(saved.preferences);
      showToast({ tone: 'success', title: 'Notification preferences saved.' });
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} aria-label="Notification preferences">
      {!emailEnabled && <p className="muted">This server has no SMTP configured: e-mail choices are kept but nothing is sent.</p>}
      <ScrollRegion label="Where notices go">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Notice</th>
              {NOTIFY_CHANNELS.map((c) => (
                <th scope="col" key={c}>
                  {CHANNEL_LABELS[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {NOTIFY_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{NOTIFY_KIND_LABELS[kind]}</th>
                {NOTIFY_CHANNELS.map((c) => (
                  <td key={c}>
                    <input
                      type="checkbox"
                      aria-label={`${NOTIFY_KIND_LABELS[kind]}: ${CHANNEL_LABELS[c]}`}
                      checked={draft.routes[kind].includes(c)}
                      onChange={(e) => toggle(kind, c, e.target.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <Field
        label="Chat handle"
        hint="How the team's chat knows you: your Slack member ID (U024BE7LH) or your Mattermost or Teams username. Notices ticked for Team chat then mention you in the team channel, which pings you."
      >
        {(p) => (
          <input
            {...p}
            className="input"
            value={draft.chatHandle ?? ''}
            placeholder="U024BE7LH or priya.n"
            maxLength={64}
            onChange={(e) => setDraft({ ...draft, chatHandle: e.target.value.trim() === '' ? null : e.target.value.trim() })}
          />
        )}
      </Field>
      <Field label="Time zone" hint="Quiet hours and the digest follow this zone, e.g. Europe/Berlin.">
        {(p) => <input {...p} className="input" value={draft.timeZone} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })} />}
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.quietHours !== null}
          onChange={(e) => setDraft({ ...draft, quietHours: e.target.checked ? { start: '22:00', end: '07:00' } : null })}
        />
        Quiet hours: hold e-mail until they end, and no chat pings
      </label>
      {draft.quietHours && (
        <div className="row">
          <Field label="Quiet from">
            {(p) => <input {...p} type="time" className="input" value={draft.quietHours!.start} onChange={(e) => setDraft({ ...draft, quietHours: { ...draft.quietHours!, start: e.target.value } })} />}
          </Field>
          <Field label="Quiet until">
            {(p) => <input {...p} type="time" className="input" value={draft.quietHours!.end} onChange={(e) => setDraft({ ...draft, quietHours: { ...draft.quietHours!, end: e.target.value } })} />}
          </Field>
        </div>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={draft.urgentBreaksQuiet} onChange={(e) => setDraft({ ...draft, urgentBreaksQuiet: e.target.checked })} />
        Critical interrupts and unacknowledged escalations reach me in quiet hours too
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={draft.digestAt !== null} onChange={(e) => setDraft({ ...draft, digestAt: e.target.checked ? '08:00' : null })} />
        Gather other e-mail into one daily digest
      </label>
      {draft.digestAt !== null && (
        <Field label="Digest at">
          {(p) => <input {...p} type="time" className="input" value={draft.digestAt ?? ''} onChange={(e) => setDraft({ ...draft, digestAt: e.target.value })} />}
        </Field>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={saving}>
        Save notification preferences
      </button>
    </form>
  );
}
