/**
 * Pairs, as IDD works them: two people on a story. A pair is recorded two ways, and both count:
 * the feature lead sets it for an iteration, or the card itself shows it (its assignees).
 */

export type PairIds = [string, string];

/** The two ids in a fixed order, so a pair reads the same whichever way round it was given. */
export function orderedPair(a: string, b: string): PairIds {
  return a < b ? [a, b] : [b, a];
}

const keyOf = ([a, b]: PairIds) => `${a}:${b}`;

/** The pairs a card shows: two assignees are a pair; three or more each paired with each (a mob). */
export function cardPairs(assigneeIds: readonly string[]): PairIds[] {
  const people = [...new Set(assigneeIds)].sort();
  const out: PairIds[] = [];
  for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) out.push([people[i]!, people[j]!]);
  return out;
}

export interface IterationPairs {
  /** null: cards outside any iteration. */
  iterationId: string | null;
  /** The pairs the feature lead set for the iteration. */
  set: PairIds[];
  /** The pairs the feature's cards show, each with the cards that show it (in the order given). */
  fromCards: { pair: PairIds; cardIds: string[] }[];
}

/**
 * A feature's pairs per iteration, from both sources. Groups come in the order of `iterationOrder`
 * (ids; null for cards outside iterations), and only those with at least one pair.
 */
export function pairsByIteration(
  set: readonly { iterationId: string; pair: PairIds }[],
  cards: readonly { id: string; iterationId: string | null; assigneeIds: readonly string[] }[],
  iterationOrder: readonly (string | null)[],
): IterationPairs[] {
  const groups = new Map<string | null, { set: Map<string, PairIds>; fromCards: Map<string, { pair: PairIds; cardIds: string[] }> }>();
  const group = (id: string | null) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { set: new Map(), fromCards: new Map() }));
    return g;
  };
  for (const s of set) {
    const pair = orderedPair(...s.pair);
    group(s.iterationId).set.set(keyOf(pair), pair);
  }
  for (const card of cards) {
    for (const pair of cardPairs(card.assigneeIds)) {
      const g = group(card.iterationId);
      const entry = g.fromCards.get(keyOf(pair)) ?? { pair, cardIds: [] };
      entry.cardIds.push(card.id);
      g.fromCards.set(keyOf(pair), entry);
    }
  }
  return iterationOrder.flatMap((iterationId) => {
    const g = groups.get(iterationId);
    return g ? [{ iterationId, set: [...g.set.values()], fromCards: [...g.fromCards.values()] }] : [];
  });
}

/**
 * How often each two people paired: the number of iterations in which they were a pair, on any card
 * or set by a lead. Counting iterations, not records, means a pair the lead set and the cards that
 * show it count once, as one stretch of working together.
 */
export function pairingCounts(entries: readonly { iterationId: string; pair: PairIds }[]): { a: string; b: string; count: number }[] {
  const seen = new Map<string, Set<string>>();
  for (const { iterationId, pair } of entries) {
    const key = keyOf(orderedPair(...pair));
    const iterations = seen.get(key) ?? new Set<string>();
    iterations.add(iterationId);
    seen.set(key, iterations);
  }
  return [...seen].map(([key, iterations]) => {
    const [a, b] = key.split(':');
    return { a: a!, b: b!, count: iterations.size };
  });
}
