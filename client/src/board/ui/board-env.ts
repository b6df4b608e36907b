/** What every cell and tile of one board shares; changes rarely (people, permissions, the day), so tiles stay memoised. */
import { createContext, useContext } from 'react';
import type { Board, Card, Member } from '@opsboard/shared';
import type { TeamState } from '../../team/team-state';
import type { CellRegistry } from '../dnd/cells';
import type { DragController } from '../dnd/drag-controller';
import type { BoardModel } from '../model/board-model';
import type { TeamWipStore } from '../model/team-wip';
import type { DragState, FocusState } from '../model/ui-stores';
import type { BoardController } from './controller';

export interface BoardEnv {
  model: BoardModel;
  controller: BoardController;
  drag: DragState;
  dragCtl: DragController;
  focus: FocusState;
  cells: CellRegistry;
  /** What people hold in progress on the team's boards (per-person limits). */
  teamWip: TeamWipStore;
  canWrite: boolean;
  people: ReadonlyMap<string, Member>;
  /** The team's live boards (switcher, link search). */
  teamBoards: readonly Board[];
  /** Feature names by id, where the team has features. */
  features: ReadonlyMap<string, string>;
  /** The team as last loaded (features and iterations for the card panel), null while loading. */
  team: TeamState | null;
  /** The time (ms), refreshed every ten minutes: ages and due dates stay right without re-rendering every second. */
  now: number;
  openCard(cardId: string): void;
  openMoveDialog(card: Card): void;
  /** Moves keyboard focus from a tile in the direction of an arrow key (or Home/End). */
  navigate(cardId: string, key: string): boolean;
  startQuickAdd(columnId: string): void;
}

export const BoardEnvContext = createContext<BoardEnv | null>(null);

export function useBoardEnv(): BoardEnv {
  const env = useContext(BoardEnvContext);
  if (!env) throw new Error('useBoardEnv outside a board');
  return env;
}

export function personName(people: ReadonlyMap<string, Member>, userId: string): string {
  // An empty directory means the team is still loading, not that everyone left.
  return people.get(userId)?.name ?? (people.size === 0 ? '…' : 'a former member');
}
