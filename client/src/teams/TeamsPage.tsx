import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Team } from '@opsboard/shared';
import { isRetryable, plainMessage } from '../api/errors';
import { teamsApi } from '../api/teams';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { navigate } from '../app/router';
import { teamHome } from '../guests/guest-gate';
import { newKey } from '../lib/ids';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { Field } from '../ui/Field';
import { useAsync } from '../ui/use-async';
import { useDocumentTitle } from '../app/page-title';

export function TeamsPage() {
  const teams = useAsync(() => teamsApi.list(), []);
  // Someone who is only a guest, of one team, has one place to be: their requests there.
  const onlyGuestOf = teams.status === 'ready' && teams.value.length === 1 && teams.value[0]!.role === 'guest' ? teams.value[0]!.id : null;
  useEffect(() => {
    if (onlyGuestOf) navigate(paths.requests(onlyGuestOf), { replace: true });
  }, [onlyGuestOf]);
  useDocumentTitle(['Your teams']);
  return (
    <main className="page" id="main">
      <h1>Your teams</h1>
      {teams.status === 'loading' && <Spinner label="Loading your teams" />}
      {teams.status === 'error' && <ErrorNote message={teams.message} onRetry={teams.reload} />}
      {teams.status === 'ready' &&
        (teams.value.length === 0 ? (
          <EmptyNote>You are not in a team yet. Create one below, or ask a team admin to invite your e-mail address.</EmptyNote>
        ) : (
          <ul className="team-list">
            {teams.value.map((team) => (
              <li key={team.id}>
                <Link to={teamHome(team)} className="team-list__item">
                  <span className="team-list__name">{team.name}</span>
                  <span className="badge">{team.role === 'po' ? 'product owner' : team.role}</span>
                </Link>
              </li>
            ))}
          </ul>
        ))}
      <CreateTeam />
    </main>
  );
}

function CreateTeam() {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Kept across retries of one attempt, so a double submit or a retry after a lost answer creates one team.
  const key = useRef(newKey('team'));
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Give the team a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const team: Team = await teamsApi.create({ name: name.trim(), ...(timezone && { timezone }) }, key.current);
      navigate(paths.team(team.id));
    } catch (err) {
      if (!isRetryable(err)) key.current = newKey('team');
      setError(plainMessage(err));
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="create-team">
      <h2 id="create-team">Create a team</h2>
      <p className="muted">A new team gets three boards: planned work, interrupts, and self-service &amp; automation. You become its admin.</p>
      <form className="form form--inline" onSubmit={submit} noValidate>
        <Field label="Team name" error={error}>
          {(p) => <input {...p} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder="e.g. Platform Ops" />}
        </Field>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create team'}
        </button>
      </form>
    </section>
  );
}
