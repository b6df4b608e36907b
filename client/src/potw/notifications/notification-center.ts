/**
 * My notifications as one external store: the list from the API, new ones
 * from the socket (deduplicated by id, newest first), and read marks applied
 * at once while the request is on its way.
 */
import type { Notification } from '@opsboard/shared';
import { isRecord, isString } from '../../lib/guards';

export interface NotificationView {
  items: readonly Notification[];
  unread: number;
}

const newestFirst = (a: Notification, b: Notification) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1);

/** A notification from the socket (the server's shape), or null when it is anything else. */
export function parseNotification(value: unknown): Notification | null {
  if (!isRecord(value)) return null;
  const { id, teamId, kind, title, body, cardId, boardId, createdAt, readAt } = value;
  if (!isString(id) || !isString(teamId) || !isString(kind) || !isString(title) || !isString(body) || !isString(createdAt)) return null;
  if (cardId !== null && !isString(cardId)) return null;
  if (readAt !== null && !isString(readAt)) return null;
  // Older servers did not say the board; the bell then looks it up on click.
  const board = boardId === undefined || boardId === null ? null : isString(boardId) ? boardId : undefined;
  if (board === undefined) return null;
  return { id, teamId, kind, title, body, cardId, boardId: board, createdAt, readAt };
}

export class NotificationCenter {
  private view: NotificationView = { items: [], unread: 0 };
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): NotificationView => this.view;

  /** Replaces the list with the server's (after a load or a reconnect); keeps any that arrived live meanwhile. */
  load(list: readonly Notification[]): void {
    const byId = new Map(list.map((n) => [n.id, n]));
    for (const n of this.view.items) if (!byId.has(n.id) && !list.some((l) => l.createdAt >= n.createdAt)) byId.set(n.id, n);
    this.set([...byId.values()]);
  }

  /** Adds one that arrived live; false when it was already known. */
  receive(notification: Notification): boolean {
    if (this.view.items.some((n) => n.id === notification.id)) return false;
    this.set([notification, ...this.view.items]);
    return true;
  }

  markRead(id: string, at: string): void {
    this.set(this.view.items.map((n) => (n.id === id && n.readAt === null ? { ...n, readAt: at } : n)));
  }

  markAllRead(at: string): void {
    this.set(this.view.items.map((n) => (n.readAt === null ? { ...n, readAt: at } : n)));
  }

  private set(items: Notification[]): void {
    const sorted = items.sort(newestFirst);
    this.view = { items: sorted, unread: sorted.filter((n) => n.readAt === null).length };
    for (const listener of this.listeners) listener();
  }
}
