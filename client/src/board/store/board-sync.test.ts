import type { BoardSnapshot, Viewer } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { BoardStore } from './board-store';
import { FakeSource } from '../../realtime/testing/fake-source';
import { BoardSync } from './board-sync';
import { BOARD_ID, DOING, movedEvent, snapshot } from './testing/fixtures';

function setup(snapshots: BoardSnapshot[]) {
  const store = new BoardStore({ selfId: 'me' });
  const socket = new FakeSource();
  const viewers: Viewer[][] = [];
  let loads = 0;
  const sync = new BoardSync(BOARD_ID, {
    store,
    socket,
    loadSnapshot: async () => snapshots[Math.min(loads++, snapshots.length - 1)]!,
    onPresence: (v) => viewers.push(v),
    onRejected: () => undefined,
    onLoadError: () => undefined,
  });
  return { store, socket, sync, viewers, loads: () => loads };
}

const ev = (store: BoardStore, seq: number, cardId: string) => {
  const card = store.confirmedState!.cards.get(cardId)!;
  return { type: 'event' as const, streamId: BOARD_ID, seq, event: movedEvent(seq, card, { columnId: DOING, rank: `b${seq}` }) };
};

describe('BoardSync', () => {
  it('subscribes from the snapshot seq once the snapshot is loaded', async () => {
    const { socket, sync, store } = setup([snapshot(10)]);
    await sync.start();
    expect(store.seq).toBe(10);
    expect(socket.subscriptions).toEqual([10]);
    expect(sync.phase).toBe('following');
  });

  it('applies events in order and ignores duplicates', async () => {
    const { socket, sync, store } = setup([snapshot(10)]);
    await sync.start();
    socket.push(ev(store, 11, 'A'));
    socket.push(ev(store, 11, 'A'));
    socket.push(ev(store, 12, 'B'));
    expect(store.seq).toBe(12);
    expect(socket.subscriptions).toEqual([10]);
  });

  it('on a gap, resubscribes once from the last seq it holds, then catches up from the replay', async () => {
    const { socket, sync, store } = setup([snapshot(10)]);
    await sync.start();
    socket.push(ev(store, 11, 'A'));
    socket.push(ev(store, 13, 'C')); // 12 is missing
    socket.push(ev(store, 14, 'D')); // still missing: no second request
    expect(store.seq).toBe(11);
    expect(socket.subscriptions).toEqual([10, 11]);
    expect(sync.phase).toBe('catching-up');
    // The server replays from 12 on, then says it is live.
    socket.push(ev(store, 12, 'B'));
    socket.push(ev(store, 13, 'C'));
    socket.push({ type: 'subscribed', streamId: BOARD_ID, seq: 13 });
    expect(store.seq).toBe(13);
    expect(sync.phase).toBe('following');
  });

  it('reloads the snapshot on resync and resumes from its seq', async () => {
    const { socket, sync, store, loads } = setup([snapshot(10), snapshot(2500)]);
    await sync.start();
    socket.push({ type: 'resync', streamId: BOARD_ID, seq: 2500, reason: 'too_far_behind' });
    await sync.reload(); // joins the reload the resync started
    expect(loads()).toBe(2);
    expect(store.seq).toBe(2500);
    expect(socket.subscriptions).toEqual([10, 2500]);
  });

  it('passes presence on', async () => {
    const { socket, sync, viewers } = setup([snapshot(10)]);
    await sync.start();
    socket.push({ type: 'presence', streamId: BOARD_ID, viewers: [{ userId: 'u1', name: 'Sam' }] });
    expect(viewers).toEqual([[{ userId: 'u1', name: 'Sam' }]]);
  });
});
