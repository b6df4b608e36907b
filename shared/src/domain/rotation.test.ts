import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarWeekday,
  instantToZoned,
  nextHandoff,
  potwNowAndNext,
  previousHandoff,
  type RotationOverride,
  type RotationVersion,
  scheduledAt,
  shiftAt,
  shiftsBetween,
  swapOverrides,
  versionForMembershipChange,
  zonedWallTimeToInstant,
} from './rotation.js';

const d = (iso: string): Date => new Date(iso);
const HOUR = 3_600_000;

function version(overrides: Partial<RotationVersion> = {}): RotationVersion {
  return {
    // Monday 2024-01-01 09:00 CET
    effectiveFrom: '2024-01-01T08:00:00.000Z',
    memberIds: ['ana', 'ben', 'cai', 'dee'],
    handoffWeekday: 1,
    handoffTime: '09:00',
    timezone: 'Europe/Berlin',
    startIndex: 0,
    ...overrides,
  };
}

const berlin = [version()];
// Monday 2024-01-01 09:00 EST
const newYork = [version({ effectiveFrom: '2024-01-01T14:00:00.000Z', memberIds: ['ana', 'ben', 'cai'], timezone: 'America/New_York' })];

function override(id: string, start: string, end: string, userId: string, createdAt = '2023-12-01T00:00:00.000Z'): RotationOverride {
  return { id, start, end, userId, createdAt };
}

/** Shifts as compact tuples so a whole week reads at a glance. */
function compact(shifts: { userId: string; start: string; end: string; overrideId: string | null }[]): [string, string, string, string | null][] {
  return shifts.map((s) => [s.userId, s.start, s.end, s.overrideId]);
}

describe('calendar helpers', () => {
  it('adds days across month and year ends and leap days', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
  });
  it('gives ISO weekdays with Sunday = 7', () => {
    expect(calendarWeekday('2024-01-01')).toBe(1);
    expect(calendarWeekday('2024-01-07')).toBe(7);
  });
  it('rejects malformed and impossible dates', () => {
    expect(() => addCalendarDays('2024-02-30', 1)).toThrow(RangeError);
    expect(() => calendarWeekday('2024-1-1')).toThrow(RangeError);
  });
  it('keeps years 0-99 as they are and throws rather than leave four-digit years', () => {
    expect(addCalendarDays('0000-01-03', 1)).toBe('0000-01-04');
    expect(addCalendarDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(() => addCalendarDays('9999-12-27', 11)).toThrow(RangeError);
    expect(() => addCalendarDays('0000-01-01', -1)).toThrow(RangeError);
  });
});

describe('zonedWallTimeToInstant', () => {
  it('converts ordinary winter and summer times', () => {
    expect(zonedWallTimeToInstant('2024-01-15', '09:00', 'Europe/Berlin').toISOString()).toBe('2024-01-15T08:00:00.000Z');
    expect(zonedWallTimeToInstant('2024-07-15', '09:00', 'Europe/Berlin').toISOString()).toBe('2024-07-15T07:00:00.000Z');
    expect(zonedWallTimeToInstant('2024-01-01', '00:00', 'Asia/Kolkata').toISOString()).toBe('2023-12-31T18:30:00.000Z');
    expect(zonedWallTimeToInstant('2024-06-01', '23:59', 'UTC').toISOString()).toBe('2024-06-01T23:59:00.000Z');
  });
  it('moves a time skipped by spring-forward past the gap', () => {
    // 02:30 does not exist; 03:30 CEST does.
    expect(zonedWallTimeToInstant('2024-03-31', '02:30', 'Europe/Berlin').toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(zonedWallTimeToInstant('2024-03-10', '02:30', 'America/New_York').toISOString()).toBe('2024-03-10T07:30:00.000Z');
  });
  it('takes the earlier instant for a time repeated by fall-back', () => {
    expect(zonedWallTimeToInstant('2024-10-27', '02:30', 'Europe/Berlin').toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(zonedWallTimeToInstant('2024-11-03', '01:30', 'America/New_York').toISOString()).toBe('2024-11-03T05:30:00.000Z');
  });
  it('rejects malformed times', () => {
    expect(() => zonedWallTimeToInstant('2024-01-01', '9:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedWallTimeToInstant('2024-01-01', '24:00', 'UTC')).toThrow(RangeError);
  });
});

describe('instantToZoned', () => {
  it('gives local date, time and ISO weekday', () => {
    expect(instantToZoned(d('2024-03-31T01:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2024-03-31', time: '03:30', weekday: 7 });
    expect(instantToZoned(d('2024-01-01T03:00:00Z'), 'America/New_York')).toEqual({ date: '2023-12-31', time: '22:00', weekday: 7 });
  });
  it('round-trips every hour of a year, except repeated fall-back hours which map to the earlier instant', () => {
    for (let t = Date.parse('2024-01-01T00:00:00Z'); t < Date.parse('2025-01-01T00:00:00Z'); t += HOUR) {
      const local = instantToZoned(new Date(t), 'Europe/Berlin');
      const back = zonedWallTimeToInstant(local.date, local.time, 'Europe/Berlin').getTime();
      const repeated = t === Date.parse('2024-10-27T01:00:00Z');
      expect(back).toBe(repeated ? t - HOUR : t);
    }
  });
});

describe('previousHandoff / nextHandoff', () => {
  const v = version();
  it('bracket an ordinary instant mid-week', () => {
    expect(previousHandoff(v, d('2024-01-10T12:00:00Z')).toISOString()).toBe('2024-01-08T08:00:00.000Z');
    expect(nextHandoff(v, d('2024-01-10T12:00:00Z')).toISOString()).toBe('2024-01-15T08:00:00.000Z');
  });
  it('count the hand-off instant itself as previous and the one a week later as next', () => {
    expect(previousHandoff(v, d('2024-01-08T08:00:00Z')).toISOString()).toBe('2024-01-08T08:00:00.000Z');
    expect(nextHandoff(v, d('2024-01-08T08:00:00Z')).toISOString()).toBe('2024-01-15T08:00:00.000Z');
    expect(nextHandoff(v, d('2024-01-08T07:59:59.999Z')).toISOString()).toBe('2024-01-08T08:00:00.000Z');
  });
  it('keep 09:00 local across DST, making weeks 167 and 169 hours long', () => {
    const spring = d('2024-03-28T12:00:00Z');
    expect(previousHandoff(v, spring).toISOString()).toBe('2024-03-25T08:00:00.000Z');
    expect(nextHandoff(v, spring).toISOString()).toBe('2024-04-01T07:00:00.000Z');
    expect(nextHandoff(v, spring).getTime() - previousHandoff(v, spring).getTime()).toBe(167 * HOUR);
    const autumn = d('2024-10-24T12:00:00Z');
    expect(previousHandoff(v, autumn).toISOString()).toBe('2024-10-21T07:00:00.000Z');
    expect(nextHandoff(v, autumn).toISOString()).toBe('2024-10-28T08:00:00.000Z');
    expect(nextHandoff(v, autumn).getTime() - previousHandoff(v, autumn).getTime()).toBe(169 * HOUR);
  });
  it('handle a hand-off time inside the spring-forward gap', () => {
    const sunday = version({ handoffWeekday: 7, handoffTime: '02:30' });
    expect(previousHandoff(sunday, d('2024-03-31T01:29:59.999Z')).toISOString()).toBe('2024-03-24T01:30:00.000Z');
    expect(nextHandoff(sunday, d('2024-03-31T01:29:59.999Z')).toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(previousHandoff(sunday, d('2024-03-31T01:30:00Z')).toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(nextHandoff(sunday, d('2024-03-31T01:30:00Z')).toISOString()).toBe('2024-04-07T00:30:00.000Z');
  });
  it('rejects a weekday outside 1-7', () => {
    expect(() => previousHandoff(version({ handoffWeekday: 0 }), d('2024-01-10T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('scheduledAt', () => {
  it('hands over exactly at the hand-off instant, not a millisecond earlier', () => {
    expect(scheduledAt(berlin, d('2024-01-08T08:00:00Z'))).toEqual({ userId: 'ben', start: d('2024-01-08T08:00:00Z'), end: d('2024-01-15T08:00:00Z') });
    expect(scheduledAt(berlin, d('2024-01-08T07:59:59.999Z'))).toEqual({ userId: 'ana', start: d('2024-01-01T08:00:00Z'), end: d('2024-01-08T08:00:00Z') });
  });
  it('wraps around after the last member', () => {
    const mondays = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((w) => scheduledAt(berlin, d(`${addCalendarDays('2024-01-02', 7 * w)}T12:00:00Z`))?.userId);
    expect(mondays).toEqual(['ana', 'ben', 'cai', 'dee', 'ana', 'ben', 'cai', 'dee', 'ana']);
  });
  it('is null before the first version and when the member list is empty', () => {
    expect(scheduledAt(berlin, d('2024-01-01T07:59:59.999Z'))).toBeNull();
    expect(scheduledAt([version({ memberIds: [] })], d('2024-02-01T00:00:00Z'))).toBeNull();
    expect(scheduledAt([], d('2024-02-01T00:00:00Z'))).toBeNull();
  });
  it('supports a non-default weekday and time and a version starting mid-slot', () => {
    // Thursday 14:30 in Tokyo (UTC+9, no DST); the version starts on a Monday with ben.
    const tokyo = [version({ effectiveFrom: '2024-05-06T00:00:00.000Z', handoffWeekday: 4, handoffTime: '14:30', timezone: 'Asia/Tokyo', startIndex: 1 })];
    expect(scheduledAt(tokyo, d('2024-05-06T00:00:00Z'))).toEqual({ userId: 'ben', start: d('2024-05-06T00:00:00Z'), end: d('2024-05-09T05:30:00Z') });
    expect(scheduledAt(tokyo, d('2024-05-09T05:29:59.999Z'))?.userId).toBe('ben');
    expect(scheduledAt(tokyo, d('2024-05-09T05:30:00Z'))).toEqual({ userId: 'cai', start: d('2024-05-09T05:30:00Z'), end: d('2024-05-16T05:30:00Z') });
  });
  it('keeps the Europe/Berlin hand-off at 09:00 local through spring-forward and fall-back', () => {
    expect(scheduledAt(berlin, d('2024-03-31T12:00:00Z'))).toEqual({ userId: 'ana', start: d('2024-03-25T08:00:00Z'), end: d('2024-04-01T07:00:00Z') });
    expect(scheduledAt(berlin, d('2024-04-01T06:59:59.999Z'))?.userId).toBe('ana');
    expect(scheduledAt(berlin, d('2024-04-01T07:00:00Z'))?.userId).toBe('ben');
    expect(scheduledAt(berlin, d('2024-10-27T12:00:00Z'))).toEqual({ userId: 'cai', start: d('2024-10-21T07:00:00Z'), end: d('2024-10-28T08:00:00Z') });
    expect(scheduledAt(berlin, d('2024-10-28T07:59:59.999Z'))?.userId).toBe('cai');
    expect(scheduledAt(berlin, d('2024-10-28T08:00:00Z'))?.userId).toBe('dee');
  });
  it('keeps the America/New_York hand-off at 09:00 local through spring-forward and fall-back', () => {
    expect(scheduledAt(newYork, d('2024-03-10T12:00:00Z'))).toEqual({ userId: 'ana', start: d('2024-03-04T14:00:00Z'), end: d('2024-03-11T13:00:00Z') });
    expect(scheduledAt(newYork, d('2024-03-11T13:00:00Z'))?.userId).toBe('ben');
    expect(scheduledAt(newYork, d('2024-11-03T12:00:00Z'))).toEqual({ userId: 'ben', start: d('2024-10-28T13:00:00Z'), end: d('2024-11-04T14:00:00Z') });
    expect(scheduledAt(newYork, d('2024-11-04T13:59:59.999Z'))?.userId).toBe('ben');
    expect(scheduledAt(newYork, d('2024-11-04T14:00:00Z'))?.userId).toBe('cai');
  });
  it('starts every slot of a year on Monday 09:00 local and never skips a member', () => {
    const shifts = shiftsBetween(berlin, [], d('2024-01-01T08:00:00Z'), d('2025-01-01T00:00:00Z'));
    expect(shifts).toHaveLength(53);
    shifts.forEach((s, i) => {
      expect(instantToZoned(d(s.start), 'Europe/Berlin')).toMatchObject({ weekday: 1, time: '09:00' });
      expect(s.userId).toBe(['ana', 'ben', 'cai', 'dee'][i % 4]);
    });
  });
});

describe('shiftAt and shiftsBetween with overrides', () => {
  const week = (overrides: RotationOverride[]) => compact(shiftsBetween(berlin, overrides, d('2024-01-01T08:00:00Z'), d('2024-01-08T08:00:00Z')));

  it('lets someone cover part of a week, splitting the shift at the override edges', () => {
    const cover = [override('o1', '2024-01-03T00:00:00.000Z', '2024-01-04T00:00:00.000Z', 'ben')];
    expect(shiftAt(berlin, cover, d('2024-01-03T12:00:00Z'))).toEqual({
      userId: 'ben',
      start: '2024-01-03T00:00:00.000Z',
      end: '2024-01-04T00:00:00.000Z',
      scheduledUserId: 'ana',
      overrideId: 'o1',
    });
    expect(shiftAt(berlin, cover, d('2024-01-02T00:00:00Z'))?.end).toBe('2024-01-03T00:00:00.000Z');
    expect(shiftAt(berlin, cover, d('2024-01-04T00:00:00Z'))?.userId).toBe('ana');
    expect(week(cover)).toEqual([
      ['ana', '2024-01-01T08:00:00.000Z', '2024-01-03T00:00:00.000Z', null],
      ['ben', '2024-01-03T00:00:00.000Z', '2024-01-04T00:00:00.000Z', 'o1'],
      ['ana', '2024-01-04T00:00:00.000Z', '2024-01-08T08:00:00.000Z', null],
    ]);
  });
  it('splits an override that spans a hand-off at the slot boundary without merging the pieces', () => {
    const cover = [override('o1', '2024-01-07T00:00:00.000Z', '2024-01-09T00:00:00.000Z', 'zed')];
    const shifts = shiftsBetween(berlin, cover, d('2024-01-07T00:00:00Z'), d('2024-01-09T00:00:00Z'));
    expect(shifts.map((s) => [s.userId, s.scheduledUserId, s.start, s.end])).toEqual([
      ['zed', 'ana', '2024-01-07T00:00:00.000Z', '2024-01-08T08:00:00.000Z'],
      ['zed', 'ben', '2024-01-08T08:00:00.000Z', '2024-01-09T00:00:00.000Z'],
    ]);
  });
  it('lets the later-created override win where two overlap', () => {
    const outer = override('outer', '2024-01-02T00:00:00.000Z', '2024-01-06T00:00:00.000Z', 'cai', '2023-12-01T00:00:00.000Z');
    const inner = override('inner', '2024-01-03T00:00:00.000Z', '2024-01-04T00:00:00.000Z', 'dee', '2023-12-02T00:00:00.000Z');
    expect(week([outer, inner])).toEqual([
      ['ana', '2024-01-01T08:00:00.000Z', '2024-01-02T00:00:00.000Z', null],
      ['cai', '2024-01-02T00:00:00.000Z', '2024-01-03T00:00:00.000Z', 'outer'],
      ['dee', '2024-01-03T00:00:00.000Z', '2024-01-04T00:00:00.000Z', 'inner'],
      ['cai', '2024-01-04T00:00:00.000Z', '2024-01-06T00:00:00.000Z', 'outer'],
      ['ana', '2024-01-06T00:00:00.000Z', '2024-01-08T08:00:00.000Z', null],
    ]);
  });
  it('does not split at the edges of an override that is outranked throughout', () => {
    const outer = override('outer', '2024-01-02T00:00:00.000Z', '2024-01-06T00:00:00.000Z', 'cai', '2023-12-02T00:00:00.000Z');
    const inner = override('inner', '2024-01-03T00:00:00.000Z', '2024-01-04T00:00:00.000Z', 'dee', '2023-12-01T00:00:00.000Z');
    expect(week([inner, outer])).toEqual([
      ['ana', '2024-01-01T08:00:00.000Z', '2024-01-02T00:00:00.000Z', null],
      ['cai', '2024-01-02T00:00:00.000Z', '2024-01-06T00:00:00.000Z', 'outer'],
      ['ana', '2024-01-06T00:00:00.000Z', '2024-01-08T08:00:00.000Z', null],
    ]);
  });
  it('breaks a createdAt tie by the greater override id', () => {
    const both = [override('b', '2024-01-03T00:00:00.000Z', '2024-01-04T00:00:00.000Z', 'cai'), override('a', '2024-01-03T00:00:00.000Z', '2024-01-04T00:00:00.000Z', 'dee')];
    expect(shiftAt(berlin, both, d('2024-01-03T12:00:00Z'))?.overrideId).toBe('b');
    expect(shiftAt(berlin, [...both].reverse(), d('2024-01-03T12:00:00Z'))?.overrideId).toBe('b');
  });
  it('treats the override range as half-open', () => {
    const cover = [override('o1', '2024-01-03T00:00:00.000Z', '2024-01-04T00:00:00.000Z', 'ben')];
    expect(shiftAt(berlin, cover, d('2024-01-02T23:59:59.999Z'))?.userId).toBe('ana');
    expect(shiftAt(berlin, cover, d('2024-01-03T23:59:59.999Z'))?.userId).toBe('ben');
    expect(shiftAt(berlin, cover, d('2024-01-04T00:00:00Z'))?.userId).toBe('ana');
  });
  it('ignores overrides where nobody is scheduled', () => {
    const cover = [override('o1', '2023-12-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', 'ben')];
    expect(shiftAt(berlin, cover, d('2023-12-15T00:00:00Z'))).toBeNull();
    expect(shiftAt(berlin, cover, d('2024-01-01T08:00:00Z'))).toMatchObject({ userId: 'ben', start: '2024-01-01T08:00:00.000Z' });
  });
  it('returns nothing for an empty range and skips periods with nobody scheduled', () => {
    expect(shiftsBetween(berlin, [], d('2024-01-10T00:00:00Z'), d('2024-01-10T00:00:00Z'))).toEqual([]);
    const gap = [version({ memberIds: ['ana'] }), version({ effectiveFrom: '2024-01-10T00:00:00.000Z', memberIds: [] }), version({ effectiveFrom: '2024-01-20T00:00:00.000Z', memberIds: ['ben'] })];
    expect(compact(shiftsBetween(gap, [], d('2024-01-08T00:00:00Z'), d('2024-01-23T00:00:00Z')))).toEqual([
      ['ana', '2024-01-01T08:00:00.000Z', '2024-01-08T08:00:00.000Z', null],
      ['ana', '2024-01-08T08:00:00.000Z', '2024-01-10T00:00:00.000Z', null],
      ['ben', '2024-01-20T00:00:00.000Z', '2024-01-22T08:00:00.000Z', null],
      ['ben', '2024-01-22T08:00:00.000Z', '2024-01-29T08:00:00.000Z', null],
    ]);
  });
});

describe('swapOverrides', () => {
  it('trades two scheduled weeks and leaves the rest of the rotation alone', () => {
    const swap = swapOverrides(berlin, d('2024-01-02T00:00:00Z'), d('2024-01-10T00:00:00Z'), { a: 's1', b: 's2' }, '2024-01-01T10:00:00.000Z');
    expect(swap).toEqual([
      { id: 's1', start: '2024-01-01T08:00:00.000Z', end: '2024-01-08T08:00:00.000Z', userId: 'ben', createdAt: '2024-01-01T10:00:00.000Z' },
      { id: 's2', start: '2024-01-08T08:00:00.000Z', end: '2024-01-15T08:00:00.000Z', userId: 'ana', createdAt: '2024-01-01T10:00:00.000Z' },
    ]);
    expect(shiftAt(berlin, swap, d('2024-01-03T00:00:00Z'))).toMatchObject({ userId: 'ben', scheduledUserId: 'ana', overrideId: 's1', start: '2024-01-01T08:00:00.000Z', end: '2024-01-08T08:00:00.000Z' });
    expect(shiftAt(berlin, swap, d('2024-01-09T00:00:00Z'))).toMatchObject({ userId: 'ana', scheduledUserId: 'ben', overrideId: 's2' });
    expect(shiftAt(berlin, swap, d('2024-01-16T00:00:00Z'))).toMatchObject({ userId: 'cai', overrideId: null });
  });
  it('returns no overrides when either week has nobody scheduled', () => {
    expect(swapOverrides(berlin, d('2023-12-20T00:00:00Z'), d('2024-01-10T00:00:00Z'), { a: 's1', b: 's2' }, '2024-01-01T10:00:00.000Z')).toEqual([]);
  });
});

describe('potwNowAndNext', () => {
  it('gives the current person and the next one in the rotation', () => {
    const { current, next } = potwNowAndNext(berlin, [], d('2024-01-03T00:00:00Z'));
    expect(current).toMatchObject({ userId: 'ana', end: '2024-01-08T08:00:00.000Z' });
    expect(next).toMatchObject({ userId: 'ben', start: '2024-01-08T08:00:00.000Z' });
  });
  it('skips later shifts held by the same person', () => {
    // ana covers ben's week, so the next different person is cai.
    const cover = [override('o1', '2024-01-08T08:00:00.000Z', '2024-01-15T08:00:00.000Z', 'ana')];
    const { current, next } = potwNowAndNext(berlin, cover, d('2024-01-03T00:00:00Z'));
    expect(current?.userId).toBe('ana');
    expect(next).toMatchObject({ userId: 'cai', start: '2024-01-15T08:00:00.000Z' });
  });
  it('finds the next person during a same-person override inside the current week', () => {
    const cover = [override('o1', '2024-01-03T00:00:00.000Z', '2024-01-04T00:00:00.000Z', 'ben')];
    expect(potwNowAndNext(berlin, cover, d('2024-01-02T00:00:00Z')).next).toMatchObject({ userId: 'ben', overrideId: 'o1' });
    expect(potwNowAndNext(berlin, cover, d('2024-01-03T12:00:00Z')).next).toMatchObject({ userId: 'ana', start: '2024-01-04T00:00:00.000Z' });
  });
  it('has no next person in a one-person rotation', () => {
    const solo = [version({ memberIds: ['ana'] })];
    expect(potwNowAndNext(solo, [], d('2024-01-03T00:00:00Z'))).toMatchObject({ current: { userId: 'ana' }, next: null });
  });
  it('looks past a period with nobody scheduled', () => {
    const later = [version({ memberIds: [] }), version({ effectiveFrom: '2024-02-05T08:00:00.000Z', memberIds: ['cai'] })];
    const { current, next } = potwNowAndNext(later, [], d('2024-01-03T00:00:00Z'));
    expect(current).toBeNull();
    expect(next).toMatchObject({ userId: 'cai', start: '2024-02-05T08:00:00.000Z' });
    expect(potwNowAndNext([], [], d('2024-01-03T00:00:00Z'))).toEqual({ current: null, next: null });
  });
});

describe('versionForMembershipChange', () => {
  // Wednesday of cai's week (slot 2).
  const at = d('2024-01-17T10:00:00Z');
  const withChange = (memberIds: string[]) => [...berlin, versionForMembershipChange(berlin, at, memberIds)];
  const weeksFrom = (versions: RotationVersion[], from: string, n: number) =>
    Array.from({ length: n }, (_, w) => scheduledAt(versions, d(`${addCalendarDays(from, 7 * w)}T12:00:00Z`))?.userId);

  it('keeps the schedule settings and starts at the change', () => {
    expect(versionForMembershipChange(berlin, at, ['ana', 'ben', 'cai'])).toEqual({
      effectiveFrom: '2024-01-17T10:00:00.000Z',
      memberIds: ['ana', 'ben', 'cai'],
      handoffWeekday: 1,
      handoffTime: '09:00',
      timezone: 'Europe/Berlin',
      startIndex: 2,
    });
  });
  it('lets the current person keep the week when someone else leaves, and leaves past answers unchanged', () => {
    const versions = withChange(['ana', 'ben', 'cai']);
    expect(weeksFrom(versions, '2024-01-02', 3)).toEqual(weeksFrom(berlin, '2024-01-02', 3));
    expect(scheduledAt(versions, d('2024-01-16T00:00:00Z'))).toEqual({ userId: 'cai', start: d('2024-01-15T08:00:00Z'), end: at });
    expect(scheduledAt(versions, at)).toEqual({ userId: 'cai', start: at, end: d('2024-01-22T08:00:00Z') });
    expect(weeksFrom(versions, '2024-01-23', 4)).toEqual(['ana', 'ben', 'cai', 'ana']);
  });
  it('hands the rest of the week to the next remaining member when the current person leaves', () => {
    const versions = withChange(['ana', 'ben', 'dee']);
    expect(scheduledAt(versions, d('2024-01-16T00:00:00Z'))?.userId).toBe('cai');
    expect(scheduledAt(versions, at)?.userId).toBe('dee');
    expect(weeksFrom(versions, '2024-01-23', 3)).toEqual(['ana', 'ben', 'dee']);
  });
  it('skips members who left too when choosing who continues', () => {
    expect(versionForMembershipChange(berlin, at, ['ana', 'ben']).startIndex).toBe(0);
    expect(versionForMembershipChange(berlin, at, ['eve']).startIndex).toBe(0);
  });
  it('follows a reordered list from the current person', () => {
    const versions = withChange(['dee', 'cai', 'ben', 'ana']);
    expect(weeksFrom(versions, '2024-01-17', 4)).toEqual(['cai', 'ben', 'ana', 'dee']);
  });
  it('keeps the current person when someone joins', () => {
    const versions = withChange(['ana', 'ben', 'cai', 'dee', 'eve']);
    expect(weeksFrom(versions, '2024-01-17', 4)).toEqual(['cai', 'dee', 'eve', 'ana']);
  });
  it('leaves nobody scheduled when everyone leaves, and starts at 0 after an empty list', () => {
    const empty = withChange([]);
    expect(empty[1]?.startIndex).toBe(0);
    expect(scheduledAt(empty, at)).toBeNull();
    expect(versionForMembershipChange(empty, d('2024-02-01T00:00:00Z'), ['ben', 'ana']).startIndex).toBe(0);
  });
  it('throws when no version is in force yet', () => {
    expect(() => versionForMembershipChange(berlin, d('2023-12-01T00:00:00Z'), ['ana'])).toThrow(RangeError);
  });
});
