import { describe, expect, it } from 'vitest';
import { median, percentile, roundTo, share, summary, weekStart } from './stats.js';

const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('roundTo', () => {
  it('rounds half away from zero without binary drift', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(8.45, 1)).toBe(8.5);
    expect(roundTo(0.1 + 0.2, 1)).toBe(0.3);
    expect(roundTo(2 / 3, 3)).toBe(0.667);
  });
  it('never returns negative zero', () => {
    expect(Object.is(roundTo(-0.0001, 1), 0)).toBe(true);
  });
});

describe('percentile', () => {
  it('matches PERCENTILE.INC on 1..10', () => {
    expect(percentile(oneToTen, 50)).toBeCloseTo(5.5, 12);
    expect(percentile(oneToTen, 90)).toBeCloseTo(9.1, 12);
    expect(percentile(oneToTen, 85)).toBeCloseTo(8.65, 12);
    expect(percentile(oneToTen, 95)).toBeCloseTo(9.55, 12);
    expect(percentile(oneToTen, 25)).toBeCloseTo(3.25, 12);
  });
  it('matches PERCENTILE.INC on unsorted data with repeats', () => {
    // Excel: PERCENTILE.INC({15,20,35,40,50}, 0.4) = 29; the input order must not matter.
    expect(percentile([40, 15, 50, 35, 20], 40)).toBeCloseTo(29, 12);
    expect(percentile([3, 1, 3, 3, 2], 50)).toBe(3);
  });
  it('gives min and max at the ends and the only value of a single-element list', () => {
    expect(percentile(oneToTen, 0)).toBe(1);
    expect(percentile(oneToTen, 100)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
  });
  it('is null for no values and refuses p outside 0-100', () => {
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile(oneToTen, 101)).toThrow(RangeError);
    expect(() => percentile(oneToTen, -1)).toThrow(RangeError);
    expect(() => percentile(oneToTen, Number.NaN)).toThrow(RangeError);
  });
  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('median', () => {
  it('averages the middle pair of an even list and picks the middle of an odd one', () => {
    expect(median(oneToTen)).toBeCloseTo(5.5, 12);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([])).toBeNull();
  });
});

describe('summary', () => {
  it('describes the values with the default 50/85/95 percentiles', () => {
    const result = summary(oneToTen);
    expect(result).toMatchObject({ count: 10, min: 1, max: 10, mean: 5.5 });
    expect(Object.keys(result.percentiles)).toEqual(['50', '85', '95']);
    expect(result.percentiles[85]).toBeCloseTo(8.65, 12);
  });
  it('takes custom percentiles', () => {
    expect(summary([2, 4], [0, 100]).percentiles).toEqual({ 0: 2, 100: 4 });
  });
  it('is all null for no values', () => {
    expect(summary([])).toEqual({ count: 0, min: null, max: null, mean: null, percentiles: { 50: null, 85: null, 95: null } });
  });
  it('copes with more values than a spread argument list allows', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => i);
    expect(summary(many)).toMatchObject({ count: 200_000, min: 0, max: 199_999 });
  });
});

describe('share', () => {
  it('is the fraction rounded to 3 decimals', () => {
    expect(share(1, 3)).toBe(0.333);
    expect(share(2, 3)).toBe(0.667);
    expect(share(5, 5)).toBe(1);
    expect(share(0, 4)).toBe(0);
  });
  it('is null when the whole is 0', () => {
    expect(share(0, 0)).toBeNull();
    expect(share(3, 0)).toBeNull();
  });
});

describe('weekStart', () => {
  it('gives the local Monday of the week', () => {
    // Wednesday 2024-01-10
    expect(weekStart(new Date('2024-01-10T12:00:00Z'), 'Europe/Berlin')).toBe('2024-01-08');
    expect(weekStart(new Date('2024-01-08T00:00:00Z'), 'UTC')).toBe('2024-01-08');
    expect(weekStart(new Date('2024-01-07T23:59:59Z'), 'UTC')).toBe('2024-01-01');
  });
  it('uses the local date, not the UTC one', () => {
    // 23:30Z on Sunday is already Monday 00:30 in Berlin, but still Sunday afternoon in New York.
    const at = new Date('2024-01-07T23:30:00Z');
    expect(weekStart(at, 'Europe/Berlin')).toBe('2024-01-08');
    expect(weekStart(at, 'America/New_York')).toBe('2024-01-01');
  });
  it('supports weeks starting on another weekday', () => {
    // Weeks starting Sunday (7) and Thursday (4).
    expect(weekStart(new Date('2024-01-10T12:00:00Z'), 'UTC', 7)).toBe('2024-01-07');
    expect(weekStart(new Date('2024-01-10T12:00:00Z'), 'UTC', 4)).toBe('2024-01-04');
    expect(weekStart(new Date('2024-01-11T12:00:00Z'), 'UTC', 4)).toBe('2024-01-11');
  });
  it('rejects a weekday outside 1-7', () => {
    expect(() => weekStart(new Date('2024-01-10T12:00:00Z'), 'UTC', 0)).toThrow(RangeError);
  });
});
