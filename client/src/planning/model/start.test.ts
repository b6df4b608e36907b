import { startChecks } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { NO_ANSWERS, refusedChecks, startRequest, withRefused } from './start';

const over = startChecks({ planned: 15, capacity: 8, startDate: '2026-11-30', endDate: '2026-12-11', today: '2026-11-30' });
const early = startChecks({ planned: 5, capacity: 8, startDate: '2026-12-14', endDate: '2026-12-25', today: '2026-11-30' });
const both = startChecks({ planned: 15, capacity: 8, startDate: '2026-12-14', endDate: '2026-12-25', today: '2026-11-30' });

describe('startRequest', () => {
  it('is ready at once, with an empty body, when nothing needs confirming', () => {
    const fine = startChecks({ planned: 5, capacity: 8, startDate: '2026-11-30', endDate: '2026-12-11', today: '2026-11-30' });
    expect(startRequest(fine, { ...NO_ANSWERS, reason: 'ignored' })).toEqual({ ready: true, body: {} });
  });
  it('waits for the over-capacity figures to be ticked, then confirms them with the reason', () => {
    expect(startRequest(over, NO_ANSWERS).ready).toBe(false);
    expect(startRequest(over, { ...NO_ANSWERS, overCapacity: { planned: 15, capacity: 8 }, reason: '  Upgrade first  ' })).toEqual({
      ready: true,
      body: { confirm: { overCapacity: { planned: 15, capacity: 8 } }, reason: 'Upgrade first' },
    });
  });
  it('is not ready when the ticked figures are older and smaller than the plan now', () => {
    expect(startRequest(over, { ...NO_ANSWERS, overCapacity: { planned: 12, capacity: 8 } }).ready).toBe(false);
  });
  it('waits for a choice about the dates: move them to today, or keep and confirm them', () => {
    expect(startRequest(early, NO_ANSWERS).ready).toBe(false);
    expect(startRequest(early, { ...NO_ANSWERS, dates: 'move' })).toEqual({ ready: true, body: { moveDatesToToday: true } });
    expect(startRequest(early, { ...NO_ANSWERS, dates: 'keep' })).toEqual({ ready: true, body: { confirm: { outsideDates: { startDate: '2026-12-14', endDate: '2026-12-25' } } } });
  });
  it('needs both answers when both warnings apply', () => {
    expect(startRequest(both, { ...NO_ANSWERS, dates: 'move' }).ready).toBe(false);
    expect(startRequest(both, { ...NO_ANSWERS, dates: 'move', overCapacity: { planned: 15, capacity: 8 } }).ready).toBe(true);
  });
});

describe('a refused start', () => {
  it('reads the open checks from the 409 details and shows the server figures over ours', () => {
    const details = { checks: { overCapacity: { planned: 20, capacity: 8, over: 12, overCapacity: true }, outsideDates: null } };
    const refused = refusedChecks('over_capacity', details);
    expect(refused).toEqual({ overCapacity: { planned: 20, capacity: 8, over: 12, overCapacity: true }, outsideDates: null });
    expect(withRefused(both, refused)).toEqual({ overCapacity: refused!.overCapacity, outsideDates: both.outsideDates });
  });
  it('ignores other refusals and malformed details', () => {
    expect(refusedChecks('iteration_state', {})).toBeNull();
    expect(refusedChecks('over_capacity', { checks: 'no' })).toBeNull();
    expect(refusedChecks('outside_dates', { checks: { outsideDates: { position: 'sideways' } } })).toEqual({ overCapacity: null, outsideDates: null });
  });
});
