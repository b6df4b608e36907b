/**
 * /iterations/:id — one iteration: goal, dates and state, burndown and
 * burnup, committed against current scope, cards by state, the live SS&A
 * figure and capacity; the PO closes it here and sees where the unfinished
 * cards went. Live from the team stream and the boards its cards sit on.
 */
import { useMemo, useState } from 'react';
import { can, daysOverdue, type Card, type IterationDetail } from '@opsboard/shared';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { navigate, useLocation } from '../app/router';
import { useServices } from '../app/services';
import { newKey } from '../lib/ids';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { TeamNav } from '../teams/TeamNav';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { Icon } from '../ui/Icon';
import { planningApi } from '../api/planning';
import { BurnCharts } from './iteration/BurnCharts';
import { CarryOver } from './iteration/CarryOver';
import { CloseDialog } from './iteration/CloseDialog';
import { ScopeSection } from './iteration/ScopeSection';
import { StartRecord } from './iteration/StartRecord';
import { StageColumns } from './iteration/StageColumns';
import { carryOverChoices, cardsByStage, commitmentDiff } from './model/iteration-cards';
import { teamToday } from './model/timing';
import { CapacityBar } from './ui/CapacityBar';
import { rangeWithLength } from './ui/dates';
import { GoalField } from './ui/GoalField';
import { OverdueNote } from './ui/OverdueNote';
import { SsaIndicator } from './ui/SsaIndicator';
import { IterationStateBadge } from './ui/StateBadge';
import { useFresh } from './use-fresh';
import { useLiveBoards } from './use-live-boards';
import '../styles/planning.css';
import '../styles/iteration-page.css';

export function IterationPage({ iterationId }: { iterationId: string }) {
  const detail = useFresh(() => planningApi.iteration(iterationId), iterationId);
  useDocumentTitle(detail.value ? null : ['Iteration']);
  if (!detail.value) {
    return detail.error ? (
      <main className="page" id="main">
        <ErrorNote message={detail.error} onRetry={detail.refresh} />
      </main>
    ) : (
      <Spinner label="Loading the iteration" />
    );
  }
  return <IterationView key={detail.value.iteration.teamId} teamId={detail.value.iteration.teamId} detail={detail.value} refresh={detail.refresh} />;
}

function IterationView({ teamId, detail, refresh }: { teamId: string; detail: IterationDetail; refresh: () => void }) {
  const { user } = useServices();
  const iteration = detail.iteration;
  const team = useTeamLive(teamId, {
    onEvent: (event) => {
      if (event.type.startsWith('iteration.') && 'iteration' in event.payload && event.payload.iteration.id === iteration.id) refresh();
    },
    onReload: refresh,
  });
  const state = team.state;
  useDocumentTitle([iteration.name, state?.team.name]);
  const boardIds = useMemo(
    () => [...new Set([...(state?.boards.filter((b) => b.kind !== 'interrupts').map((b) => b.id) ?? []), ...detail.cards.map((c) => c.boardId)])],
    [state?.boards, detail.cards],
  );
  const live = useLiveBoards(boardIds, refresh);
  const [closing, setClosing] = useState(false);
  const location = useLocation();
  const askedToClose = new URLSearchParams(location.search).get('close') === '1';

  const columnOf = (card: Card) => live.states.get(card.boardId)?.columns.get(card.columnId);
  // Prefer the live card (moved a second ago) over the server's list from the last refresh.
  const cards = detail.cards.map((c) => live.states.get(c.boardId)?.cards.get(c.id) ?? c);
  const stages = cardsByStage(cards, columnOf);
  const diff = commitmentDiff(detail);
  const people = state?.members ?? new Map();
  const features = new Map([...(state?.features.values() ?? [])].map((f) => [f.id, f.name]));
  const role = roleIn(state, user.id);
  const canPlan = can(role, 'plan');
  const today = state ? teamToday(state.team.timezone) : null;
  const kindOf = (card: Card) => state?.boards.find((b) => b.id === card.boardId)?.kind;
  const unfinished = stages.filter((s) => s.stage !== 'done').flatMap((s) => s.cards);
  const finishedPoints = stages.find((s) => s.stage === 'done')?.points ?? 0;
  const choices = state ? carryOverChoices([...state.iterations.values()], iteration) : [];
  // "Close…" from the list, the board or the planning screen lands here with ?close=1: the dialog opens once the role is known.
  const closeOpen = closing || (askedToClose && canPlan && iteration.state === 'active');
  const endClosing = () => {
    setClosing(false);
    if (askedToClose) navigate(location.pathname, { replace: true });
  };
  const committedById = new Map((detail.committed ?? []).map((c) => [c.cardId, c]));
  const cardOf = (cardId: string) => {
    for (const s of live.states.values()) {
      const card = s.cards.get(cardId);
      if (card) return card;
    }
    const snap = committedById.get(cardId);
    return { id: cardId, title: snap?.title ?? 'A card', boardId: '', points: snap?.points ?? null };
  };

  return (
    <main className="page page--wide" id="main" data-testid="iteration-page" data-state={iteration.state}>
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › <Link to={paths.team(teamId)}>{state?.team.name ?? 'Team'}</Link> › <Link to={paths.iterations(teamId)}>Iterations</Link>
      </p>
      <div className="title-row">
        <h1>{iteration.name}</h1>
        <IterationStateBadge state={iteration.state} overdue={today ? daysOverdue(iteration, today) : 0} />
        <div className="title-row__actions">
          {iteration.state === 'planned' && (
            <Link to={`${paths.iterations(teamId)}?plan=${iteration.id}`} className="button">
              Plan it <Icon name="arrowRight" />
            </Link>
          )}
          {iteration.state === 'active' && canPlan && (
            <button type="button" className="button button--primary" onClick={() => setClosing(true)} data-testid="close-iteration">
              Close {iteration.name}
            </button>
          )}
        </div>
      </div>
      <TeamNav teamId={teamId} active="iterations" />
      {team.error && <ErrorNote message={team.error} onRetry={team.retry} />}
      {live.error && <ErrorNote message={live.error} />}

      {today && <OverdueNote iteration={iteration} today={today} canPlan={canPlan} onClose={() => setClosing(true)} />}

      <div className="iteration-head">
        <p className="iteration-head__dates">
          <Icon name="calendar" /> {rangeWithLength(iteration)}
        </p>
        <GoalField
          goal={iteration.goal}
          editable={canPlan && iteration.state !== 'closed'}
          onSave={async (goal) => {
            await planningApi.updateIteration(iteration.id, { goal }, newKey('goal'));
            refresh();
          }}
        />
        <dl className="stat-tiles">
          <Stat label="Committed" value={iteration.committedPoints ?? '–'} unit="pts" />
          <Stat label={iteration.state === 'closed' ? 'Finished' : 'Done'} value={iteration.state === 'closed' ? (iteration.completedPoints ?? 0) : detail.donePoints} unit="pts" />
          <Stat label="Scope now" value={detail.plannedPoints} unit="pts" hidden={iteration.state === 'closed'} />
          <Stat label="Remaining" value={Math.round((detail.plannedPoints - detail.donePoints) * 10) / 10} unit="pts" hidden={iteration.state === 'closed'} />
          <Stat label="Capacity" value={detail.capacity.total} unit="pts" />
        </dl>
      </div>

      {detail.startConfirmation && <StartRecord confirmation={detail.startConfirmation} people={people} />}

      {iteration.state === 'closed' && detail.carriedOver && (
        <section className="section" aria-labelledby="carry-heading">
          <h2 id="carry-heading">Carry-over</h2>
          <CarryOver carriedOver={detail.carriedOver} cardOf={cardOf} iterations={state?.iterations ?? new Map()} />
        </section>
      )}

      <section className="section" aria-labelledby="burn-heading">
        <h2 id="burn-heading">Burndown and burnup</h2>
        <BurnCharts detail={detail} today={today} carried={(detail.carriedOver ?? []).reduce((sum, c) => sum + (cardOf(c.cardId).points ?? 0), 0)} />
      </section>

      {iteration.state !== 'closed' && (
        <section className="section section--split" aria-labelledby="people-heading">
          <h2 id="people-heading">People</h2>
          <SsaIndicator ssa={detail.ssa} people={people} phase={iteration.state === 'planned' ? 'plan' : 'live'} />
          <CapacityBar detail={detail} editable={canPlan} onChanged={refresh} />
        </section>
      )}

      <section className="section" aria-labelledby="cards-heading">
        <h2 id="cards-heading">Cards by state</h2>
        <StageColumns stages={stages} people={people} features={features} isSsa={(card) => kindOf(card) === 'selfservice'} />
      </section>

      {diff && (
        <section className="section" aria-labelledby="scope-heading">
          <h2 id="scope-heading">Committed and current scope</h2>
          <ScopeSection diff={diff} closed={iteration.state === 'closed'} />
        </section>
      )}

      {closeOpen && (
        <CloseDialog
          iteration={iteration}
          unfinished={unfinished}
          finishedPoints={finishedPoints}
          choices={choices}
          onClose={endClosing}
          onClosed={() => {
            endClosing();
            refresh();
          }}
        />
      )}
    </main>
  );
}

function Stat({ label, value, unit, hidden = false }: { label: string; value: number | string; unit: string; hidden?: boolean }) {
  if (hidden) return null;
  return (
    <div className="stat-tile">
      <dt>{label}</dt>
      <dd>
        {value}
        <span className="stat-tile__unit"> {unit}</span>
      </dd>
    </div>
  );
}
