/**
 * A source saying its problem is over: Alertmanager's `resolved`, or the
 * generic hook's `status: "resolved"`. The interrupt is marked "resolved at
 * source" and stays where it is, for the PoTW to close; resolving it again
 * changes nothing.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Interrupt } from '@opsboard/shared';
import { cards, interrupts } from '../db/schema.js';
import type { WriteContext } from '../events/unit-of-work.js';
import { toInterrupt } from '../boards/mappers.js';

const OPEN: Interrupt['status'][] = ['untriaged', 'accepted', 'escalated'];

export type SourceResolution = { interrupt: Interrupt; changed: boolean };

/**
 * Marks the interrupt with this (stored) dedup key resolved at source: the
 * open one if there is one, else the latest (a generic key may have raised
 * several over time). Null when no interrupt has the key.
 */
export async function resolveBySource(w: WriteContext, teamId: string, dedupKey: string): Promise<SourceResolution | null> {
  const [existing] = await w.tx
    .select({ interrupt: interrupts, boardId: cards.boardId })
    .from(interrupts)
    .innerJoin(cards, eq(cards.id, interrupts.cardId))
    .where(and(eq(interrupts.teamId, teamId), eq(interrupts.dedupKey, dedupKey)))
    .orderBy(
      desc(sql`(${inArray(interrupts.status, OPEN)} AND ${isNull(cards.archivedAt)})`),
      desc(interrupts.receivedAt),
      desc(interrupts.cardId),
    )
    .limit(1)
    .for('update', { of: [interrupts] });
  if (!existing) return null;
  if (existing.interrupt.resolvedBySourceAt) return { interrupt: toInterrupt(existing.interrupt), changed: false };
  const [row] = await w.tx
    .update(interrupts)
    .set({ resolvedBySourceAt: w.now, lastSeenAt: w.now })
    .where(eq(interrupts.cardId, existing.interrupt.cardId))
    .returning();
  const interrupt = toInterrupt(row!);
  w.emitBoard(existing.boardId, teamId, [{ type: 'interrupt.resolved_by_source', subjectId: interrupt.cardId, payload: { interrupt } }]);
  return { interrupt, changed: true };
}
