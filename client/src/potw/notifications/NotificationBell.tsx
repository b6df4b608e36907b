/**
 * The bell in the app header: unread count, the list newest first (each
 * opens its card), mark one or all read. New ones arrive live on every open
 * tab, with a toast and a spoken line.
 */
import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from '../../ui/use-dismiss';
import type { Notification } from '@opsboard/shared';
import { cardsApi } from '../../api/cards';
import { plainMessage } from '../../api/errors';
import { paths } from '../../app/routes';
import { navigate } from '../../app/router';
import { timeAgo } from '../../lib/time';
import { useClock } from '../../lib/use-clock';
import { announce } from '../../ui/announcer';
import { showToast } from '../../ui/toasts';
import { notificationsApi } from '../../api/potw';
import { PotwIcon } from '../icons';
import type { NotificationCenter } from './notification-center';
import { useNotifications } from './use-notifications';
import '../../styles/notifications.css';

/** Opens the card a notification is about, on the board the server named (or, failing that, the one it is on now). */
async function openCard(cardId: string, boardId: string | null): Promise<void> {
  if (boardId) {
    navigate(paths.board(boardId, `?card=${cardId}`));
    return;
  }
  try {
    const { card } = await cardsApi.detail(cardId);
    navigate(paths.board(card.boardId, `?card=${card.id}`));
  } catch (err) {
    showToast({ tone: 'error', title: 'The card could not be opened', message: plainMessage(err) });
  }
}

function markRead(center: NotificationCenter, n: Notification): void {
  if (n.readAt !== null) return;
  center.markRead(n.id, new Date().toISOString());
  // The mark is shown at once; if it does not reach the server, the next load shows it unread again.
  notificationsApi.read(n.id).catch(() => undefined);
}

export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const { view, center } = useNotifications((n, store) => {
    announce(`Notification: ${n.title}.`);
    showToast({
      tone: 'info',
      title: n.title,
      message: n.body.split(/\n+/).join(' · '),
      ...(n.cardId && {
        actions: [
          {
            label: 'Open',
            run: () => {
              markRead(store, n);
              void openCard(n.cardId!, n.boardId);
            },
          },
        ],
      }),
    });
  });
  const now = useClock(60_000);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const closeMenu = useCallback(() => setOpen(false), []);

  useDismiss(open, closeMenu, rootRef, buttonRef);

  const readAll = () => {
    center.markAllRead(new Date().toISOString());
    notificationsApi.readAll().catch(() => undefined);
    announce('All notifications marked read.');
  };

  const label = view.unread === 0 ? 'Notifications' : `Notifications, ${view.unread} unread`;
  return (
    <div className="bell" ref={rootRef}>
      <button ref={buttonRef} type="button" className="icon-button bell__button" aria-label={label} title={label} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} data-testid="bell">
        <PotwIcon name="bell" />
        {view.unread > 0 && (
          <span className="bell__count" aria-hidden="true" data-testid="bell-count">
            {view.unread > 99 ? '99+' : view.unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell__panel" id={panelId} role="region" aria-label="Notifications" data-testid="bell-panel">
          <div className="bell__head">
            <h2 className="bell__title">Notifications</h2>
            {view.unread > 0 && (
              <button type="button" className="button button--small button--quiet" onClick={readAll}>
                Mark all read
              </button>
            )}
          </div>
          {view.items.length === 0 ? (
            <p className="bell__empty">Nothing yet. When someone escalates an interrupt to you, it shows up here.</p>
          ) : (
            <ul className="bell__list">
              {view.items.map((n) => (
                <li key={n.id} className={`bell__item${n.readAt === null ? ' bell__item--unread' : ''}`}>
                  <button
                    type="button"
                    className="bell__open"
                    onClick={() => {
                      markRead(center, n);
                      if (n.cardId) {
                        setOpen(false);
                        void openCard(n.cardId, n.boardId);
                      }
                    }}
                  >
                    {n.readAt === null && <span className="visually-hidden">Unread: </span>}
                    <span className="bell__item-title">{n.title}</span>
                    <span className="bell__item-body">{n.body.replace(/\n{2,}/g, '\n')}</span>
                    <span className="bell__item-time">{timeAgo(n.createdAt, now)}</span>
                  </button>
                  {n.readAt === null && (
                    <button type="button" className="icon-button bell__read" aria-label={`Mark read: ${n.title}`} title="Mark read" onClick={() => markRead(center, n)}>
                      <PotwIcon name="checkCircle" />
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
