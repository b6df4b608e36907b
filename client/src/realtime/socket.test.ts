import { PROTOCOL_VERSION } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';
import { RealtimeSocket, type SocketLike, type StreamMessage } from './socket';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closed: number | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000) {
    this.closed = code;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
    this.server({ type: 'hello', protocol: PROTOCOL_VERSION, userId: 'u', instanceId: 'i' });
  }
  server(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let nextTimer = 1;
  let now = 0;
  const socket = new RealtimeSocket({
    url: 'ws://test/api/ws',
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    setTimeout: (fn, ms) => {
      timers.set(nextTimer, { fn, ms });
      return nextTimer++;
    },
    clearTimeout: (id) => void timers.delete(id),
    random: () => 0.5,
    now: () => now,
  });
  /** Fires the shortest pending timer (the reconnect, when one is waiting). */
  const fireNext = () => {
    const [id, timer] = [...timers.entries()].sort((a, b) => a[1].ms - b[1].ms)[0]!;
    timers.delete(id);
    now += timer.ms;
    timer.fn();
    return timer.ms;
  };
  return { socket, sockets, timers, fireNext, last: () => sockets.at(-1)! };
}

describe('RealtimeSocket', () => {
  it('subscribes each stream from its seq once the server has said hello', () => {
    const h = harness();
    let seq = 41;
    const got: StreamMessage[] = [];
    h.socket.subscribe('board-1', { sinceSeq: () => seq, onMessage: (m) => got.push(m) });
    h.socket.start();
    expect(h.last().sent).toEqual([]);
    h.last().open();
    expect(h.socket.state.status).toBe('live');
    expect(h.last().sent).toEqual([{ type: 'subscribe', streamId: 'board-1', sinceSeq: 41 }]);
    h.last().server({ type: 'subscribed', streamId: 'board-1', seq: 41 });
    expect(got).toEqual([{ type: 'subscribed', streamId: 'board-1', seq: 41 }]);
    seq = 42;
  });

  it('lets several followers share one stream: one subscription from the oldest seq, every follower gets every message', () => {
    const h = harness();
    const a: StreamMessage[] = [];
    const b: StreamMessage[] = [];
    h.socket.start();
    h.last().open();
    const stopA = h.socket.subscribe('team-1', { sinceSeq: () => 12, onMessage: (m) => a.push(m) });
    h.socket.subscribe('team-1', { sinceSeq: () => 9, onMessage: (m) => b.push(m) });
    expect(h.last().sent.at(-1)).toEqual({ type: 'subscribe', streamId: 'team-1', sinceSeq: 9 });
    const event = { type: 'event', streamId: 'team-1', seq: 13, event: {} };
    h.last().server(event);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    stopA();
    expect(h.last().sent.some((m) => (m as { type: string }).type === 'unsubscribe')).toBe(false);
    h.last().server({ ...event, seq: 14 });
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(2);
  });

  it('reconnects with growing, jittered delays and resubscribes from the latest seq', () => {
    const h = harness();
    let seq = 10;
    h.socket.subscribe('board-1', { sinceSeq: () => seq, onMessage: () => undefined });
    h.socket.start();
    h.last().open();
    seq = 17;
    h.last().drop();
    expect(h.socket.state.status).toBe('waiting');
    const first = h.fireNext();
    h.last().drop(); // the server is still down
    const second = h.fireNext();
    expect(first).toBe(backoffDelay(0, 0.5));
    expect(second).toBe(backoffDelay(1, 0.5));
    expect(second).toBeGreaterThan(first);
    h.last().open();
    expect(h.last().sent).toEqual([{ type: 'subscribe', streamId: 'board-1', sinceSeq: 17 }]);
    expect(h.sockets).toHaveLength(3);
  });

  it('resets the backoff after a successful connection', () => {
    const h = harness();
    h.socket.start();
    h.last().drop();
    h.fireNext();
    h.last().drop();
    h.fireNext();
    h.last().open();
    h.last().drop();
    expect(h.socket.state).toMatchObject({ status: 'waiting', attempt: 0 });
  });

  it('stops retrying when the server says the session ended (4001)', () => {
    const h = harness();
    h.socket.start();
    h.last().open();
    h.last().drop(4001);
    expect(h.socket.state.status).toBe('auth-lost');
    expect(h.timers.size).toBe(0);
  });

  it('reconnects on a slow-consumer close (4008) and resumes', () => {
    const h = harness();
    h.socket.subscribe('board-1', { sinceSeq: () => 5, onMessage: () => undefined });
    h.socket.start();
    h.last().open();
    h.last().drop(4008);
    h.fireNext();
    h.last().open();
    expect(h.last().sent).toEqual([{ type: 'subscribe', streamId: 'board-1', sinceSeq: 5 }]);
  });

  it('declares a silent connection dead and starts over', () => {
    const h = harness();
    h.socket.start();
    h.last().open();
    const dead = h.last();
    h.fireNext(); // ping at 20 s
    h.fireNext(); // ping at 40 s
    h.fireNext(); // 60 s of silence: dead
    expect(dead.closed).toBe(4000);
    expect(h.socket.state.status).toBe('waiting');
  });

  it('passes personal notifications to every listener until it unsubscribes', () => {
    const h = harness();
    const heard: unknown[] = [];
    const stop = h.socket.onNotification((n) => heard.push(n));
    h.socket.start();
    h.last().open();
    h.last().server({ type: 'notification', notification: { id: 'n1' } });
    stop();
    h.last().server({ type: 'notification', notification: { id: 'n2' } });
    expect(heard).toEqual([{ id: 'n1' }]);
  });

  it('watches a person’s requests once per team, again after a reconnect, and stops when the last follower goes', () => {
    const h = harness();
    const lists: unknown[] = [];
    const refusals: string[] = [];
    const follower = () => ({ onRequests: (r: unknown) => lists.push(r), onRejected: (m: string) => refusals.push(m) });
    const stopA = h.socket.watchRequests('team-1', follower());
    const stopB = h.socket.watchRequests('team-1', follower());
    h.socket.start();
    h.last().open();
    expect(h.last().sent).toEqual([{ type: 'watch_requests', teamId: 'team-1' }]);
    const list = { teamId: 'team-1', teamName: 'Ops', role: 'guest', requests: [], work: [] };
    h.last().server({ type: 'my_requests', teamId: 'team-1', requests: list });
    h.last().server({ type: 'my_requests', teamId: 'team-1', requests: { teamId: 'team-1' } }); // malformed: dropped
    expect(lists).toEqual([list, list]);

    h.last().drop();
    h.fireNext();
    h.last().open();
    expect(h.last().sent).toEqual([{ type: 'watch_requests', teamId: 'team-1' }]);
    h.last().server({ type: 'my_requests_rejected', teamId: 'team-1', code: 'not_found', message: 'Gone' });
    expect(refusals).toEqual(['Gone', 'Gone']);

    stopA();
    expect(h.last().sent).toHaveLength(1);
    stopB();
    expect(h.last().sent.at(-1)).toEqual({ type: 'unwatch_requests', teamId: 'team-1' });
  });
});
