/**
 * /features/:id — one feature: its goal, lead and customer, progress, its
 * cards across the boards, the pairs by iteration (set by the lead or shown by the cards), and the
 * team's pairing matrix. Live from the team stream and the boards.
 */
import { useMemo, useState } from 'react';
import { byRank, type Board, type Card, type Column, type FeatureDetail } from '@opsboard/shared';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { useServices } from '../app/services';
import { useMarkdown } from '../card/use-markdown';
import { iterationsInOrder } from '../team/team-state';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { TeamNav } from '../teams/TeamNav';
import { Avatar } from '../ui/Avatar';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { Icon } from '../ui/Icon';
import { planningApi } from '../api/planning';
import { FeatureDialog } from './features/FeatureDialog';
import { PairingMatrix } from './features/PairingMatrix';
import { PairsSection } from './features/PairsSection';
import { canEditFeature } from './model/features';
import { stageOf, STAGE_LABEL } from './model/iteration-cards';
import { PlanCard } from './ui/PlanCard';
import { ProgressBar } from './ui/ProgressBar';
import { FeatureStatusBadge } from './ui/StateBadge';
import { useFresh } from './use-fresh';
import { useLiveBoards } from './use-live-boards';
import '../styles/planning.css';
import '../styles/features.css';

export function FeaturePage({ featureId }: { featureId: string }) {
  const detail = useFresh(() => planningApi.feature(featureId), featureId);
  useDocumentTitle(detail.value ? null : ['Feature']);
  if (!detail.value) {
    return detail.error ? (
      <main className="page" id="main">
        <ErrorNote message={detail.error} onRetry={detail.refresh} />
      </main>
    ) : (
      <Spinner label="Loading the feature" />
    );
  }
  return <FeatureView detail={detail.value} refresh={detail.refresh} />;
}

function FeatureView({ detail, refresh }: { detail: FeatureDetail; refresh: () => void }) {
  const { user } = useServices();
  const teamId = detail.feature.teamId;
  const [pairsRevision, setPairsRevision] = useState(0);
  const team = useTeamLive(teamId, {
    onEvent: (event) => {
      if (event.type === 'feature.pairs_set' || event.type === 'iteration.closed' || event.type === 'iteration.started') setPairsRevision((r) => r + 1);
      if ((event.type === 'feature.updated' && event.payload.feature.id === detail.feature.id) || (event.type === 'feature.pairs_set' && event.payload.featureId === detail.feature.id)) refresh();
    },
    onReload: refresh,
  });
  const state = team.state;
  const boardIds = useMemo(() => [...new Set([...detail.cards.map((c) => c.boardId), ...(state?.boards.filter((b) => b.kind !== 'interrupts').map((b) => b.id) ?? [])])], [detail.cards, state?.boards]);
  // Cards change pairs too (two people on a card), so a card change refreshes the pairs and the matrix.
  const live = useLiveBoards(
    boardIds,
    () => {
      refresh();
      setPairsRevision((r) => r + 1);
    },
    400,
  );
  const [editing, setEditing] = useState(false);
  const goalHtml = useMarkdown(detail.feature.goal);

  const feature = state?.features.get(detail.feature.id) ?? detail.feature;
  useDocumentTitle([feature.name, state?.team.name]);
  const members = state?.members ?? new Map();
  const role = roleIn(state, user.id);
  const editable = canEditFeature(role, user.id, feature);
  const lead = feature.leadId ? members.get(feature.leadId) : undefined;
  const iterations = state ? iterationsInOrder(state) : [];
  const boards = state?.boards ?? [];
  const cards = detail.cards.map((c) => live.states.get(c.boardId)?.cards.get(c.id) ?? c);
  const byBoard = groupByBoard(cards, boards, (card) => live.states.get(card.boardId)?.columns.get(card.columnId));

  return (
    <main className="page page--wide" id="main" data-testid="feature-page">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › <Link to={paths.team(teamId)}>{state?.team.name ?? 'Team'}</Link> › <Link to={paths.features(teamId)}>Features</Link>
      </p>
      <div className="title-row">
        <h1>{feature.name}</h1>
        <FeatureStatusBadge status={feature.status} />
        <div className="title-row__actions">
          {editable && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              <Icon name="edit" /> Edit
            </button>
          )}
        </div>
      </div>
      <TeamNav teamId={teamId} active="features" />
      {team.error && <ErrorNote message={team.error} onRetry={team.retry} />}

      <div className="feature-head">
        <dl className="facts">
          <dt>Feature lead</dt>
          <dd>
            {lead ? (
              <span className="person">
                <Avatar userId={lead.userId} name={lead.name} size="sm" />
                {lead.name}
                {lead.userId === user.id && <span className="badge badge--accent">you</span>}
              </span>
            ) : (
              <span className="muted">Nobody yet</span>
            )}
          </dd>
          <dt>Customer</dt>
          <dd>{feature.customer || <span className="muted">–</span>}</dd>
          <dt>Progress</dt>
          <dd>
            <ProgressBar done={detail.progress.donePoints} total={detail.progress.points} label="Points done of the feature's total" />
            <span className="muted">
              {detail.progress.doneCards} of {detail.progress.cards} cards done
            </span>
          </dd>
        </dl>
        <div className="feature-goal">
          <h2 className="feature-goal__title">Goal</h2>
          {feature.goal ? goalHtml === null ? <p className="feature-goal__plain">{feature.goal}</p> : <div className="markdown" dangerouslySetInnerHTML={{ __html: goalHtml }} /> : <p className="muted">No goal written yet.</p>}
        </div>
      </div>

      <section className="section" aria-labelledby="feature-cards-heading">
        <h2 id="feature-cards-heading">Cards across the boards</h2>
        {byBoard.length === 0 && <EmptyNote>No card belongs to this feature yet. Pick the feature in a card's panel on any board.</EmptyNote>}
        <div className="feature-boards">
          {byBoard.map(({ board, cards: list }) => (
            <div key={board.id} className="feature-board">
              <h3 className="plan-group__title">
                <span className={`kind-dot kind-dot--${board.kind}`} aria-hidden="true" /> <Link to={paths.board(board.id, `?feature=${feature.id}`)}>{board.name}</Link>
                <span className="muted"> · {list.length} {list.length === 1 ? 'card' : 'cards'}</span>
              </h3>
              <ul className="plan-list">
                {list.map((card) => {
                  const column = live.states.get(card.boardId)?.columns.get(card.columnId);
                  const stage = stageOf(column?.category);
                  return (
                    <li key={card.id}>
                      <PlanCard card={card} people={members} featureName={null} note={<span className={`stage-chip stage-chip--${stage}`}>{column?.name ?? STAGE_LABEL[stage]}</span>} />
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      </section>

      <section className="section" aria-labelledby="pairs-heading">
        <h2 id="pairs-heading">Pairs by iteration</h2>
        <p className="muted section__lede">
          Two people on one of the feature's cards are a pair; the feature lead also sets the pairs for each iteration{editable ? '' : ' (only the lead or the product owner changes those)'}.
        </p>
        <PairsSection key={`${detail.feature.id}:${detail.pairs.length}`} detail={detail} iterations={iterations} members={members} editable={editable} onSaved={refresh} />
      </section>

      <section className="section" aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">Pairing matrix</h2>
        <PairingMatrix teamId={teamId} revision={pairsRevision} />
      </section>

      {editing && state && (
        <FeatureDialog
          teamId={teamId}
          feature={feature}
          members={members}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            refresh();
          }}
        />
      )}
    </main>
  );
}

/** Cards per board in the team's board order; on each board, in the board's column order (rightmost, i.e. nearest done, last), then by rank. */
function groupByBoard(cards: readonly Card[], boards: readonly Board[], columnOf: (card: Card) => Column | undefined): { board: Board; cards: Card[] }[] {
  const columnRank = (card: Card) => columnOf(card)?.rank ?? '';
  return boards
    .map((board) => ({
      board,
      cards: cards.filter((c) => c.boardId === board.id).sort((a, b) => (columnRank(a) === columnRank(b) ? byRank(a, b) : columnRank(a) < columnRank(b) ? -1 : 1)),
    }))
    .filter((g) => g.cards.length > 0);
}
