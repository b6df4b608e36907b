import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { can, type Card, type CardDetail } from '@opsboard/shared';
import { cardsApi } from '../api/cards';
import { plainMessage } from '../api/errors';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { useServices } from '../app/services';
import type { BoardSnapshotView } from '../board/model/board-model';
import { cellCards } from '../board/model/layout';
import { slotsIn } from '../board/model/placement';
import { personLoad } from '../board/model/wip';
import { personName, useBoardEnv } from '../board/ui/board-env';
import { isStandIn } from '../board/ui/CardTile';
import { newKey } from '../lib/ids';
import { formatDateTime } from '../lib/time';
import { Icon } from '../ui/Icon';
import type { PersonWipNote } from './AssigneesField';
import { CardFields } from './CardFields';
import { ChecklistSection } from './ChecklistSection';
import { DescriptionField } from './DescriptionField';
import { CommentsSection } from '../conversation/CommentsSection';
import { useCommentRevision } from '../conversation/use-comment-revision';
import { HistorySection } from './HistorySection';
import { CardPokerHistory } from '../poker/CardPokerHistory';
import { LinksSection } from './LinksSection';
import { PostmortemSection } from './PostmortemSection';
import { TechnologiesSection } from './TechnologiesSection';
import { TitleField } from './TitleField';
import '../styles/backlog.css';

interface Props {
  cardId: string;
  /** The card as the board shows it; null when it is not (or no longer) on this board. */
  card: Card | null;
  snap: BoardSnapshotView;
  onClose: () => void;
}

/** The card in a side panel next to the board: every field editable, description, links and history. */
export function CardPanel({ cardId, card, snap, onClose }: Props) {
  const env = useBoardEnv();
  const panelRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const editable = env.canWrite && card !== null && !isStandIn(card);

  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  const close = () => {
    onClose();
    if (card) env.focus.moveTo(card.id);
  };
  const closeRef = useRef(close);
  useEffect(() => {
    closeRef.current = close;
  });

  // Escape also closes the panel when focus fell back to the page (a control in it went away).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && document.activeElement === document.body && !document.querySelector('dialog[open]')) closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <aside
      ref={panelRef}
      className="card-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          close();
        }
      }}
      data-testid="card-panel"
    >
      {card ? (
        <CardView card={card} snap={snap} editable={editable} titleId={titleId} onClose={close} />
      ) : (
        <MissingCard cardId={cardId} titleId={titleId} onClose={close} />
      )}
    </aside>
  );
}

function CardView({ card, snap, editable, titleId, onClose }: { card: Card; snap: BoardSnapshotView; editable: boolean; titleId: string; onClose: () => void }) {
  const env = useBoardEnv();
  const { user } = useServices();
  const { controller, people, features, teamWip } = env;
  const column = snap.state.columns.get(card.columnId);
  // Per-person limits count the whole team: the panel shows (and predicts with) fresh team-wide figures.
  useSyncExternalStore(teamWip.subscribe, () => teamWip.version);
  useEffect(() => void teamWip.refresh(), [teamWip, card.id]);
  const talk = useCommentRevision(env.model.store, card.id);
  const limit = snap.state.board.personWipLimit;
  const personWip =
    limit === null
      ? undefined
      : (userId: string): PersonWipNote => {
          const load = personLoad(snap.state, card, userId, (id) => personName(people, id), teamWip);
          return { note: `${load.held} in progress · limit ${limit}`, refusal: load.refusal };
        };
  // The PO ranks a backlog: top and bottom are one press away in the panel too.
  const ranks = editable && column?.category === 'backlog' && can(env.team?.members.get(user.id)?.role ?? null, 'plan');
  const rank = (edge: 'top' | 'bottom') => {
    const laneId = card.laneId !== null && snap.state.lanes.has(card.laneId) ? card.laneId : null;
    void controller.moveToEdge(card, card.columnId, laneId, edge);
  };
  const update = (changes: Parameters<typeof controller.update>[1]) => controller.update(card, changes);
  const moveTo = (columnId: string) => {
    const laneId = card.laneId !== null && snap.state.lanes.has(card.laneId) ? card.laneId : null;
    const index = columnId === card.columnId ? 0 : slotsIn(cellCards(snap.layout, columnId, laneId), card.id) - 1;
    void controller.move(card, { columnId, laneId, index });
  };
  return (
    <>
      <header className="card-panel__header">
        <span className="card-panel__ref">
          #{card.number} · {column?.name ?? ''}
        </span>
        {editable && (
          <>
            <button type="button" className="button button--small button--quiet" onClick={() => env.openMoveDialog(card)}>
              <Icon name="arrowRight" /> Move to…
            </button>
            {ranks && (
              <span className="rank-buttons" role="group" aria-label="Backlog rank">
                <button type="button" className="button button--small button--quiet" onClick={() => rank('top')} aria-label="Move to the top of the backlog" data-testid="rank-top">
                  <Icon name="chevron" className="icon--up" /> Top
                </button>
                <button type="button" className="button button--small button--quiet" onClick={() => rank('bottom')} aria-label="Move to the bottom of the backlog" data-testid="rank-bottom">
                  <Icon name="chevron" className="icon--down" /> Bottom
                </button>
              </span>
            )}
            <Link to={paths.pokerList(snap.state.board.teamId, [card.id])} className="button button--small button--quiet" data-testid="estimate-in-poker">
              Estimate in poker
            </Link>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => {
                if (!window.confirm(`Archive '${card.title}'? It leaves the board; you can restore it from Archived cards.`)) return;
                controller.archive(card);
                onClose();
              }}
            >
              <Icon name="archive" /> Archive
            </button>
          </>
        )}
        <button type="button" className="icon-button" aria-label="Close the card" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="card-panel__body">
        <TitleField card={card} editable={editable} onSave={(title) => update({ title })} labelId={titleId} />
        <CardFields card={card} state={snap.state} people={people} features={features} team={env.team} editable={editable} now={env.now} onChange={update} onMove={moveTo} personWip={personWip} />
        <DescriptionField card={card} editable={editable} onSave={(description) => update({ description })} />
        <ChecklistSection card={card} dod={snap.state.board.definitionOfDone} editable={editable} />
        <LinksSection card={card} boards={env.teamBoards.length > 0 ? env.teamBoards : [snap.state.board]} editable={editable} onChange={(links) => update({ links })} />
        {!isStandIn(card) && <TechnologiesSection cardId={card.id} teamId={snap.state.board.teamId} editable={editable} />}
        {!isStandIn(card) && <PostmortemSection cardId={card.id} teamId={snap.state.board.teamId} version={card.version} editable={editable} />}
        {!isStandIn(card) && (
          <CommentsSection key={card.id} cardId={card.id} store={env.model.store} selfId={user.id} people={people} canWrite={env.canWrite} isAdmin={env.team?.members.get(user.id)?.role === 'admin'} />
        )}
        {!isStandIn(card) && <CardPokerHistory cardId={card.id} version={card.version} names={(id) => personName(people, id)} />}
        {!isStandIn(card) && <HistorySection cardId={card.id} version={card.version} talk={talk} />}
        <p className="muted card-panel__meta">Created {formatDateTime(card.createdAt)} · last changed {formatDateTime(card.updatedAt)}</p>
      </div>
    </>
  );
}

function MissingCard({ cardId, titleId, onClose }: { cardId: string; titleId: string; onClose: () => void }) {
  const [detail, setDetail] = useState<CardDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  useEffect(() => {
    cardsApi.detail(cardId).then(setDetail, (err: unknown) => setError(plainMessage(err)));
  }, [cardId]);
  const restore = async () => {
    setRestoring(true);
    try {
      await cardsApi.restore(cardId, {}, newKey('restore'));
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setRestoring(false);
    }
  };
  return (
    <>
      <header className="card-panel__header">
        <h2 id={titleId} className="card-panel__ref">
          {detail ? `#${detail.card.number} ${detail.card.title}` : 'Card'}
        </h2>
        <button type="button" className="icon-button" aria-label="Close the card" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="card-panel__body">
        {error && <p className="field__error">{error}</p>}
        {!detail && !error && <p className="muted">Loading…</p>}
        {detail?.card.archivedAt && (
          <div className="note note--info">
            <p>This card is archived.</p>
            <button type="button" className="button button--small" disabled={restoring} onClick={() => void restore()}>
              Restore it to the board
            </button>
          </div>
        )}
        {detail && !detail.card.archivedAt && (
          <p>
            This card is on another board. <Link to={`${paths.board(detail.card.boardId)}?card=${detail.card.id}`}>Open it there</Link>.
          </p>
        )}
      </div>
    </>
  );
}
