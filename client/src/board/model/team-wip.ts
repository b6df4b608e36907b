/**
 * What people hold in progress on the team's boards, for per-person WIP
 * predictions that match the server (which counts every live board of the
 * team). The open board counts its own cards live; the other boards' figures
 * come from `GET /api/teams/:id/person-wip`, refreshed when they are about to
 * matter: when the team loads, when a drag starts, when a card opens, when
 * the window regains focus, and after the server refused a change over a
 * person's limit.
 */
import type { Board, BoardHolding, PersonWip } from '@opsboard/shared';
import type { TeamWip } from './wip';

/** Refreshes closer together than this reuse the last answer (a drag right after opening a card, say). */
const FRESH_MS = 2_000;

export class TeamWipStore implements TeamWip {
  private rows: readonly PersonWip[] = [];
  private boards: readonly Board[] = [];
  private load: (() => Promise<PersonWip[]>) | null = null;
  private inflight: Promise<void> | null = null;
  private loadedAt = -Infinity;
  private generation = 0;
  private readonly listeners = new Set<() => void>();
  /** Changes whenever the figures do, for `useSyncExternalStore`. */
  version = 0;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Points the store at a team (its figures and its boards' order and names); a new team starts empty. */
  setTeam(load: () => Promise<PersonWip[]>, teamChanged: boolean): void {
    this.load = load;
    if (!teamChanged) return;
    this.generation++;
    this.rows = [];
    this.loadedAt = -Infinity;
    this.inflight = null;
    this.changed();
  }

  setBoards(boards: readonly Board[]): void {
    if (boards === this.boards) return;
    this.boards = boards;
    this.changed();
  }

  /** Fetches the figures unless they are fresh or on their way; `force` skips the freshness check (after a refusal). */
  refresh(force = false): Promise<void> {
    const load = this.load;
    if (!load) return Promise.resolve();
    if (this.inflight) return this.inflight;
    if (!force && this.now() - this.loadedAt < FRESH_MS) return Promise.resolve();
    const generation = this.generation;
    const run: Promise<void> = load()
      .then(
        (rows) => {
          if (generation !== this.generation) return;
          this.rows = rows;
          this.loadedAt = this.now();
          this.changed();
        },
        // Without fresh figures the last ones stand; the server has the final word anyway.
        () => undefined,
      )
      .finally(() => {
        if (this.inflight === run) this.inflight = null;
      });
    this.inflight = run;
    return run;
  }

  where(userId: string, here: BoardHolding): readonly BoardHolding[] {
    const counts = new Map<string, number>();
    for (const r of this.rows) if (r.userId === userId && r.boardId !== here.boardId) counts.set(r.boardId, r.count);
    const out: BoardHolding[] = [];
    let placed = false;
    for (const board of this.boards) {
      if (board.id === here.boardId) {
        out.push(here);
        placed = true;
      } else {
        const count = counts.get(board.id);
        if (count !== undefined) out.push({ boardId: board.id, name: board.name, count });
        counts.delete(board.id);
      }
    }
    if (!placed) out.unshift(here);
    // A board the team list does not know yet (created a moment ago) still counts.
    for (const [boardId, count] of counts) out.push({ boardId, name: 'another board', count });
    return out;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
