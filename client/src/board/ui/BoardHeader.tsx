import { useMemo, useState } from 'react';
import type { Board, Viewer } from '@opsboard/shared';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { IterationChip } from '../../planning/ui/IterationChip';
import { InterruptsStrip } from '../../potw/InterruptsStrip';
import { PotwBadge } from '../../potw/PotwBadge';
import { RaiseInterruptDialog } from '../../potw/RaiseInterruptDialog';
import { useRotation } from '../../potw/use-rotation';
import { BOARD_KIND_INFO } from '../../teams/board-kinds';
import { AvatarGroup } from '../../ui/Avatar';
import { Icon } from '../../ui/Icon';
import { personName, useBoardEnv } from './board-env';
import { usePaletteActions } from '../../search/palette-actions';
import type { ConnectionView } from './connection';

interface Props {
  board: Board;
  teamName: string | null;
  boards: readonly Board[];
  viewers: Viewer[];
  selfId: string;
  connection: ConnectionView;
  waiting: number;
  search: string;
  onShowArchived: () => void;
  onShowHelp: () => void;
  /** Opens the board settings; absent for people who may not change them (members, viewers). */
  onShowSettings?: (() => void) | undefined;
}

const STATUS: Record<ConnectionView['kind'], { label: string; tone: string }> = {
  live: { label: 'Live', tone: 'ok' },
  'catching-up': { label: 'Catching up', tone: 'busy' },
  reconnecting: { label: 'Reconnecting', tone: 'warn' },
  'auth-lost': { label: 'Logged out', tone: 'bad' },
  outdated: { label: 'Reload needed', tone: 'bad' },
};

/**
 * Board name, the switcher across the team's boards, the Person of the Week (and a way to raise an
 * interrupt with them), who else is here, and whether the board is live. The interrupts board adds
 * its inbox and this week's figures underneath.
 */
export function BoardHeader({ board, teamName, boards, viewers, selfId, connection, waiting, search, onShowArchived, onShowHelp, onShowSettings }: Props) {
  const status = STATUS[connection.kind];
  const others = viewers.filter((v) => v.userId !== selfId);
  const present = viewers.length > 0 ? viewers : [];
  const env = useBoardEnv();
  // Any team event (rotation, overrides, members) moves the team's seq: a cheap cue to ask again.
  const rotation = useRotation(board.teamId, env.team?.seq ?? 0);
  const [raising, setRaising] = useState(false);
  const canRaise = env.canWrite;
  usePaletteActions(useMemo(() => (canRaise ? [{ id: 'raise-interrupt', label: 'Raise an interrupt', hint: board.name, run: () => setRaising(true) }] : []), [canRaise, board.name]));
  const potw = rotation.info ? rotation.info.current : undefined;
  const name = (id: string) => personName(env.people, id);
  return (
    <>
      <header className="board-header">
        <div className="board-header__title">
          {teamName && (
            <Link to={paths.team(board.teamId)} className="board-header__team">
              {teamName}
            </Link>
          )}
          <h1 className="board-header__name">{board.name}</h1>
        </div>
        <nav className="board-switcher" aria-label="Team boards">
          {boards.map((b) => (
            <Link key={b.id} to={paths.board(b.id, b.id === board.id ? search : '')} className="board-switcher__item" aria-current={b.id === board.id ? 'page' : undefined} title={b.name}>
              {/* The kind says it while there is one board of each; a second board of a kind goes by its name. */}
              {boards.filter((x) => x.kind === b.kind).length > 1 ? b.name : BOARD_KIND_INFO[b.kind].short}
            </Link>
          ))}
        </nav>
        {/* The running iteration and the Person of the Week share a row (one line on a phone too). */}
        <div className="board-header__potw">
          {board.kind !== 'interrupts' && <IterationChip team={env.team} userId={selfId} now={env.now} />}
          <PotwBadge teamId={board.teamId} shift={potw} name={name} timezone={rotation.info?.settings?.timezone ?? null} />
          {env.canWrite && (
            <button type="button" className="button button--small" onClick={() => setRaising(true)} data-testid="raise-interrupt">
              <Icon name="plus" />
              <span className="board-header__label">Raise an interrupt</span>
            </button>
          )}
        </div>
        <div className="board-header__end">
          <Link to={paths.standup(board.teamId, board.id)} className="button button--small" data-testid="standup-link" title="Standup mode: walk this board right to left">
            Standup
          </Link>
          {present.length > 0 && (
            <div className="presence" data-testid="presence">
              <AvatarGroup people={present} max={5} label={`Viewing now: ${present.map((v) => (v.userId === selfId ? `${v.name} (you)` : v.name)).join(', ')}`} />
              <span className="presence__text" aria-hidden="true">
                {others.length === 0 ? 'Only you' : `${others.length + 1} here`}
              </span>
            </div>
          )}
          <span className={`status-pill status-pill--${status.tone}`} role="status" data-testid="connection-status" data-state={connection.kind}>
            <span className="status-pill__dot" aria-hidden="true" />
            {status.label}
            {waiting > 0 && <span className="status-pill__waiting"> · {waiting} unsaved</span>}
          </span>
          {board.personWipLimit !== null && (
            <span
              className="badge board-header__person-limit"
              title={`Per-person WIP limit: ${board.personWipLimit} ${board.personWipLimit === 1 ? 'card' : 'cards'} in progress each, counted across the team's boards (${board.personWipPolicy === 'block' ? 'moves over it are refused' : 'going over it needs a reason'})`}
              data-testid="person-limit"
            >
              <Icon name="user" /> {board.personWipLimit} per person
            </span>
          )}
          {onShowSettings && (
            <button type="button" className="button button--small" onClick={onShowSettings} data-testid="board-settings">
              <Icon name="settings" />
              <span className="board-header__label">Settings</span>
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Archived cards" title="Archived cards" onClick={onShowArchived}>
            <Icon name="archive" />
          </button>
          <button type="button" className="icon-button board-header__shortcuts" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={onShowHelp}>
            <Icon name="keyboard" />
          </button>
        </div>
      </header>
      {board.kind === 'interrupts' && <InterruptsStrip teamId={board.teamId} />}
      {raising && <RaiseInterruptDialog teamId={board.teamId} potw={potw ? { name: name(potw.userId), self: potw.userId === selfId } : null} onClose={() => setRaising(false)} />}
    </>
  );
}
