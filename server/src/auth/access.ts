import { and, eq, inArray } from 'drizzle-orm';
import { can, type Permission, type Role } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { teamMembers } from '../db/schema.js';
import { invalidField, ok, refuseAccess, type Result } from '../http/result.js';

export async function roleIn(db: Queryable, userId: string, teamId: string): Promise<Role | null> {
  const [row] = await db
    .select({ role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  return row?.role ?? null;
}

/**
 * Decides access from a role already loaded: not a member → 404 (a team you
 * are not in does not exist for you), a member without the permission → 403.
 */
export function decide(role: Role | null, permission: Permission, what: string): Result<Role> {
  if (role === null) return refuseAccess('not_found', `${what} not found`);
  if (!can(role, permission)) {
    // A guest who follows a link to a board or a plan learns where their own things are.
    const where = role === 'guest' ? ' As a guest you see what you raised, proposed or are paired on, on your requests page.' : '';
    return refuseAccess('forbidden', `Your role (${role}) does not allow this; it needs ${describePermission(permission)}.${where}`, { role, permission });
  }
  return ok(role);
}

export async function requireTeam(db: Queryable, userId: string, teamId: string, permission: Permission): Promise<Result<Role>> {
  return decide(await roleIn(db, userId, teamId), permission, 'Team');
}

/** The roles of some people in a team; people not in it are absent. */
export async function rolesIn(db: Queryable, teamId: string, userIds: readonly string[]): Promise<Map<string, Role>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: teamMembers.userId, role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.userId, [...new Set(userIds)])));
  return new Map(rows.map((r) => [r.userId, r.role]));
}

/**
 * Checks that everyone named for a duty (Person of the Week, an escalation,
 * leading a feature) is in the team with a role that may do it; a 400 names
 * the field of the first who is not.
 */
export function checkDuty(roles: ReadonlyMap<string, Role>, userIds: readonly string[], field: (index: number) => string, permission: Permission, duty: string): Result<null> {
  for (const [i, id] of userIds.entries()) {
    const role = roles.get(id);
    if (role === undefined) return invalidField(field(i), 'is not a member of this team');
    if (!can(role, permission)) return invalidField(field(i), `is a ${role}; ${duty}`);
  }
  return ok(null);
}

function describePermission(permission: Permission): string {
  switch (permission) {
    case 'belong':
      return 'team membership';
    case 'read':
      return 'the viewer, member, po or admin role';
    case 'raise':
    case 'propose':
    case 'work':
      return 'the guest, member, po or admin role';
    case 'write':
      return 'the member, po or admin role';
    case 'plan':
    case 'configure':
      return 'the po or admin role';
    case 'administer':
      return 'the admin role';
  }
}
