import type { Interrupt } from '@opsboard/shared';
import type { interrupts } from '../db/schema.js';
import { iso } from '../db/time.js';

export type InterruptRow = typeof interrupts.$inferSelect;

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
  };
}
