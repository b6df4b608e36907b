import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Keys longer than this trigger a rebalance of their column. */
export const RANK_REBALANCE_LENGTH = 40;

/** A key strictly between two neighbours (null = open end). Neighbours must be in order. */
export function rankBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}

/** `n` short, evenly spread keys in order, for seeding and rebalancing. */
export function spreadRanks(n: number): string[] {
  return generateNKeysBetween(null, null, n);
}

export function needsRebalance(key: string): boolean {
  return key.length > RANK_REBALANCE_LENGTH;
}
