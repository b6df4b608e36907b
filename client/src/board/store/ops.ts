/**
 * Changes a person made that the server has not confirmed yet. The outbox
 * sends them (in order, each with its Idempotency-Key); the board store folds
 * them over the confirmed state so the screen shows them at once.
 */
import type { Card, CreateCardBody, MoveCardBody, UpdateCardBody } from '@opsboard/shared';

export type OpStatus = 'queued' | 'sending' | 'acked';

interface OpBase {
  /** Idempotency-Key of the request; the server echoes it as the events' clientMutationId. */
  key: string;
  boardId: string;
  /** When the person made the change (ISO), for messages and the optimistic column-entry time. */
  at: string;
  status: OpStatus;
}

export interface MoveOp extends OpBase {
  kind: 'move';
  cardId: string;
  cardTitle: string;
  /** Card version the person saw; later edits of the same card build on it. */
  baseVersion: number;
  toColumnId: string;
  laneId: string | null;
  afterCardId: string | null;
  beforeCardId: string | null;
  overrideReason: string | null;
  /** Version of the card the server returned; the op is folded in once the board holds it. */
  ackVersion?: number;
}

export interface UpdateOp extends OpBase {
  kind: 'update';
  cardId: string;
  cardTitle: string;
  baseVersion: number;
  changes: Omit<UpdateCardBody, 'version'>;
  ackVersion?: number;
}

export interface CreateOp extends OpBase {
  kind: 'create';
  /** Id of the stand-in card shown until the server's card arrives. */
  tempId: string;
  body: CreateCardBody & { title: string; columnId: string };
  ackCardId?: string;
}

export interface ArchiveOp extends OpBase {
  kind: 'archive';
  cardId: string;
  cardTitle: string;
  baseVersion: number;
  ackVersion?: number;
}

export type PendingOp = MoveOp | UpdateOp | CreateOp | ArchiveOp;

/** The card an op is about (the stand-in id for creates). */
export function opCardId(op: PendingOp): string {
  return op.kind === 'create' ? op.tempId : op.cardId;
}

export function opTitle(op: PendingOp): string {
  return op.kind === 'create' ? op.body.title : op.cardTitle;
}

/** The request body of a move, naming both neighbours so the server can place it robustly. */
export function moveBody(op: MoveOp): MoveCardBody {
  return {
    toColumnId: op.toColumnId,
    laneId: op.laneId,
    afterCardId: op.afterCardId,
    beforeCardId: op.beforeCardId,
    ...(op.overrideReason !== null && { overrideReason: op.overrideReason }),
  };
}

export function updateBody(op: UpdateOp): UpdateCardBody {
  return { ...op.changes, version: op.baseVersion };
}

/** Whether the confirmed board already contains the op's effect (so the overlay can go). */
export function isReflected(op: PendingOp, cards: ReadonlyMap<string, Card>, seenKeys: ReadonlySet<string>): boolean {
  if (seenKeys.has(op.key)) return true;
  if (op.status !== 'acked') return false;
  switch (op.kind) {
    case 'create':
      return op.ackCardId !== undefined && cards.has(op.ackCardId);
    case 'move':
    case 'update':
    case 'archive': {
      const card = cards.get(op.cardId);
      // Gone from the board (archived, moved away) also means nothing is left to show.
      return card === undefined || (op.ackVersion !== undefined && card.version >= op.ackVersion);
    }
  }
}
