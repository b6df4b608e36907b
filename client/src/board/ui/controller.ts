/**
 * The board's verbs: move, create, edit, archive a card. Each turns into an
 * op in the outbox (shown at once, sent in order) after the checks a person
 * should see first, such as a warn-policy WIP limit that needs a reason.
 */
import { type Card, type CardType, type CreateCardBody, type UpdateCardBody } from '@opsboard/shared';
import { newKey } from '../../lib/ids';
import { announce } from '../../ui/announcer';
import { showToast } from '../../ui/toasts';
import { dropVerdict, type DropVerdict } from '../model/drop-verdict';
import { cellCards, cellKey } from '../model/layout';
import type { BoardModel } from '../model/board-model';
import { neighboursAt, slotsIn, type DropTarget } from '../model/placement';
import { type TeamWip } from '../model/wip';
import { say, type PlaceWords } from '../model/words';
import type { Outbox } from '../store/outbox';

export interface OverrideRequest {
  card: Card;
  /** Where it would go, in words ("In progress"). */
  destination: string;
  /** The limit it would break, in the server's words. */
  message: string;
}

export interface ControllerDeps {
  model: BoardModel;
  outbox: Pick<Outbox, 'enqueue'>;
  names(userId: string): string;
  /** What people hold in progress on the team's other boards (per-person limits count the whole team). */
  team: TeamWip;
  /** Whether this person ranks backlogs (po, admin); null while their role is not known yet. */
  ranks(): boolean | null;
  /** Asks the person why the card may go over a soft limit; null means they gave up. */
  askOverride(request: OverrideRequest): Promise<string | null>;
}

export class BoardController {
  constructor(private readonly deps: ControllerDeps) {}

  private get snap() {
    const s = this.deps.model.getSnapshot();
    if (!s) throw new Error('board not loaded');
    return s;
  }

  /** Position words for a target in the current layout. */
  placeWords(target: DropTarget, movingId: string): PlaceWords {
    const { state, layout } = this.snap;
    const lane = target.laneId ? state.lanes.get(target.laneId) : undefined;
    return {
      column: state.columns.get(target.columnId)?.name ?? 'a column',
      lane: layout.lanes.length > 0 ? (lane?.name ?? 'no swimlane') : null,
      position: target.index + 1,
      of: slotsIn(cellCards(layout, target.columnId, target.laneId), movingId),
    };
  }

  /** What dropping the card into a cell would do (see drop-verdict.ts). */
  verdict(card: Card, target: { columnId: string; laneId: string | null }): DropVerdict {
    return dropVerdict(this.snap.state, card, target, { ranks: this.deps.ranks(), names: this.deps.names, team: this.deps.team });
  }

  /**
   * Moves a card to a drop target. A target the server would refuse (a hard
   * limit, a backlog only the PO ranks) leaves the card where it is and says
   * why, without a request; a warn-policy limit asks for a reason first.
   * Whatever the board could not know (a count that changed meanwhile) the
   * server still refuses, and that refusal rolls the card back with its reason.
   */
  async move(card: Card, target: DropTarget, opts: { reason?: string } = {}): Promise<boolean> {
    const { state, layout } = this.snap;
    const verdict = this.verdict(card, target);
    if (verdict.kind === 'refused') {
      const back = this.placeWords(this.placeOf(card), card.id);
      showToast({ tone: 'error', title: `Couldn't move '${card.title}'`, message: `${verdict.message} It stays in ${back.column}.`, timeout: 15_000 });
      announce(say.refused(card.title, verdict.message, back.column));
      return false;
    }
    // Someone who may not rank the backlog adds to its end, as the server would place it.
    const place = verdict.kind === 'ok' && verdict.bottom ? { ...target, index: slotsIn(cellCards(layout, target.columnId, target.laneId), card.id) - 1 } : target;
    const cell = cellCards(layout, place.columnId, place.laneId);
    const words = this.placeWords(place, card.id);
    let reason = opts.reason ?? null;
    if (reason === null && verdict.kind === 'ask') {
      reason = await this.deps.askOverride({ card, destination: words.column, message: verdict.message });
      if (reason === null) {
        announce(`Move cancelled. '${card.title}' stays where it was.`);
        return false;
      }
    }
    const { afterCardId, beforeCardId } = neighboursAt(cell, card.id, place.index);
    this.deps.outbox.enqueue({
      kind: 'move',
      key: newKey('move'),
      boardId: state.board.id,
      at: new Date().toISOString(),
      status: 'queued',
      cardId: card.id,
      cardTitle: card.title,
      baseVersion: card.version,
      toColumnId: place.columnId,
      laneId: place.laneId,
      afterCardId,
      beforeCardId,
      overrideReason: reason,
    });
    announce(say.moved(card.title, words));
    return true;
  }

  /** Moves to the top or bottom of a cell ("Move to…" and keyboard shortcuts). */
  moveToEdge(card: Card, columnId: string, laneId: string | null, edge: 'top' | 'bottom'): Promise<boolean> {
    const cell = cellCards(this.snap.layout, columnId, laneId);
    return this.move(card, { columnId, laneId, index: edge === 'top' ? 0 : slotsIn(cell, card.id) - 1 });
  }

  /**
   * Adds a card at the top of a cell (at the bottom of a backlog for people who
   * do not rank it, as the server places it). Resolves false when it was not
   * added: refused here, or the person gave no reason for a soft limit.
   */
  async create(columnId: string, laneId: string | null, title: string, type: CardType, prefill: Pick<CreateCardBody, 'description' | 'labels' | 'checklist'> = {}): Promise<boolean> {
    const { state } = this.snap;
    const column = state.columns.get(columnId);
    if (!column) return false;
    // A card that is in no column yet and held by nobody: only the column and lane limits apply.
    const probe: Card = { ...placeholderCard(state.board.id), title };
    const verdict = this.verdict(probe, { columnId, laneId });
    if (verdict.kind === 'refused') {
      showToast({ tone: 'error', title: `Couldn't add '${title}'`, message: verdict.message, timeout: 15_000 });
      announce(`'${title}' was not added: ${verdict.message}`);
      return false;
    }
    let reason: string | null = null;
    if (verdict.kind === 'ask') {
      reason = await this.deps.askOverride({ card: probe, destination: column.name, message: verdict.message });
      if (reason === null) return false;
    }
    this.deps.outbox.enqueue({
      kind: 'create',
      key: newKey('create'),
      tempId: newKey('new'),
      boardId: state.board.id,
      at: new Date().toISOString(),
      status: 'queued',
      body: { title, columnId, laneId, position: 0, type, ...prefill, ...(reason !== null && { overrideReason: reason }) },
    });
    const edge = column.category === 'backlog' && this.deps.ranks() === false ? 'bottom' : 'top';
    announce(`Added '${title}' to the ${edge} of ${column.name}.`);
    return true;
  }

  update(card: Card, changes: Omit<UpdateCardBody, 'version'>): void {
    if (Object.keys(changes).length === 0) return;
    this.deps.outbox.enqueue({
      kind: 'update',
      key: newKey('edit'),
      boardId: card.boardId,
      at: new Date().toISOString(),
      status: 'queued',
      cardId: card.id,
      cardTitle: card.title,
      baseVersion: card.version,
      changes,
    });
  }

  archive(card: Card): void {
    this.deps.outbox.enqueue({
      kind: 'archive',
      key: newKey('archive'),
      boardId: card.boardId,
      at: new Date().toISOString(),
      status: 'queued',
      cardId: card.id,
      cardTitle: card.title,
      baseVersion: card.version,
    });
    announce(`Archived '${card.title}'.`);
  }

  /** Asks for an override reason the server demanded (the board had not predicted it). */
  askOverrideFor(card: Card, destination: string, message: string): Promise<string | null> {
    return this.deps.askOverride({ card, destination, message });
  }

  /** The card's current place as a target. */
  placeOf(card: Card): DropTarget {
    const { layout, state } = this.snap;
    const laneId = card.laneId !== null && state.lanes.has(card.laneId) ? card.laneId : null;
    const cell = layout.cells.get(cellKey(card.columnId, laneId)) ?? [];
    return { columnId: card.columnId, laneId, index: Math.max(0, cell.findIndex((c) => c.id === card.id)) };
  }
}

/** A stand-in for WIP checks of a card that does not exist yet (nobody assigned, in no column). */
function placeholderCard(boardId: string): Card {
  const at = new Date().toISOString();
  return {
    id: 'new', boardId, number: 0, columnId: '', laneId: null, rank: 'a0', version: 0, title: '', description: '', type: 'story', points: null, assigneeIds: [],
    featureId: null, iterationId: null, labels: [], priority: 'none', blocked: false, blockedReason: null, dueDate: null, links: [], checklist: [], dodChecked: [], overrideReason: null,
    columnEnteredAt: at, createdAt: at, updatedAt: at, createdBy: null, archivedAt: null,
  };
}
