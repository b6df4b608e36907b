/** Outgoing webhooks and chat hooks of a team (admins): add, test, delete, and each hook's delivery log. */
import { useState, type FormEvent } from 'react';
import { HOOK_FORMATS, type CreatedHook, type HookFormat, type OutgoingHook } from '@opsboard/shared';
import { hooksApi } from '../api/notify';
import { plainMessage } from '../api/errors';
import { formatDateTime } from '../lib/time';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { Field } from '../ui/Field';
import { showToast } from '../ui/toasts';
import { useAsync } from '../ui/use-async';
import { ScrollRegion } from '../ui/ScrollRegion';

const FORMAT_LABEL: Record<HookFormat, string> = { generic: 'Generic webhook (signed JSON)', slack: 'Slack', mattermost: 'Mattermost', teams: 'Microsoft Teams' };

function DeliveryLog({ hook }: { hook: OutgoingHook }) {
  const log = useAsync(() => hooksApi.deliveries(hook.id), [hook.id]);
  if (log.status === 'loading') return <Spinner label="Loading deliveries" />;
  if (log.status === 'error') return <ErrorNote message={log.message} onRetry={log.reload} />;
  if (log.value.length === 0) return <EmptyNote>Nothing sent yet.</EmptyNote>;
  return (
    <ScrollRegion label={`Deliveries of ${hook.name}`}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
            <th scope="col">Queued</th>
          </tr>
        </thead>
        <tbody>
          {log.value.map((d) => (
            <tr key={d.id}>
              <td>{d.eventType}</td>
              <td>{d.status}</td>
              <td>{d.attempts}</td>
              <td>{d.lastStatus ?? d.lastError ?? '—'}</td>
              <td>{formatDateTime(d.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button--small button--quiet" onClick={log.reload}>
        Refresh
      </button>
    </ScrollRegion>
  );
}

export function OutgoingHooksSection({ teamId }: { teamId: string }) {
  const hooks = useAsync(() => hooksApi.list(teamId), [teamId]);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<HookFormat>('slack');
  const [events, setEvents] = useState('*');
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedHook | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const list = events.split(',').map((s) => s.trim()).filter(Boolean);
      const result = await hooksApi.create(teamId, { name: name.trim(), url: url.trim(), format, ...(format === 'generic' && { events: list }) });
      setCreated(result);
      setName('');
      setUrl('');
      hooks.reload();
    } catch (err) {
      setError(plainMessage(err));
    }
  };

  const test = async (hook: OutgoingHook) => {
    try {
      await hooksApi.test(hook.id);
      showToast({ tone: 'success', title: `Test message queued for "${hook.name}"` });
    } catch (err) {
      showToast({ tone: 'error', title: 'No test sent', message: plainMessage(err) });
    }
  };

  const remove = async (hook: OutgoingHook) => {
    if (!window.confirm(`Delete "${hook.name}"? Nothing more is sent to it.`)) return;
    try {
      await hooksApi.remove(hook.id);
      hooks.reload();
    } catch (err) {
      showToast({ tone: 'error', title: 'Not deleted', message: plainMessage(err) });
    }
  };

  return (
    <section className="section" aria-labelledby="outgoing-hooks-heading">
      <h2 id="outgoing-hooks-heading">Outgoing webhooks and chat</h2>
      <p className="muted">
        Chat hooks post new critical and high interrupts, escalations, the PoTW hand-off and iteration start and close to a Slack, Mattermost or Teams channel. Generic webhooks post the
        event types you choose as JSON signed in the <code>opsboard-signature</code> header.
      </p>
      {hooks.status === 'loading' && <Spinner label="Loading outgoing hooks" />}
      {hooks.status === 'error' && <ErrorNote message={hooks.message} onRetry={hooks.reload} />}
      {hooks.status === 'ready' && hooks.value.length === 0 && <EmptyNote>No outgoing hooks yet.</EmptyNote>}
      {hooks.status === 'ready' && hooks.value.length > 0 && (
        <ul className="list">
          {hooks.value.map((h) => (
            <li key={h.id}>
              <strong>{h.name}</strong> · {FORMAT_LABEL[h.format]} · <span className="muted">{h.url}</span>
              <div className="row">
                <button type="button" className="button button--small" onClick={() => void test(h)}>
                  Send test
                </button>
                <button type="button" className="button button--small button--quiet" aria-expanded={open === h.id} onClick={() => setOpen(open === h.id ? null : h.id)}>
                  Delivery log
                </button>
                <button type="button" className="button button--small button--quiet" onClick={() => void remove(h)}>
                  Delete
                </button>
              </div>
              {open === h.id && <DeliveryLog hook={h} />}
            </li>
          ))}
        </ul>
      )}
      {created && (
        <p className="note note--info" role="status">
          Signing secret of “{created.hook.name}”, shown once: <code>{created.secret}</code>
        </p>
      )}
      <form onSubmit={(e) => void create(e)} aria-label="Add an outgoing hook">
        <Field label="Name">{(p) => <input {...p} className="input" value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label="URL" hint="The chat's incoming-webhook URL, or your endpoint.">
          {(p) => <input {...p} className="input" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <Field label="Format">
          {(p) => (
            <select {...p} className="input" value={format} onChange={(e) => setFormat(e.target.value as HookFormat)}>
              {HOOK_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABEL[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {format === 'generic' && (
          <Field label="Event types" hint="Comma-separated, e.g. card.moved, interrupt.received; * for all.">
            {(p) => <input {...p} className="input" value={events} onChange={(e) => setEvents(e.target.value)} />}
          </Field>
        )}
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary">
          Add hook
        </button>
      </form>
    </section>
  );
}
