import type { Board, Card, Column, Interrupt, Lane } from '@opsboard/shared';
import type { boards, cards, columns, interrupts, lanes } from '../db/schema.js';
import { iso } from '../db/time.js';

export type BoardRow = typeof boards.$inferSelect;
export type ColumnRow = typeof columns.$inferSelect;
export type LaneRow = typeof lanes.$inferSelect;
export type CardRow = typeof cards.$inferSelect;
export type InterruptRow = typeof interrupts.$inferSelect;

export function toBoard(r: BoardRow): Board {
  return {
    id: r.id,
    teamId: r.teamId,
    kind: r.kind,
    name: r.name,
    rank: r.rank,
    personWipLimit: r.personWipLimit,
    personWipPolicy: r.personWipPolicy,
    definitionOfDone: r.definitionOfDone,
    archivedAt: iso(r.archivedAt),
    createdAt: iso(r.createdAt),
  };
}

export function toColumn(r: ColumnRow): Column {
  return {
    id: r.id,
    boardId: r.boardId,
    name: r.name,
    rank: r.rank,
    category: r.category,
    wipLimit: r.wipLimit,
    wipPolicy: r.wipPolicy,
    archivedAt: iso(r.archivedAt),
  };
}

export function toLane(r: LaneRow): Lane {
  return {
    id: r.id,
    boardId: r.boardId,
    name: r.name,
    rank: r.rank,
    wipLimit: r.wipLimit,
    wipPolicy: r.wipPolicy,
    archivedAt: iso(r.archivedAt),
  };
}

export function toCard(r: CardRow): Card {
  return {
    id: r.id,
    boardId: r.boardId,
    number: r.number,
    columnId: r.columnId,
    laneId: r.laneId,
    rank: r.rank,
    version: r.version,
    title: r.title,
    description: r.description,
    type: r.type,
    points: r.points,
    assigneeIds: r.assigneeIds,
    featureId: r.featureId,
    iterationId: r.iterationId,
    labels: r.labels,
    priority: r.priority,
    blocked: r.blocked,
    blockedReason: r.blockedReason,
    dueDate: r.dueDate,
    links: r.links,
    checklist: r.checklist,
    dodChecked: r.dodChecked,
    overrideReason: r.overrideReason,
    columnEnteredAt: iso(r.columnEnteredAt),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    createdBy: r.createdBy,
    archivedAt: iso(r.archivedAt),
  };
}

/** An interrupt is a card's intake record; it travels with the card (snapshots, cross-board moves), so its mapper sits beside the card's. */
export function toInterrupt(r: InterruptRow): Interrupt {
  return {
    cardId: r.cardId,
    source: r.source,
    severity: r.severity,
    requester: r.requester,
    dedupKey: r.dedupKey,
    alert: r.alert ?? null,
    occurrences: r.occurrences,
    receivedAt: iso(r.receivedAt),
    lastSeenAt: iso(r.lastSeenAt),
    resolvedBySourceAt: iso(r.resolvedBySourceAt),
    status: r.status,
    assignedPotwId: r.assignedPotwId,
    triagedAt: iso(r.triagedAt),
    triagedBy: r.triagedBy,
    escalatedTo: r.escalatedTo,
    convertedCardId: r.convertedCardId,
    duplicateOfCardId: r.duplicateOfCardId,
    resolution: r.resolution,
    // Rows marked done at the upgrade (migration 0018) carry a level but never escalated: no time, nothing to show.
    ackEscalation: r.ackLevel > 0 && r.ackEscalatedAt ? { level: r.ackLevel, at: iso(r.ackEscalatedAt), userIds: r.ackEscalatedTo ?? [] } : null,
  };
}
