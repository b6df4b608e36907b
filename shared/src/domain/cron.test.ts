import { describe, expect, it } from 'vitest';
import { nextOccurrence, parseCron } from './cron.js';

const sched = (e: string) => {
  const p = parseCron(e);
  if (!p.ok) throw new Error(p.message);
  return p.value;
};
const next = (e: string, after: string, tz = 'Europe/Berlin') => nextOccurrence(sched(e), new Date(after), tz)?.toISOString();

describe('parseCron', () => {
  it('reads numbers, ranges, lists and steps', () => {
    expect(sched('*/15 9-11 1,15 * 1-5')).toMatchObject({ minutes: [0, 15, 30, 45], hours: [9, 10, 11], days: [1, 15], weekdays: [1, 2, 3, 4, 5] });
    expect(sched('0 0 * * 7').weekdays).toEqual([0]);
  });
  it('names the wrong field', () => {
    expect(parseCron('0 24 * * *')).toEqual({ ok: false, message: 'hour: 24 is outside 0-23' });
    expect(parseCron('0 9 * *')).toMatchObject({ ok: false });
    expect(parseCron('x 9 * * *')).toMatchObject({ ok: false, message: expect.stringContaining('minute') });
  });
});

describe('nextOccurrence', () => {
  it('finds the next weekday morning in the team zone', () => {
    // Friday 2026-03-06 10:00 Berlin (09:00Z) → Monday 09:00 Berlin.
    expect(next('0 9 * * 1-5', '2026-03-06T09:00:00Z')).toBe('2026-03-09T08:00:00.000Z');
    expect(next('0 9 * * 1-5', '2026-03-06T07:00:00Z')).toBe('2026-03-06T08:00:00.000Z');
  });
  it('keeps 09:00 local across the spring and autumn changes', () => {
    // Berlin moves to summer time on 2026-03-29: 09:00 is 08:00Z before, 07:00Z after.
    expect(next('0 9 * * *', '2026-03-28T08:00:00Z')).toBe('2026-03-29T07:00:00.000Z');
    // And back on 2026-10-25.
    expect(next('0 9 * * *', '2026-10-24T07:00:00Z')).toBe('2026-10-25T08:00:00.000Z');
  });
  it('fires a time skipped by the gap once, just after it', () => {
    // 02:30 does not exist in Berlin on 2026-03-29.
    expect(next('30 2 * * *', '2026-03-28T12:00:00Z')).toBe('2026-03-29T01:30:00.000Z');
    expect(next('30 2 * * *', '2026-03-29T01:30:00Z')).toBe('2026-03-30T00:30:00.000Z');
  });
  it('fires an ambiguous fall-back time once', () => {
    // 02:30 happens twice in Berlin on 2026-10-25 (00:30Z and 01:30Z): the first only.
    expect(next('30 2 * * *', '2026-10-24T12:00:00Z')).toBe('2026-10-25T00:30:00.000Z');
    expect(next('30 2 * * *', '2026-10-25T00:30:00Z')).toBe('2026-10-26T01:30:00.000Z');
  });
  it('handles the first of the month, either-day rules and impossible dates', () => {
    expect(next('0 6 1 * *', '2026-01-15T00:00:00Z', 'UTC')).toBe('2026-02-01T06:00:00.000Z');
    // Day 13 or any Friday: Friday 2026-02-06 comes first.
    expect(next('0 0 13 * 5', '2026-02-01T00:00:00Z', 'UTC')).toBe('2026-02-06T00:00:00.000Z');
    expect(next('0 0 31 2 *', '2026-01-01T00:00:00Z', 'UTC')).toBeUndefined();
  });
  it('steps through every minute', () => {
    expect(next('* * * * *', '2026-05-01T10:00:30Z', 'UTC')).toBe('2026-05-01T10:01:00.000Z');
  });
});
