import { describe, expect, it } from 'vitest';
import { chartFrame } from './frame';
import { bands, dayNumber, formatValue, labelIndices, linePath, nearestIndex, niceStep, niceTicks, stack, xPositions } from './scale';

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

  it('formats values without trailing zeros', () => {
    expect(formatValue(17.5)).toBe('17.5');
    expect(formatValue(24.889)).toBe('24.9');
    expect(formatValue(0.25)).toBe('0.25');
    expect(formatValue(3)).toBe('3');
  });
});
