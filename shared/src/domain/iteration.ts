/**
 * IDD iteration maths: Scrum-ban iterations (default two weeks) with capacity, burn charts,
 * velocity, carry-over and the "at least a pair on self-service & automation" check.
 * Dates are local calendar dates 'YYYY-MM-DD' in the team's time zone; start and end are inclusive.
 */
import type { BoardKind } from '../schema/entities.js';
import { addCalendarDays, calendarDaysBetween, calendarWeekday, instantToZoned, zonedWallTimeToInstant } from './rotation.js';
import { roundTo } from './stats.js';

/** The Monday-to-Friday dates from `start` to `end`, both inclusive. */
export function workingDays(start: string, end: string): string[] {
  const days: string[] = [];
  for (let date = start; date <= end; date = addCalendarDays(date, 1)) {
    if (calendarWeekday(date) <= 5) days.push(date);
  }
  return days;
}

export interface CapacityInput {
  memberIds: string[];
  /** Points one person delivers in a full iteration. */
  pointsPerPerson: number;
  /** Working days in the iteration. */
  workingDays: number;
  absenceDays: Record<string, number>;
  potwDays: Record<string, number>;
}

export interface Capacity {
  total: number;
  perPerson: { userId: string; availableDays: number; points: number }[];
}

/**
 * Planned-work points per person: pointsPerPerson × available / working days, one decimal.
 * PoTW days are not available, because the PoTW spends them on interrupts.
 */
export function capacity(input: CapacityInput): Capacity {
  const perPerson = input.memberIds.map((userId) => {
    const away = (input.absenceDays[userId] ?? 0) + (input.potwDays[userId] ?? 0);
    const availableDays = Math.max(0, input.workingDays - away);
    const points = input.workingDays > 0 ? roundTo((input.pointsPerPerson * availableDays) / input.workingDays, 1) : 0;
    return { userId, availableDays, points };
  });
  // Summing the rounded figures keeps the total equal to what the per-person column adds up to.
  return { total: roundTo(perPerson.reduce((sum, p) => sum + p.points, 0), 1), perPerson };
}

// ---------- burndown / burnup ----------

export interface CardStateChange {
  /** ISO instant. */
  at: string;
  cardId: string;
  /** The card's state AFTER the change. */
  inIteration: boolean;
  points: number | null;
  done: boolean;
}

export interface BurnPoint {
  date: string;
  scope: number;
  completed: number;
  remaining: number;
  added: number;
  removed: number;
  ideal: number | null;
}

export interface BurnChartInput {
  startDate: string;
  endDate: string;
  timezone: string;
  /** ISO instant the iteration started; the committed snapshot is the state at this instant. */
  startedAt: string;
  committed: { cardId: string; points: number | null }[];
  /** In time order; each carries the card's state after the change. */
  changes: CardStateChange[];
  /** ISO instant. */
  now: string;
}

interface CardState {
  inIteration: boolean;
  points: number;
  done: boolean;
}

function scopePoints(card: CardState | undefined): number {
  return card?.inIteration === true ? card.points : 0;
}

/** Records the card's new state and returns how much it changed the scope. */
function applyChange(cards: Map<string, CardState>, change: CardStateChange): number {
  const next: CardState = { inIteration: change.inIteration, points: change.points ?? 0, done: change.done };
  const delta = scopePoints(next) - scopePoints(cards.get(change.cardId));
  cards.set(change.cardId, next);
  return delta;
}

function totals(cards: ReadonlyMap<string, CardState>): { scope: number; completed: number } {
  let scope = 0;
  let completed = 0;
  for (const card of cards.values()) {
    scope += scopePoints(card);
    if (card.done) completed += scopePoints(card);
  }
  return { scope, completed };
}

/** Straight line from `committed` on the first working day to 0 on the last, flat over weekends. */
function idealOn(date: string, committed: number, working: readonly string[], endDate: string): number | null {
  if (date > endDate) return null;
  const steps = working.length - 1;
  // With one working day or none there is no slope to draw: full until the end date.
  if (steps <= 0) return date < endDate ? committed : 0;
  const elapsed = working.filter((day) => day > working[0]! && day <= date).length;
  return roundTo(committed * (1 - elapsed / steps), 3);
}

/**
 * One point per local day from startDate to min(endDate, today), evaluated at the end of that day
 * (at `now` for today). Rules:
 * - committed cards are in scope and not done at `startedAt`; changes at or before `startedAt` are
 *   already in that snapshot and are ignored;
 * - scope = points of cards in the iteration; completed = points of those that are done;
 *   remaining = scope − completed; null points count 0;
 * - added / removed = cumulative scope change after the start: a card joining adds its points,
 *   leaving removes them (a card that joins and leaves counts in both), and re-estimating an in-scope
 *   card adds the increase or removes the decrease; re-opening a done card only moves completed;
 * - ideal = the committed points falling linearly to 0 over the working days (flat on weekends),
 *   null after endDate;
 * - figures are rounded to 3 decimals to drop floating-point noise from fractional points.
 */
export function burnChart(input: BurnChartInput): BurnPoint[] {
  const { startDate, endDate, timezone } = input;
  const now = Date.parse(input.now);
  const today = instantToZoned(new Date(now), timezone).date;
  const lastDate = today < endDate ? today : endDate;
  const cards = new Map<string, CardState>(input.committed.map((c) => [c.cardId, { inIteration: true, points: c.points ?? 0, done: false }]));
  const committedPoints = input.committed.reduce((sum, c) => sum + (c.points ?? 0), 0);
  const startedAt = Date.parse(input.startedAt);
  const changes = input.changes.filter((c) => Date.parse(c.at) > startedAt);
  const working = workingDays(startDate, endDate);
  let added = 0;
  let removed = 0;
  let applied = 0;
  const chart: BurnPoint[] = [];
  for (let date = startDate; date <= lastDate; date = addCalendarDays(date, 1)) {
    const until = date === today ? now : zonedWallTimeToInstant(addCalendarDays(date, 1), '00:00', timezone).getTime() - 1;
    while (applied < changes.length && Date.parse(changes[applied]!.at) <= until) {
      const delta = applyChange(cards, changes[applied++]!);
      if (delta > 0) added += delta;
      else removed -= delta;
    }
    const { scope, completed } = totals(cards);
    chart.push({
      date,
      scope: roundTo(scope, 3),
      completed: roundTo(completed, 3),
      remaining: roundTo(scope - completed, 3),
      added: roundTo(added, 3),
      removed: roundTo(removed, 3),
      ideal: idealOn(date, committedPoints, working, endDate),
    });
  }
  return chart;
}

// ---------- velocity, carry-over ----------

export interface VelocityEntry {
  id: string;
  name: string;
  committed: number;
  completed: number;
}

/** The last `lastN` iterations (input oldest first) and their average completed points, one decimal. */
export function velocity<T extends VelocityEntry>(iterations: readonly T[], lastN = 6): { entries: T[]; average: number | null } {
  const entries = lastN > 0 ? iterations.slice(-lastN) : [];
  if (entries.length === 0) return { entries, average: null };
  return { entries, average: roundTo(entries.reduce((sum, e) => sum + e.completed, 0) / entries.length, 1) };
}

/** Splits an iteration's cards at close: done ones are finished, the rest carry over to the next. */
export function carryOver(cards: readonly { id: string; done: boolean }[]): { finished: string[]; carried: string[] } {
  return {
    finished: cards.filter((c) => c.done).map((c) => c.id),
    carried: cards.filter((c) => !c.done).map((c) => c.id),
  };
}

// ---------- capacity load, dates against today, start checks ----------

export interface CapacityLoad {
  planned: number;
  capacity: number;
  /** Points beyond capacity; 0 when the plan fits. */
  over: number;
  overCapacity: boolean;
}

/** Planned points against capacity, to one decimal (the precision capacity has), so noise never tips it over. */
export function capacityLoad(planned: number, capacity: number): CapacityLoad {
  const p = roundTo(planned, 1);
  const c = roundTo(capacity, 1);
  const over = roundTo(Math.max(0, p - c), 1);
  return { planned: p, capacity: c, over, overCapacity: over > 0 };
}

export interface DatesAgainstToday {
  /** Today is before the start, within the dates (inclusive), or after the end. */
  position: 'before' | 'within' | 'after';
  /** Calendar days until the start (before), or since the end (after); 0 within. */
  days: number;
}

export function datesAgainstToday(startDate: string, endDate: string, today: string): DatesAgainstToday {
  if (today < startDate) return { position: 'before', days: calendarDaysBetween(today, startDate) };
  if (today > endDate) return { position: 'after', days: calendarDaysBetween(endDate, today) };
  return { position: 'within', days: 0 };
}

/** Calendar days an active iteration has run past its end date; 0 for one that has not, or is not active. */
export function daysOverdue(iteration: { state: string; endDate: string }, today: string): number {
  return iteration.state === 'active' && today > iteration.endDate ? calendarDaysBetween(iteration.endDate, today) : 0;
}

/** The same length of iteration, starting today. */
export function shiftedToToday(startDate: string, endDate: string, today: string): { startDate: string; endDate: string } {
  return { startDate: today, endDate: addCalendarDays(today, calendarDaysBetween(startDate, endDate)) };
}

export interface OutsideDates {
  startDate: string;
  endDate: string;
  today: string;
  position: 'before' | 'after';
  days: number;
}

/** What a start must have confirmed: a plan over capacity, and today outside the iteration's dates. */
export interface StartChecks {
  overCapacity: CapacityLoad | null;
  outsideDates: OutsideDates | null;
}

export function startChecks(input: { planned: number; capacity: number; startDate: string; endDate: string; today: string }): StartChecks {
  const load = capacityLoad(input.planned, input.capacity);
  const when = datesAgainstToday(input.startDate, input.endDate, input.today);
  return {
    overCapacity: load.overCapacity ? load : null,
    outsideDates: when.position === 'within' ? null : { startDate: input.startDate, endDate: input.endDate, today: input.today, position: when.position, days: when.days },
  };
}

/** What the person starting saw and accepted; the figures bind it, so a plan that grew since needs a new look. */
export interface StartConfirm {
  overCapacity?: { planned: number; capacity: number } | undefined;
  outsideDates?: { startDate: string; endDate: string } | undefined;
}

/**
 * The checks still open after a confirmation. Over capacity counts as confirmed when the plan is
 * no further over than the confirmed figures were; dates only for exactly the dates confirmed.
 */
export function unconfirmedChecks(checks: StartChecks, confirm: StartConfirm): StartChecks {
  const seen = confirm.overCapacity;
  const dates = confirm.outsideDates;
  return {
    overCapacity: checks.overCapacity && (!seen || checks.overCapacity.over > capacityLoad(seen.planned, seen.capacity).over) ? checks.overCapacity : null,
    outsideDates: checks.outsideDates && (!dates || dates.startDate !== checks.outsideDates.startDate || dates.endDate !== checks.outsideDates.endDate) ? checks.outsideDates : null,
  };
}

/** The confirmation that answers these checks exactly. */
export function confirmationFor(checks: StartChecks): StartConfirm {
  return {
    ...(checks.overCapacity && { overCapacity: { planned: checks.overCapacity.planned, capacity: checks.overCapacity.capacity } }),
    ...(checks.outsideDates && { outsideDates: { startDate: checks.outsideDates.startDate, endDate: checks.outsideDates.endDate } }),
  };
}

export interface CarryOverLoad {
  cards: number;
  points: number;
  /** The receiving iteration before and after the carry-over; null when the cards go back to the backlog. */
  before: CapacityLoad | null;
  after: CapacityLoad | null;
}

/** What closing carries over and what it does to the receiving iteration's load (null points count 0). */
export function carryOverLoad(carried: readonly { points: number | null }[], target: { planned: number; capacity: number } | null): CarryOverLoad {
  const points = roundTo(carried.reduce((sum, c) => sum + (c.points ?? 0), 0), 3);
  return {
    cards: carried.length,
    points,
    before: target && capacityLoad(target.planned, target.capacity),
    after: target && capacityLoad(target.planned + points, target.capacity),
  };
}

// ---------- SS&A ----------

export interface SsaAllocation {
  people: string[];
  count: number;
  ok: boolean;
  message: string;
}

function peopleOn(count: number): string {
  if (count === 0) return 'Nobody is';
  return count === 1 ? '1 person is' : `${count} people are`;
}

/** Who is on open self-service & automation cards, and whether that meets the method's minimum (a pair). */
export function ssaAllocation(
  cards: readonly { assigneeIds: readonly string[]; boardKind: BoardKind; done: boolean }[],
  minimumPeople = 2,
): SsaAllocation {
  const people = [...new Set(cards.filter((c) => c.boardKind === 'selfservice' && !c.done).flatMap((c) => c.assigneeIds))];
  const count = people.length;
  const ok = count >= minimumPeople;
  const work = 'on self-service & automation work';
  let message: string;
  if (ok) {
    message = count === 2 ? `2 people (a pair) are ${work}.` : `${peopleOn(count)} ${work}.`;
  } else {
    const minimum = minimumPeople === 2 ? 'a pair' : `${minimumPeople} people`;
    message = `${count > 0 ? 'Only ' : ''}${peopleOn(count)} ${work}; the method asks for at least ${minimum}.`;
  }
  return { people, count, ok, message };
}
