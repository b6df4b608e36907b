/**
 * The move workload shared by the product and the bare-transaction baseline:
 * cards shuttle between two columns, each placed after a neighbour anchor.
 * Every other card of each column is an anchor and never moves, so an anchor
 * is always where the move says it is. The moving cards are split into fixed
 * queues: concurrent clients own disjoint queues and never race on one card.
 */
import { prng } from './stats.mjs';

export class MoveWorkload {
  /**
   * @param {{ id: string, columnId: string, rank: string }[]} cards the board's cards (snapshot order)
   * @param {string} columnA
   * @param {string} columnB
   * @param {number} queues how many disjoint queues (>= the highest concurrency used)
   * @param {number} seed
   */
  constructor(cards, columnA, columnB, queues, seed = 42) {
    this.columnA = columnA;
    this.columnB = columnB;
    this.random = prng(seed);
    /** @type {Map<string, string[]>} */
    this.anchors = new Map([
      [columnA, []],
      [columnB, []],
    ]);
    /** @type {Map<string, string>} card id -> column id */
    this.location = new Map();
    /** @type {string[]} */
    const movable = [];
    for (const column of [columnA, columnB]) {
      const inColumn = cards.filter((c) => c.columnId === column).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1));
      inColumn.forEach((c, i) => {
        if (i % 2 === 0) this.anchors.get(column).push(c.id);
        else {
          movable.push(c.id);
          this.location.set(c.id, column);
        }
      });
    }
    if (movable.length < queues * 2) throw new Error(`too few cards to move (${movable.length}) for ${queues} queues`);
    /** @type {string[][]} */
    this.queues = Array.from({ length: queues }, () => []);
    movable.forEach((id, i) => this.queues[i % queues].push(id));
    this.cursors = this.queues.map(() => 0);
    this.moves = 0;
  }

  /**
   * The next move of queue `q`. Call `done()` once it committed.
   * @param {number} q
   */
  next(q) {
    const k = q % this.queues.length;
    const queue = this.queues[k];
    const cardId = queue[this.cursors[k]++ % queue.length];
    const fromColumnId = /** @type {string} */ (this.location.get(cardId));
    const toColumnId = fromColumnId === this.columnA ? this.columnB : this.columnA;
    const anchors = /** @type {string[]} */ (this.anchors.get(toColumnId));
    const afterCardId = anchors[Math.floor(this.random() * anchors.length)];
    return {
      cardId,
      fromColumnId,
      toColumnId,
      afterCardId,
      done: () => {
        this.location.set(cardId, toColumnId);
        this.moves++;
      },
    };
  }
}
