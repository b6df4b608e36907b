/**
 * Escalation to acknowledge, the PoTW's safety net (PagerDuty's and
 * Opsgenie's basic): a critical interrupt nobody triages within the team's
 * ack timeout goes to the next person in the rotation (level 1), and after as
 * long again to the team's admins (level 2). Every instance sweeps (notify/
 * runtime.ts); each level is claimed by a conditional UPDATE of the row's
 * level inside the transaction that notifies and appends the event, so it
 * fires once however many instances sweep at the same moment.
 */
import { and, asc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { ackLevelDue, can, MAX_ACK_LEVEL, nextInRotation, shiftAt, type RotationVersion } from '@opsboard/shared';
import { toInterrupt } from '../boards/mappers.js';
import type { ServiceDeps } from '../context.js';
import type { Tx } from '../db/database.js';
import { cards, interrupts, teamMembers, teams, users } from '../db/schema.js';
import { iso } from '../db/time.js';
import { mutate } from '../events/unit-of-work.js';
import { ok } from '../http/result.js';
import { deliverNotice } from '../notify/deliver.js';
import { loadRotation } from '../rotation/service.js';

interface Candidate {
  cardId: string;
  teamId: string;
  ackLevel: number;
}

/**
 * Who a level goes to. Level 1: the next person in the rotation after whoever
 * is PoTW now. With nobody next (no rotation, or one person in it) there is no
 * level 1 to wait for: it goes straight to level 2, the team's admins.
 */
async function targetsOf(tx: Tx, teamId: string, wanted: number, now: Date): Promise<{ level: number; userIds: string[]; potwId: string | null }> {
  const rotation = await loadRotation(tx, teamId);
  const shift = shiftAt(rotation.versions, rotation.overrides, now);
  if (wanted === 1) {
    const inForce: RotationVersion | undefined = rotation.versions.filter((v) => Date.parse(v.effectiveFrom) <= now.getTime()).at(-1);
    const next = nextInRotation(inForce?.memberIds ?? [], shift);
    const [member] = next ? await tx.select({ role: teamMembers.role }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, next))) : [];
    // The rotation only holds people who can triage; one who has since lost the role is skipped.
    if (next && member && can(member.role, 'write')) return { level: 1, userIds: [next], potwId: shift?.userId ?? null };
  }
  const admins = await tx
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.role, 'admin')))
    .orderBy(asc(teamMembers.userId));
  return { level: MAX_ACK_LEVEL, userIds: admins.map((a) => a.userId), potwId: shift?.userId ?? null };
}

/** Escalates one interrupt by one level if it is still due; true when this call did it. */
async function escalateOne(deps: ServiceDeps, c: Candidate): Promise<boolean> {
  const result = await mutate(deps, { actor: { userId: null } }, async (w) => {
    const now = new Date(w.now);
    const [row] = await w.tx
      .select({ interrupt: interrupts, card: cards, timeout: teams.ackTimeoutMinutes })
      .from(interrupts)
      .innerJoin(cards, eq(cards.id, interrupts.cardId))
      .innerJoin(teams, eq(teams.id, interrupts.teamId))
      .where(eq(interrupts.cardId, c.cardId));
    if (!row || row.card.archivedAt !== null) return ok(false);
    const i = row.interrupt;
    const state = { ...i, receivedAt: iso(i.receivedAt), resolvedBySourceAt: iso(i.resolvedBySourceAt), ackEscalatedAt: iso(i.ackEscalatedAt) };
    if (i.ackLevel !== c.ackLevel || !ackLevelDue(state, row.timeout, now)) return ok(false);
    const target = await targetsOf(w.tx, i.teamId, i.ackLevel + 1, now);
    // The claim: only one transaction moves the level on from what it read; another instance's finds no row.
    const [claimed] = await w.tx
      .update(interrupts)
      .set({ ackLevel: target.level, ackEscalatedAt: w.now, ackEscalatedTo: target.userIds })
      .where(
        and(
          eq(interrupts.cardId, i.cardId),
          eq(interrupts.ackLevel, c.ackLevel),
          eq(interrupts.status, 'untriaged'),
          eq(interrupts.severity, 'critical'),
          isNull(interrupts.resolvedBySourceAt),
        ),
      )
      .returning();
    if (!claimed) return ok(false);
    const interrupt = toInterrupt(claimed);
    const waited = Math.round((now.getTime() - Date.parse(interrupt.receivedAt)) / 60_000);
    const [potw] = target.potwId ? await w.tx.select({ name: users.name }).from(users).where(eq(users.id, target.potwId)) : [];
    const label = `#${row.card.number} ${row.card.title}`;
    for (const userId of target.userIds) {
      await deliverNotice(w.tx, deps, w.now, {
        userId,
        teamId: i.teamId,
        kind: 'interrupt.unacknowledged',
        title: `Nobody triaged critical interrupt ${label} in ${waited} min`,
        body:
          target.level === 1
            ? `${potw ? `${potw.name} is Person of the Week` : 'The Person of the Week'} has not triaged it. You are next in the rotation: please triage it, or make sure someone does.`
            : `It is still untriaged${potw ? ` (Person of the Week: ${potw.name})` : ''}, after the next person in the rotation was told. As a team admin, please see that someone triages it.`,
        cardId: i.cardId,
        path: `/boards/${row.card.boardId}`,
      });
    }
    w.emitBoard(row.card.boardId, i.teamId, [{ type: 'interrupt.unacknowledged', subjectId: i.cardId, payload: { interrupt, level: target.level, userIds: target.userIds } }]);
    return ok(true);
  });
  return result.ok && result.value;
}

/**
 * One sweep: every critical interrupt still untriaged whose next level is due
 * at the clock's now escalates one level. Returns how many levels this call
 * fired (another instance may have fired the rest).
 */
export async function runEscalations(deps: ServiceDeps, batch = 100): Promise<number> {
  const now = deps.clock().toISOString();
  const since = sql`CASE WHEN ${interrupts.ackLevel} = 0 THEN ${interrupts.receivedAt} ELSE coalesce(${interrupts.ackEscalatedAt}, ${interrupts.receivedAt}) END`;
  const due = await deps.database.db
    .select({ cardId: interrupts.cardId, teamId: interrupts.teamId, ackLevel: interrupts.ackLevel })
    .from(interrupts)
    .innerJoin(cards, eq(cards.id, interrupts.cardId))
    .innerJoin(teams, eq(teams.id, interrupts.teamId))
    .where(
      and(
        eq(interrupts.severity, 'critical'),
        eq(interrupts.status, 'untriaged'),
        lt(interrupts.ackLevel, MAX_ACK_LEVEL),
        isNull(interrupts.resolvedBySourceAt),
        isNull(cards.archivedAt),
        isNotNull(teams.ackTimeoutMinutes),
        sql`${since} + ${teams.ackTimeoutMinutes} * interval '1 minute' <= ${now}::timestamptz`,
      ),
    )
    .orderBy(asc(interrupts.receivedAt), asc(interrupts.cardId))
    .limit(batch);
  let fired = 0;
  for (const c of due) if (await escalateOne(deps, c)) fired++;
  return fired;
}
