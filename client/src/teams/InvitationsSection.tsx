import { useRef, useState, type FormEvent } from 'react';
import { ROLES, type Member, type Role } from '@opsboard/shared';
import { ApiError, isRetryable, plainMessage } from '../api/errors';
import { teamsApi } from '../api/teams';
import { includes } from '../lib/guards';
import { newKey } from '../lib/ids';
import { formatDate } from '../lib/time';
import { ErrorNote } from '../ui/Feedback';
import { Field } from '../ui/Field';
import { showToast } from '../ui/toasts';
import { useAsync } from '../ui/use-async';
import { ROLE_INFO } from './board-kinds';

/** `refreshKey` changes when the team stream says an invitation was sent, withdrawn or accepted (by anyone). */
export function InvitationsSection({ teamId, refreshKey, onMemberAdded }: { teamId: string; refreshKey: number; onMemberAdded: (member: Member) => void }) {
  const pending = useAsync(() => teamsApi.invitations(teamId), [teamId, refreshKey]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey('invite'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.includes('@')) {
      setError('Enter the e-mail address of the person to invite.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await teamsApi.invite(teamId, { email: email.trim(), role }, key.current);
      key.current = newKey('invite');
      setEmail('');
      if (result.status === 'added' && result.member) {
        onMemberAdded(result.member);
        showToast({ tone: 'success', title: `${result.member.name} already had an account and is now in the team.` });
      } else {
        pending.reload();
        showToast({ tone: 'success', title: `Invitation saved for ${email.trim()}.`, message: 'They join the team when they sign up with that address.' });
      }
    } catch (err) {
      if (!isRetryable(err)) key.current = newKey('invite');
      setError(err instanceof ApiError && err.field === 'email' ? 'That does not look like an e-mail address.' : plainMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (id: string, address: string) => {
    try {
      await teamsApi.cancelInvitation(teamId, id);
      pending.reload();
      showToast({ tone: 'success', title: `Invitation for ${address} withdrawn.` });
    } catch (err) {
      showToast({ tone: 'error', title: 'Could not withdraw the invitation', message: plainMessage(err) });
    }
  };

  return (
    <section className="section" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite people</h2>
      <form className="form form--inline" onSubmit={submit} noValidate>
        <Field label="E-mail" error={error}>
          {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="name@example.com" />}
        </Field>
        <Field label="Role" hint={ROLE_INFO[role]}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => includes(ROLES, e.target.value) && setRole(e.target.value)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r === 'po' ? 'product owner' : r}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Inviting…' : 'Invite'}
        </button>
      </form>
      {pending.status === 'error' && <ErrorNote message={pending.message} onRetry={pending.reload} />}
      {pending.status === 'ready' && pending.value.length > 0 && (
        <>
          <h3>Waiting to sign up</h3>
          <ul className="plain-list">
            {pending.value.map((inv) => (
              <li key={inv.id} className="plain-list__row">
                <span>
                  {inv.email} <span className="badge">{inv.role === 'po' ? 'product owner' : inv.role}</span>
                  <span className="muted"> · invited {formatDate(inv.createdAt)}</span>
                </span>
                <button type="button" className="button button--small button--quiet" onClick={() => void withdraw(inv.id, inv.email)}>
                  Withdraw
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
