/** The signed-in person's notifications: loaded at start and after every reconnect, new ones live from the socket. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Notification } from '@opsboard/shared';
import { useServices } from '../../app/services';
import { notificationsApi } from '../../api/potw';
import { NotificationCenter, parseNotification, type NotificationView } from './notification-center';

export function useNotifications(onArrive: (notification: Notification, center: NotificationCenter) => void): { view: NotificationView; center: NotificationCenter } {
  const { socket } = useServices();
  const [center] = useState(() => new NotificationCenter());
  const view = useSyncExternalStore(center.subscribe, center.getSnapshot);
  // Read when a message comes, so a new closure each render does not re-subscribe (and reload the list).
  const arrive = useRef(onArrive);
  useEffect(() => {
    arrive.current = onArrive;
  });

  useEffect(() => {
    let alive = true;
    const load = () =>
      notificationsApi.list().then(
        (list) => alive && center.load(list),
        () => undefined, // the bell stays as it was; the next reconnect tries again
      );
    void load();
    // A connection that comes back may have missed some while it was away.
    let wasLive = socket.state.status === 'live';
    const stopState = socket.onState((state) => {
      const live = state.status === 'live';
      if (live && !wasLive) void load();
      wasLive = live;
    });
    const stopNotes = socket.onNotification((raw) => {
      const notification = parseNotification(raw);
      if (notification && center.receive(notification)) arrive.current(notification, center);
    });
    return () => {
      alive = false;
      stopState();
      stopNotes();
    };
  }, [socket, center]);

  return { view, center };
}
