import { useState, type FormEvent } from 'react';
import type { CreatedToken } from '@opsboard/shared';
import { authApi } from '../api/auth';
import { plainMessage } from '../api/errors';
import { formatDate } from '../lib/time';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { Field } from '../ui/Field';
import { showToast } from '../ui/toasts';
import { useAsync } from '../ui/use-async';
import { ScrollRegion } from '../ui/ScrollRegion';

export function TokensSection() {
  const tokens = useAsync(() => authApi.tokens(), []);
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Name the token after the script that uses it.');
      return;
    }
    setError(null);
    try {
      const result = await authApi.createToken(name.trim(), days === 'never' ? undefined : Number(days));
      setCreated(result);
      setCopied(false);
      setName('');
      tokens.reload();
    } catch (err) {
      setError(plainMessage(err));
    }
  };

  const revoke = async (id: string, tokenName: string) => {
    if (!window.confirm(`Revoke "${tokenName}"? Scripts using it stop working at once.`)) return;
    try {
      await authApi.revokeToken(id);
      if (created?.token.id === id) setCreated(null);
      tokens.reload();
      showToast({ tone: 'success', title: `Token "${tokenName}" revoked.` });
    } catch (err) {
      showToast({ tone: 'error', title: 'Could not revoke the token', message: plainMessage(err) });
    }
  };

  const copy = async (secret: string) => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      showToast({ tone: 'warning', title: 'Copy it by hand', message: 'The browser did not allow copying to the clipboard.' });
    }
  };

  return (
    <section className="section" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">
        For scripts and integrations: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you.
      </p>
      {created && (
        <div className="note note--success" role="status" data-testid="new-token">
          <p>
            <strong>Copy the token "{created.token.name}" now.</strong> It is shown only this once.
          </p>
          <p className="secret">
            <code>{created.secret}</code>
            <button type="button" className="button button--small" onClick={() => void copy(created.secret)}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </p>
        </div>
      )}
      <form className="form form--inline" onSubmit={create} noValidate>
        <Field label="Token name" error={error}>
          {(p) => <input {...p} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder="e.g. alertmanager bridge" />}
        </Field>
        <Field label="Expires">
          {(p) => (
            <select {...p} value={days} onChange={(e) => setDays(e.target.value)}>
              <option value="30">in 30 days</option>
              <option value="90">in 90 days</option>
              <option value="365">in a year</option>
              <option value="never">never</option>
            </select>
          )}
        </Field>
        <button type="submit" className="button button--primary">
          Create token
        </button>
      </form>
      {tokens.status === 'loading' && <Spinner label="Loading tokens" />}
      {tokens.status === 'error' && <ErrorNote message={tokens.message} onRetry={tokens.reload} />}
      {tokens.status === 'ready' &&
        (tokens.value.length === 0 ? (
          <EmptyNote>No tokens yet.</EmptyNote>
        ) : (
          <ScrollRegion label="API tokens">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.value.map((t) => (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{formatDate(t.createdAt)}</td>
                    <td>{t.lastUsedAt ? formatDate(t.lastUsedAt) : 'never'}</td>
                    <td>{t.expiresAt ? formatDate(t.expiresAt) : 'never'}</td>
                    <td className="table__actions">
                      <button type="button" className="button button--small button--quiet" onClick={() => void revoke(t.id, t.name)}>
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ))}
    </section>
  );
}
