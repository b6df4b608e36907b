/** The planning checks in iteration.ts: load against capacity, dates against today, what a start must confirm, carry-over figures. */
import { describe, expect, it } from 'vitest';
import { capacityLoad, carryOverLoad, confirmationFor, datesAgainstToday, daysOverdue, shiftedToToday, startChecks, unconfirmedChecks } from './iteration.js';

describe('capacityLoad', () => {
  it('says how far a plan goes over capacity', () => {
    expect(capacityLoad(15, 8)).toEqual({ planned: 15, capacity: 8, over: 7, overCapacity: true });
    expect(capacityLoad(68, 32)).toEqual({ planned: 68, capacity: 32, over: 36, overCapacity: true });
  });
  it('is not over at exactly capacity, or under it', () => {
    expect(capacityLoad(32, 32)).toEqual({ planned: 32, capacity: 32, over: 0, overCapacity: false });
    expect(capacityLoad(0, 0).overCapacity).toBe(false);
    expect(capacityLoad(3, 12.5).over).toBe(0);
  });
  it('works at capacity precision (one decimal), so floating-point noise never tips a plan over', () => {
    expect(capacityLoad(0.1 + 0.2, 0.3).overCapacity).toBe(false);
    expect(capacityLoad(17.84, 17.8).overCapacity).toBe(false);
    expect(capacityLoad(17.9, 17.8)).toMatchObject({ over: 0.1, overCapacity: true });
  });
  it('counts any plan as over when there is no capacity at all', () => {
    expect(capacityLoad(3, 0)).toMatchObject({ over: 3, overCapacity: true });
  });
});

describe('dates against today', () => {
  it('places today before, within or after the dates, with the days between', () => {
    expect(datesAgainstToday('2026-12-14', '2026-12-25', '2026-11-30')).toEqual({ position: 'before', days: 14 });
    expect(datesAgainstToday('2026-12-14', '2026-12-25', '2026-12-14')).toEqual({ position: 'within', days: 0 });
    expect(datesAgainstToday('2026-12-14', '2026-12-25', '2026-12-25')).toEqual({ position: 'within', days: 0 });
    expect(datesAgainstToday('2026-12-14', '2026-12-25', '2027-01-01')).toEqual({ position: 'after', days: 7 });
  });
  it('calls an active iteration overdue from the day after its end date', () => {
    expect(daysOverdue({ state: 'active', endDate: '2026-12-11' }, '2026-12-11')).toBe(0);
    expect(daysOverdue({ state: 'active', endDate: '2026-12-11' }, '2026-12-12')).toBe(1);
    expect(daysOverdue({ state: 'active', endDate: '2026-12-11' }, '2027-01-04')).toBe(24);
  });
  it('never calls a planned or closed iteration overdue', () => {
    expect(daysOverdue({ state: 'planned', endDate: '2026-12-11' }, '2026-12-20')).toBe(0);
    expect(daysOverdue({ state: 'closed', endDate: '2026-12-11' }, '2026-12-20')).toBe(0);
  });
  it('moves dates to today keeping the length, across a month end', () => {
    expect(shiftedToToday('2026-12-14', '2026-12-25', '2026-11-30')).toEqual({ startDate: '2026-11-30', endDate: '2026-12-11' });
    expect(shiftedToToday('2026-10-19', '2026-10-30', '2026-11-25')).toEqual({ startDate: '2026-11-25', endDate: '2026-12-06' });
  });
});

describe('startChecks and confirmation', () => {
  const base = { planned: 15, capacity: 8, startDate: '2026-12-14', endDate: '2026-12-25', today: '2026-11-30' };

  it('asks to confirm a plan over capacity and a start before the start date', () => {
    expect(startChecks(base)).toEqual({
      overCapacity: { planned: 15, capacity: 8, over: 7, overCapacity: true },
      outsideDates: { startDate: '2026-12-14', endDate: '2026-12-25', today: '2026-11-30', position: 'before', days: 14 },
    });
  });
  it('asks to confirm a start after the end date', () => {
    expect(startChecks({ ...base, today: '2026-12-28' }).outsideDates).toMatchObject({ position: 'after', days: 3 });
  });
  it('asks nothing for a plan within capacity started within its dates', () => {
    expect(startChecks({ ...base, planned: 8, today: '2026-12-15' })).toEqual({ overCapacity: null, outsideDates: null });
  });
  it('takes a confirmation of exactly these figures', () => {
    const checks = startChecks(base);
    expect(unconfirmedChecks(checks, confirmationFor(checks))).toEqual({ overCapacity: null, outsideDates: null });
    expect(confirmationFor(checks)).toEqual({ overCapacity: { planned: 15, capacity: 8 }, outsideDates: { startDate: '2026-12-14', endDate: '2026-12-25' } });
  });
  it('takes a confirmation for a plan that is no further over than confirmed', () => {
    const checks = startChecks({ ...base, planned: 12 });
    expect(unconfirmedChecks(checks, { overCapacity: { planned: 15, capacity: 8 } }).overCapacity).toBeNull();
  });
  it('refuses a confirmation the plan has outgrown, or for other dates', () => {
    const checks = startChecks({ ...base, planned: 20 });
    const open = unconfirmedChecks(checks, { overCapacity: { planned: 15, capacity: 8 }, outsideDates: { startDate: '2026-12-07', endDate: '2026-12-18' } });
    expect(open.overCapacity).toMatchObject({ planned: 20, over: 12 });
    expect(open.outsideDates).toMatchObject({ startDate: '2026-12-14' });
  });
  it('leaves everything open without a confirmation', () => {
    const checks = startChecks(base);
    expect(unconfirmedChecks(checks, {})).toEqual(checks);
  });
});

describe('carryOverLoad', () => {
  it('shows what the carry-over does to the next iteration: 28 planned + 40 carried on 32 capacity', () => {
    const carried = [{ points: 13 }, { points: 8 }, { points: 8 }, { points: 5 }, { points: 3 }, { points: 3 }, { points: null }];
    expect(carryOverLoad(carried, { planned: 28, capacity: 32 })).toEqual({
      cards: 7,
      points: 40,
      before: { planned: 28, capacity: 32, over: 0, overCapacity: false },
      after: { planned: 68, capacity: 32, over: 36, overCapacity: true },
    });
  });
  it('has no receiving load when the cards go back to the backlog', () => {
    expect(carryOverLoad([{ points: 3 }], null)).toEqual({ cards: 1, points: 3, before: null, after: null });
  });
});
