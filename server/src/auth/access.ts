import { and, eq } from 'drizzle-orm';
import { can, type Permission, type Role } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { teamMembers } from '../db/schema.js';
import { ok, refuse, type Result } from '../http/result.js';

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
  if (role === null) return refuse('not_found', `${what} not found`);
  if (!can(role, permission)) {
    return refuse('forbidden', `Your role (${role}) does not allow this; it needs ${describePermission(permission)}.`, { role, permission });
  }
  return ok(role);
}

export async function requireTeam(db: Queryable, userId: string, teamId: string, permission: Permission): Promise<Result<Role>> {
  return decide(await roleIn(db, userId, teamId), permission, 'Team');
}

function describePermission(permission: Permission): string {
  switch (permission) {
    case 'read':
      return 'team membership';
    case 'write':
      return 'the member, po or admin role';
    case 'plan':
    case 'configure':
      return 'the po or admin role';
    case 'administer':
      return 'the admin role';
  }
}
