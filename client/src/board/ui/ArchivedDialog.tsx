import { useState } from 'react';
import type { Card } from '@opsboard/shared';
import { boardsApi } from '../../api/boards';
import { cardsApi } from '../../api/cards';
import { plainMessage } from '../../api/errors';
import { newKey } from '../../lib/ids';
import { formatDateTime } from '../../lib/time';
import { Dialog } from '../../ui/Dialog';
import { EmptyNote, ErrorNote, Spinner } from '../../ui/Feedback';
import { showToast } from '../../ui/toasts';
import { useAsync } from '../../ui/use-async';

/** Archived cards of the board, newest first, each with a way back. */
export function ArchivedDialog({ boardId, canWrite, onClose }: { boardId: string; canWrite: boolean; onClose: () => void }) {
  const cards = useAsync(() => boardsApi.archivedCards(boardId), [boardId]);
  const [busy, setBusy] = useState<string | null>(null);

  const restore = async (card: Card) => {
    setBusy(card.id);
    try {
      await cardsApi.restore(card.id, {}, newKey('restore'));
      showToast({ tone: 'success', title: `'${card.title}' is back on the board.` });
      cards.reload();
    } catch (err) {
      showToast({ tone: 'error', title: `Could not restore '${card.title}'`, message: plainMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog title="Archived cards" onClose={onClose}>
      {cards.status === 'loading' && <Spinner label="Loading archived cards" />}
      {cards.status === 'error' && <ErrorNote message={cards.message} onRetry={cards.reload} />}
      {cards.status === 'ready' &&
        (cards.value.length === 0 ? (
          <EmptyNote>Nothing archived on this board.</EmptyNote>
        ) : (
          <ul className="plain-list">
            {cards.value.map((card) => (
              <li key={card.id} className="plain-list__row">
                <span>
                  <span className="muted">#{card.number}</span> {card.title}
                  {card.archivedAt && <span className="muted"> · archived {formatDateTime(card.archivedAt)}</span>}
                </span>
                {canWrite && (
                  <button type="button" className="button button--small" disabled={busy === card.id} onClick={() => void restore(card)}>
                    Restore
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
    </Dialog>
  );
}
