import type { Role } from '../schema/entities.js';

/** What each role may do in its team. Enforced on every route and websocket subscription; the client hides what is not allowed. */
export const PERMISSIONS = {
  /** See the team, its boards, cards, metrics; subscribe to its streams. */
  read: ['admin', 'po', 'member', 'viewer'],
  /** Create, edit, move and archive cards; vote; raise interrupts; triage. */
  write: ['admin', 'po', 'member'],
  /** Rank backlogs, plan, start and close iterations, manage features. */
  plan: ['admin', 'po'],
  /** Create and change boards, columns, lanes, WIP limits. */
  configure: ['admin', 'po'],
  /** Team settings, members, invitations, webhook secrets, the PoTW rotation. */
  administer: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
