/**
 * The Person of the Week page: who is on now and next, and the PoTW's
 * tools as sections with their own address (?view=): triage, hand-off,
 * rotation, figures, webhooks. Live from the team stream (rotation,
 * hand-off, members) and the interrupts board stream (the inbox).
 */
import { useMemo, useState } from 'react';
import { can } from '@opsboard/shared';
import { teamsApi } from '../api/teams';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { useLocation } from '../app/router';
import { useServices } from '../app/services';
import { useClock } from '../lib/use-clock';
import { TeamNav } from '../teams/TeamNav';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { useAsync } from '../ui/use-async';
import { FiguresSection } from './figures/FiguresSection';
import { HandoffSection } from './handoff/HandoffSection';
import { OnDutyPanel } from './OnDutyPanel';
import { nameIn, type PotwEnv } from './potw-env';
import { POTW_VIEW_LABEL, PotwViewNav, parseView } from './PotwViewNav';
import { RaiseInterruptDialog } from './RaiseInterruptDialog';
import { RotationSection } from './rotation/RotationSection';
import { TriageView } from './triage/TriageView';
import { triageQueue } from './triage/queue';
import { useInterruptsBoard } from './triage/use-interrupts-board';
import { useRotation } from './use-rotation';
import { useTeamSignals } from './use-team-signals';
import { WebhooksSection } from './webhooks/WebhooksSection';
import { OutgoingHooksSection } from '../notify/OutgoingHooksSection';
import '../styles/potw.css';

export function PotwPage({ teamId }: { teamId: string }) {
  const { user } = useServices();
  const location = useLocation();
  const view = parseView(location.search);
  const revs = useTeamSignals(teamId);
  const now = useClock(60_000);
  const team = useAsync(() => teamsApi.get(teamId), [teamId]);
  const members = useAsync(() => teamsApi.members(teamId), [teamId, revs.members]);
  const boards = useAsync(() => teamsApi.boards(teamId), [teamId]);
  const rotation = useRotation(teamId, revs.rotation);
  const interruptsBoardId = boards.status === 'ready' ? (boards.value.find((b) => b.kind === 'interrupts' && b.archivedAt === null)?.id ?? null) : null;
  const board = useInterruptsBoard(interruptsBoardId);
  const [raising, setRaising] = useState(false);
  const memberList = members.status === 'ready' ? members.value : null;
  const name = useMemo(() => nameIn(memberList ?? []), [memberList]);
  useDocumentTitle([POTW_VIEW_LABEL[view], team.status === 'ready' ? team.value.name : null]);

  if (team.status === 'error' || members.status === 'error') {
    const failed = team.status === 'error' ? team : members;
    return (
      <main className="page" id="main">
        <ErrorNote message={failed.status === 'error' ? failed.message : ''} onRetry={failed.reload} />
        <p>
          <Link to={paths.teams()}>Back to your teams</Link>
        </p>
      </main>
    );
  }
  if (team.status === 'loading' || !memberList || (!rotation.info && !rotation.error)) return <Spinner label="Loading the Person of the Week" />;

  const env: PotwEnv = {
    teamId,
    team: team.value,
    selfId: user.id,
    members: memberList,
    name,
    isAdmin: can(team.value.role, 'administer'),
    canWrite: can(team.value.role, 'write'),
    rotation,
    timezone: rotation.info?.settings?.timezone ?? team.value.timezone,
  };
  const waiting = board.state ? triageQueue(board.state).length : null;
  const current = rotation.info?.current ?? null;
  const openRaise = () => setRaising(true);
  const triaging = view === 'triage';

  return (
    <main className="page page--potw" id="main">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> / <Link to={paths.team(teamId)}>{team.value.name}</Link>
      </p>
      <h1>Person of the Week</h1>
      <TeamNav teamId={teamId} active="potw" />
      {/* Triage is where the PoTW works: who is on duty shrinks to a line beside the section links, so the inbox starts high. */}
      {!triaging && (
        <p className="potw-intro muted">One person buffers every interrupt (alerts, requests, incidents) so the rest of the team keeps its plan. Everything lands in their inbox; they triage it.</p>
      )}
      {rotation.error && !rotation.info ? (
        <ErrorNote message={rotation.error} onRetry={rotation.reload} />
      ) : (
        rotation.info && !triaging && <OnDutyPanel env={env} info={rotation.info} now={now} onRaise={openRaise} />
      )}

      <div className={`potw-bar${triaging ? ' potw-bar--compact' : ''}`}>
        <PotwViewNav teamId={teamId} view={view} waiting={waiting} isAdmin={env.isAdmin} />
        {rotation.info && triaging && <OnDutyPanel env={env} info={rotation.info} now={now} onRaise={openRaise} compact />}
      </div>
      <div className="potw-view" id="potw-view">
        {view === 'triage' &&
          (boards.status === 'ready' && !interruptsBoardId ? (
            <p className="note note--warning">This team has no interrupts board, so there is no inbox to triage. Create one on the team page.</p>
          ) : (
            <TriageView env={env} board={board} onRaise={openRaise} />
          ))}
        {/* The draft is written from the interrupts board, so any change there (its seq) asks for it again. */}
        {view === 'handoff' && <HandoffSection env={env} refreshKey={`${revs.handoff}:${board.state?.seq ?? ''}`} now={now} />}
        {view === 'rotation' && <RotationSection env={env} now={now} />}
        {view === 'figures' && <FiguresSection teamId={teamId} />}
        {view === 'webhooks' && (env.isAdmin ? <WebhooksSection teamId={teamId} refreshKey={revs.webhooks} /> : <p className="note note--info">Only a team admin manages webhook secrets.</p>)}
        {view === 'webhooks' && env.isAdmin && <OutgoingHooksSection teamId={teamId} />}
      </div>
      {raising && <RaiseInterruptDialog teamId={teamId} potw={current ? { name: name(current.userId), self: current.userId === user.id } : null} onClose={() => setRaising(false)} />}
    </main>
  );
}
