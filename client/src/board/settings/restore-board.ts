/** Restoring an archived board, from a toast, the board's banner or the team page: one request, one message. */
import type { Board } from '@opsboard/shared';
import { boardsApi } from '../../api/boards';
import { plainMessage } from '../../api/errors';
import { newKey } from '../../lib/ids';
import { announce } from '../../ui/announcer';
import { showToast } from '../../ui/toasts';

export async function restoreBoard(board: Pick<Board, 'id' | 'name'>, key = newKey('restore-board')): Promise<Board | null> {
  try {
    const restored = await boardsApi.restore(board.id, key);
    showToast({ tone: 'success', title: `'${restored.name}' is back`, message: 'It is in the team’s board list again, where it was.' });
    announce(`Restored the board ${restored.name}.`);
    return restored;
  } catch (err) {
    showToast({ tone: 'error', title: `Could not restore '${board.name}'`, message: plainMessage(err) });
    return null;
  }
}

/** Says the board was archived, with a way back, once the person is on the team page. */
export function toastArchived(board: Board): void {
  showToast({
    tone: 'success',
    title: `'${board.name}' archived`,
    message: 'It is listed under archived boards on the team page.',
    actions: [{ label: 'Restore', run: () => void restoreBoard(board) }],
  });
  announce(`Archived the board ${board.name}.`);
}
