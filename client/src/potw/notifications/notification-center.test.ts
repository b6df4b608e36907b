import { describe, expect, it } from 'vitest';
import type { Notification } from '@opsboard/shared';
import { NotificationCenter, parseNotification } from './notification-center';

const note = (id: string, createdAt: string, readAt: string | null = null): Notification => ({
  id,
  teamId: 't',
  kind: 'interrupt.escalated',
  title: `Title ${id}`,
  body: 'Body',
  cardId: 'c',
  boardId: 'b',
  createdAt,
  readAt,
});

describe('NotificationCenter', () => {
  it('keeps newest first, counts unread, and ignores a notification it already has', () => {
    const c = new NotificationCenter();
    c.load([note('a', '2026-11-20T09:00:00Z', '2026-11-20T10:00:00Z'), note('b', '2026-11-21T09:00:00Z')]);
    expect(c.receive(note('c', '2026-11-22T09:00:00Z'))).toBe(true);
    expect(c.receive(note('c', '2026-11-22T09:00:00Z'))).toBe(false);
    expect(c.getSnapshot().items.map((n) => n.id)).toEqual(['c', 'b', 'a']);
    expect(c.getSnapshot().unread).toBe(2);
  });

  it('marks one or all read at once', () => {
    const c = new NotificationCenter();
    c.load([note('a', '2026-11-20T09:00:00Z'), note('b', '2026-11-21T09:00:00Z')]);
    c.markRead('a', '2026-11-22T00:00:00Z');
    expect(c.getSnapshot().unread).toBe(1);
    c.markAllRead('2026-11-22T00:00:00Z');
    expect(c.getSnapshot().unread).toBe(0);
  });

  it('keeps one that arrived live while a reload was on its way', () => {
    const c = new NotificationCenter();
    c.receive(note('live', '2026-11-23T09:00:00Z'));
    c.load([note('a', '2026-11-20T09:00:00Z')]);
    expect(c.getSnapshot().items.map((n) => n.id)).toEqual(['live', 'a']);
  });

  it('tells listeners about every change', () => {
    const c = new NotificationCenter();
    let calls = 0;
    const stop = c.subscribe(() => calls++);
    c.receive(note('a', '2026-11-20T09:00:00Z'));
    stop();
    c.receive(note('b', '2026-11-21T09:00:00Z'));
    expect(calls).toBe(1);
  });
});

describe('parseNotification', () => {
  it('accepts the server’s shape and refuses anything else', () => {
    const n = note('a', '2026-11-20T09:00:00Z');
    expect(parseNotification(n)).toEqual(n);
    expect(parseNotification({ ...n, cardId: null })).toEqual({ ...n, cardId: null });
    expect(parseNotification({ ...n, title: 3 })).toBeNull();
    expect(parseNotification('hello')).toBeNull();
  });
});
