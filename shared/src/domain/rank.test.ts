import { describe, expect, it } from 'vitest';
import { needsRebalance, rankBetween, spreadRanks, RANK_REBALANCE_LENGTH } from './rank.js';

describe('ranks', () => {
  it('a key between two neighbours sorts between them byte-wise', () => {
    const a = rankBetween(null, null);
    const c = rankBetween(a, null);
    const b = rankBetween(a, c);
    expect([c, b, a].sort()).toEqual([a, b, c]);
  });

  it('spreads n short keys in order for seeding and rebalancing', () => {
    const keys = spreadRanks(2000);
    expect(new Set(keys).size).toBe(2000);
    expect([...keys].sort()).toEqual(keys);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(4);
  });

  it('keys grow when inserting into the same gap, which is what triggers a rebalance', () => {
    let upper = rankBetween(null, null);
    const lower = rankBetween(null, upper);
    let longest = 0;
    for (let i = 0; i < 400; i++) {
      upper = rankBetween(lower, upper);
      longest = Math.max(longest, upper.length);
    }
    expect(longest).toBeGreaterThan(RANK_REBALANCE_LENGTH);
    expect(needsRebalance('a'.repeat(RANK_REBALANCE_LENGTH + 1))).toBe(true);
    expect(needsRebalance('a0')).toBe(false);
  });
});
