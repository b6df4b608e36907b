/** The pairing matrix as a grid, and the checks on pairs a feature lead sets. */
import type { FeaturePairs, PairingMatrix } from '@opsboard/shared';

export interface PairingGrid {
  people: { userId: string; name: string }[];
  /** counts[i][j]: how often person i paired with person j (symmetric, diagonal null). */
  counts: (number | null)[][];
  max: number;
  /** Pairs of people who have not paired in the window: good candidates for spreading knowledge. */
  never: [string, string][];
}

export function pairingGrid(matrix: PairingMatrix): PairingGrid {
  const people = [...matrix.people].sort((a, b) => a.name.localeCompare(b.name));
  const index = new Map(people.map((p, i) => [p.userId, i]));
  const counts: (number | null)[][] = people.map((_, i) => people.map((__, j) => (i === j ? null : 0)));
  let max = 0;
  for (const { a, b, count } of matrix.counts) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    counts[i]![j] = (counts[i]![j] ?? 0) + count;
    counts[j]![i] = counts[i]![j]!;
    max = Math.max(max, counts[i]![j]!);
  }
  const never: [string, string][] = [];
  for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) if (counts[i]![j] === 0) never.push([people[i]!.name, people[j]!.name]);
  return { people, counts, max, never };
}

/** Shade step 0..4 for a count, so the grid reads at a glance (and the number is always printed too). */
export function shade(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(4, Math.ceil((count / max) * 4)));
}

export interface PairsCheck {
  /** Blocks saving: a half-filled pair, someone paired with themselves, the same pair twice. */
  error: string | null;
  /** Allowed but worth a second look: someone in two pairs at once. */
  warning: string | null;
}

/** Checks the pairs a lead is about to save; a pair is two different people. */
export function checkPairs(pairs: readonly (readonly [string, string])[], name: (id: string) => string): PairsCheck {
  const seenPairs = new Set<string>();
  const seenPeople = new Set<string>();
  let warning: string | null = null;
  for (const [a, b] of pairs) {
    if (!a || !b) return { error: 'Choose two people for every pair.', warning };
    if (a === b) return { error: `${name(a)} cannot pair with themselves.`, warning };
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (seenPairs.has(key)) return { error: `${name(a)} and ${name(b)} are listed twice.`, warning };
    seenPairs.add(key);
    for (const id of [a, b]) {
      if (seenPeople.has(id)) warning ??= `${name(id)} is in more than one pair this iteration.`;
      seenPeople.add(id);
    }
  }
  return { error: null, warning };
}

export interface ShownPair {
  pair: [string, string];
  /** The feature lead set it for the iteration. */
  set: boolean;
  /** The cards that have both people on them. */
  cardIds: string[];
}

/** One iteration's pairs, each once: set by the lead, shown by cards, or both. */
export function shownPairs(group: Pick<FeaturePairs, 'pairs' | 'fromCards'>): ShownPair[] {
  const out = new Map<string, ShownPair>();
  const key = ([a, b]: readonly [string, string]) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  for (const pair of group.pairs) out.set(key(pair), { pair: [pair[0], pair[1]], set: true, cardIds: [] });
  for (const { pair, cardIds } of group.fromCards) {
    const seen = out.get(key(pair));
    if (seen) seen.cardIds.push(...cardIds);
    else out.set(key(pair), { pair: [pair[0], pair[1]], set: false, cardIds: [...cardIds] });
  }
  return [...out.values()];
}
