import { can, type Member, type Team } from '@opsboard/shared';
import { teamsApi } from '../api/teams';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { useUser } from '../auth/session';
import { TeamPotwSummary } from '../potw/TeamPotwSummary';
import { useTeamSignals } from '../potw/use-team-signals';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { useAsync } from '../ui/use-async';
import { BoardsSection } from './BoardsSection';
import { InvitationsSection } from './InvitationsSection';
import { MembersSection } from './MembersSection';
import { TeamNav } from './TeamNav';

interface TeamData {
  team: Team;
  members: Member[];
}

export function TeamPage({ teamId }: { teamId: string }) {
  const user = useUser();
  // Members joining (an invitation accepted at sign-up included), changing role or leaving show up live.
  const revs = useTeamSignals(teamId);
  const data = useAsync<TeamData>(async () => {
    const [team, members] = await Promise.all([teamsApi.get(teamId), teamsApi.members(teamId)]);
    return { team, members };
  }, [teamId, revs.members]);
  useDocumentTitle(['Boards & people', data.status === 'ready' ? data.value.team.name : null]);

  if (data.status === 'loading') return <Spinner label="Loading the team" />;
  if (data.status === 'error') {
    return (
      <main className="page" id="main">
        <ErrorNote message={data.message} onRetry={data.reload} />
        <p>
          <Link to={paths.teams()}>Back to your teams</Link>
        </p>
      </main>
    );
  }
  const { team, members } = data.value;
  const isAdmin = can(team.role, 'administer');
  const setMembers = (next: Member[]) => data.set({ team, members: next });
  const guests = members.filter((m) => m.role === 'guest');
  return (
    <main className="page" id="main">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link>
      </p>
      <h1>{team.name}</h1>
      <TeamNav teamId={team.id} active="boards" />
      <p className="muted">
        You are {team.role === 'admin' ? 'an admin' : team.role === 'po' ? 'the product owner' : `a ${team.role}`} of this team · time zone {team.timezone}
      </p>

      {can(team.role, 'read') && (
        <p>
          <Link to={paths.standup(team.id)} className="button" data-testid="team-standup-link">
            Standup: walk the team’s boards
          </Link>
        </p>
      )}
      <TeamPotwSummary teamId={team.id} members={members} timezone={team.timezone} />

      <BoardsSection team={team} />

      <MembersSection team={team} members={members} shown={(m) => m.role !== 'guest'} selfId={user.id} onChange={setMembers} />
      {guests.length > 0 && (
        <MembersSection
          team={team}
          members={members}
          shown={(m) => m.role === 'guest'}
          selfId={user.id}
          onChange={setMembers}
          title="Guests"
          blurb="Customer developers and requesters: they raise interrupts, propose stories and are paired on features, and see only what they raised, proposed or are paired on."
        />
      )}
      {isAdmin && <InvitationsSection teamId={team.id} refreshKey={revs.invitations} onMemberAdded={(m) => setMembers([...members.filter((x) => x.userId !== m.userId), m])} />}
    </main>
  );
}
