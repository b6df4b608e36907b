/**
 * Turns the board state into what the grid draws: columns and swimlanes in
 * order, and per cell the visible cards in rank order. Cell arrays that did
 * not change keep their identity, so only the cells an event touched render.
 */
import { byRank, type BoardState, type Card, type Column, type Lane } from '@opsboard/shared';

export interface BoardLayout {
  columns: Column[];
  /** Swimlanes in order; empty when the board has none. */
  lanes: Lane[];
  /** Rows to draw: lane ids, plus null for cards outside any lane (the only row when there are no lanes). */
  rows: (string | null)[];
  cells: ReadonlyMap<string, Card[]>;
  /** Live cards per column (all of them, filtered or not: WIP counts everything). */
  columnCounts: ReadonlyMap<string, number>;
  visible: number;
  total: number;
}

export function cellKey(columnId: string, laneId: string | null): string {
  return `${columnId}:${laneId ?? '-'}`;
}

const EMPTY: Card[] = [];

export function buildLayout(state: BoardState, matches: (card: Card) => boolean, previous: BoardLayout | null): BoardLayout {
  const columns = [...state.columns.values()].sort(byRank);
  const lanes = [...state.lanes.values()].sort(byRank);
  const cells = new Map<string, Card[]>();
  const columnCounts = new Map<string, number>(columns.map((c) => [c.id, 0]));
  let visible = 0;
  let strays = false;
  for (const card of state.cards.values()) {
    if (!columnCounts.has(card.columnId)) continue;
    columnCounts.set(card.columnId, columnCounts.get(card.columnId)! + 1);
    if (!matches(card)) continue;
    const laneId = card.laneId !== null && state.lanes.has(card.laneId) ? card.laneId : null;
    if (laneId === null && lanes.length > 0) strays = true;
    const key = cellKey(card.columnId, laneId);
    const list = cells.get(key);
    if (list) list.push(card);
    else cells.set(key, [card]);
    visible += 1;
  }
  for (const [key, list] of cells) {
    list.sort(byRank);
    const before = previous?.cells.get(key);
    if (before && sameCards(before, list)) cells.set(key, before);
  }
  const rows: (string | null)[] = lanes.length === 0 ? [null] : [...lanes.map((l) => l.id), ...(strays ? [null] : [])];
  return { columns, lanes, rows, cells, columnCounts, visible, total: state.cards.size };
}

export function cellCards(layout: BoardLayout, columnId: string, laneId: string | null): Card[] {
  return layout.cells.get(cellKey(columnId, laneId)) ?? EMPTY;
}

function sameCards(a: readonly Card[], b: readonly Card[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
