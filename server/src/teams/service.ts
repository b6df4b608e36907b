import { and, asc, count, eq, ne } from 'drizzle-orm';
import { can, validTimezone, type CreateTeamBody, type InviteBody, type InviteResult, type Invitation, type Member, type Role, type Team, type TeamInfo, type UpdateTeamBody } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { normaliseEmail } from '../auth/service.js';
import { insertBoard } from '../boards/service.js';
import { BOARD_KIND_ORDER, DEFAULT_BOARD_NAMES, DEFAULT_COLUMNS } from '../boards/defaults.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable, Tx } from '../db/database.js';
import { invitations, streams, teamMembers, teams, users } from '../db/schema.js';
import { iso } from '../db/time.js';
import { mutate } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { notifyAccessEnded } from '../events/channels.js';
import { invalidField, notFound, ok, refuse, type Result } from '../http/result.js';
import { requireTeam } from '../auth/access.js';
import { dropFromRotation } from '../rotation/service.js';

type Opts = IdempotencyOption;

type TeamRow = typeof teams.$inferSelect;
const toTeamInfo = (r: TeamRow): TeamInfo => ({ id: r.id, name: r.name, timezone: r.timezone, createdAt: iso(r.createdAt) });
const toTeam = (r: TeamRow, role: Role): Team => ({ ...toTeamInfo(r), role });

export async function listTeams(db: Queryable, userId: string): Promise<Team[]> {
  const rows = await db
    .select({ team: teams, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teams.name), asc(teams.id));
  return rows.map((r) => toTeam(r.team, r.role));
}

export async function getTeam(db: Queryable, userId: string, teamId: string): Promise<Result<Team>> {
  const [row] = await db
    .select({ team: teams, role: teamMembers.role })
    .from(teams)
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, teams.id), eq(teamMembers.userId, userId)))
    .where(eq(teams.id, teamId));
  return row ? ok(toTeam(row.team, row.role)) : notFound('Team');
}

/** Creates a team with the caller as admin and its three boards (planned, interrupts, SS&A). */
export async function createTeam(deps: ServiceDeps, auth: AuthInfo, body: CreateTeamBody, o: Opts): Promise<Result<Team>> {
  const name = body.name.trim();
  if (name === '') return invalidField('name', 'must not be blank');
  const timezone = body.timezone ?? 'UTC';
  if (!validTimezone(timezone)) return invalidField('timezone', 'is not an IANA time zone such as Europe/Berlin');
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const id = deps.newId();
    const [row] = await w.tx.insert(teams).values({ id, name, timezone, createdAt: w.now }).returning();
    await w.tx.insert(streams).values({ id, teamId: id, kind: 'team', lastSeq: 0 });
    await w.tx.insert(teamMembers).values({ teamId: id, userId: auth.user.id, role: 'admin', createdAt: w.now });
    w.emitTeam(id, [{ type: 'member.added', subjectId: auth.user.id, payload: { member: memberOf(auth, 'admin', w.now) } }]);
    for (const kind of BOARD_KIND_ORDER) {
      await insertBoard(w, id, { kind, name: DEFAULT_BOARD_NAMES[kind], columns: DEFAULT_COLUMNS[kind] }, deps.newId);
    }
    return ok(toTeam(row!, 'admin'));
  });
}

function memberOf(auth: AuthInfo, role: Role, joinedAt: string): Member {
  return { userId: auth.user.id, name: auth.user.name, email: auth.user.email, role, joinedAt };
}

export async function updateTeam(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: UpdateTeamBody, o: Opts): Promise<Result<Team>> {
  const name = body.name?.trim();
  if (name === '') return invalidField('name', 'must not be blank');
  if (body.timezone !== undefined && !validTimezone(body.timezone)) return invalidField('timezone', 'is not an IANA time zone such as Europe/Berlin');
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'administer');
    if (!access.ok) return access;
    const [before] = await w.tx.select().from(teams).where(eq(teams.id, teamId)).for('update');
    const [after] = await w.tx
      .update(teams)
      .set({ ...(name !== undefined && { name }), ...(body.timezone !== undefined && { timezone: body.timezone }) })
      .where(eq(teams.id, teamId))
      .returning();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (before!.name !== after!.name) changes.name = { from: before!.name, to: after!.name };
    if (before!.timezone !== after!.timezone) changes.timezone = { from: before!.timezone, to: after!.timezone };
    if (Object.keys(changes).length > 0) w.emitTeam(teamId, [{ type: 'team.updated', subjectId: teamId, payload: { team: toTeamInfo(after!), changes } }]);
    return ok(toTeam(after!, access.value));
  });
}

export async function listMembers(db: Queryable, userId: string, teamId: string): Promise<Result<Member[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: teamMembers.role, joinedAt: teamMembers.createdAt })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(users.name), asc(users.id));
  return ok(rows.map((r) => ({ ...r, joinedAt: iso(r.joinedAt) })));
}

type InvitationRow = typeof invitations.$inferSelect;
const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id,
  teamId: r.teamId,
  email: r.email,
  role: r.role,
  invitedBy: r.invitedBy,
  createdAt: iso(r.createdAt),
});

export async function listInvitations(db: Queryable, userId: string, teamId: string): Promise<Result<Invitation[]>> {
  const access = await requireTeam(db, userId, teamId, 'administer');
  if (!access.ok) return access;
  const rows = await db.select().from(invitations).where(eq(invitations.teamId, teamId)).orderBy(asc(invitations.createdAt));
  return ok(rows.map(toInvitation));
}

/**
 * Adds an existing account to the team at once, or records an invitation that
 * turns into membership when someone signs up with that e-mail address.
 */
export async function invite(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: InviteBody, o: Opts): Promise<Result<InviteResult>> {
  const email = normaliseEmail(body.email);
  return mutate<InviteResult>(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'administer');
    if (!access.ok) return access;
    const [user] = await w.tx.select().from(users).where(eq(users.email, email));
    if (user) {
      const inserted = await w.tx
        .insert(teamMembers)
        .values({ teamId, userId: user.id, role: body.role, createdAt: w.now })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) return refuse('already_exists', `${email} is already a member of this team.`, { field: 'email' });
      const member: Member = { userId: user.id, name: user.name, email: user.email, role: body.role, joinedAt: w.now };
      w.emitTeam(teamId, [{ type: 'member.added', subjectId: user.id, payload: { member } }]);
      return ok({ status: 'added' as const, member, invitation: null });
    }
    const [row] = await w.tx
      .insert(invitations)
      .values({ id: deps.newId(), teamId, email, role: body.role, invitedBy: auth.user.id, createdAt: w.now })
      .onConflictDoUpdate({ target: [invitations.teamId, invitations.email], set: { role: body.role, invitedBy: auth.user.id } })
      .returning();
    w.emitTeam(teamId, [{ type: 'invitation.sent', subjectId: row!.id, payload: { invitationId: row!.id } }]);
    return ok({ status: 'invited' as const, member: null, invitation: toInvitation(row!) });
  });
}

export async function cancelInvitation(deps: ServiceDeps, auth: AuthInfo, teamId: string, invitationId: string): Promise<Result<null>> {
  return mutate(deps, { actor: { userId: auth.user.id } }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'administer');
    if (!access.ok) return access;
    const rows = await w.tx
      .delete(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.teamId, teamId)))
      .returning({ id: invitations.id });
    if (rows.length === 0) return notFound('Invitation');
    w.emitTeam(teamId, [{ type: 'invitation.withdrawn', subjectId: invitationId, payload: { invitationId } }]);
    return ok(null);
  });
}

async function adminCount(tx: Tx, teamId: string, exceptUserId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.role, 'admin'), ne(teamMembers.userId, exceptUserId)));
  return row?.n ?? 0;
}

export async function updateMember(deps: ServiceDeps, auth: AuthInfo, teamId: string, userId: string, role: Role, o: Opts): Promise<Result<Member>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'administer');
    if (!access.ok) return access;
    await w.tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for('update');
    const [current] = await w.tx
      .select({ role: teamMembers.role, name: users.name, email: users.email, joinedAt: teamMembers.createdAt })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
    if (!current) return notFound('Member');
    if (current.role === 'admin' && role !== 'admin' && (await adminCount(w.tx, teamId, userId)) === 0) {
      return refuse('conflict', 'A team needs at least one admin; make someone else admin first.');
    }
    await w.tx.update(teamMembers).set({ role }).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
    const member: Member = { userId, name: current.name, email: current.email, role, joinedAt: iso(current.joinedAt) };
    // A role that cannot triage cannot be Person of the Week; one that cannot read loses its live board and team streams now.
    if (!can(role, 'write')) await dropFromRotation(w, teamId, userId, deps.newId);
    if (can(current.role, 'read') && !can(role, 'read')) await notifyAccessEnded(w.tx, `member:${teamId}:${userId}`);
    if (current.role !== role) {
      w.emitTeam(teamId, [{ type: 'member.updated', subjectId: userId, payload: { member, changes: { role: { from: current.role, to: role } } } }]);
    }
    return ok(member);
  });
}

/** Removes a member (an admin removing anyone, or anyone leaving); their live subscriptions end at once. */
export async function removeMember(deps: ServiceDeps, auth: AuthInfo, teamId: string, userId: string, o: Opts): Promise<Result<null>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const self = userId === auth.user.id;
    const access = await requireTeam(w.tx, auth.user.id, teamId, self ? 'belong' : 'administer');
    if (!access.ok) return access;
    await w.tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for('update');
    const [current] = await w.tx
      .select({ role: teamMembers.role })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
    if (!current) return notFound('Member');
    if (current.role === 'admin' && (await adminCount(w.tx, teamId, userId)) === 0) {
      return refuse('conflict', 'A team needs at least one admin; make someone else admin first.');
    }
    await w.tx.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
    await dropFromRotation(w, teamId, userId, deps.newId);
    await notifyAccessEnded(w.tx, `member:${teamId}:${userId}`);
    w.emitTeam(teamId, [{ type: 'member.removed', subjectId: userId, payload: { userId } }]);
    return ok(null);
  });
}

