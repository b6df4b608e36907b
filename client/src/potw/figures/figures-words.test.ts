import { describe, expect, it } from 'vitest';
import type { InterruptFigures } from '@opsboard/shared';
import { bucketLabel, countsBySeverity, shareSentence, sourceBreakdown, triageTimes } from './figures-words';

const week = (extra: Partial<InterruptFigures> = {}): InterruptFigures => ({
  label: '2026-11-23',
  from: '2026-11-22T23:00:00.000Z',
  to: '2026-11-29T23:00:00.000Z',
  received: 3,
  bySource: { alertmanager: 2, ui: 1 },
  bySeverity: { critical: 1, medium: 2 },
  triaged: 2,
  timeToTriageMs: { median: 20 * 60_000, p90: 95 * 60_000 },
  finished: { total: 8, interrupts: 2, shareByCount: 0.25, points: 20, interruptPoints: 3, shareByPoints: 0.15 },
  ...extra,
});

describe('figures words', () => {
  it('breaks arrivals down by source in words, leaving out the silent ones', () => {
    expect(sourceBreakdown(week())).toBe('2 alerts, 1 from people');
    expect(sourceBreakdown(week({ bySource: { webhook: 1 } }))).toBe('1 by webhook');
  });

  it('fills the severities the API left out with zero', () => {
    expect(countsBySeverity(week())).toEqual({ critical: 1, high: 0, medium: 2, low: 0 });
  });

  it('gives triage times in human units, or nothing before anything was triaged', () => {
    expect(triageTimes(week())).toBe('median 20 min, p90 1 h 35 min');
    expect(triageTimes(week({ timeToTriageMs: { median: null, p90: null } }))).toBeNull();
  });

  it('says the share of finished work by count and by points', () => {
    expect(shareSentence(week())).toBe('25% of finished work (15% of points)');
    expect(shareSentence(week({ finished: { total: 4, interrupts: 1, shareByCount: 0.25, points: 0, interruptPoints: 0, shareByPoints: null } }))).toBe('25% of finished work');
    expect(shareSentence(week({ finished: { total: 0, interrupts: 0, shareByCount: null, points: 0, interruptPoints: 0, shareByPoints: null } }))).toBeNull();
  });

  it('labels weeks by their start and iterations by name', () => {
    expect(bucketLabel(week(), 'week')).toBe('Week of 23 Nov');
    expect(bucketLabel(week({ label: 'Iteration 7' }), 'iteration')).toBe('Iteration 7');
  });
});
