/**
 * The team's boards: open one; for admins and POs also create a board,
 * reorder them, and restore archived ones. Kept live from the team stream,
 * so a board someone else creates, renames or archives shows at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { can, type Board, type Team } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { boardsApi } from '../api/boards';
import { teamsApi } from '../api/teams';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { navigate } from '../app/router';
import { restoreBoard } from '../board/settings/restore-board';
import { moveTarget } from '../board/settings/settings-model';
import { AttemptKeys } from '../lib/attempt-keys';
import { formatDateTime } from '../lib/time';
import { useTeamLive } from '../team/use-team-live';
import { announce } from '../ui/announcer';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { Icon } from '../ui/Icon';
import { MoveButtons, type Direction } from '../ui/MoveButtons';
import { showToast } from '../ui/toasts';
import { usePendingFocus } from '../ui/use-pending-focus';
import { BOARD_KIND_INFO } from './board-kinds';
import { splitBoards, upsertBoard } from './board-list';
import { NewBoardDialog } from './NewBoardDialog';

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; boards: Board[] };

export function BoardsSection({ team }: { team: Team }) {
  const teamId = team.id;
  const canConfigure = can(team.role, 'configure');
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [keys] = useState(() => new AttemptKeys('board'));
  const root = useRef<HTMLElement>(null);
  const focusLater = usePendingFocus(root);

  const load = useCallback(() => {
    teamsApi.allBoards(teamId).then(
      (boards) => setLoaded({ status: 'ready', boards }),
      (err: unknown) => setLoaded({ status: 'error', message: plainMessage(err) }),
    );
  }, [teamId]);
  useEffect(load, [load]);

  const apply = (board: Board) => setLoaded((l) => (l.status === 'ready' ? { status: 'ready', boards: upsertBoard(l.boards, board) } : l));
  useTeamLive(teamId, {
    onEvent: (event) => {
      if (event.type === 'board.created' || event.type === 'board.changed' || event.type === 'board.archived' || event.type === 'board.restored') apply(event.payload.board);
    },
    onReload: load,
  });

  if (loaded.status === 'loading') return <Spinner label="Loading the boards" />;
  if (loaded.status === 'error') return <ErrorNote message={loaded.message} onRetry={load} />;
  const { live, archived } = splitBoards(loaded.boards);
  const ids = live.map((b) => b.id);

  const move = async (board: Board, index: number, direction: Direction) => {
    const target = moveTarget(ids, index, direction);
    if (!target || busy) return;
    setBusy(board.id);
    focusLater(`[data-board-row="${board.id}"] [data-move="${direction}"]`);
    try {
      apply(await keys.run(['move', board.id, target.afterId], (key) => boardsApi.position(board.id, target.afterId, key)));
      announce(`${board.name} moved ${direction === 'up' ? 'earlier' : 'later'}: now ${direction === 'up' ? index : index + 2} of ${ids.length}.`);
    } catch (err) {
      showToast({ tone: 'error', title: `Could not move '${board.name}'`, message: plainMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  const restore = async (board: Board) => {
    setBusy(board.id);
    const restored = await restoreBoard(board);
    if (restored) {
      apply(restored);
      focusLater(`[data-board-row="${board.id}"] a`);
    }
    setBusy(null);
  };

  return (
    <section className="section" aria-labelledby="boards-heading" ref={root}>
      <div className="section__head">
        <h2 id="boards-heading">Boards</h2>
        {canConfigure && (
          <button type="button" className="button button--small" onClick={() => setCreating(true)}>
            <Icon name="plus" /> New board
          </button>
        )}
      </div>
      <ul className="board-list" data-testid="board-list">
        {live.map((board, index) => (
          <li key={board.id} className="board-list__entry" data-board-row={board.id}>
            <Link to={paths.board(board.id)} className={`board-list__item board-list__item--${board.kind}`}>
              <span className="board-list__kind">{BOARD_KIND_INFO[board.kind].short}</span>
              <span className="board-list__name">{board.name}</span>
              <span className="board-list__blurb">{BOARD_KIND_INFO[board.kind].blurb}</span>
            </Link>
            {canConfigure && live.length > 1 && (
              <div className="board-list__tools">
                <MoveButtons name={board.name} index={index} count={live.length} busy={busy !== null} axis="horizontal" onMove={(direction) => void move(board, index, direction)} />
              </div>
            )}
          </li>
        ))}
      </ul>
      {live.length === 0 && <p className="note note--empty">Every board of this team is archived.{canConfigure && ' Restore one below, or create a new one.'}</p>}
      {archived.length > 0 && (
        <details className="settings-archived archived-boards" data-testid="archived-boards">
          <summary>Archived boards ({archived.length})</summary>
          <ul className="plain-list">
            {archived.map((board) => (
              <li key={board.id} className="plain-list__row">
                <span>
                  <Link to={paths.board(board.id)}>{board.name}</Link>
                  <span className="muted">
                    {' '}
                    · {BOARD_KIND_INFO[board.kind].title}
                    {board.archivedAt && ` · archived ${formatDateTime(board.archivedAt)}`}
                  </span>
                </span>
                {canConfigure && (
                  <button type="button" className="button button--small" aria-label={`Restore ${board.name}`} aria-disabled={busy !== null} onClick={() => busy === null && void restore(board)}>
                    Restore
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {creating && (
        <NewBoardDialog
          teamId={teamId}
          onClose={() => setCreating(false)}
          onCreated={(board) => {
            apply(board);
            announce(`Created the board ${board.name}.`);
            navigate(paths.board(board.id, '?settings=columns'));
          }}
        />
      )}
    </section>
  );
}
