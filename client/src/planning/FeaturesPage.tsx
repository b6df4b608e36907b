/**
 * /teams/:teamId/features — the team's IDD projects: status, feature lead,
 * customer and progress (points done of total). The PO creates features; the
 * PO or the feature's lead edits one. Progress follows the boards live.
 */
import { useMemo, useState } from 'react';
import { can, type Feature, type FeatureSummary } from '@opsboard/shared';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { useServices } from '../app/services';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { TeamNav } from '../teams/TeamNav';
import { Avatar } from '../ui/Avatar';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { Icon } from '../ui/Icon';
import { planningApi } from '../api/planning';
import { FeatureDialog } from './features/FeatureDialog';
import { PairingMatrix } from './features/PairingMatrix';
import { canEditFeature, matchesStatus, sortFeatures, type StatusFilter } from './model/features';
import { ProgressBar } from './ui/ProgressBar';
import { FeatureStatusBadge } from './ui/StateBadge';
import { useFresh } from './use-fresh';
import { useLiveBoards } from './use-live-boards';
import { ScrollRegion } from '../ui/ScrollRegion';
import '../styles/planning.css';
import '../styles/features.css';

const FILTERS: { id: StatusFilter; label: string }[] = [
  { id: 'open', label: 'Active & proposed' },
  { id: 'active', label: 'Active' },
  { id: 'proposed', label: 'Proposed' },
  { id: 'done', label: 'Done' },
  { id: 'dropped', label: 'Dropped' },
  { id: 'all', label: 'All' },
];

export function FeaturesPage({ teamId }: { teamId: string }) {
  const { user } = useServices();
  const list = useFresh(() => planningApi.features(teamId), teamId);
  const { refresh } = list;
  const [pairsRevision, setPairsRevision] = useState(0);
  const team = useTeamLive(teamId, {
    onEvent: (event) => {
      if (event.type.startsWith('feature.')) refresh();
      if (event.type === 'feature.pairs_set' || event.type === 'iteration.closed' || event.type === 'iteration.started') setPairsRevision((r) => r + 1);
    },
    onReload: refresh,
  });
  const boardIds = useMemo(() => team.state?.boards.map((b) => b.id) ?? [], [team.state?.boards]);
  useLiveBoards(boardIds, refresh, 600);
  const [filter, setFilter] = useState<StatusFilter>('open');
  const [editing, setEditing] = useState<Feature | 'new' | null>(null);
  const state = team.state;
  useDocumentTitle(['Features', state?.team.name]);

  if (!state || !list.value) {
    const error = team.error ?? list.error;
    return error ? (
      <main className="page" id="main">
        <ErrorNote message={error} onRetry={() => (team.error ? team.retry() : refresh())} />
      </main>
    ) : (
      <Spinner label="Loading the features" />
    );
  }
  const role = roleIn(state, user.id);
  // The live team state has the newest feature fields; the list adds progress.
  const summaries: FeatureSummary[] = list.value.map((s) => ({ ...s, feature: state.features.get(s.feature.id) ?? s.feature }));
  const counts = new Map(FILTERS.map((f) => [f.id, summaries.filter((s) => matchesStatus(s.feature, f.id)).length]));
  const shown = sortFeatures(summaries.filter((s) => matchesStatus(s.feature, filter)));

  return (
    <main className="page page--wide" id="main" data-testid="features-page">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › <Link to={paths.team(teamId)}>{state.team.name}</Link>
      </p>
      <h1>Features</h1>
      <TeamNav teamId={teamId} active="features" />
      <div className="section__head">
        <div className="segmented" role="group" aria-label="Show features">
          {FILTERS.map((f) => (
            <button key={f.id} type="button" className="segmented__option" aria-pressed={filter === f.id} onClick={() => setFilter(f.id)}>
              {f.label}
              <span className="segmented__count">{counts.get(f.id)}</span>
            </button>
          ))}
        </div>
        {can(role, 'plan') && (
          <button type="button" className="button button--primary section__end" onClick={() => setEditing('new')} data-testid="new-feature">
            <Icon name="plus" /> New feature
          </button>
        )}
      </div>
      {shown.length === 0 ? (
        <EmptyNote>{summaries.length === 0 ? 'No features yet. A feature is an IDD project with a lead and its stories across the boards.' : 'No feature has this status.'}</EmptyNote>
      ) : (
        <ScrollRegion label="Features">
          <table className="table feature-table" data-testid="feature-list">
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col">Status</th>
                <th scope="col">Lead</th>
                <th scope="col">Customer</th>
                <th scope="col" className="feature-table__progress">
                  Progress
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ feature, progress }) => {
                const lead = feature.leadId ? state.members.get(feature.leadId) : undefined;
                return (
                  <tr key={feature.id} data-feature-id={feature.id}>
                    <th scope="row">
                      <Link to={paths.feature(feature.id)} className="feature-table__name">
                        {feature.name}
                      </Link>
                      {feature.goal && <span className="feature-table__goal">{firstLine(feature.goal)}</span>}
                    </th>
                    <td>
                      <FeatureStatusBadge status={feature.status} />
                    </td>
                    <td>
                      {lead ? (
                        <span className="person">
                          <Avatar userId={lead.userId} name={lead.name} size="sm" />
                          {lead.name}
                        </span>
                      ) : (
                        <span className="muted">No lead</span>
                      )}
                    </td>
                    <td>{feature.customer || <span className="muted">–</span>}</td>
                    <td className="feature-table__progress">
                      <ProgressBar done={progress.donePoints} total={progress.points} label={`${feature.name}: points done`} size="sm" />
                      <span className="muted feature-table__cards">
                        {progress.doneCards} of {progress.cards} cards done
                      </span>
                    </td>
                    <td className="table__actions">
                      {canEditFeature(role, user.id, feature) && (
                        <button type="button" className="button button--small button--quiet" onClick={() => setEditing(feature)} aria-label={`Edit '${feature.name}'`}>
                          <Icon name="edit" /> Edit
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <section className="section" aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">Pairing matrix</h2>
        <p className="muted section__lede">Who has paired with whom, across every feature: pair people who have not worked together yet to spread knowledge.</p>
        <PairingMatrix teamId={teamId} revision={pairsRevision} />
      </section>
      {editing && (
        <FeatureDialog
          teamId={teamId}
          feature={editing === 'new' ? null : editing}
          members={state.members}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
    </main>
  );
}

/** The goal's first line as plain text, for the list (the feature page renders it in full). */
function firstLine(goal: string): string {
  const line = goal.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.replace(/[#*_`>[\]]/g, '').trim();
}
