/** What every section of the PoTW page shares: the team, its people, who is looking and what they may do. */
import type { Member, Team } from '@opsboard/shared';
import type { RotationState } from './use-rotation';

export interface PotwEnv {
  teamId: string;
  team: Team;
  /** The signed-in person. */
  selfId: string;
  members: readonly Member[];
  name: (userId: string) => string;
  isAdmin: boolean;
  /** May raise and triage interrupts (not a viewer). */
  canWrite: boolean;
  rotation: RotationState;
  /** The rotation's time zone (the team's until a rotation exists): every rotation time is shown in it. */
  timezone: string;
}

/** A member's name, or words for someone who left or has not loaded yet. */
export function nameIn(members: readonly Member[]): (userId: string) => string {
  const byId = new Map(members.map((m) => [m.userId, m.name]));
  return (userId) => byId.get(userId) ?? (members.length === 0 ? '…' : 'a former member');
}
