/**
 * The PoTW's triage actions on an interrupt: accept, escalate to a named
 * person, convert into a story on the planned or SS&A board (linked),
 * mark as duplicate (linked), or close with a resolution. Each link is
 * stored once, on the card that states it; the other card shows it as
 * incoming. The first action stamps time-to-triage.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Card, CardLink, Interrupt, InterruptItem, InterruptStatus, Role, TriageBody, TriageResult } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { firstColumn } from '../boards/columns.js';
import { toCard, toInterrupt, type BoardRow, type CardRow, type ColumnRow } from '../boards/mappers.js';
import { applyUpdate, insertCard, moveLocked } from '../cards/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable, Tx } from '../db/database.js';
import { boards, cards, interrupts, teamMembers, users } from '../db/schema.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, ok, refuse, type Result } from '../http/result.js';
import { deliverNotice, type Notice } from '../notify/deliver.js';
import { checkDuty, decide, requireTeam } from '../auth/access.js';
import { notifyWatchers } from '../conversation/watchers.js';

type Opts = IdempotencyOption;

async function teamBoard(tx: Tx, teamId: string, kind: BoardRow['kind']): Promise<BoardRow | null> {
  const [b] = await tx
    .select()
    .from(boards)
    .where(and(eq(boards.teamId, teamId), eq(boards.kind, kind), isNull(boards.archivedAt)))
    .orderBy(asc(boards.rank))
    .limit(1);
  return b ?? null;
}

export async function triage(deps: ServiceDeps, auth: AuthInfo, cardId: string, body: TriageBody, o: Opts): Promise<Result<TriageResult>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const [row] = await w.tx
      .select({ card: cards, board: boards, interrupt: interrupts, role: teamMembers.role })
      .from(cards)
      .innerJoin(boards, eq(boards.id, cards.boardId))
      .innerJoin(interrupts, eq(interrupts.cardId, cards.id))
      .leftJoin(teamMembers, and(eq(teamMembers.teamId, cards.teamId), eq(teamMembers.userId, auth.user.id)))
      .where(eq(cards.id, cardId))
      .for('update', { of: [cards, interrupts] });
    const access = decide(row?.role ?? null, 'write', 'Interrupt');
    if (!access.ok) return access;
    const { card, board, interrupt, role } = row!;
    if (card.archivedAt) return refuse('conflict', 'The interrupt is archived; restore it first.');
    if (['converted', 'duplicate', 'closed'].includes(interrupt.status)) {
      return refuse('conflict', `This interrupt is already ${interrupt.status}.`, { status: interrupt.status });
    }
    return applyTriage(w, deps, auth, { card, board, interrupt: toInterrupt(interrupt), role }, body);
  });
}

interface Loaded {
  card: CardRow;
  board: BoardRow;
  interrupt: Interrupt;
  role: Role | null;
}

async function applyTriage(w: WriteContext, deps: ServiceDeps, auth: AuthInfo, l: Loaded, body: TriageBody): Promise<Result<TriageResult>> {
  const { card, board } = l;
  let status: InterruptStatus;
  let moved: Result<Card>;
  let created: Card | null = null;
  const patch: Partial<typeof interrupts.$inferInsert> = {};
  let note: string | null = null;

  const moveTo = async (category: ColumnRow['category']): Promise<Result<Card>> => {
    const column = (await firstColumn(w.tx, board.id, category)) ?? (await firstColumn(w.tx, board.id, 'doing'));
    if (!column) return refuse('conflict', `The interrupts board has no ${category} column to move the card to.`);
    if (column.id === card.columnId) return ok(toCard(card));
    return moveLocked(w, card, board, { toColumnId: column.id, overrideReason: 'Triage by the Person of the Week' }, l.role);
  };

  switch (body.action) {
    case 'accept': {
      status = 'accepted';
      if (body.severity) patch.severity = body.severity;
      moved = await moveTo('todo');
      break;
    }
    case 'escalate': {
      const [person] = await w.tx
        .select({ id: users.id, name: users.name, role: teamMembers.role })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(and(eq(teamMembers.teamId, board.teamId), eq(teamMembers.userId, body.userId)));
      // The person escalated to takes the card on: a guest or a viewer cannot.
      const duty = checkDuty(new Map(person ? [[person.id, person.role]] : []), [body.userId], () => 'userId', 'write', 'an escalation goes to someone who works the card (member, po or admin)');
      if (!duty.ok) return duty;
      if (!person) return invalidField('userId', 'is not a member of this team');
      status = 'escalated';
      patch.escalatedTo = person.id;
      note = body.note?.trim() || null;
      moved = await moveTo('todo');
      if (!moved.ok) return moved;
      moved = await applyUpdate(w, board, await reload(w.tx, card.id), { assigneeIds: [person.id] });
      await notify(w, deps, {
        userId: person.id,
        teamId: board.teamId,
        kind: 'interrupt.escalated',
        title: `${auth.user.name} escalated #${card.number} to you`,
        body: note ? `${card.title}\n\n${note}` : card.title,
        cardId: card.id,
        path: `/boards/${board.id}`,
      });
      await notifyWatchers(
        w.tx,
        { cardId: card.id, kind: 'escalation', actorId: auth.user.id, title: `${auth.user.name} escalated #${card.number} ${card.title} to ${person.name}`, body: note ?? '', skip: [person.id] },
        w.now,
        deps.newId,
      );
      break;
    }
    case 'convert': {
      const targetBoard = await teamBoard(w.tx, board.teamId, body.boardKind);
      if (!targetBoard) return invalidField('boardKind', `the team has no ${body.boardKind} board`);
      const storyId = deps.newId();
      const story = await insertCard(
        w,
        storyId,
        targetBoard,
        {
          title: body.title?.trim() || card.title,
          description: `${card.description}${card.description ? '\n\n' : ''}Converted from interrupt #${card.number}.`.trim(),
          type: body.type ?? 'story',
          labels: card.labels,
          links: [{ kind: 'converted_from', cardId: card.id }],
        },
        auth.user.id,
        l.role,
      );
      if (!story.ok) return story;
      created = story.value;
      status = 'converted';
      patch.convertedCardId = storyId;
      // The story's own link says it; the interrupt shows it as incoming (links are stored once).
      moved = await moveDone(w, board, l.role, card.id);
      break;
    }
    case 'duplicate': {
      if (body.duplicateOfCardId === card.id) return invalidField('duplicateOfCardId', 'a card cannot duplicate itself');
      const [original] = await w.tx.select({ id: cards.id }).from(cards).where(and(eq(cards.id, body.duplicateOfCardId), eq(cards.teamId, board.teamId)));
      if (!original) return invalidField('duplicateOfCardId', 'is not a card of this team');
      status = 'duplicate';
      patch.duplicateOfCardId = original.id;
      const linked = await addLink(w, board, card, { kind: 'duplicates', cardId: original.id });
      if (!linked.ok) return linked;
      moved = await moveDone(w, board, l.role, card.id);
      break;
    }
    case 'close': {
      status = 'closed';
      patch.resolution = body.resolution.trim();
      note = patch.resolution;
      moved = await moveTo('done');
      break;
    }
  }
  if (!moved.ok) return moved;

  const [updated] = await w.tx
    .update(interrupts)
    .set({ ...patch, status, triagedAt: l.interrupt.triagedAt ?? w.now, triagedBy: l.interrupt.triagedBy ?? auth.user.id })
    .where(eq(interrupts.cardId, card.id))
    .returning();
  const interrupt = toInterrupt(updated!);
  w.emitBoard(board.id, board.teamId, [{ type: 'interrupt.triaged', subjectId: card.id, payload: { interrupt, action: body.action, note } }]);
  return ok({ card: moved.value, interrupt, created });
}

async function reload(tx: Tx, cardId: string): Promise<CardRow> {
  const [row] = await tx.select().from(cards).where(eq(cards.id, cardId));
  return row!;
}

async function addLink(w: WriteContext, board: BoardRow, card: CardRow, link: CardLink): Promise<Result<Card>> {
  const current = await reload(w.tx, card.id);
  if (current.links.some((l) => l.kind === link.kind && l.cardId === link.cardId)) return ok(toCard(current));
  return applyUpdate(w, board, current, { links: [...current.links, link] });
}

async function moveDone(w: WriteContext, board: BoardRow, role: Role | null, cardId: string): Promise<Result<Card>> {
  const current = await reload(w.tx, cardId);
  const done = await firstColumn(w.tx, board.id, 'done');
  if (!done) return refuse('conflict', 'The interrupts board has no done column.');
  if (done.id === current.columnId) return ok(toCard(current));
  return moveLocked(w, current, board, { toColumnId: done.id }, role);
}

/** In the app, by e-mail or to chat, as the person's preferences say (notify/deliver.ts). */
async function notify(w: WriteContext, deps: ServiceDeps, n: Notice): Promise<void> {
  await deliverNotice(w.tx, deps, w.now, n);
}

/** Interrupts of a team, oldest first (the triage view), optionally only some statuses. */
export async function listInterrupts(db: Queryable, userId: string, teamId: string, statuses: InterruptStatus[] | null, now: Date): Promise<Result<InterruptItem[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const rows = await db
    .select({ card: cards, interrupt: interrupts })
    .from(interrupts)
    .innerJoin(cards, eq(cards.id, interrupts.cardId))
    .where(and(eq(interrupts.teamId, teamId), isNull(cards.archivedAt)))
    .orderBy(asc(interrupts.receivedAt), asc(interrupts.cardId))
    .limit(1000);
  const items = rows
    .map((r) => ({ card: toCard(r.card), interrupt: toInterrupt(r.interrupt) }))
    .filter((r) => statuses === null || statuses.includes(r.interrupt.status))
    .map((r) => ({ ...r, ageMs: Math.max(0, now.getTime() - new Date(r.interrupt.receivedAt).getTime()) }));
  return ok(items);
}

