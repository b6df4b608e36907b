/** Demo content for retrospectives and postmortems: one finished retro of the last closed iteration, with actions, and one postmortem. */
import { and, asc, eq } from 'drizzle-orm';
import type { Role, User } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import { cards, interrupts, iterations, teamMembers } from '../db/schema.js';
import type { Result } from '../http/result.js';
import { addPostmortemAction, createPostmortem, updatePostmortem } from '../retro/postmortem.js';
import { addAction, addNote, addTheme, checkIn, createRetro, groupNote, movePhase, vote } from '../retro/service.js';

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo retro: ${what}: ${r.refusal.message}`);
  return r.value;
}

export async function seedRetroDemo(svc: ServiceDeps, people: { user: User; role: Role }[]): Promise<void> {
  const db = svc.database.db;
  const as = (i: number): AuthInfo => ({ user: people[i]!.user, via: 'token', sessionId: null, tokenHash: null, csrfToken: null }) as AuthInfo;
  const [membership] = await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, people[0]!.user.id)).limit(1);
  if (!membership) return;
  const teamId = membership.teamId;
  const closed = await db.select().from(iterations).where(and(eq(iterations.teamId, teamId), eq(iterations.state, 'closed'))).orderBy(asc(iterations.startDate));
  const last = closed[closed.length - 1];
  const o = {};
  const writers = people.map((p, i) => ({ ...p, i })).filter((p) => p.role !== 'viewer' && p.role !== 'guest');
  const fac = writers[0]!.i;
  let view = must(await createRetro(svc, as(fac), teamId, { title: last ? `${last.name} retrospective` : 'Team retrospective', iterationId: last?.id ?? null }, o), 'create');
  const id = view.retro.id;
  for (const [n, w] of writers.entries()) must(await checkIn(svc, as(w.i), id, { morale: [4, 3, 4, 5, 2][n % 5]!, mood: ['focused', 'tired', 'hopeful', 'calm', 'busy'][n % 5] }, o), 'checkin');
  must(await movePhase(svc, as(fac), id, 'write', o), 'write');
  const notes: [number, 'do' | 'dont' | 'try' | 'avoid', string][] = [
    [0, 'do', 'Pairing on the backup restore drill'],
    [1, 'dont', 'Pulling interrupts into the iteration without telling the PO'],
    [2, 'try', 'A pair on SS&A every single day'],
    [3, 'avoid', 'Letting alerts page at 3 am for warnings'],
    [1, 'try', 'Alert thresholds reviewed with the on-call'],
  ];
  for (const [w, q, text] of notes) must(await addNote(svc, as(writers[w % writers.length]!.i), id, { quadrant: q, text }, o), 'note');
  must(await movePhase(svc, as(fac), id, 'group', o), 'group');
  view = must(await addTheme(svc, as(fac), id, 'Alert noise', o), 'theme');
  view = must(await addTheme(svc, as(fac), id, 'SS&A pairing', o), 'theme');
  const theme = (title: string) => view.themes.find((t) => t.title === title)!.id;
  for (const n of view.notes) {
    const target = /alert/i.test(n.text) ? theme('Alert noise') : /pair/i.test(n.text) ? theme('SS&A pairing') : null;
    if (target) view = must(await groupNote(svc, as(fac), n.id, target, o), 'group note');
  }
  must(await movePhase(svc, as(fac), id, 'vote', o), 'vote');
  for (const w of writers) must(await vote(svc, as(w.i), id, theme('Alert noise'), o), 'vote');
  must(await vote(svc, as(writers[1 % writers.length]!.i), id, theme('SS&A pairing'), o), 'vote');
  must(await movePhase(svc, as(fac), id, 'discuss', o), 'discuss');
  must(await movePhase(svc, as(fac), id, 'actions', o), 'actions');
  must(await addAction(svc, as(fac), id, { title: 'Review alert thresholds with the on-call', ownerId: writers[1 % writers.length]!.user.id, board: 'selfservice', themeId: theme('Alert noise') }, o), 'action');
  must(await addAction(svc, as(fac), id, { title: 'Put one pair on SS&A every day', ownerId: writers[2 % writers.length]!.user.id, board: 'planned', themeId: theme('SS&A pairing') }, o), 'action');
  must(await movePhase(svc, as(fac), id, 'done', o), 'done');

  // A postmortem of the critical certificate interrupt.
  const [critical] = await db
    .select({ cardId: interrupts.cardId })
    .from(interrupts)
    .innerJoin(cards, eq(cards.id, interrupts.cardId))
    .where(and(eq(interrupts.teamId, teamId), eq(interrupts.severity, 'critical')))
    .orderBy(asc(interrupts.receivedAt))
    .limit(1);
  if (!critical) return;
  const pm = must(await createPostmortem(svc, as(fac), critical.cardId, o), 'postmortem');
  must(
    await updatePostmortem(
      svc,
      as(fac),
      pm.id,
      {
        version: pm.version,
        summary: 'The status page certificate expired; visitors saw a browser warning until it was renewed.',
        impact: 'Customers could not read the status page for about an hour.',
        contributingFactors: 'Renewal was manual and no alert watched the expiry date.',
        wentWell: 'Support raised it within minutes; the PoTW triaged it at once.',
      },
      o,
    ),
    'postmortem edit',
  );
  must(await addPostmortemAction(svc, as(fac), pm.id, { title: 'Alert 14 days before any certificate expires', ownerId: writers[0]!.user.id, board: 'selfservice' }, o), 'postmortem action');
}
