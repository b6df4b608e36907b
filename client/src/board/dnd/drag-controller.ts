/**
 * The drop target of a drag, in board terms (column, swimlane, slot), whether
 * the pointer or the arrow keys steer it. dnd-kit supplies the gestures and
 * the overlay; this decides where the card would land, whether it may (see
 * drop-verdict.ts), and says so in words.
 */
import type { Card } from '@opsboard/shared';
import { announce } from '../../ui/announcer';
import type { BoardModel } from '../model/board-model';
import { verdictWords } from '../model/drop-verdict';
import { cellCards, cellKey } from '../model/layout';
import { clampIndex, sameTarget, slotsIn, type DropTarget } from '../model/placement';
import type { DragState } from '../model/ui-stores';
import { say } from '../model/words';
import type { BoardController } from '../ui/controller';
import type { CellRegistry } from './cells';

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

export class DragController {
  private card: Card | null = null;
  private lastSpokenCell: string | null = null;
  private stopWatching: (() => void) | null = null;

  constructor(
    private readonly model: BoardModel,
    private readonly drag: DragState,
    private readonly cells: CellRegistry,
    private readonly controller: BoardController,
  ) {}

  get activeCard(): Card | null {
    return this.card;
  }

  start(cardId: string, mode: 'pointer' | 'keyboard'): boolean {
    const snap = this.model.getSnapshot();
    const card = snap?.state.cards.get(cardId);
    if (!snap || !card) return false;
    this.card = card;
    const origin = this.controller.placeOf(card);
    this.lastSpokenCell = cellKey(origin.columnId, origin.laneId);
    this.drag.start({ cardId, mode, origin }, (columnId, laneId) => this.controller.verdict(card, { columnId, laneId }));
    // A change on the board mid-drag (someone fills the column) changes the answers.
    this.stopWatching = this.model.subscribe(() => this.drag.rejudge());
    announce(say.pickedUp(card.title, this.controller.placeWords(origin, card.id)));
    return true;
  }

  /** Aims at the slot under the pointer (or nowhere, outside the columns). */
  pointerAt(x: number, y: number): void {
    const card = this.card;
    const snap = this.model.getSnapshot();
    if (!card || !snap) return;
    const entry = this.cells.hit(x, y);
    if (!entry) {
      if (this.drag.target !== null) announce(say.outside(card.title));
      this.lastSpokenCell = null;
      this.drag.aim(null);
      return;
    }
    const others = cellCards(snap.layout, entry.columnId, entry.laneId).filter((c) => c.id !== card.id);
    const order = new Map(others.map((c, i) => [c.id, i]));
    const target = this.placed({ columnId: entry.columnId, laneId: entry.laneId, index: this.cells.slotAt(entry, y, card.id, order) });
    this.drag.aim(target);
    // Pointer drags speak only when the cell changes; every slot would be chatter.
    if (entry.key !== this.lastSpokenCell) {
      this.lastSpokenCell = entry.key;
      announce(say.over(card.title, this.controller.placeWords(target, card.id), this.note(target)));
    }
  }

  /** Arrow keys during a keyboard drag: up/down within the cell (then into the next swimlane), left/right across columns. */
  key(code: string): boolean {
    const card = this.card;
    const snap = this.model.getSnapshot();
    const from = this.drag.target ?? this.drag.active?.origin;
    if (!card || !snap || !from || !isArrow(code)) return false;
    const { layout } = snap;
    const columns = layout.columns.map((c) => c.id);
    const rows = layout.rows;
    const col = columns.indexOf(from.columnId);
    const row = Math.max(0, rows.indexOf(from.laneId));
    const slots = (columnId: string, laneId: string | null) => slotsIn(cellCards(layout, columnId, laneId), card.id);
    let next: DropTarget = from;
    if (code === 'ArrowUp') {
      if (from.index > 0) next = { ...from, index: from.index - 1 };
      else if (row > 0) next = { ...from, laneId: rows[row - 1]!, index: slots(from.columnId, rows[row - 1]!) - 1 };
    } else if (code === 'ArrowDown') {
      if (from.index < slots(from.columnId, from.laneId) - 1) next = { ...from, index: from.index + 1 };
      else if (row < rows.length - 1) next = { ...from, laneId: rows[row + 1]!, index: 0 };
    } else {
      const to = columns[col + (code === 'ArrowLeft' ? -1 : 1)];
      if (to !== undefined) next = { columnId: to, laneId: from.laneId, index: clampIndex(cellCards(layout, to, from.laneId), card.id, from.index) };
    }
    next = this.placed(next);
    if (sameTarget(next, from)) {
      announce(`${say.over(card.title, this.controller.placeWords(from, card.id), this.note(from))} It cannot go further that way.`);
      return true;
    }
    this.drag.aim(next);
    this.reveal(next);
    announce(say.over(card.title, this.controller.placeWords(next, card.id), this.note(next)));
    return true;
  }

  /** Ends the drag; returns where the card should go, or null when it should stay. */
  finish(): { card: Card; target: DropTarget } | null {
    const card = this.card;
    const active = this.drag.active;
    const target = this.drag.target;
    this.reset();
    if (!card || !active) return null;
    if (!target) {
      announce(say.cancelled(card.title, this.controller.placeWords(active.origin, card.id)));
      return null;
    }
    if (sameTarget(target, active.origin)) {
      announce(say.unchanged(card.title, this.controller.placeWords(target, card.id)));
      return null;
    }
    return { card, target };
  }

  cancel(): void {
    const card = this.card;
    const active = this.drag.active;
    this.reset();
    if (card && active) announce(say.cancelled(card.title, this.controller.placeWords(active.origin, card.id)));
  }

  private reset(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    this.card = null;
    this.lastSpokenCell = null;
    this.drag.clear();
  }

  /** The target as the card would really land: at the end of a backlog the person may only add to. */
  private placed(target: DropTarget): DropTarget {
    const card = this.card;
    const snap = this.model.getSnapshot();
    const verdict = this.drag.verdictFor(target.columnId, target.laneId);
    if (!card || !snap || verdict?.kind !== 'ok' || !verdict.bottom) return target;
    return { ...target, index: slotsIn(cellCards(snap.layout, target.columnId, target.laneId), card.id) - 1 };
  }

  private reveal(target: DropTarget): void {
    const entry = this.cells.get(cellKey(target.columnId, target.laneId));
    if (!entry) return;
    entry.element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const cell = cellCards(this.model.getSnapshot()!.layout, target.columnId, target.laneId);
    const others = cell.filter((c) => c.id !== this.card?.id);
    const anchor = others[target.index] ?? others.at(-1);
    entry.reveal(anchor ? cell.indexOf(anchor) : 0);
  }

  /** What a person should know about dropping here: refused and why, a reason needed, or where it will land. */
  private note(target: DropTarget): string | null {
    const verdict = this.drag.verdictFor(target.columnId, target.laneId);
    return verdict ? verdictWords(verdict) : null;
  }
}

function isArrow(code: string): code is ArrowKey {
  return code === 'ArrowUp' || code === 'ArrowDown' || code === 'ArrowLeft' || code === 'ArrowRight';
}
