/**
 * Where each cell of the grid is on screen. Cells register their scrolling
 * list element; a pointer position is resolved to a cell and to a slot in it
 * by reading the rectangles of the tiles that are actually rendered.
 */
export interface CellEntry {
  key: string;
  columnId: string;
  laneId: string | null;
  /** The scrolling list of the cell. */
  element: HTMLElement;
  /** Scrolls the cell so that slot `index` (of its full card list) is visible. */
  reveal(index: number): void;
}

export const TILE_SELECTOR = '[data-tile-id]';

export class CellRegistry {
  private readonly cells = new Map<string, CellEntry>();

  register(entry: CellEntry): () => void {
    this.cells.set(entry.key, entry);
    return () => {
      if (this.cells.get(entry.key) === entry) this.cells.delete(entry.key);
    };
  }

  get(key: string): CellEntry | undefined {
    return this.cells.get(key);
  }

  /** The cell under a point, else the nearest cell of the column under it (so the gap between lanes and the header count). */
  hit(x: number, y: number): CellEntry | null {
    let best: CellEntry | null = null;
    let bestDistance = Infinity;
    for (const entry of this.cells.values()) {
      const r = entry.element.getBoundingClientRect();
      if (x < r.left || x > r.right) continue;
      const distance = y < r.top ? r.top - y : y > r.bottom ? y - r.bottom : 0;
      if (distance < bestDistance) {
        best = entry;
        bestDistance = distance;
      }
    }
    return bestDistance <= 160 ? best : null;
  }

  /**
   * The slot a point falls into: before the first rendered tile whose middle is
   * below it. `order` maps a card id to its index among the cell's other cards.
   */
  slotAt(entry: CellEntry, y: number, movingId: string, order: ReadonlyMap<string, number>): number {
    let last = -1;
    for (const tile of entry.element.querySelectorAll<HTMLElement>(TILE_SELECTOR)) {
      const id = tile.dataset.tileId;
      if (id === undefined || id === movingId) continue;
      const index = order.get(id);
      if (index === undefined) continue;
      const r = tile.getBoundingClientRect();
      if (y < r.top + r.height / 2) return index;
      last = index;
    }
    return last + 1;
  }
}
