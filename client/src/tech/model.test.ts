import { describe, expect, it } from 'vitest';
import { medianScores, splitMatchers } from './model';

describe('technology screen helpers', () => {
  it('splits matchers on commas and lines, but not inside quotes', () => {
    expect(splitMatchers('job=postgres, service=~"a,b"\nenv!="dev"')).toEqual(['job=postgres', 'service=~"a,b"', 'env!="dev"']);
    expect(splitMatchers('  ')).toEqual([]);
  });
  it('starts the settled set at each vector’s lower median', () => {
    expect(
      medianScores([
        { scores: { stability: { score: 1, note: '' }, currency: { score: 4, note: '' } } },
        { scores: { stability: { score: 4, note: '' } } },
        { scores: { stability: { score: 3, note: '' } } },
      ]),
    ).toEqual({ stability: { score: 3, note: '' }, currency: { score: 4, note: '' } });
  });
});
