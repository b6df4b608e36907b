/** A small RFC 5545 (iCalendar) writer: escaping, 75-octet folding, CRLF line ends. */

export interface IcalEvent {
  /** Stable across regenerations of the feed. */
  uid: string;
  summary: string;
  description?: string;
  /** ISO instants for timed events (written in UTC, `...Z`). */
  start?: string;
  end?: string;
  /** `YYYY-MM-DD` for all-day events; `endDate` is exclusive. */
  startDate?: string;
  endDate?: string;
}

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function icalEscape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

export function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets (UTF-8), never inside a character; continuation lines start with a space. */
export function icalFold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** `20240101T080000Z` */
export function icalUtc(isoInstant: string): string {
  return new Date(isoInstant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** `20240101` */
export function icalDate(day: string): string {
  return day.slice(0, 10).replace(/-/g, '');
}

export function buildIcal(calendarName: string, events: readonly IcalEvent[], now: Date): string {
  const stamp = icalUtc(now.toISOString());
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//opsboard//iCal feed//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icalEscape(calendarName)}`];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`);
    if (e.startDate !== undefined) {
      lines.push(`DTSTART;VALUE=DATE:${icalDate(e.startDate)}`);
      if (e.endDate !== undefined) lines.push(`DTEND;VALUE=DATE:${icalDate(e.endDate)}`);
    } else if (e.start !== undefined) {
      lines.push(`DTSTART:${icalUtc(e.start)}`);
      if (e.end !== undefined) lines.push(`DTEND:${icalUtc(e.end)}`);
    }
    lines.push(`SUMMARY:${icalEscape(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${icalEscape(e.description)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(icalFold).join('\r\n') + '\r\n';
}
