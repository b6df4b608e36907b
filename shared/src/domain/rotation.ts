/**
 * Person-of-the-Week rotation: who triages interrupts at any instant.
 * Hand-offs happen at a local wall-clock time, so slots are counted in local calendar weeks and
 * consecutive hand-offs are 167, 168 or 169 hours apart around daylight-saving changes.
 */

export interface RotationVersion {
  /** ISO instant from which this version applies (until the next version's effectiveFrom). */
  effectiveFrom: string;
  /** Ordered; may be empty (then nobody is PoTW). */
  memberIds: string[];
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  handoffWeekday: number;
  /** 'HH:MM' 24h local time. */
  handoffTime: string;
  /** IANA, e.g. 'Europe/Berlin'. */
  timezone: string;
  /** The member index who is PoTW in the weekly slot that CONTAINS effectiveFrom. */
  startIndex: number;
}

export interface RotationOverride {
  id: string;
  /** ISO instants, start < end; half-open [start, end). */
  start: string;
  end: string;
  /** Who is PoTW during the range instead of the scheduled person. */
  userId: string;
  /** Later-created overrides win where they overlap. */
  createdAt: string;
}

export interface Shift {
  userId: string;
  /** ISO instants, half-open. */
  start: string;
  end: string;
  /** Who the plain rotation would have had. */
  scheduledUserId: string;
  overrideId: string | null;
}

export interface ZonedDateTime {
  /** Local calendar date 'YYYY-MM-DD'. */
  date: string;
  /** Local wall-clock time 'HH:MM'. */
  time: string;
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const DAY_MS = 86_400_000;
/** How far `potwNowAndNext` looks for a different person before giving up. */
const LOOKAHEAD_MS = 60 * 7 * DAY_MS;

// ---------- calendar dates (no time zone involved) ----------

function parseDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}".`);
  // setUTCFullYear rather than Date.UTC, which maps years 0-99 to 1900-1999.
  const ms = new Date(0).setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (formatDate(ms) !== date) throw new RangeError(`"${date}" is not a calendar date.`);
  return ms;
}

/** 'YYYY-MM-DD'; throws rather than return the expanded form ('+010000-01-07') past year 9999 or before year 0. */
function formatDate(utcMs: number): string {
  const iso = new Date(utcMs).toISOString();
  if (!/^\d{4}-/.test(iso)) throw new RangeError(`${iso} is outside the years 0000-9999.`);
  return iso.slice(0, 10);
}

/** The calendar date `days` after `date` (negative goes back); both 'YYYY-MM-DD'. */
export function addCalendarDays(date: string, days: number): string {
  return formatDate(parseDate(date) + days * DAY_MS);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a 'YYYY-MM-DD' date. */
export function calendarWeekday(date: string): number {
  return ((new Date(parseDate(date)).getUTCDay() + 6) % 7) + 1;
}

function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to) - parseDate(from)) / DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); both 'YYYY-MM-DD'. */
export function calendarDaysBetween(from: string, to: string): number {
  return daysBetween(from, to);
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

function parseTime(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (match === null || hours > 23 || minutes > 59) throw new RangeError(`Expected a time as HH:MM, got "${time}".`);
  return (hours * 60 + minutes) * 60_000;
}

// ---------- time zones (Intl only) ----------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** The local wall clock at `utcMs`, read as if it were a UTC timestamp (whole seconds). */
function wallClockMs(utcMs: number, timezone: string): number {
  const parts = new Map(formatterFor(timezone).formatToParts(new Date(utcMs)).map((p) => [p.type, Number(p.value)]));
  const field = (type: Intl.DateTimeFormatPartTypes): number => parts.get(type) ?? 0;
  const wall = new Date(0);
  // setUTCFullYear rather than Date.UTC, which maps years 0-99 to 1900-1999.
  wall.setUTCFullYear(field('year'), field('month') - 1, field('day'));
  wall.setUTCHours(field('hour'), field('minute'), field('second'), 0);
  return wall.getTime();
}

function offsetMs(utcMs: number, timezone: string): number {
  return wallClockMs(utcMs, timezone) - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Local wall time → instant. A time skipped by a spring-forward gap lands as far past the gap as
 * it was into it (02:30 → 03:30 new time); an ambiguous fall-back time takes the earlier instant.
 */
export function zonedWallTimeToInstant(date: string, time: string, timezone: string): Date {
  const wall = parseDate(date) + parseTime(time);
  // Any transition near `wall` separates these two offsets; one of them is the right one.
  const before = offsetMs(wall - DAY_MS, timezone);
  const after = offsetMs(wall + DAY_MS, timezone);
  const valid = [wall - before, wall - after].filter((t) => t + offsetMs(t, timezone) === wall);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wall - before);
}

export function instantToZoned(at: Date, timezone: string): ZonedDateTime {
  const iso = new Date(wallClockMs(at.getTime(), timezone)).toISOString();
  const date = iso.slice(0, 10);
  return { date, time: iso.slice(11, 16), weekday: calendarWeekday(date) };
}

// ---------- hand-offs ----------

function handoffOn(version: RotationVersion, date: string): Date {
  return zonedWallTimeToInstant(date, version.handoffTime, version.timezone);
}

/** Local date of the hand-off that opens the weekly slot containing `at`. */
function slotDate(version: RotationVersion, at: Date): string {
  if (!Number.isInteger(version.handoffWeekday) || version.handoffWeekday < 1 || version.handoffWeekday > 7) {
    throw new RangeError(`handoffWeekday must be 1-7, got ${version.handoffWeekday}.`);
  }
  const local = instantToZoned(at, version.timezone);
  const candidate = addCalendarDays(local.date, -mod(local.weekday - version.handoffWeekday, 7));
  return handoffOn(version, candidate).getTime() <= at.getTime() ? candidate : addCalendarDays(candidate, -7);
}

/** The latest hand-off instant <= `at`. */
export function previousHandoff(version: RotationVersion, at: Date): Date {
  return handoffOn(version, slotDate(version, at));
}

/** The earliest hand-off instant > `at`. */
export function nextHandoff(version: RotationVersion, at: Date): Date {
  return handoffOn(version, addCalendarDays(slotDate(version, at), 7));
}

// ---------- the plain schedule ----------

/** Versions in effect order with parsed instants and overrides parsed once, for repeated look-ups. */
interface Plan {
  versions: { version: RotationVersion; from: number }[];
  overrides: { override: RotationOverride; start: number; end: number; createdAt: number }[];
}

interface Slot {
  userId: string;
  memberIndex: number;
  start: number;
  end: number;
}

function makePlan(versions: readonly RotationVersion[], overrides: readonly RotationOverride[]): Plan {
  return {
    // Stable sort: of two versions with the same effectiveFrom, the later listed wins.
    versions: versions.map((version) => ({ version, from: Date.parse(version.effectiveFrom) })).sort((a, b) => a.from - b.from),
    overrides: overrides.map((override) => ({
      override,
      start: Date.parse(override.start),
      end: Date.parse(override.end),
      createdAt: Date.parse(override.createdAt),
    })),
  };
}

function versionIndexAt(plan: Plan, t: number): number {
  return plan.versions.findLastIndex((v) => v.from <= t);
}

function slotAt(plan: Plan, t: number): Slot | null {
  const index = versionIndexAt(plan, t);
  const entry = plan.versions[index];
  if (entry === undefined || entry.version.memberIds.length === 0) return null;
  const { version, from } = entry;
  const at = new Date(t);
  const weeks = daysBetween(slotDate(version, new Date(from)), slotDate(version, at)) / 7;
  const memberIndex = mod(version.startIndex + weeks, version.memberIds.length);
  const following = plan.versions[index + 1];
  return {
    userId: version.memberIds[memberIndex]!,
    memberIndex,
    start: Math.max(previousHandoff(version, at).getTime(), from),
    end: Math.min(nextHandoff(version, at).getTime(), following?.from ?? Infinity),
  };
}

/** The plain rotation at `at`, without overrides; null when no version is in force or it has no members. */
export function scheduledAt(versions: readonly RotationVersion[], at: Date): { userId: string; start: Date; end: Date } | null {
  const slot = slotAt(makePlan(versions, []), at.getTime());
  return slot === null ? null : { userId: slot.userId, start: new Date(slot.start), end: new Date(slot.end) };
}

// ---------- overrides and shifts ----------

type ParsedOverride = Plan['overrides'][number];

/** The latest-created override covering `t`; equal createdAt falls to the greater id so the answer is deterministic. */
function winnerAt(plan: Plan, t: number): ParsedOverride | null {
  let winner: ParsedOverride | null = null;
  for (const o of plan.overrides) {
    if (o.start > t || t >= o.end) continue;
    if (winner === null || o.createdAt > winner.createdAt || (o.createdAt === winner.createdAt && o.override.id > winner.override.id)) winner = o;
  }
  return winner;
}

function shiftIn(plan: Plan, t: number): Shift | null {
  const slot = slotAt(plan, t);
  // Overrides replace the scheduled person; with nobody scheduled there is no shift to replace.
  if (slot === null) return null;
  const current = winnerAt(plan, t);
  const cuts = [...new Set(plan.overrides.flatMap((o) => [o.start, o.end]))]
    .filter((c) => c > slot.start && c < slot.end)
    .sort((a, b) => a - b);
  let start = slot.start;
  let end = slot.end;
  // Only edges where the winning override changes end a shift; edges of outranked overrides do not.
  for (const cut of cuts.filter((c) => c <= t).reverse()) {
    if (winnerAt(plan, cut - 1) !== current) {
      start = cut;
      break;
    }
  }
  for (const cut of cuts.filter((c) => c > t)) {
    if (winnerAt(plan, cut) !== current) {
      end = cut;
      break;
    }
  }
  return {
    userId: current?.override.userId ?? slot.userId,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    scheduledUserId: slot.userId,
    overrideId: current?.override.id ?? null,
  };
}

/** Endless run of shifts from the one containing `from`, skipping periods where nobody is scheduled. */
function* shiftsFrom(plan: Plan, from: number): Generator<Shift> {
  let t = from;
  for (;;) {
    const shift = shiftIn(plan, t);
    if (shift !== null) {
      yield shift;
      t = Date.parse(shift.end);
      continue;
    }
    const nextVersion = plan.versions.find((v) => v.from > t);
    if (nextVersion === undefined) return;
    t = nextVersion.from;
  }
}

/** The shift at `at` with overrides applied; it ends wherever the scheduled slot or the winning override changes. */
export function shiftAt(versions: readonly RotationVersion[], overrides: readonly RotationOverride[], at: Date): Shift | null {
  return shiftIn(makePlan(versions, overrides), at.getTime());
}

/** Consecutive shifts overlapping [from, to), unclipped: the first may start before `from`, the last end after `to`. */
export function shiftsBetween(versions: readonly RotationVersion[], overrides: readonly RotationOverride[], from: Date, to: Date): Shift[] {
  const shifts: Shift[] = [];
  if (from.getTime() >= to.getTime()) return shifts;
  for (const shift of shiftsFrom(makePlan(versions, overrides), from.getTime())) {
    if (Date.parse(shift.start) >= to.getTime()) break;
    shifts.push(shift);
  }
  return shifts;
}

/** The shift at `at` and the first later shift held by someone else (within about 60 weeks). */
export function potwNowAndNext(
  versions: readonly RotationVersion[],
  overrides: readonly RotationOverride[],
  at: Date,
): { current: Shift | null; next: Shift | null } {
  const plan = makePlan(versions, overrides);
  const current = shiftIn(plan, at.getTime());
  const horizon = at.getTime() + LOOKAHEAD_MS;
  for (const shift of shiftsFrom(plan, current === null ? at.getTime() : Date.parse(current.end))) {
    if (Date.parse(shift.start) > horizon) break;
    if (shift.userId !== current?.userId) return { current, next: shift };
  }
  return { current, next: null };
}

// ---------- changes to the rotation ----------

/** Two overrides that trade the scheduled slots containing `weekA` and `weekB`; empty when either slot has nobody. */
export function swapOverrides(
  versions: readonly RotationVersion[],
  weekA: Date,
  weekB: Date,
  ids: { a: string; b: string },
  createdAt: string,
): RotationOverride[] {
  const a = scheduledAt(versions, weekA);
  const b = scheduledAt(versions, weekB);
  if (a === null || b === null) return [];
  return [
    { id: ids.a, start: a.start.toISOString(), end: a.end.toISOString(), userId: b.userId, createdAt },
    { id: ids.b, start: b.start.toISOString(), end: b.end.toISOString(), userId: a.userId, createdAt },
  ];
}

/** Index in `next` of whoever continues the rotation after the member at `currentIndex` of `previous`. */
function continuingIndex(previous: readonly string[], currentIndex: number, next: readonly string[]): number {
  const kept = next.indexOf(previous[currentIndex]!);
  if (kept >= 0) return kept;
  for (let step = 1; step < previous.length; step++) {
    const candidate = next.indexOf(previous[(currentIndex + step) % previous.length]!);
    if (candidate >= 0) return candidate;
  }
  return 0;
}

/**
 * The version to append when the member list changes at `at`: today's PoTW keeps the slot if still
 * a member, else the next remaining member in the old order takes over. Throws when no version is in
 * force at `at`, because the first version has no predecessor to continue from.
 */
export function versionForMembershipChange(versions: readonly RotationVersion[], at: Date, memberIds: string[]): RotationVersion {
  const plan = makePlan(versions, []);
  const entry = plan.versions[versionIndexAt(plan, at.getTime())];
  if (entry === undefined) throw new RangeError(`No rotation version is in force at ${at.toISOString()}.`);
  const { version } = entry;
  const slot = slotAt(plan, at.getTime());
  return {
    effectiveFrom: at.toISOString(),
    memberIds: [...memberIds],
    handoffWeekday: version.handoffWeekday,
    handoffTime: version.handoffTime,
    timezone: version.timezone,
    startIndex: slot === null ? 0 : continuingIndex(version.memberIds, slot.memberIndex, memberIds),
  };
}
