/**
 * Escalation to acknowledge, the PoTW's safety net: a critical interrupt
 * nobody triages within the team's ack timeout goes to the next person in the
 * rotation (level 1), and after as long again to the team's admins (level 2).
 * Pure: the server's sweep asks these questions with its clock's `now`.
 */
import type { Shift } from './rotation.js';

/** The last level: the admins. */
export const MAX_ACK_LEVEL = 2;

export interface AckState {
  severity: string;
  status: string;
  receivedAt: string;
  /** Resolved at its source (the alert cleared): nobody needs waking for it any more. */
  resolvedBySourceAt: string | null;
  /** 0 until the first escalation. */
  ackLevel: number;
  /** When the latest level fired; null at level 0. */
  ackEscalatedAt: string | null;
}

/** Whether an interrupt is one that escalates at all: critical and still waiting for its first triage. */
export function awaitsAcknowledgement(i: Pick<AckState, 'severity' | 'status' | 'resolvedBySourceAt'>): boolean {
  return i.severity === 'critical' && i.status === 'untriaged' && i.resolvedBySourceAt === null;
}

/**
 * The instant the next level falls due: one timeout after arrival for level 1,
 * one timeout after the previous level fired for level 2; null when nothing
 * more will fire (escalation off, triaged, not critical, or at the last level).
 */
export function nextAckDue(i: AckState, timeoutMinutes: number | null): Date | null {
  if (timeoutMinutes === null || timeoutMinutes <= 0 || !awaitsAcknowledgement(i) || i.ackLevel >= MAX_ACK_LEVEL) return null;
  const from = i.ackLevel === 0 ? i.receivedAt : (i.ackEscalatedAt ?? i.receivedAt);
  return new Date(Date.parse(from) + timeoutMinutes * 60_000);
}

/** True when the next level has fallen due at `now`. */
export function ackLevelDue(i: AckState, timeoutMinutes: number | null, now: Date): boolean {
  const due = nextAckDue(i, timeoutMinutes);
  return due !== null && due.getTime() <= now.getTime();
}

/**
 * "The next person in the rotation" after whoever is PoTW now: the member
 * after them in the rotation's order (wrapping). Someone covering, who is not
 * in the order, is followed by whoever comes after the person they cover for.
 * Null when the rotation has nobody else.
 */
export function nextInRotation(memberIds: readonly string[], current: Pick<Shift, 'userId' | 'scheduledUserId'> | null): string | null {
  if (memberIds.length === 0) return null;
  let at = current ? memberIds.indexOf(current.userId) : -1;
  if (at < 0 && current) at = memberIds.indexOf(current.scheduledUserId);
  // Nobody in the order on duty: start from the top.
  for (let step = 1; step <= memberIds.length; step++) {
    const candidate = memberIds[(at + step) % memberIds.length]!;
    if (candidate !== current?.userId) return candidate;
  }
  return null;
}
