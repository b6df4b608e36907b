/**
 * Where a person's notifications go: in the app, by e-mail, to chat; held
 * through quiet hours in their own time zone, or gathered into a digest.
 * Pure: the clock comes in as an argument.
 */
import { addCalendarDays, instantToZoned, zonedWallTimeToInstant } from './rotation.js';

/** The kinds of notice a person can route. */
export const NOTIFY_KINDS = ['interrupt.escalated', 'interrupt.urgent', 'interrupt.unacknowledged', 'potw.handoff', 'iteration.changed'] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

export const NOTIFY_KIND_LABELS: Record<NotifyKind, string> = {
  'interrupt.escalated': 'An interrupt is escalated to me',
  'interrupt.urgent': 'A critical or high interrupt arrives while I am PoTW',
  'interrupt.unacknowledged': 'A critical interrupt is not triaged in time (escalation to acknowledge)',
  'potw.handoff': 'Person of the Week hand-off',
  'iteration.changed': 'An iteration starts or closes',
};

export const NOTIFY_CHANNELS = ['inApp', 'email', 'chat'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/** Kinds that break through quiet hours and skip the digest: somebody is waiting on them now. */
export const URGENT_KINDS: readonly NotifyKind[] = ['interrupt.urgent', 'interrupt.unacknowledged'];

export interface QuietHours {
  /** Local 'HH:MM' the quiet starts; may be later than `end` (overnight). */
  start: string;
  end: string;
}

export interface NotifyPreferences {
  timeZone: string;
  routes: Record<NotifyKind, NotifyChannel[]>;
  quietHours: QuietHours | null;
  /** Urgent kinds still reach me in quiet hours (the PoTW's pager). */
  urgentBreaksQuiet: boolean;
  /** Non-urgent e-mail is gathered into one message a day at this local 'HH:MM'; null sends each at once. */
  digestAt: string | null;
  /**
   * How the team's chat knows me (a Slack member ID such as U024BE7LH, or a Mattermost or Teams
   * username): a notice routed to chat then mentions me in the team channel's message, which pings me.
   */
  chatHandle: string | null;
}

export function defaultPreferences(timeZone = 'UTC'): NotifyPreferences {
  return {
    timeZone,
    routes: {
      'interrupt.escalated': ['inApp', 'email'],
      'interrupt.urgent': ['inApp', 'email', 'chat'],
      'interrupt.unacknowledged': ['inApp', 'email', 'chat'],
      'potw.handoff': ['inApp', 'chat'],
      'iteration.changed': ['chat'],
    },
    quietHours: null,
    urgentBreaksQuiet: true,
    digestAt: null,
    chatHandle: null,
  };
}

export interface EmailRoute {
  /** When the e-mail may go out: now, the end of quiet hours, or the next digest. */
  notBefore: Date;
  digest: boolean;
}

export interface Routing {
  inApp: boolean;
  chat: boolean;
  email: EmailRoute | null;
}

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True when local `time` falls in [start, end), wrapping past midnight when start > end. */
export function inQuietHours(quiet: QuietHours, time: string): boolean {
  const t = minutes(time);
  const s = minutes(quiet.start);
  const e = minutes(quiet.end);
  if (s === e) return false;
  return s < e ? t >= s && t < e : t >= s || t < e;
}

/** The first instant at or after `now` whose local wall clock reads `time` in `timeZone`. */
export function nextLocalTime(now: Date, time: string, timeZone: string): Date {
  const local = instantToZoned(now, timeZone);
  for (let day = 0; day < 3; day++) {
    const at = zonedWallTimeToInstant(addCalendarDays(local.date, day), time, timeZone);
    if (at.getTime() >= now.getTime()) return at;
  }
  return now;
}

/** Where one notice of `kind` goes for a person with `prefs`, decided at `now`. */
export function routeNotification(prefs: NotifyPreferences, kind: NotifyKind, now: Date): Routing {
  const channels = prefs.routes[kind] ?? [];
  const urgent = URGENT_KINDS.includes(kind);
  const quiet = prefs.quietHours !== null && !(urgent && prefs.urgentBreaksQuiet) && inQuietHours(prefs.quietHours, instantToZoned(now, prefs.timeZone).time);
  let email: EmailRoute | null = null;
  if (channels.includes('email')) {
    if (!urgent && prefs.digestAt !== null) {
      email = { notBefore: nextLocalTime(now, prefs.digestAt, prefs.timeZone), digest: true };
    } else {
      email = { notBefore: quiet ? nextLocalTime(now, prefs.quietHours!.end, prefs.timeZone) : now, digest: false };
    }
  }
  // A chat mention cannot wait for the quiet to end (the channel's message goes now): in quiet hours it does not ping.
  return { inApp: channels.includes('inApp'), chat: channels.includes('chat') && !quiet, email };
}
