import type { Card } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, isRetryable } from '../../api/errors';
import type { TimerId } from '../../realtime/socket';
import type { MoveOp, PendingOp, UpdateOp } from './ops';
import { Outbox, type KeyValueStorage } from './outbox';
import { BOARD_ID, DOING, READY, card } from './testing/fixtures';

class MemoryStorage implements KeyValueStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

/** Manual timers: the test fires them. */
function timers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout: (fn: () => void) => {
      const id = next++;
      pending.set(id, fn);
      return id;
    },
    clearTimeout: (id: TimerId) => void pending.delete(id),
    fireAll: () => {
      const fns = [...pending.values()];
      pending.clear();
      fns.forEach((fn) => fn());
    },
    count: () => pending.size,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const move = (key: string, cardId = 'A'): MoveOp => ({
  kind: 'move', key, boardId: BOARD_ID, at: '2025-01-01T00:00:00Z', status: 'queued', cardId, cardTitle: 'Rotate TLS certs',
  baseVersion: 1, toColumnId: DOING, laneId: null, afterCardId: null, beforeCardId: null, overrideReason: null,
});
const update = (key: string, baseVersion = 1): UpdateOp => ({
  kind: 'update', key, boardId: BOARD_ID, at: '2025-01-01T00:00:00Z', status: 'queued', cardId: 'A', cardTitle: 'Rotate TLS certs', baseVersion, changes: { points: 3 },
});

function outbox(send: (op: PendingOp) => Promise<Card>, storage: KeyValueStorage | null = null) {
  const t = timers();
  const box = new Outbox({ send, isRetryable, storage, storageKey: 'outbox', setTimeout: t.setTimeout, clearTimeout: t.clearTimeout, random: () => 0.5 });
  return { box, t };
}

describe('Outbox', () => {
  it('sends ops one at a time, in order', async () => {
    const sent: string[] = [];
    const { box } = outbox(async (op) => {
      sent.push(op.key);
      return card('A', 'x', DOING, 'a1', { version: 2 });
    });
    box.enqueue(move('k1'));
    box.enqueue(move('k2', 'B'));
    await flush();
    await flush();
    expect(sent).toEqual(['k1', 'k2']);
    expect(box.ops.map((o) => o.status)).toEqual(['acked', 'acked']);
  });

  it('keeps an op with the same key when there is no connection, and resends it later', async () => {
    const keys: string[] = [];
    let online = false;
    const { box, t } = outbox(async (op) => {
      keys.push(op.key);
      if (!online) throw new NetworkError();
      return card('A', 'x', DOING, 'a1', { version: 2 });
    });
    box.enqueue(move('k1'));
    await flush();
    expect(box.offline).toBe(true);
    expect(box.ops[0]!.status).toBe('queued');
    expect(t.count()).toBe(1);
    online = true;
    t.fireAll();
    await flush();
    expect(keys).toEqual(['k1', 'k1']);
    expect(box.offline).toBe(false);
    expect(box.ops[0]!.status).toBe('acked');
  });

  it('turns a refusal into a visible notice and removes the op', async () => {
    const { box } = outbox(async () => {
      throw new ApiError(409, 'wip_limit_exceeded', 'Column "Doing" already holds 2 cards; its WIP limit is 2.');
    });
    const notices: string[] = [];
    box.onRefused((r) => notices.push(r.error instanceof Error ? r.error.message : ''));
    box.enqueue(move('k1'));
    await flush();
    expect(box.ops).toEqual([]);
    expect(box.refusals).toHaveLength(1);
    expect(notices[0]).toContain('WIP limit is 2');
  });

  it('rebases a queued edit of the same card on the version the previous op produced', async () => {
    const bodies: PendingOp[] = [];
    const { box } = outbox(async (op) => {
      bodies.push(op);
      return card('A', 'x', READY, 'a0', { version: op.key === 'k1' ? 7 : 8 });
    });
    box.enqueue(move('k1'));
    box.enqueue(update('k2', 1));
    await flush();
    await flush();
    expect(bodies[1]!.kind === 'update' && bodies[1]!.baseVersion).toBe(7);
  });

  it('survives a reload: unsent ops are stored and sent again from storage', async () => {
    const storage = new MemoryStorage();
    const first = outbox(async () => {
      throw new NetworkError();
    }, storage);
    first.box.enqueue(move('k1'));
    await flush();
    expect(storage.data.get('outbox')).toContain('"k1"');
    const sent: string[] = [];
    const second = outbox(async (op) => {
      sent.push(op.key);
      return card('A', 'x', DOING, 'a1', { version: 2 });
    }, storage);
    expect(sent).toEqual([]);
    second.box.start();
    await flush();
    await flush();
    expect(sent).toEqual(['k1']);
    expect(second.box.ops[0]!.status).toBe('acked');
    expect(storage.data.has('outbox')).toBe(false);
  });
});
