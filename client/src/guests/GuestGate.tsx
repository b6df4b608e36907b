/**
 * Keeps a guest off the members' pages: instead of a page of refusals, a
 * clear note and the way to their requests. The person's teams and roles
 * load once, then refresh in the background on every page change (a role
 * changed meanwhile applies from the next page).
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Team } from '@opsboard/shared';
import { teamsApi } from '../api/teams';
import { Link } from '../app/Link';
import { paths, type Route } from '../app/routes';
import { navigate } from '../app/router';
import { Spinner } from '../ui/Feedback';
import { guestTeamsFor } from './guest-gate';

export function GuestGate({ route, children }: { route: Route; children: ReactNode }) {
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [failed, setFailed] = useState(false);
  const where = JSON.stringify(route);

  useEffect(() => {
    let alive = true;
    teamsApi.list().then(
      (list) => alive && setTeams(list),
      // Without the list the page decides for itself (the server refuses what a guest may not see).
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [where]);

  const guestOf = teams === null ? null : guestTeamsFor(route, teams);
  // A guest's own page of a team is their requests.
  const redirect = route.name === 'team' && guestOf ? paths.requests(route.teamId) : null;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (teams === null) return failed ? children : <Spinner label="Loading" />;
  if (redirect) return <Spinner label="Opening your requests" />;
  return guestOf ? <GuestNotice teams={guestOf} /> : children;
}

function GuestNotice({ teams }: { teams: readonly Team[] }) {
  const names = teams.map((t) => t.name).join(', ');
  return (
    <main className="page" id="main" data-testid="guest-notice">
      <h1>This page is for team members</h1>
      <p>
        You are a guest of {names}. As a guest you raise interrupts, propose stories and follow what the team does with them, and you move the feature cards you are
        paired on. The team’s boards, plans and people are for its members.
      </p>
      <ul className="plain-list">
        {teams.map((t) => (
          <li key={t.id}>
            <Link to={paths.requests(t.id)}>Your requests in {t.name}</Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
