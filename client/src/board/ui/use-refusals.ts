/** Turns the server's refusals of this board's changes into things a person sees and hears. */
import { useEffect } from 'react';
import { ApiError, plainMessage } from '../../api/errors';
import { newKey } from '../../lib/ids';
import { announce } from '../../ui/announcer';
import { showToast } from '../../ui/toasts';
import type { BoardStore } from '../store/board-store';
import { opTitle, type PendingOp } from '../store/ops';
import type { Outbox, Refusal } from '../store/outbox';
import { say } from '../model/words';
import type { BoardController } from './controller';

export function useRefusals(boardId: string, outbox: Outbox, store: BoardStore, controller: BoardController): void {
  useEffect(
    () =>
      outbox.onRefused((refusal) => {
        if (refusal.op.boardId !== boardId) return;
        outbox.dismiss(refusal.id);
        void handle(refusal, outbox, store, controller);
      }),
    [boardId, outbox, store, controller],
  );
}

function columnOf(store: BoardStore, cardId: string): string {
  const state = store.confirmedState;
  const card = state?.cards.get(cardId);
  return (card && state?.columns.get(card.columnId)?.name) ?? 'its column';
}

async function handle({ op, error }: Refusal, outbox: Outbox, store: BoardStore, controller: BoardController): Promise<void> {
  const title = opTitle(op);
  const reason = plainMessage(error);
  const code = error instanceof ApiError ? error.code : null;

  if (op.kind === 'move') {
    const card = store.confirmedState?.cards.get(op.cardId);
    if ((code === 'wip_override_required' || code === 'dod_unmet') && card) {
      // A soft limit the board did not know about (a swimlane or person limit, or a count that changed meanwhile).
      const column = store.confirmedState?.columns.get(op.toColumnId)?.name ?? 'that column';
      const given = await controller.askOverrideFor(card, column, reason);
      if (given !== null) outbox.enqueue({ ...op, key: newKey('move'), status: 'queued', overrideReason: given });
      return;
    }
    const back = columnOf(store, op.cardId);
    if (card) store.highlight(card.id, 'refused');
    showToast({ tone: 'error', title: `Couldn't move '${title}'`, message: `${reason} It is back in ${back}.`, timeout: 15_000 });
    announce(say.refused(title, reason, back));
    return;
  }

  if (op.kind === 'update' && code === 'version_conflict') {
    const current = store.confirmedState?.cards.get(op.cardId);
    showToast({
      tone: 'warning',
      title: `Someone else changed '${title}' at the same time`,
      message: 'Their version is shown now. Your change was not saved.',
      timeout: null,
      actions: current ? [{ label: 'Apply my change again', run: () => outbox.enqueue({ ...op, key: newKey('edit'), status: 'queued', baseVersion: current.version }) }] : [],
    });
    announce(`Your change to '${title}' was not saved: someone else changed the card at the same time.`);
    return;
  }

  showToast({ tone: 'error', title: `Couldn't ${verb(op)} '${title}'`, message: reason, timeout: 15_000 });
  announce(`Your change to '${title}' was not saved: ${reason}`);
}

function verb(op: PendingOp): string {
  switch (op.kind) {
    case 'create':
      return 'add';
    case 'update':
      return 'save the change to';
    case 'archive':
      return 'archive';
    case 'move':
      return 'move';
  }
}
