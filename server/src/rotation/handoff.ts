/**
 * The weekly hand-off note from the outgoing PoTW to the next one: a draft
 * written from the board (open interrupts, what waits on whom), which the
 * outgoing PoTW edits and saves.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { potwNowAndNext, type Handoff } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { cards, columns, handoffs, interrupts, teamMembers, users } from '../db/schema.js';
import { iso } from '../db/time.js';
import { mutate } from '../events/unit-of-work.js';
import { ok, refuse, type Result } from '../http/result.js';
import { can } from '@opsboard/shared';
import { requireTeam } from '../auth/access.js';
import { loadRotation } from './service.js';
import type { IdempotencyOption } from '../http/idempotency.js';

const DAY = 86_400_000;

function age(ms: number): string {
  if (ms < 3_600_000) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (ms < DAY) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / DAY)} d`;
}

/** A plain-text draft from the current state of the team's interrupts. */
export async function handoffDraft(db: Queryable, teamId: string, now: Date): Promise<string> {
  const rows = await db
    .select({ card: cards, interrupt: interrupts, category: columns.category, columnName: columns.name })
    .from(interrupts)
    .innerJoin(cards, eq(cards.id, interrupts.cardId))
    .innerJoin(columns, eq(columns.id, cards.columnId))
    .where(and(eq(interrupts.teamId, teamId), isNull(cards.archivedAt), inArray(interrupts.status, ['untriaged', 'accepted', 'escalated'])))
    .orderBy(asc(interrupts.receivedAt));
  const open = rows.filter((r) => r.category !== 'done');
  const people = new Map((await db.select({ id: users.id, name: users.name }).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId)).where(eq(teamMembers.teamId, teamId))).map((u) => [u.id, u.name]));
  const line = (r: (typeof open)[number]) =>
    `- #${r.card.number} ${r.card.title} (${r.interrupt.severity}, ${r.interrupt.status}, ${age(now.getTime() - new Date(iso(r.interrupt.receivedAt)).getTime())} old, in ${r.columnName})`;
  const untriaged = open.filter((r) => r.interrupt.status === 'untriaged');
  const inFlight = open.filter((r) => r.interrupt.status !== 'untriaged');
  const waiting = open.filter((r) => r.card.blocked || r.interrupt.status === 'escalated');
  const resolvedAtSource = open.filter((r) => r.interrupt.resolvedBySourceAt !== null);
  const parts: string[] = [];
  parts.push(untriaged.length > 0 ? `Untriaged (${untriaged.length}):\n${untriaged.map(line).join('\n')}` : 'Untriaged: none.');
  if (inFlight.length > 0) parts.push(`In flight (${inFlight.length}):\n${inFlight.map(line).join('\n')}`);
  if (waiting.length > 0) {
    parts.push(
      `Waiting:\n${waiting
        .map((r) => {
          const on = r.interrupt.status === 'escalated' && r.interrupt.escalatedTo ? `on ${people.get(r.interrupt.escalatedTo) ?? 'a former member'}` : `blocked: ${r.card.blockedReason ?? 'no reason given'}`;
          return `- #${r.card.number} ${r.card.title}: waiting ${on}`;
        })
        .join('\n')}`,
    );
  }
  if (resolvedAtSource.length > 0) parts.push(`Resolved at the source, still open here (close them?):\n${resolvedAtSource.map(line).join('\n')}`);
  return parts.join('\n\n');
}

export async function currentHandoff(deps: ServiceDeps, userId: string, teamId: string, freshDraft = false): Promise<Result<Handoff>> {
  const db = deps.database.db;
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const now = deps.clock();
  const rotation = await loadRotation(db, teamId);
  const { current, next } = potwNowAndNext(rotation.versions, rotation.overrides, now);
  const handoffAt = next?.start ?? current?.end ?? now.toISOString();
  const [saved] = await db.select().from(handoffs).where(and(eq(handoffs.teamId, teamId), eq(handoffs.handoffAt, handoffAt)));
  if (saved && !freshDraft) {
    return ok({
      handoffAt,
      fromUserId: saved.fromUserId,
      toUserId: saved.toUserId,
      summary: saved.summary,
      saved: true,
      updatedAt: iso(saved.updatedAt),
      updatedBy: saved.updatedBy,
    });
  }
  return ok({
    handoffAt,
    fromUserId: current?.userId ?? null,
    toUserId: next?.userId ?? null,
    summary: await handoffDraft(db, teamId, now),
    saved: false,
    updatedAt: null,
    updatedBy: null,
  });
}

/** Only the outgoing PoTW (or an admin) writes the note for the coming hand-off. */
export async function saveHandoff(deps: ServiceDeps, auth: AuthInfo, teamId: string, summary: string, o: IdempotencyOption): Promise<Result<Handoff>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'read');
    if (!access.ok) return access;
    const now = new Date(w.now);
    const rotation = await loadRotation(w.tx, teamId);
    const { current, next } = potwNowAndNext(rotation.versions, rotation.overrides, now);
    if (!current) return refuse('conflict', 'Nobody is Person of the Week yet; set up the rotation first.');
    if (current.userId !== auth.user.id && !can(access.value, 'administer')) {
      return refuse('forbidden', 'Only the outgoing Person of the Week (or an admin) writes the hand-off.', { permission: 'potw' });
    }
    const handoffAt = next?.start ?? current.end;
    const values = { teamId, handoffAt, fromUserId: current.userId, toUserId: next?.userId ?? null, summary: summary.trim(), updatedAt: w.now, updatedBy: auth.user.id };
    await w.tx.insert(handoffs).values(values).onConflictDoUpdate({ target: [handoffs.teamId, handoffs.handoffAt], set: { summary: values.summary, updatedAt: w.now, updatedBy: auth.user.id } });
    const handoff: Handoff = { handoffAt, fromUserId: values.fromUserId, toUserId: values.toUserId, summary: values.summary, saved: true, updatedAt: w.now, updatedBy: auth.user.id };
    w.emitTeam(teamId, [{ type: 'handoff.updated', subjectId: teamId, payload: { handoff } }]);
    return ok(handoff);
  });
}
