/**
 * What the signed-in part of the app shares: one websocket for every live
 * stream, and the outbox every card change goes through. Built once per
 * signed-in person and torn down at logout.
 */
import { createContext, useContext } from 'react';
import type { Card, User } from '@opsboard/shared';
import { cardsApi } from '../api/cards';
import { isRetryable } from '../api/errors';
import { moveBody, updateBody, type PendingOp } from '../board/store/ops';
import { Outbox } from '../board/store/outbox';
import { TabOutboxes, type ListedStorage, type TabLocks } from '../board/store/tab-outboxes';
import { newKey } from '../lib/ids';
import { RealtimeSocket, type SocketLike } from '../realtime/socket';

export interface Services {
  user: User;
  socket: RealtimeSocket;
  outbox: Outbox;
  /** Keeps this tab's queue apart from other tabs' and adopts the queues of tabs that closed. */
  tabs: TabOutboxes;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}

function sendOp(op: PendingOp): Promise<Card> {
  switch (op.kind) {
    case 'move':
      return cardsApi.move(op.cardId, moveBody(op), op.key);
    case 'update':
      return cardsApi.update(op.cardId, updateBody(op), op.key);
    case 'create':
      return cardsApi.create(op.boardId, op.body, op.key);
    case 'archive':
      return cardsApi.archive(op.cardId, op.key);
  }
}

function localStore(): ListedStorage | null {
  let storage: Storage;
  try {
    storage = window.localStorage;
  } catch {
    return null;
  }
  return {
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => storage.setItem(key, value),
    removeItem: (key) => storage.removeItem(key),
    keys: () => Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k !== null),
  };
}

/** Web Locks exist only in secure contexts (https, localhost). */
function webLocks(): TabLocks | null {
  return typeof navigator !== 'undefined' && 'locks' in navigator && window.isSecureContext ? navigator.locks : null;
}

/** The browser WebSocket behind the small interface RealtimeSocket is written against. */
function browserSocket(url: string): SocketLike {
  const ws = new WebSocket(url);
  const adapter: SocketLike = {
    get readyState() {
      return ws.readyState;
    },
    send: (data) => ws.send(data),
    close: (code, reason) => ws.close(code, reason),
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
  };
  ws.onopen = (e) => adapter.onopen?.(e);
  ws.onmessage = (e: MessageEvent<unknown>) => adapter.onmessage?.({ data: e.data });
  ws.onclose = (e) => adapter.onclose?.({ code: e.code, reason: e.reason });
  ws.onerror = (e) => adapter.onerror?.(e);
  return adapter;
}

export function createServices(user: User): Services {
  const wsUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/api/ws`;
  const socket = new RealtimeSocket({
    url: wsUrl,
    createSocket: browserSocket,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    random: Math.random,
    now: Date.now,
  });
  const storage = localStore();
  const tabs = new TabOutboxes({
    storage,
    locks: webLocks(),
    prefix: `opsboard.outbox.${user.id}`,
    tabId: newKey('tab'),
    // Called only once the tabs have started, after the outbox below exists.
    adopt: (ops) => outbox.adopt(ops),
    now: Date.now,
    setInterval: (fn, ms) => window.setInterval(fn, ms),
    clearInterval: (id) => window.clearInterval(id),
  });
  const outbox = new Outbox({
    send: sendOp,
    isRetryable,
    storage,
    storageKey: tabs.storageKey,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    random: Math.random,
  });
  return { user, socket, outbox, tabs };
}

/** Connects the services to the browser: online/offline events and the socket's state drive retries. */
export function startServices(services: Services, onAuthLost: () => void): () => void {
  const { socket, outbox, tabs } = services;
  socket.start();
  outbox.start();
  tabs.start();
  const online = () => {
    socket.reconnectNow();
    outbox.kick();
  };
  const storageChanged = (event: StorageEvent) => tabs.notice(event.key);
  const leaving = (event: PageTransitionEvent) => event.persisted || tabs.leaving();
  window.addEventListener('online', online);
  window.addEventListener('storage', storageChanged);
  window.addEventListener('pagehide', leaving);
  const stopState = socket.onState((state) => {
    if (state.status === 'live') outbox.kick();
    if (state.status === 'auth-lost') onAuthLost();
  });
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('storage', storageChanged);
    window.removeEventListener('pagehide', leaving);
    tabs.stop();
    stopState();
    socket.stop();
  };
}
