/** Blameless postmortems: which cards may have one, and the timeline pre-filled from a card's history and its alert (pure). */

export const TIMELINE_KINDS = ['firing', 'received', 'triage', 'escalation', 'resolution', 'note'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  text: string;
}

/** An interrupt of severity critical or high, or a card labelled `incident`, can get a postmortem. */
export function postmortemAllowed(card: { labels: readonly string[] }, interrupt: { severity: string } | null): boolean {
  return (interrupt !== null && (interrupt.severity === 'critical' || interrupt.severity === 'high')) || card.labels.some((l) => l.toLowerCase() === 'incident');
}

interface HistoryEvent {
  type: string;
  payload: unknown;
  at: string;
}

const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

/**
 * The timeline from the card's events: the alert firing (its startsAt), the
 * interrupt arriving, triage and escalation, and resolution (the source
 * resolving the alert, a close, or the card reaching a done column). Also
 * the firing and resolution instants, for MTTR.
 */
export function prefillTimeline(
  alert: { name: string; startsAt: string } | null,
  events: readonly HistoryEvent[],
  columnCategory: ReadonlyMap<string, string>,
): { timeline: TimelineEntry[]; firingAt: string | null; resolvedAt: string | null } {
  const out: TimelineEntry[] = [];
  let firingAt: string | null = alert?.startsAt ?? null;
  let resolvedAt: string | null = null;
  if (alert) out.push({ at: alert.startsAt, kind: 'firing', text: `Alert ${alert.name} fired` });
  for (const e of events) {
    const p = rec(e.payload);
    if (e.type === 'interrupt.received') {
      out.push({ at: e.at, kind: 'received', text: 'Interrupt received on the board' });
      firingAt ??= e.at;
    } else if (e.type === 'interrupt.triaged') {
      const action = String(p.action);
      const note = typeof p.note === 'string' && p.note ? `: ${p.note}` : '';
      if (action === 'escalate') out.push({ at: e.at, kind: 'escalation', text: `Escalated${note}` });
      else if (action === 'close') {
        out.push({ at: e.at, kind: 'resolution', text: `Closed in triage${note}` });
        resolvedAt ??= e.at;
      } else out.push({ at: e.at, kind: 'triage', text: `Triaged: ${action}${note}` });
    } else if (e.type === 'interrupt.resolved_by_source') {
      out.push({ at: e.at, kind: 'resolution', text: 'Alert resolved at the source' });
      resolvedAt ??= e.at;
    } else if (e.type === 'card.moved' || e.type === 'card.moved_in') {
      const card = rec(p.card);
      const done = columnCategory.get(String(card.columnId)) === 'done';
      if (done) {
        out.push({ at: e.at, kind: 'resolution', text: 'Card finished' });
        resolvedAt ??= e.at;
      }
    }
  }
  out.sort((a, b) => a.at.localeCompare(b.at));
  // A close in triage moves the card to done in the same change: one entry for both.
  const timeline = out.filter((x) => !(x.text === 'Card finished' && out.some((y) => y !== x && y.kind === 'resolution' && y.at === x.at)));
  return { timeline, firingAt, resolvedAt };
}

/** Seconds from firing to resolution, or null while either is missing. */
export function timeToResolve(firingAt: string | null, resolvedAt: string | null): number | null {
  if (!firingAt || !resolvedAt) return null;
  return Math.max(0, Math.round((Date.parse(resolvedAt) - Date.parse(firingAt)) / 1000));
}

/** Blame fields name no one: the first team member's name found in the text, if any. */
export function nameInText(text: string, names: readonly string[]): string | null {
  const lower = text.toLowerCase();
  return names.find((n) => n.trim().length >= 2 && lower.includes(n.toLowerCase())) ?? null;
}
