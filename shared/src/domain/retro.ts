/** Retrospectives: phases, vote caps and the order themes are discussed in (pure). */

export const RETRO_PHASES = ['checkin', 'write', 'group', 'vote', 'discuss', 'actions', 'done'] as const;
export type RetroPhase = (typeof RETRO_PHASES)[number];

/** Do, Don't, Try, Avoid (seed 000). */
export const RETRO_QUADRANTS = ['do', 'dont', 'try', 'avoid'] as const;
export type RetroQuadrant = (typeof RETRO_QUADRANTS)[number];

export const DEFAULT_VOTES_PER_PERSON = 3;
export const MAX_VOTES_PER_PERSON = 10;

export function phaseIndex(phase: RetroPhase): number {
  return RETRO_PHASES.indexOf(phase);
}

/** Notes are private to their author until the facilitator moves the retro past writing. */
export function isRevealed(phase: RetroPhase): boolean {
  return phaseIndex(phase) >= phaseIndex('group');
}

/** The phase after this one, or null at the end. */
export function nextPhase(phase: RetroPhase): RetroPhase | null {
  return RETRO_PHASES[phaseIndex(phase) + 1] ?? null;
}

/**
 * Phases move one step at a time: forward, or back one step as long as that
 * does not un-reveal the notes (back into writing after the reveal) or reopen a finished retro.
 */
export function canMovePhase(from: RetroPhase, to: RetroPhase): boolean {
  const a = phaseIndex(from);
  const b = phaseIndex(to);
  if (from === 'done') return false;
  if (b === a + 1) return true;
  if (b === a - 1) return !(isRevealed(from) && !isRevealed(to));
  return false;
}

/** Whether a person who has used `used` of `cap` votes may add `more`. */
export function canVote(used: number, cap: number, more = 1): boolean {
  return more > 0 && used + more <= cap;
}

/** Votes left for one person (never below zero, e.g. after the cap was lowered). */
export function votesLeft(used: number, cap: number): number {
  return Math.max(0, cap - used);
}

/** Themes in discussion order: most votes first, then the order they were made in. */
export function discussionOrder<T extends { votes: number; createdAt: string; id: string }>(themes: readonly T[]): T[] {
  return [...themes].sort((a, b) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** A mood is one word: letters, digits, hyphens or apostrophes, at most 24 characters. */
export function isMoodWord(mood: string): boolean {
  return /^[\p{L}\p{N}'’-]{1,24}$/u.test(mood);
}

/** Counts of notes per quadrant. */
export function countByQuadrant(notes: readonly { quadrant: RetroQuadrant }[]): Record<RetroQuadrant, number> {
  const out: Record<RetroQuadrant, number> = { do: 0, dont: 0, try: 0, avoid: 0 };
  for (const n of notes) out[n.quadrant]++;
  return out;
}
