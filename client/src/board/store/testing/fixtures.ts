/** Small boards and events for the store tests: two columns, a few cards, events numbered from the snapshot's seq. */
import type { Board, BoardEvent, BoardSnapshot, Card, Column } from '@opsboard/shared';

const AT = '2025-01-01T10:00:00.000Z';
export const BOARD_ID = '00000000-0000-4000-8000-0000000000b1';
export const TEAM_ID = '00000000-0000-4000-8000-0000000000f1';
export const READY = '00000000-0000-4000-8000-00000000c0a1';
export const DOING = '00000000-0000-4000-8000-00000000c0a2';

export function board(): Board {
  return { id: BOARD_ID, teamId: TEAM_ID, kind: 'planned', name: 'Planned work', rank: 'a0', personWipLimit: null, personWipPolicy: 'block', definitionOfDone: [], archivedAt: null, createdAt: AT };
}

export function column(id: string, name: string, rank: string, wipLimit: number | null = null): Column {
  return { id, boardId: BOARD_ID, name, rank, category: 'todo', wipLimit, wipPolicy: 'block', archivedAt: null };
}

export function card(id: string, title: string, columnId: string, rank: string, extra: Partial<Card> = {}): Card {
  return {
    id, boardId: BOARD_ID, number: 1, columnId, laneId: null, rank, version: 1, title, description: '', type: 'story', points: null,
    assigneeIds: [], featureId: null, iterationId: null, labels: [], priority: 'none', blocked: false, blockedReason: null, dueDate: null,
    links: [], checklist: [], dodChecked: [], overrideReason: null, columnEnteredAt: AT, createdAt: AT, updatedAt: AT, createdBy: null, archivedAt: null, ...extra,
  };
}

/** Ready: A, B, C; Doing: D. */
export function snapshot(seq = 10): BoardSnapshot {
  return {
    board: board(),
    seq,
    columns: [column(READY, 'Ready', 'a0'), column(DOING, 'Doing', 'a1', 2)],
    lanes: [],
    interrupts: [],
    cards: [card('A', 'Rotate TLS certs', READY, 'a0'), card('B', 'Patch kernels', READY, 'a1'), card('C', 'Renew domain', READY, 'a2'), card('D', 'Upgrade Postgres', DOING, 'a0')],
  };
}

export function movedEvent(seq: number, moved: Card, to: { columnId: string; rank: string }, extra: { actorId?: string | null; clientMutationId?: string | null } = {}): BoardEvent {
  const next: Card = { ...moved, columnId: to.columnId, rank: to.rank, version: moved.version + 1 };
  return {
    type: 'card.moved',
    streamId: BOARD_ID,
    seq,
    actorId: extra.actorId ?? 'someone-else',
    clientMutationId: extra.clientMutationId ?? null,
    at: AT,
    payload: { card: next, from: { columnId: moved.columnId, laneId: moved.laneId, rank: moved.rank }, to: { columnId: to.columnId, laneId: null, rank: to.rank }, overrideReason: null },
  };
}

export function createdEvent(seq: number, created: Card): BoardEvent {
  return { type: 'card.created', streamId: BOARD_ID, seq, actorId: 'someone-else', clientMutationId: null, at: AT, payload: { card: created, overrideReason: null } };
}
