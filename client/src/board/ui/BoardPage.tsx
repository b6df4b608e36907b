import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { byRank, can, type Board, type Card, type Member } from '@opsboard/shared';
import { Link } from '../../app/Link';
import { useDocumentTitle } from '../../app/page-title';
import { paths } from '../../app/routes';
import { navigate, useLocation } from '../../app/router';
import { includes } from '../../lib/guards';
import { useClock } from '../../lib/use-clock';
import { ErrorNote, Spinner } from '../../ui/Feedback';
import { runShortcut } from '../../ui/keyboard';
import { CardPanel } from '../../card/CardPanel';
import { BoardDnd } from '../dnd/BoardDnd';
import { parseFilter, withFilter, type BoardFilter } from '../model/filters';
import { firstCard, nextFocus } from '../model/navigation';
import { ArchivedBoardBanner } from '../settings/ArchivedBoardBanner';
import { BoardSettingsDialog, SETTINGS_TABS, type SettingsTab } from '../settings/BoardSettingsDialog';
import { toastArchived } from '../settings/restore-board';
import { ArchivedDialog } from './ArchivedDialog';
import { BoardEnvContext, type BoardEnv } from './board-env';
import { BoardGrid } from './BoardGrid';
import { BoardHeader } from './BoardHeader';
import { connectionView } from './connection';
import { ConnectionBanner } from './ConnectionBanner';
import { FilterBar } from './FilterBar';
import { HelpDialog } from './HelpDialog';
import { MoveToDialog } from './MoveToDialog';
import { OverrideDialog } from './OverrideDialog';
import { useBoardSession } from './use-board-session';
import { useBoardTextSearch } from '../../search/use-board-search';
import { usePaletteActions, type PaletteAction } from '../../search/palette-actions';

const NO_PEOPLE: ReadonlyMap<string, Member> = new Map();
const NO_BOARDS: readonly Board[] = [];

export function BoardPage({ boardId }: { boardId: string }) {
  const session = useBoardSession(boardId);
  const { services, parts, snap, team, role } = session;
  const location = useLocation();
  const filter = useMemo(() => parseFilter(location.search), [location.search]);
  const params = new URLSearchParams(location.search);
  const openCardId = params.get('card');
  const settingsParam = params.get('settings');
  const settingsTab: SettingsTab | null = settingsParam === null ? null : includes(SETTINGS_TABS, settingsParam) ? settingsParam : 'general';
  const [moving, setMoving] = useState<Card | null>(null);
  const [quickAdd, setQuickAdd] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'archived' | 'help' | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useClock(10 * 60_000);
  const archived = Boolean(snap?.state.board.archivedAt);
  const canWrite = can(role, 'write') && !archived;
  const canConfigure = can(role, 'configure');
  const teamFeatures = team?.features;
  const features = useMemo(() => new Map([...(teamFeatures?.values() ?? [])].map((f) => [f.id, f.name])), [teamFeatures]);

  const titledCard = openCardId ? snap?.state.cards.get(openCardId) : undefined;
  useDocumentTitle([titledCard ? `#${titledCard.number} ${titledCard.title}` : null, snap?.state.board.name ?? 'Board', team?.team.name]);

  useEffect(() => parts.model.setFilter(filter), [parts.model, filter]);
  useBoardTextSearch(parts.model, snap?.state.board.teamId ?? null, boardId, filter.q);
  useEffect(() => parts.focus.setFallback(snap ? firstCard(snap.layout) : null), [parts.focus, snap]);

  const setFilter = useCallback((next: BoardFilter) => navigate(`${location.pathname}${withFilter(location.search, next)}`, { replace: true }), [location.pathname, location.search]);
  const openCard = useCallback(
    (cardId: string | null) => {
      const params = new URLSearchParams(location.search);
      if (cardId) params.set('card', cardId);
      else params.delete('card');
      const query = params.toString();
      navigate(`${location.pathname}${query ? `?${query}` : ''}`);
    },
    [location.pathname, location.search],
  );
  const showSettings = useCallback(
    (tab: SettingsTab | null, replace = false) => {
      const next = new URLSearchParams(location.search);
      if (tab) next.set('settings', tab);
      else next.delete('settings');
      const query = next.toString();
      navigate(`${location.pathname}${query ? `?${query}` : ''}`, { replace });
    },
    [location.pathname, location.search],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?') return;
      runShortcut(event, () => {
        setDialog('help');
        return 'opened';
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const env = useMemo<BoardEnv>(
    () => ({
      model: parts.model,
      controller: parts.controller,
      drag: parts.drag,
      dragCtl: parts.dragCtl,
      focus: parts.focus,
      cells: parts.cells,
      teamWip: parts.teamWip,
      canWrite,
      people: team?.members ?? NO_PEOPLE,
      teamBoards: team?.boards ?? NO_BOARDS,
      features,
      team,
      now,
      openCard: (id) => openCard(id),
      openMoveDialog: (card) => setMoving(card),
      navigate: (cardId, key) => {
        const layout = parts.model.getSnapshot()?.layout;
        const next = layout ? nextFocus(layout, cardId, key) : null;
        if (!next) return false;
        parts.focus.moveTo(next);
        return true;
      },
      startQuickAdd: (columnId) => setQuickAdd(columnId),
    }),
    [parts, canWrite, team, features, now, openCard, setMoving, setQuickAdd],
  );

  const columnMap = snap?.state.columns;
  const firstColumnId = useMemo(() => {
    const live = [...(columnMap?.values() ?? [])].filter((c) => c.archivedAt === null);
    return live.sort(byRank)[0]?.id ?? null;
  }, [columnMap]);
  const boardName = snap?.state.board.name ?? 'this board';
  const actions = useMemo<PaletteAction[]>(
    () => [
      ...(canWrite && firstColumnId ? [{ id: 'new-card', label: 'New card', hint: boardName, run: () => setQuickAdd(firstColumnId) }] : []),
      { id: 'archived-cards', label: 'Show archived cards', hint: boardName, run: () => setDialog('archived') },
      { id: 'board-help', label: 'Show keyboard help', hint: boardName, run: () => setDialog('help') },
    ],
    [canWrite, firstColumnId, boardName, setQuickAdd, setDialog],
  );
  usePaletteActions(actions);

  if (session.accessLost) {
    return (
      <main className="page" id="main">
        <ErrorNote message={session.accessLost} />
        <p>
          <Link to={paths.teams()}>Go to your teams</Link>
        </p>
      </main>
    );
  }
  if (!snap) {
    return session.loadError ? (
      <main className="page" id="main">
        <ErrorNote message={session.loadError} onRetry={() => void parts.sync.reload()} />
      </main>
    ) : (
      <Spinner label="Opening the board" />
    );
  }

  const board = snap.state.board;
  const connection = connectionView(session.connection, session.phase);
  const shownCard = openCardId ? (snap.state.cards.get(openCardId) ?? null) : null;

  return (
    <BoardEnvContext value={env}>
      <main className="board-page" id="main" data-board-id={board.id} data-ready="true">
        <BoardHeader
          board={board}
          teamName={team?.team.name ?? null}
          boards={team?.boards ?? [board]}
          viewers={session.viewers}
          selfId={services.user.id}
          connection={connection}
          waiting={session.waiting}
          search={location.search}
          onShowArchived={() => setDialog('archived')}
          onShowHelp={() => setDialog('help')}
          onShowSettings={canConfigure && !archived ? () => showSettings('general') : undefined}
        />
        {archived && <ArchivedBoardBanner board={board} canConfigure={canConfigure} />}
        <ConnectionBanner
          view={connection}
          waiting={session.waiting}
          outboxOffline={session.outboxOffline}
          onRetry={() => {
            services.socket.reconnectNow();
            services.outbox.kick();
          }}
        />
        <FilterBar
          filter={filter}
          onChange={setFilter}
          state={snap.state}
          people={env.people}
          features={env.features}
          visible={snap.layout.visible}
          total={snap.layout.total}
          saved={{ teamId: snap.state.board.teamId, teamSeq: team?.seq ?? 0, canSaveForTeam: can(role, 'plan') }}
        />
        <div className="board-body">
          <BoardDnd scrollRef={scrollRef}>
            <BoardGrid snap={snap} boardKind={board.kind} quickAddColumn={quickAdd} onCloseQuickAdd={() => setQuickAdd(null)} scrollRef={scrollRef} />
          </BoardDnd>
          {openCardId && <CardPanel key={openCardId} cardId={openCardId} card={shownCard} snap={snap} onClose={() => openCard(null)} />}
        </div>
      </main>
      {moving && <MoveToDialog card={moving} snap={snap} onClose={() => setMoving(null)} />}
      {session.prompt && (
        <OverrideDialog
          request={session.prompt.request}
          onDone={(reason) => {
            session.prompt?.resolve(reason);
            session.setPrompt(null);
          }}
        />
      )}
      {dialog === 'archived' && <ArchivedDialog boardId={board.id} canWrite={canWrite} onClose={() => setDialog(null)} />}
      {dialog === 'help' && <HelpDialog onClose={() => setDialog(null)} />}
      {settingsTab && canConfigure && !archived && (
        <BoardSettingsDialog
          state={snap.state}
          tab={settingsTab}
          onTab={(tab) => showSettings(tab, true)}
          onClose={() => showSettings(null)}
          onArchived={(archivedBoard) => {
            navigate(paths.team(archivedBoard.teamId));
            toastArchived(archivedBoard);
          }}
        />
      )}
    </BoardEnvContext>
  );
}
