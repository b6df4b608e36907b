/** Webhook secrets (admins): create one for the generic JSON hook or Alertmanager, see them listed without secrets, revoke. */
import { useState, type FormEvent } from 'react';
import type { Webhook } from '@opsboard/shared';
import { plainMessage } from '../../api/errors';
import { formatDateTime } from '../../lib/time';
import { EmptyNote, ErrorNote, Spinner } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toasts';
import { useAsync } from '../../ui/use-async';
import { potwApi, type CreatedWebhook } from '../../api/potw';
import { CopyButton } from './CopyButton';
import { SecretDialog } from './SecretDialog';
import { ScrollRegion } from '../../ui/ScrollRegion';

const KIND_LABEL: Record<Webhook['kind'], string> = { alertmanager: 'Alertmanager', generic: 'Generic JSON', deployment: 'Deployments (CI, for DORA)' };

/** `refreshKey` changes when another admin creates or revokes a webhook (the team stream says so). */
export function WebhooksSection({ teamId, refreshKey }: { teamId: string; refreshKey: number }) {
  const hooks = useAsync(() => potwApi.webhooks(teamId), [teamId, refreshKey]);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Webhook['kind']>('alertmanager');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Name it after what sends to it, e.g. "prod alertmanager".');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await potwApi.createWebhook(teamId, { name: name.trim(), kind });
      setCreated(result);
      setName('');
      hooks.reload();
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (hook: Webhook) => {
    if (!window.confirm(`Revoke "${hook.name}"? Anything still sending to it gets 401 from now on.`)) return;
    try {
      await potwApi.revokeWebhook(teamId, hook.id);
      hooks.reload();
      showToast({ tone: 'success', title: `Webhook "${hook.name}" revoked` });
    } catch (err) {
      showToast({ tone: 'error', title: 'Not revoked', message: plainMessage(err) });
    }
  };

  return (
    <section className="webhooks" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p className="muted">Alerts and other tools raise interrupts by posting to a webhook. Each has its own secret, shown once when it is created.</p>
      <form className="form form--inline" onSubmit={(e) => void create(e)} noValidate data-testid="webhook-form">
        <Field label="Name" error={error}>
          {(p) => <input {...p} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder="e.g. prod alertmanager" />}
        </Field>
        <fieldset className="choice-row">
          <legend>Sends</legend>
          {(['alertmanager', 'generic', 'deployment'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="webhook-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {KIND_LABEL[k]}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create webhook'}
        </button>
      </form>
      {hooks.status === 'loading' && <Spinner label="Loading webhooks" />}
      {hooks.status === 'error' && <ErrorNote message={hooks.message} onRetry={hooks.reload} />}
      {hooks.status === 'ready' &&
        (hooks.value.length === 0 ? (
          <EmptyNote>No webhooks yet.</EmptyNote>
        ) : (
          <ScrollRegion label="Webhooks">
            <table className="table webhooks__table" data-testid="webhook-list">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Sends</th>
                  <th scope="col">URL</th>
                  <th scope="col">Secret starts</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {hooks.value.map((h) => (
                  <tr key={h.id}>
                    <td>{h.name}</td>
                    <td>{KIND_LABEL[h.kind]}</td>
                    <td className="webhooks__url">
                      <code>{h.url}</code> <CopyButton text={h.url} what={`URL of ${h.name}`} />
                    </td>
                    <td>
                      <code>{h.prefix}…</code>
                    </td>
                    <td>{h.lastUsedAt ? formatDateTime(h.lastUsedAt) : 'never'}</td>
                    <td className="table__actions">
                      <button type="button" className="button button--small button--quiet" onClick={() => void revoke(h)}>
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ))}
      {created && <SecretDialog created={created} onClose={() => setCreated(null)} />}
    </section>
  );
}
