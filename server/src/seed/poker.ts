/**
 * Demo: one finished planning poker session in the demo team, so the poker
 * screens show something on first start: three backlog cards, one agreed at
 * once, one after a re-vote (its split first round kept in the history), one
 * skipped; then the session is closed.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { can, type Role, type User } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import { boards, cards, columns, teamMembers } from '../db/schema.js';
import type { Result } from '../http/result.js';
import { accept, castVote, closeSession, openSession, reveal, revote, skip } from '../poker/service.js';

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo poker: ${what}: ${r.refusal.message}`);
  return r.value;
}

export async function seedPoker(svc: ServiceDeps, people: readonly { user: User; role: Role }[]): Promise<void> {
  const key = { idempotencyKey: null };
  const as = (user: User): AuthInfo => ({ user, via: 'token', sessionId: null, tokenHash: null, csrfToken: null });
  const po = people.find((p) => p.role === 'po') ?? people[0];
  if (!po) return;
  const [membership] = await svc.database.db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, po.user.id)).limit(1);
  if (!membership) return;
  const backlog = await svc.database.db
    .select({ id: cards.id })
    .from(cards)
    .innerJoin(columns, eq(columns.id, cards.columnId))
    .innerJoin(boards, eq(boards.id, cards.boardId))
    .where(and(eq(cards.teamId, membership.teamId), eq(boards.kind, 'planned'), inArray(columns.category, ['backlog', 'todo']), isNull(cards.archivedAt)))
    .orderBy(asc(columns.rank), asc(cards.rank))
    .limit(3);
  if (backlog.length < 2) return;
  const voters = people.filter((p) => can(p.role, 'write'));
  const session = must(await openSession(svc, as(po.user), membership.teamId, { name: 'Backlog refinement', deck: 'fibonacci', cardIds: backlog.map((c) => c.id) }, key), 'open');
  const round = async (values: readonly string[]) => {
    for (const [i, p] of voters.entries()) must(await castVote(svc, as(p.user), session.id, values[i % values.length]!, key), 'vote');
    must(await reveal(svc, as(po.user), session.id, key), 'reveal');
  };
  await round(['3', '3', '5', '3', '3']);
  must(await accept(svc, as(po.user), session.id, '3', key), 'accept');
  await round(['2', '8', '3', '5', '13']);
  must(await revote(svc, as(po.user), session.id, key), 'revote');
  await round(['5', '5', '8', '5', '5']);
  must(await accept(svc, as(po.user), session.id, '5', key), 'accept');
  if (backlog.length > 2) must(await skip(svc, as(po.user), session.id, key), 'skip');
  must(await closeSession(svc, as(po.user), session.id, key), 'close');
}
