/** Every event board settings cause reaches the open board: the store folds it in and the layout draws it. */
import type { BoardEvent, Column, Lane } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { BoardModel } from '../model/board-model';
import { BoardStore } from './board-store';
import { BOARD_ID, DOING, READY, board, column, snapshot } from './testing/fixtures';

const AT = '2025-01-03T10:00:00.000Z';
const REVIEW = '00000000-0000-4000-8000-00000000c0a3';
const EXPEDITE = '00000000-0000-4000-8000-0000000001a1';

/** An event's type and payload, kept paired per variant. */
type Body = BoardEvent extends infer E ? (E extends BoardEvent ? Pick<E, 'type' | 'payload'> : never) : never;

function event(seq: number, body: Body): BoardEvent {
  return { streamId: BOARD_ID, seq, actorId: 'someone-else', clientMutationId: null, at: AT, ...body };
}

const lane = (id: string, name: string, rank: string, extra: Partial<Lane> = {}): Lane => ({ id, boardId: BOARD_ID, name, rank, wipLimit: null, wipPolicy: 'block', archivedAt: null, ...extra });

describe('board settings events on an open board', () => {
  it('applies board, column and swimlane events in turn, and the layout follows each', () => {
    const store = new BoardStore({ selfId: 'me' });
    const model = new BoardModel(store);
    store.load(snapshot(10));
    const layout = () => model.getSnapshot()!.layout;
    const names = () => layout().columns.map((c) => c.name);
    const review: Column = { ...column(REVIEW, 'Review', 'a2'), category: 'doing' };
    let seq = 10;
    const apply = (body: Body) => expect(store.receive(event(++seq, body))).toBe('applied');

    apply({ type: 'column.created', payload: { column: review } });
    expect(names()).toEqual(['Ready', 'Doing', 'Review']);

    const renamed = { ...review, name: 'Peer review' };
    apply({ type: 'column.updated', payload: { column: renamed, changes: { name: { from: 'Review', to: 'Peer review' } } } });
    expect(names()).toEqual(['Ready', 'Doing', 'Peer review']);

    const limited = { ...renamed, wipLimit: 2, wipPolicy: 'warn' as const };
    apply({ type: 'column.wip_limit_changed', payload: { column: limited, from: { wipLimit: null, wipPolicy: 'block' }, to: { wipLimit: 2, wipPolicy: 'warn' } } });
    expect(layout().columns.at(-1)).toMatchObject({ wipLimit: 2, wipPolicy: 'warn' });

    const done = { ...limited, category: 'done' as const };
    apply({ type: 'column.updated', payload: { column: done, changes: { category: { from: 'doing', to: 'done' } } } });
    expect(store.view!.columns.get(REVIEW)!.category).toBe('done');

    apply({ type: 'column.moved', payload: { column: { ...done, rank: 'Zz' } } });
    expect(names()).toEqual(['Peer review', 'Ready', 'Doing']);

    apply({ type: 'column.archived', payload: { column: { ...done, rank: 'Zz', archivedAt: AT } } });
    expect(names()).toEqual(['Ready', 'Doing']);
    apply({ type: 'column.restored', payload: { column: { ...done, rank: 'a5' } } });
    expect(names()).toEqual(['Ready', 'Doing', 'Peer review']);

    const expedite = lane(EXPEDITE, 'Expedite', 'a0');
    apply({ type: 'lane.created', payload: { lane: expedite } });
    // Cards outside any lane get a row of their own once there are lanes.
    expect(layout().rows).toEqual([EXPEDITE, null]);
    apply({ type: 'lane.updated', payload: { lane: { ...expedite, name: 'Urgent', wipLimit: 1 }, changes: { name: { from: 'Expedite', to: 'Urgent' } } } });
    expect(layout().lanes.map((l) => [l.name, l.wipLimit])).toEqual([['Urgent', 1]]);
    const second = lane('00000000-0000-4000-8000-0000000001a2', 'Standard', 'a1');
    apply({ type: 'lane.created', payload: { lane: second } });
    apply({ type: 'lane.moved', payload: { lane: { ...second, rank: 'Zz' } } });
    expect(layout().lanes.map((l) => l.name)).toEqual(['Standard', 'Urgent']);
    apply({ type: 'lane.archived', payload: { lane: { ...second, rank: 'Zz', archivedAt: AT } } });
    expect(layout().lanes.map((l) => l.name)).toEqual(['Urgent']);
    apply({ type: 'lane.restored', payload: { lane: { ...second, rank: 'a9' } } });
    expect(layout().lanes.map((l) => l.name)).toEqual(['Urgent', 'Standard']);

    const renamedBoard = { ...board(), name: 'Platform work', personWipLimit: 2, personWipPolicy: 'warn' as const };
    apply({ type: 'board.updated', payload: { board: renamedBoard, changes: { name: { from: 'Planned work', to: 'Platform work' } } } });
    expect(model.getSnapshot()!.state.board).toMatchObject({ name: 'Platform work', personWipLimit: 2, personWipPolicy: 'warn' });
    apply({ type: 'board.updated', payload: { board: { ...renamedBoard, archivedAt: AT }, changes: { archivedAt: { from: null, to: AT } } } });
    expect(model.getSnapshot()!.state.board.archivedAt).toBe(AT);

    // Cards stayed where they were throughout.
    expect(layout().columnCounts.get(READY)).toBe(3);
    expect(layout().columnCounts.get(DOING)).toBe(1);
    expect(store.seq).toBe(seq);
  });
});
