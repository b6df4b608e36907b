import { cardsIn } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { BoardStore } from './board-store';
import type { MoveOp } from './ops';
import { BOARD_ID, DOING, READY, card, createdEvent, movedEvent, snapshot } from './testing/fixtures';

const titlesIn = (store: BoardStore, columnId: string) => cardsIn(store.view!, columnId).map((c) => c.id);

function moveOp(partial: Partial<MoveOp> & Pick<MoveOp, 'key' | 'cardId' | 'toColumnId'>): MoveOp {
  return { kind: 'move', boardId: BOARD_ID, at: '2025-01-02T00:00:00.000Z', status: 'sending', cardTitle: 'x', baseVersion: 1, laneId: null, afterCardId: null, beforeCardId: null, overrideReason: null, ...partial };
}

describe('BoardStore: events in seq order', () => {
  it('applies the next event and advances seq', () => {
    const store = new BoardStore({ selfId: 'me' });
    store.load(snapshot(10));
    const a = store.view!.cards.get('A')!;
    expect(store.receive(movedEvent(11, a, { columnId: DOING, rank: 'a1' }))).toBe('applied');
    expect(store.seq).toBe(11);
    expect(titlesIn(store, DOING)).toEqual(['D', 'A']);
    expect(titlesIn(store, READY)).toEqual(['B', 'C']);
  });

  it('applies a run of events in order', () => {
    const store = new BoardStore({ selfId: 'me' });
    store.load(snapshot(10));
    const e = card('E', 'Rotate keys', READY, 'a3');
    expect(store.receive(createdEvent(11, e))).toBe('applied');
    expect(store.receive(movedEvent(12, e, { columnId: DOING, rank: 'Zz' }))).toBe('applied');
    expect(store.seq).toBe(12);
    expect(titlesIn(store, DOING)).toEqual(['E', 'D']);
  });

  it('ignores a duplicate (seq already folded in) without changing anything', () => {
    const store = new BoardStore({ selfId: 'me' });
    store.load(snapshot(10));
    const a = store.view!.cards.get('A')!;
    store.receive(movedEvent(11, a, { columnId: DOING, rank: 'a1' }));
    const before = store.view;
    const revision = store.revision;
    expect(store.receive(movedEvent(11, a, { columnId: DOING, rank: 'a1' }))).toBe('duplicate');
    expect(store.receive(movedEvent(5, a, { columnId: READY, rank: 'a0' }))).toBe('duplicate');
    expect(store.view).toBe(before);
    expect(store.revision).toBe(revision);
    expect(store.seq).toBe(11);
  });

  it('reports a gap and applies nothing past it', () => {
    const store = new BoardStore({ selfId: 'me' });
    store.load(snapshot(10));
    const a = store.view!.cards.get('A')!;
    expect(store.receive(movedEvent(12, a, { columnId: DOING, rank: 'a1' }))).toBe('gap');
    expect(store.seq).toBe(10);
    expect(titlesIn(store, READY)).toEqual(['A', 'B', 'C']);
  });

  it('marks changes by other people for the highlight, not our own', () => {
    const store = new BoardStore({ selfId: 'me' });
    store.load(snapshot(10));
    const [a, b] = [store.view!.cards.get('A')!, store.view!.cards.get('B')!];
    store.receive(movedEvent(11, a, { columnId: DOING, rank: 'a1' }, { actorId: 'me' }));
    store.receive(movedEvent(12, b, { columnId: DOING, rank: 'a2' }, { actorId: 'sam' }));
    expect(store.liveChanges.has('A')).toBe(false);
    expect(store.liveChanges.get('B')).toMatchObject({ kind: 'moved' });
  });
});

describe('BoardStore: optimistic moves', () => {
  it('shows a pending move at once, between the named neighbours', () => {
    const store = new BoardStore({ selfId: 'me' });
    store.load(snapshot(10));
    store.setPending([moveOp({ key: 'k1', cardId: 'C', toColumnId: READY, afterCardId: 'A', beforeCardId: 'B' })]);
    expect(titlesIn(store, READY)).toEqual(['A', 'C', 'B']);
    expect(store.unsynced.has('C')).toBe(true);
    // The confirmed state is untouched until the server answers.
    expect(cardsIn(store.confirmedState!, READY).map((c) => c.id)).toEqual(['A', 'B', 'C']);
  });

  it('rolls back when the op is refused (removed from the pending list)', () => {
    const store = new BoardStore({ selfId: 'me' });
    store.load(snapshot(10));
    store.setPending([moveOp({ key: 'k1', cardId: 'A', toColumnId: DOING, afterCardId: 'D' })]);
    expect(titlesIn(store, DOING)).toEqual(['D', 'A']);
    store.setPending([]);
    expect(titlesIn(store, DOING)).toEqual(['D']);
    expect(titlesIn(store, READY)).toEqual(['A', 'B', 'C']);
    expect(store.unsynced.size).toBe(0);
  });

  it('keeps a pending move on top of other people’s changes', () => {
    const store = new BoardStore({ selfId: 'me' });
    store.load(snapshot(10));
    store.setPending([moveOp({ key: 'k1', cardId: 'A', toColumnId: DOING, afterCardId: 'D' })]);
    const b = store.confirmedState!.cards.get('B')!;
    store.receive(movedEvent(11, b, { columnId: DOING, rank: 'Zz' }));
    expect(titlesIn(store, DOING)).toEqual(['B', 'D', 'A']);
  });

  it('drops the overlay when our own event comes back, and tells the outbox', () => {
    const reflected: string[][] = [];
    const store = new BoardStore({ selfId: 'me', onReflected: (keys) => reflected.push(keys) });
    store.load(snapshot(10));
    store.setPending([moveOp({ key: 'k1', cardId: 'A', toColumnId: DOING, afterCardId: 'D' })]);
    const a = store.confirmedState!.cards.get('A')!;
    store.receive(movedEvent(11, a, { columnId: DOING, rank: 'a1' }, { actorId: 'me', clientMutationId: 'k1' }));
    expect(reflected).toEqual([['k1']]);
    expect(store.unsynced.size).toBe(0);
    expect(titlesIn(store, DOING)).toEqual(['D', 'A']);
  });

  it('keeps an acknowledged move shown until the board holds its version (answer before event)', () => {
    const store = new BoardStore({ selfId: 'me' });
    store.load(snapshot(10));
    store.setPending([moveOp({ key: 'k1', cardId: 'A', toColumnId: DOING, afterCardId: 'D', status: 'acked', ackVersion: 2 })]);
    expect(titlesIn(store, DOING)).toEqual(['D', 'A']);
    // A reload that already contains the move (version 2) makes the overlay unnecessary.
    const snap = snapshot(11);
    snap.cards = snap.cards.map((c) => (c.id === 'A' ? { ...c, columnId: DOING, rank: 'a1', version: 2 } : c));
    store.load(snap);
    expect(store.unsynced.size).toBe(0);
  });
});
