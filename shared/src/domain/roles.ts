import type { Role } from '../schema/entities.js';

/**
 * What each role may do in its team. Enforced on every route and websocket
 * subscription; the client hides what is not allowed. A guest (a customer
 * developer or requester) has `belong`, `raise`, `propose` and `work` only,
 * so every route that asks for `read` keeps guests out without a special case.
 */
export const PERMISSIONS = {
  /** Be in the team: see its name and your own role, leave it. */
  belong: ['admin', 'po', 'member', 'viewer', 'guest'],
  /** See the team, its people, boards, cards, metrics; subscribe to its streams. */
  read: ['admin', 'po', 'member', 'viewer'],
  /** Raise an interrupt (it lands in the PoTW's inbox) and follow what you raised or proposed. */
  raise: ['admin', 'po', 'member', 'guest'],
  /** Propose a story into the planned or SS&A backlog; it lands at the bottom for the PO to rank. */
  propose: ['admin', 'po', 'member', 'guest'],
  /** Move the feature cards you are assigned to between their board's columns (all a guest may do on a board). */
  work: ['admin', 'po', 'member', 'guest'],
  /** Create, edit, move and archive cards; vote; triage. Also: who may be PoTW, be escalated to, lead a feature. */
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

/**
 * Who may hold a card: anyone in the team, except that a guest only ever
 * holds cards of a feature (a customer developer paired on it), because
 * holding a card is what shows it to them.
 */
export function canHoldCard(role: Role | null | undefined, card: { featureId: string | null }): boolean {
  if (role == null) return false;
  return role !== 'guest' || card.featureId !== null;
}

