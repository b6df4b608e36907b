import { describe, expect, it } from 'vitest';
import { chartFrame } from './frame';
import { bands, dayNumber, durationTickLabel, durationTicks, formatValue, labelIndices, linePath, nearestIndex, niceStep, niceTicks, stack, xPositions } from './scale';

describe('nice ticks', () => {
  it('picks round steps', () => {
    expect(niceStep(45, 5)).toBe(10);
    expect(niceStep(9, 4)).toBe(2.5);
    expect(niceStep(0.9, 5)).toBeCloseTo(0.2);
  });

  it('covers the range with whole steps from zero', () => {
    expect(niceTicks(0, 45, 5)).toEqual({ min: 0, max: 50, step: 10, values: [0, 10, 20, 30, 40, 50] });
  });

  it('gives a flat or empty range an axis', () => {
    expect(niceTicks(0, 0, 4).values).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(Number.NaN, Number.NaN, 2).max).toBeGreaterThan(0);
  });

  it('has no floating-point noise in labels', () => {
    expect(niceTicks(0, 0.7, 7).values).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });
});

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('duration ticks', () => {
  const labels = (min: number, max: number, count: number) => {
    const ticks = durationTicks(min, max, count);
    return ticks.values.map((v) => durationTickLabel(v, ticks.step));
  };

  it('ticks a two-week time to triage in whole weeks, never "6 d 22 h"', () => {
    // The figures that drew "6 d 22 h / 13 d 21 h" with plain number ticks over minutes.
    const ticks = durationTicks(0, 13 * DAY + 21 * HOUR, 3);
    expect(ticks.step).toBe(7 * DAY);
    expect(labels(0, 13 * DAY + 21 * HOUR, 3)).toEqual(['0', '7 d', '14 d']);
  });

  it('picks minutes, hours or days by the span, labelling every tick in the one unit of the step', () => {
    expect(labels(0, 50 * MIN, 5)).toEqual(['0', '10 min', '20 min', '30 min', '40 min', '50 min']);
    expect(labels(0, 100 * MIN, 4)).toEqual(['0', '30 min', '60 min', '90 min', '120 min']);
    expect(labels(0, 40 * HOUR, 4)).toEqual(['0', '12 h', '24 h', '36 h', '48 h']);
    expect(labels(0, 5 * DAY, 5)).toEqual(['0', '1 d', '2 d', '3 d', '4 d', '5 d']);
  });

  it('keeps every tick a whole multiple of a round step for any range', () => {
    const round = [1, 2, 5, 10, 15, 30].map((m) => m * MIN).concat([1, 2, 3, 6, 12].map((h) => h * HOUR), [1, 2, 7, 14, 28].map((d) => d * DAY));
    for (let max = 7 * MIN; max < 40 * DAY; max = Math.round(max * 1.37)) {
      for (const count of [3, 5, 7]) {
        const ticks = durationTicks(0, max, count);
        expect(round).toContain(ticks.step);
        expect(ticks.max).toBeGreaterThanOrEqual(max);
        expect(ticks.values.length - 1).toBeLessThanOrEqual(count + 1);
        for (const v of ticks.values) expect(v % ticks.step).toBe(0);
      }
    }
  });

  it('counts whole days beyond four-week steps, and gives an empty range an axis', () => {
    expect(durationTicks(0, 400 * DAY, 4).step).toBe(100 * DAY);
    expect(labels(0, 0, 4)).toEqual(['0', '1 min']);
    expect(labels(Number.NaN, Number.NaN, 4)).toEqual(['0', '1 min']);
  });
});

describe('positions', () => {
  it('spaces dates by real time, so a weekend gap shows', () => {
    const xs = xPositions('date', ['2026-11-13', '2026-11-16', '2026-11-17'], 0, 400);
    expect(xs).toEqual([0, 300, 400]);
    expect(dayNumber('2026-11-17') - dayNumber('2026-11-13')).toBe(4);
  });

  it('spaces categories evenly and centres a single one', () => {
    expect(xPositions('category', ['a', 'b', 'c'], 0, 100)).toEqual([0, 50, 100]);
    expect(xPositions('category', ['a'], 0, 100)).toEqual([50]);
  });

  it('makes equal bands with padding', () => {
    const [a, b] = bands(2, 0, 200, 0.5);
    expect(a).toEqual({ start: 25, width: 50, center: 50 });
    expect(b!.center).toBe(150);
  });

  it('finds the nearest index', () => {
    expect(nearestIndex([0, 50, 100], 70)).toBe(1);
    expect(nearestIndex([0, 50, 100], 80)).toBe(2);
  });
});

describe('labels that fit', () => {
  it('shows all when there is room', () => {
    expect(labelIndices([0, 100, 200], 40)).toEqual([0, 1, 2]);
  });

  it('thins out crowded labels but keeps the first and the last', () => {
    const positions = Array.from({ length: 14 }, (_, i) => i * 20);
    const shown = labelIndices(positions, 40, 8);
    expect(shown[0]).toBe(0);
    expect(shown.at(-1)).toBe(13);
    for (let i = 1; i < shown.length; i++) expect(positions[shown[i]!]! - positions[shown[i - 1]!]!).toBeGreaterThanOrEqual(48);
  });
});

describe('paths', () => {
  it('breaks lines at nulls', () => {
    expect(linePath([0, 10, 20, 30], [5, null, 7, 8])).toBe('M0 5M20 7L30 8');
  });

  it('draws steps as horizontal then vertical', () => {
    expect(linePath([0, 10, 20], [5, 5, 2], true)).toBe('M0 5H10V5H20V2');
  });

  it('stacks values and ignores negatives', () => {
    expect(stack([[1, 2], [3, -1]], 2)).toEqual([
      [{ bottom: 0, top: 1 }, { bottom: 0, top: 2 }],
      [{ bottom: 1, top: 4 }, { bottom: 2, top: 2 }],
    ]);
  });
});

describe('frame', () => {
  const measure = (text: string, px: number) => text.length * px * 0.6;

  it('makes room for the widest y label and the y title', () => {
    const base = { width: 600, height: 256, rem: 16, yMin: 0, xLabels: ['1 Nov', '14 Nov'], xTitle: false, topLabels: false, measure };
    const small = chartFrame({ ...base, yMax: 9, yTitle: false });
    const wide = chartFrame({ ...base, yMax: 12_000, yTitle: true });
    expect(wide.left).toBeGreaterThan(small.left);
    expect(small.y(small.yTicks.min)).toBe(small.bottom);
    expect(small.y(small.yTicks.max)).toBeCloseTo(small.top);
  });

  it('scales with the root font size (large mode)', () => {
    const input = { width: 600, height: 256, yMin: 0, yMax: 40, xLabels: [], yTitle: true, xTitle: true, topLabels: true, measure };
    expect(chartFrame({ ...input, rem: 24 }).left).toBeGreaterThan(chartFrame({ ...input, rem: 16 }).left);
  });

  it('labels a duration axis at round steps while formatY still words the exact values', () => {
    const input = { width: 600, height: 224, rem: 16, yMin: 0, yMax: 13 * DAY + 21 * HOUR, xLabels: [], yTitle: true, xTitle: true, topLabels: false, measure };
    const frame = chartFrame({ ...input, yScale: 'duration', formatY: () => 'exact' });
    expect(frame.yTicks.values.map(frame.yTickLabel)).toEqual(['0', '7 d', '14 d']);
    expect(chartFrame({ ...input, formatY: (v) => `${v}!` }).yTickLabel(5)).toBe('5!');
  });

  it('formats values without trailing zeros', () => {
    expect(formatValue(17.5)).toBe('17.5');
    expect(formatValue(24.889)).toBe('24.9');
    expect(formatValue(0.25)).toBe('0.25');
    expect(formatValue(3)).toBe('3');
  });
});
