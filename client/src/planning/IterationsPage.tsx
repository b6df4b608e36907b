/**
 * /teams/:teamId/iterations — planning the next iteration (backlog on one
 * side, iteration on the other), the list of past and upcoming iterations,
 * and velocity. Everything follows the team stream and the boards live.
 */
import { useMemo, useState } from 'react';
import { can } from '@opsboard/shared';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { navigate, useLocation } from '../app/router';
import { useServices } from '../app/services';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { iterationsInOrder } from '../team/team-state';
import { TeamNav } from '../teams/TeamNav';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { Icon } from '../ui/Icon';
import { IterationList } from './iterations/IterationList';
import { NewIterationDialog } from './iterations/NewIterationDialog';
import { PlanningScreen } from './iterations/PlanningScreen';
import { VelocitySection } from './iterations/VelocitySection';
import { openIterations, planningTarget } from './model/iteration-cards';
import { activeIteration, teamToday } from './model/timing';
import { rangeWords } from './ui/dates';
import { OverdueNote } from './ui/OverdueNote';
import '../styles/planning.css';
import '../styles/plan-screen.css';

export function IterationsPage({ teamId }: { teamId: string }) {
  const { user } = useServices();
  const team = useTeamLive(teamId);
  const location = useLocation();
  const [creating, setCreating] = useState(false);
  const state = team.state;
  const iterations = useMemo(() => (state ? iterationsInOrder(state) : []), [state]);
  useDocumentTitle(['Iterations', state?.team.name]);

  if (!state) {
    return team.error ? (
      <main className="page" id="main">
        <ErrorNote message={team.error} onRetry={team.retry} />
      </main>
    ) : (
      <Spinner label="Loading the iterations" />
    );
  }

  const role = roleIn(state, user.id);
  const canPlan = can(role, 'plan');
  const open = openIterations(iterations);
  const asked = new URLSearchParams(location.search).get('plan');
  const target = open.find((i) => i.id === asked) ?? planningTarget(iterations);
  const today = teamToday(state.team.timezone);
  const running = activeIteration(iterations);
  const choose = (id: string) => navigate(`${location.pathname}?plan=${encodeURIComponent(id)}`, { replace: true });

  return (
    <main className="page page--wide" id="main" data-testid="iterations-page">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › <Link to={paths.team(teamId)}>{state.team.name}</Link>
      </p>
      <h1>Iterations</h1>
      <TeamNav teamId={teamId} active="iterations" />

      <section className="section section--flush" aria-labelledby="planning-heading">
        <div className="section__head">
          <h2 id="planning-heading">Planning</h2>
          {open.length > 1 && target && (
            <label className="inline-field">
              Plan
              <select value={target.id} onChange={(e) => choose(e.target.value)} data-testid="plan-select">
                {open.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name} ({i.state}, {rangeWords(i)})
                  </option>
                ))}
              </select>
            </label>
          )}
          {canPlan && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="new-iteration">
              <Icon name="plus" /> New iteration
            </button>
          )}
        </div>
        {running && <OverdueNote iteration={running} today={today} canPlan={canPlan} />}
        {!canPlan && <p className="note note--info">You can follow the plan here; the product owner or an admin pulls cards in and starts iterations.</p>}
        {target ? (
          <PlanningScreen key={target.id} team={state} iteration={target} canPlan={canPlan} canWrite={can(role, 'write')} />
        ) : (
          <div className="note note--empty plan-empty">
            <p>No iteration is planned or running.</p>
            {canPlan && (
              <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
                Plan the next iteration
              </button>
            )}
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="all-iterations-heading">
        <h2 id="all-iterations-heading">All iterations</h2>
        <IterationList iterations={iterations} selectedId={target?.id ?? null} today={today} canPlan={canPlan} />
      </section>

      <VelocitySection teamId={teamId} closedCount={iterations.filter((i) => i.state === 'closed').length} />

      {creating && (
        <NewIterationDialog
          teamId={teamId}
          iterations={iterations}
          today={today}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            choose(created.id);
          }}
        />
      )}
    </main>
  );
}
