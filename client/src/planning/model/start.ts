/**
 * Starting an iteration against a warning: what the PO has answered in the
 * start dialog, the request that sends it, and the server's figures when it
 * refused (409 over_capacity / outside_dates) because the plan changed since.
 */
import { unconfirmedChecks, type CapacityLoad, type OutsideDates, type StartChecks, type StartConfirm, type StartIterationBody } from '@opsboard/shared';
import { isNumber, isRecord, isString } from '../../lib/guards';

export interface StartAnswers {
  /** The over-capacity figures the PO ticked, null while unticked. */
  overCapacity: { planned: number; capacity: number } | null;
  /** Outside the dates: move them to today, or keep them and start anyway. */
  dates: 'move' | 'keep' | null;
  reason: string;
}

export const NO_ANSWERS: StartAnswers = { overCapacity: null, dates: null, reason: '' };

export interface StartRequest {
  /** Every warning has an answer (the ticked figures are the current ones). */
  ready: boolean;
  body: StartIterationBody;
}

export function startRequest(checks: StartChecks, answers: StartAnswers): StartRequest {
  const confirm: StartConfirm = {
    ...(checks.overCapacity && answers.overCapacity && { overCapacity: answers.overCapacity }),
    ...(checks.outsideDates && answers.dates === 'keep' && { outsideDates: { startDate: checks.outsideDates.startDate, endDate: checks.outsideDates.endDate } }),
  };
  const open = unconfirmedChecks(checks, confirm);
  const moving = checks.outsideDates !== null && answers.dates === 'move';
  const reason = answers.reason.trim();
  const warned = checks.overCapacity !== null || checks.outsideDates !== null;
  return {
    ready: open.overCapacity === null && (open.outsideDates === null || moving),
    body: {
      ...(Object.keys(confirm).length > 0 && { confirm }),
      ...(moving && { moveDatesToToday: true }),
      ...(warned && reason !== '' && { reason }),
    },
  };
}

function parseLoad(value: unknown): CapacityLoad | null {
  if (!isRecord(value) || !isNumber(value.planned) || !isNumber(value.capacity) || !isNumber(value.over)) return null;
  return { planned: value.planned, capacity: value.capacity, over: value.over, overCapacity: value.over > 0 };
}

function parseDates(value: unknown): OutsideDates | null {
  if (!isRecord(value) || !isString(value.startDate) || !isString(value.endDate) || !isString(value.today) || !isNumber(value.days)) return null;
  const position = value.position === 'before' || value.position === 'after' ? value.position : null;
  return position && { startDate: value.startDate, endDate: value.endDate, today: value.today, position, days: value.days };
}

/** The open checks a start refusal carries in `details.checks`; null when the refusal is not one of those. */
export function refusedChecks(code: string, details: Record<string, unknown>): StartChecks | null {
  if (code !== 'over_capacity' && code !== 'outside_dates') return null;
  const checks = details.checks;
  if (!isRecord(checks)) return null;
  return { overCapacity: parseLoad(checks.overCapacity), outsideDates: parseDates(checks.outsideDates) };
}

/** The checks to show: the server's figures where it refused on them (it counts the plan as it is now), ours for the rest. */
export function withRefused(local: StartChecks, refused: StartChecks | null): StartChecks {
  if (!refused) return local;
  return { overCapacity: refused.overCapacity ?? local.overCapacity, outsideDates: refused.outsideDates ?? local.outsideDates };
}
