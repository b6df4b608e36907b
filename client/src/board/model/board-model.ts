/**
 * What the board page renders from, as one external store: the store's view
 * laid out under the current filter. The layout is rebuilt only when the
 * board or the filter changes, reusing unchanged cells so memoised columns
 * and tiles skip rendering.
 */
import type { BoardState, Card } from '@opsboard/shared';
import type { BoardStore, LiveChange } from '../store/board-store';
import { cardMatcher, NO_FILTER, type BoardFilter } from './filters';
import { buildLayout, type BoardLayout } from './layout';

export interface BoardSnapshotView {
  state: BoardState;
  layout: BoardLayout;
  unsynced: ReadonlySet<string>;
  liveChanges: ReadonlyMap<string, LiveChange>;
  filter: BoardFilter;
}

export class BoardModel {
  private filterValue: BoardFilter = NO_FILTER;
  private matcher: (card: Card) => boolean = cardMatcher(NO_FILTER);
  /** What the server's full-text search found, for which words. */
  private textHits: { q: string; ids: ReadonlySet<string> } | null = null;
  private snapshot: BoardSnapshotView | null = null;
  private builtFor = { revision: -1, filter: NO_FILTER };
  private readonly listeners = new Set<() => void>();

  constructor(readonly store: BoardStore) {
    store.subscribe(() => this.emit());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setFilter(filter: BoardFilter): void {
    if (JSON.stringify(filter) === JSON.stringify(this.filterValue)) return;
    this.filterValue = filter;
    this.rebuildMatcher();
  }

  /** The server's full-text answer for some words; used while the filter's words are those. */
  setTextHits(q: string, ids: ReadonlySet<string>): void {
    this.textHits = { q: q.trim(), ids };
    this.rebuildMatcher();
  }

  private rebuildMatcher(): void {
    const q = this.filterValue.q.trim();
    this.matcher = cardMatcher(this.filterValue, this.textHits !== null && this.textHits.q === q ? this.textHits.ids : null);
    // A new filter object makes the cached layout stale even when the filter itself did not change.
    this.filterValue = { ...this.filterValue };
    this.emit();
  }

  /** The current view; the same object until the board or the filter changes. */
  getSnapshot = (): BoardSnapshotView | null => {
    const state = this.store.view;
    if (!state) return null;
    const { revision } = this.store;
    if (this.snapshot && this.builtFor.revision === revision && this.builtFor.filter === this.filterValue) return this.snapshot;
    this.snapshot = {
      state,
      layout: buildLayout(state, this.matcher, this.snapshot?.layout ?? null),
      unsynced: this.store.unsynced,
      liveChanges: this.store.liveChanges,
      filter: this.filterValue,
    };
    this.builtFor = { revision, filter: this.filterValue };
    return this.snapshot;
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
