/**
 * Rotation times as the team reads them: always in the rotation's time zone
 * (a hand-off is "Monday 09:00 in Berlin" for everyone), with relative words
 * for what is coming soon.
 */
import { instantToZoned, zonedWallTimeToInstant, type RotationSettings } from '@opsboard/shared';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timezone: string): Intl.DateTimeFormat {
  let f = formats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timezone, f);
  }
  return f;
}

/** "Mon 30 Nov, 09:00" in the time zone; "Mon 4 Jan 2027, 09:00" when it is not this year's. Built from parts, so the shape does not depend on the engine's locale data. */
export function formatInZone(iso: string, timezone: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const parts = Object.fromEntries(format(timezone).formatToParts(t).map((p) => [p.type, p.value]));
  const thisYear = format(timezone).formatToParts(now).find((p) => p.type === 'year')?.value;
  const year = parts.year !== thisYear ? ` ${parts.year}` : '';
  return `${parts.weekday} ${parts.day} ${parts.month}${year}, ${parts.hour}:${parts.minute}`;
}

/** "in 4 days", "in 3 h", "in 20 min", "now"; or "2 days ago" for the past. */
export function relative(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  if (Number.isNaN(diff)) return '';
  const abs = Math.abs(diff);
  const minutes = Math.round(abs / 60_000);
  let text: string;
  if (minutes < 1) return 'now';
  if (minutes < 60) text = `${minutes} min`;
  else if (minutes < 48 * 60) text = `${Math.round(minutes / 60)} h`;
  else text = `${Math.round(minutes / (24 * 60))} days`;
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

/** "Every Monday at 09:00 (Europe/Berlin)". */
export function handoffSentence(settings: Pick<RotationSettings, 'handoffWeekday' | 'handoffTime' | 'timezone'>): string {
  return `Every ${WEEKDAYS[settings.handoffWeekday - 1] ?? 'week'} at ${settings.handoffTime} (${settings.timezone})`;
}

/** The instant as the value of a datetime-local field, read in the time zone: "2026-11-30T09:00". */
export function toZonedInput(iso: string, timezone: string): string {
  const z = instantToZoned(new Date(iso), timezone);
  return `${z.date}T${z.time}`;
}

/** A datetime-local value read in the time zone, as an ISO instant; null when it is not a full date and time. */
export function fromZonedInput(value: string, timezone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!m) return null;
  try {
    return zonedWallTimeToInstant(m[1]!, m[2]!, timezone).toISOString();
  } catch {
    return null;
  }
}

/** Every IANA zone the browser knows, for the time-zone picker (some engines leave UTC out of the list). */
export function timeZones(): readonly string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
