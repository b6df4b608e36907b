import { describe, expect, it } from 'vitest';
import { dailyCounts, forecastHowMany, forecastWhen, LIKELIHOODS } from './forecast.js';

const history = [0, 1, 3, 0, 2, 5, 1, 0, 0, 4, 2, 1, 0, 3];

describe('forecast: how many by a date', () => {
  it('gives the exact answer when every day is the same', () => {
    expect(forecastHowMany({ dailyThroughput: [2], interruptShare: 0, seed: 1 }, 10).percentiles).toEqual({ 50: 20, 85: 20, 95: 20 });
  });
  it('takes the interrupt share out of capacity', () => {
    expect(forecastHowMany({ dailyThroughput: [2], interruptShare: 0.3, seed: 1 }, 10).percentiles).toEqual({ 50: 14, 85: 14, 95: 14 });
  });
  it('is deterministic under a seed and runs 10,000 trials', () => {
    const a = forecastHowMany({ dailyThroughput: history, interruptShare: 0.2, seed: 42 }, 30);
    const b = forecastHowMany({ dailyThroughput: history, interruptShare: 0.2, seed: 42 }, 30);
    expect(a).toEqual(b);
    expect(a.trials).toBe(10_000);
    expect(a.distribution.reduce((s, d) => s + d.trials, 0)).toBe(10_000);
  });
  it('is less sure of more: the 95% answer is at most the 85%, at most the 50%', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const p = forecastHowMany({ dailyThroughput: history, interruptShare: 0.25, seed }, 21).percentiles;
      expect(p[95]!).toBeLessThanOrEqual(p[85]!);
      expect(p[85]!).toBeLessThanOrEqual(p[50]!);
      expect(p[95]!).toBeLessThan(p[50]!);
    }
  });
  it('centres on the mean rate', () => {
    const mean = history.reduce((a, b) => a + b, 0) / history.length;
    const p50 = forecastHowMany({ dailyThroughput: history, interruptShare: 0, seed: 9 }, 60).percentiles[50]!;
    expect(Math.abs(p50 - mean * 60)).toBeLessThan(mean * 60 * 0.1);
  });
  it('refuses a share outside 0-1', () => {
    expect(() => forecastHowMany({ dailyThroughput: [1], interruptShare: 1.5, seed: 1 }, 3)).toThrow(RangeError);
  });
});

describe('forecast: when will N be done', () => {
  it('gives the exact answer when every day is the same', () => {
    expect(forecastWhen({ dailyThroughput: [1], interruptShare: 0, seed: 1 }, 7).percentiles).toEqual({ 50: 7, 85: 7, 95: 7 });
    expect(forecastWhen({ dailyThroughput: [2], interruptShare: 0.5, seed: 1 }, 7).percentiles).toEqual({ 50: 7, 85: 7, 95: 7 });
  });
  it('is deterministic and monotonic: more likely means later', () => {
    const a = forecastWhen({ dailyThroughput: history, interruptShare: 0.2, seed: 7 }, 40);
    expect(a).toEqual(forecastWhen({ dailyThroughput: history, interruptShare: 0.2, seed: 7 }, 40));
    for (const seed of [1, 2, 3]) {
      const p = forecastWhen({ dailyThroughput: history, interruptShare: 0.2, seed }, 40).percentiles;
      expect(p[50]!).toBeLessThanOrEqual(p[85]!);
      expect(p[85]!).toBeLessThanOrEqual(p[95]!);
    }
    expect(a.distribution.map((d) => d.value)).toEqual([...a.distribution.map((d) => d.value)].sort((x, y) => x - y));
  });
  it('answers null, not forever, when nothing was ever finished', () => {
    const f = forecastWhen({ dailyThroughput: [0, 0], interruptShare: 0, seed: 1 }, 3);
    expect(f.percentiles).toEqual(Object.fromEntries(LIKELIHOODS.map((l) => [l, null])));
    expect(f.distribution).toEqual([]);
  });
  it('needs no days for no cards', () => {
    expect(forecastWhen({ dailyThroughput: history, interruptShare: 0, seed: 1 }, 0).percentiles[95]).toBe(0);
  });
});

describe('daily counts', () => {
  it('counts instants into their day and ignores those outside', () => {
    expect(dailyCounts([5, 15, 16, 25, 35, -1], [0, 10, 20], 30)).toEqual([1, 2, 1]);
  });
});
