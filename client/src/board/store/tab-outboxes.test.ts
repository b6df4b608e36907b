import type { Card } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { NetworkError, isRetryable } from '../../api/errors';
import type { MoveOp, PendingOp } from './ops';
import { Outbox } from './outbox';
import { BEAT, TabOutboxes } from './tab-outboxes';
import { BOARD_ID, DOING, card } from './testing/fixtures';
import { FakeLocks, SharedStorage } from './testing/fake-tabs';

const PREFIX = 'opsboard.outbox.u1';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const move = (key: string, cardId: string): MoveOp => ({
  kind: 'move', key, boardId: BOARD_ID, at: '2025-01-01T00:00:00Z', status: 'queued', cardId, cardTitle: cardId,
  baseVersion: 1, toColumnId: DOING, laneId: null, afterCardId: null, beforeCardId: null, overrideReason: null,
});

/** The server: every request by Idempotency-Key, and whether the network is up. */
function server() {
  const requests: string[] = [];
  const state = { online: false };
  const send = async (op: PendingOp): Promise<Card> => {
    if (!state.online) throw new NetworkError();
    requests.push(op.key);
    return card(op.kind === 'create' ? 'new' : op.cardId, 'x', DOING, 'a1', { version: 2 });
  };
  return { requests, state, send };
}

/** One browser tab of user u1: its outbox and its coordinator over the shared storage and locks. */
function tab(id: string, storage: SharedStorage, locks: FakeLocks | null, srv: ReturnType<typeof server>, clock = { now: 0 }) {
  const timers: (() => void)[] = [];
  const tabs: TabOutboxes = new TabOutboxes({
    storage,
    locks: locks?.forTab(id) ?? null,
    prefix: PREFIX,
    tabId: id,
    adopt: (ops) => outbox.adopt(ops),
    now: () => clock.now,
    setInterval: (fn) => timers.push(fn),
    clearInterval: () => undefined,
  });
  const outbox = new Outbox({ send: srv.send, isRetryable, storage, storageKey: tabs.storageKey, setTimeout: () => 0, clearTimeout: () => undefined, random: () => 0.5 });
  const listener = { id, notice: (key: string | null) => tabs.notice(key) };
  storage.tabs.add(listener);
  const as = <T>(fn: () => T): T => {
    storage.writer = id;
    try {
      return fn();
    } finally {
      storage.writer = '';
    }
  };
  return {
    outbox,
    tabs,
    start: () => as(() => (tabs.start(), outbox.start())),
    enqueue: (op: PendingOp) => as(() => outbox.enqueue(op)),
    tick: () => as(() => timers.forEach((fn) => fn())),
    online: () => as(() => outbox.kick()),
    close: () => {
      storage.tabs.delete(listener);
      locks?.close(id);
    },
  };
}

const keysOf = (ops: readonly PendingOp[]) => ops.map((o) => o.key);

describe('an outbox per tab', () => {
  it('keeps each tab’s queue under its own key, so two tabs never overwrite each other', async () => {
    const storage = new SharedStorage();
    const locks = new FakeLocks();
    const srv = server();
    const a = tab('A', storage, locks, srv);
    const b = tab('B', storage, locks, srv);
    a.start();
    b.start();
    a.enqueue(move('a1', 'X'));
    b.enqueue(move('b1', 'Y'));
    a.enqueue(move('a2', 'Z'));
    await flush();
    expect(storage.getItem(`${PREFIX}.tab.A`)).toContain('"a2"');
    expect(storage.getItem(`${PREFIX}.tab.A`)).toContain('"a1"');
    expect(storage.getItem(`${PREFIX}.tab.B`)).toContain('"b1"');
    // Both alive: each keeps its own queue; neither takes the other's.
    expect(keysOf(a.outbox.ops)).toEqual(['a1', 'a2']);
    expect(keysOf(b.outbox.ops)).toEqual(['b1']);
  });

  it('has one live tab adopt the queue of a tab that closed offline, and send every change exactly once', async () => {
    const storage = new SharedStorage();
    const locks = new FakeLocks();
    const srv = server();
    const [a, b, c] = ['A', 'B', 'C'].map((id) => tab(id, storage, locks, srv));
    for (const t of [a, b, c]) t!.start();
    a!.enqueue(move('a1', 'X'));
    a!.enqueue(move('a2', 'Y'));
    b!.enqueue(move('b1', 'Z'));
    await flush();

    a!.close();
    await flush();
    // B and C both waited for A's lock; the first to get it took the queue, the other found nothing.
    const adopted = [b!, c!].map((t) => keysOf(t.outbox.ops).filter((k) => k.startsWith('a')));
    expect(adopted.filter((k) => k.length > 0)).toEqual([['a1', 'a2']]);
    expect(storage.getItem(`${PREFIX}.tab.A`)).toBeNull();

    srv.state.online = true;
    for (const t of [b!, c!]) t.online();
    for (let i = 0; i < 6; i++) await flush();
    expect([...srv.requests].sort()).toEqual(['a1', 'a2', 'b1']);
  });

  it('adopts at start what a closed or reloaded tab left, and the queue all tabs shared before', async () => {
    const storage = new SharedStorage();
    storage.data.set(`${PREFIX}.tab.gone`, JSON.stringify([move('g1', 'X')]));
    storage.data.set(PREFIX, JSON.stringify([move('old1', 'Y')]));
    const locks = new FakeLocks();
    const srv = server();
    const a = tab('A', storage, locks, srv);
    const b = tab('B', storage, locks, srv);
    a.start();
    b.start();
    await flush();
    expect(keysOf(a.outbox.ops).sort()).toEqual(['g1', 'old1']);
    expect(b.outbox.ops).toEqual([]);
    expect(storage.getItem(PREFIX)).toBeNull();
    expect(storage.getItem(`${PREFIX}.tab.A`)).toContain('"g1"');
  });

  it('does not take a queue twice: ops with a key the outbox already holds are skipped', async () => {
    const srv = server();
    const a = tab('A', new SharedStorage(), new FakeLocks(), srv);
    a.enqueue(move('k1', 'X'));
    a.outbox.adopt([move('k1', 'X'), move('k2', 'Y')]);
    expect(keysOf(a.outbox.ops)).toEqual(['k1', 'k2']);
  });

  it('without Web Locks (plain HTTP), adopts a queue whose tab stopped beating, and leaves a beating one alone', async () => {
    const storage = new SharedStorage();
    const clock = { now: 1_000_000 };
    const srv = server();
    const a = tab('A', storage, null, srv, clock);
    const b = tab('B', storage, null, srv, clock);
    a.start();
    b.start();
    a.enqueue(move('a1', 'X'));
    clock.now += BEAT.everyMs;
    a.tick();
    b.tick();
    expect(b.outbox.ops).toEqual([]);

    // A's tab is gone: it stops beating; B takes its queue once the beat is stale, and only once.
    a.close();
    a.tabs.leaving();
    clock.now += BEAT.everyMs;
    b.tick();
    expect(keysOf(b.outbox.ops)).toEqual(['a1']);
    b.tick();
    expect(keysOf(b.outbox.ops)).toEqual(['a1']);
    expect(storage.getItem(`${PREFIX}.tab.A`)).toBeNull();
  });
});
