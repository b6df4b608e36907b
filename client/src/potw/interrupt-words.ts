/** Interrupts in plain words: severity, source, age and status, for chips, lists and screen readers. */
import type { Interrupt, InterruptStatus, Severity } from '@opsboard/shared';

export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** The key that picks each severity in the triage view, most urgent first. */
export const SEVERITY_KEYS: readonly (readonly [string, Severity])[] = [
  ['1', 'critical'],
  ['2', 'high'],
  ['3', 'medium'],
  ['4', 'low'],
];

export const STATUS_LABEL: Record<InterruptStatus, string> = {
  untriaged: 'Untriaged',
  accepted: 'Accepted',
  escalated: 'Escalated',
  converted: 'Converted',
  duplicate: 'Duplicate',
  closed: 'Closed',
};

/** What happened, as a past participle: "#12 was marked duplicate by Mia". */
export const STATUS_DONE: Record<InterruptStatus, string> = {
  untriaged: 'put back in the inbox',
  accepted: 'accepted',
  escalated: 'escalated',
  converted: 'converted into a story',
  duplicate: 'marked duplicate',
  closed: 'closed',
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration as a person says it: "under a minute", "42 min", "3 h 10 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return 'under a minute';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    const m = Math.floor((ms % HOUR) / MINUTE);
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** A short age for tight spaces: "now", "5 min", "3 h", "2 d". */
export function shortAge(ms: number): string {
  if (ms < MINUTE) return 'now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / DAY)} d`;
}

/** How long an interrupt has waited since it arrived, at `now` (never negative, whatever the clocks say). */
export function ageMs(interrupt: Pick<Interrupt, 'receivedAt'>, now: number): number {
  const t = Date.parse(interrupt.receivedAt);
  return Number.isNaN(t) ? 0 : Math.max(0, now - t);
}

export type SourceKind = 'person' | 'webhook' | 'alert';

export function sourceKind(interrupt: Pick<Interrupt, 'source'>): SourceKind {
  switch (interrupt.source) {
    case 'ui':
      return 'person';
    case 'webhook':
      return 'webhook';
    case 'alertmanager':
      return 'alert';
  }
}

/** Who or what sent it: the requester a person named, the alert's name, or the webhook. */
export function sourceLabel(interrupt: Pick<Interrupt, 'source' | 'requester' | 'alert'>): string {
  switch (interrupt.source) {
    case 'ui':
      return interrupt.requester ?? 'A teammate';
    case 'webhook':
      return interrupt.requester ? `Webhook · ${interrupt.requester}` : 'Webhook';
    case 'alertmanager':
      return interrupt.alert ? `Alert · ${interrupt.alert.name}` : 'Alert';
  }
}

/** The source as a sentence fragment: "asked by Dana", "from a webhook", "from Alertmanager". */
function sourcePhrase(interrupt: Pick<Interrupt, 'source' | 'requester'>): string {
  switch (interrupt.source) {
    case 'ui':
      return interrupt.requester ? `asked by ${interrupt.requester}` : 'raised in opsboard';
    case 'webhook':
      return interrupt.requester ? `from a webhook for ${interrupt.requester}` : 'from a webhook';
    case 'alertmanager':
      return 'from Alertmanager';
  }
}

/**
 * Escalation to acknowledge in words: who a critical interrupt went to when
 * nobody triaged it in the team's time (level 1: next in the rotation, 2: the admins).
 */
export function ackEscalationWords(escalation: NonNullable<Interrupt['ackEscalation']>, name: (userId: string) => string): string {
  const who = escalation.userIds.map(name).join(', ') || 'nobody';
  return escalation.level === 1 ? `escalated to ${who} (next in the rotation), as nobody triaged it in time` : `escalated to the team admins (${who}), as it was still untriaged`;
}

/**
 * One sentence for screen readers and tooltips, e.g. "High severity, from Alertmanager,
 * sent 3 times, resolved at the source, untriaged for 2 d 4 h."
 */
export function describeInterrupt(interrupt: Interrupt, now: number, name: (userId: string) => string): string {
  const parts = [`${SEVERITY_LABEL[interrupt.severity]} severity`, sourcePhrase(interrupt)];
  if (interrupt.occurrences > 1) parts.push(`sent ${interrupt.occurrences} times`);
  if (interrupt.resolvedBySourceAt) parts.push('resolved at the source');
  if (interrupt.status === 'untriaged') {
    parts.push(`untriaged for ${formatDuration(ageMs(interrupt, now))}`);
    if (interrupt.ackEscalation) parts.push(ackEscalationWords(interrupt.ackEscalation, name));
  } else if (interrupt.status === 'escalated' && interrupt.escalatedTo) parts.push(`escalated to ${name(interrupt.escalatedTo)}`);
  else parts.push(STATUS_LABEL[interrupt.status].toLowerCase());
  return `${parts.join(', ')}.`;
}

/** A share (0..1) as a whole percentage, or a dash when there was nothing to divide. */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}
