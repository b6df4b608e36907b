/** Moving keyboard focus between card tiles like cells of a grid: up and down a column, left and right across columns. */
import { cellCards, type BoardLayout } from './layout';

interface Place {
  col: number;
  row: number;
  index: number;
}

function find(layout: BoardLayout, cardId: string): Place | null {
  for (let col = 0; col < layout.columns.length; col++) {
    for (let row = 0; row < layout.rows.length; row++) {
      const index = cellCards(layout, layout.columns[col]!.id, layout.rows[row]!).findIndex((c) => c.id === cardId);
      if (index >= 0) return { col, row, index };
    }
  }
  return null;
}

function cell(layout: BoardLayout, col: number, row: number) {
  return cellCards(layout, layout.columns[col]!.id, layout.rows[row]!);
}

/** The card focus should move to, or null when there is none that way. */
export function nextFocus(layout: BoardLayout, cardId: string, key: string): string | null {
  const at = find(layout, cardId);
  if (!at) return null;
  const here = cell(layout, at.col, at.row);
  switch (key) {
    case 'ArrowUp': {
      if (at.index > 0) return here[at.index - 1]!.id;
      for (let row = at.row - 1; row >= 0; row--) {
        const above = cell(layout, at.col, row);
        if (above.length > 0) return above.at(-1)!.id;
      }
      return null;
    }
    case 'ArrowDown': {
      if (at.index < here.length - 1) return here[at.index + 1]!.id;
      for (let row = at.row + 1; row < layout.rows.length; row++) {
        const below = cell(layout, at.col, row);
        if (below.length > 0) return below[0]!.id;
      }
      return null;
    }
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = key === 'ArrowLeft' ? -1 : 1;
      // The nearest column with cards in this row; empty columns are skipped.
      for (let col = at.col + step; col >= 0 && col < layout.columns.length; col += step) {
        const side = cell(layout, col, at.row);
        if (side.length > 0) return side[Math.min(at.index, side.length - 1)]!.id;
      }
      return null;
    }
    case 'Home':
      return here[0]?.id ?? null;
    case 'End':
      return here.at(-1)?.id ?? null;
    default:
      return null;
  }
}

export function firstCard(layout: BoardLayout): string | null {
  for (const row of layout.rows) {
    for (const column of layout.columns) {
      const cards = cellCards(layout, column.id, row);
      if (cards.length > 0) return cards[0]!.id;
    }
  }
  return null;
}
