/** Pure helpers of the postmortem page: the draft, datetime inputs, labels and the Markdown export. */
import type { Postmortem, TimelineKind, UpdatePostmortemBody } from '@opsboard/shared';
import { formatDuration } from '../potw/interrupt-words';

export const TIMELINE_LABEL: Record<TimelineKind, string> = {
  firing: 'Alert firing',
  received: 'Received',
  triage: 'Triage',
  escalation: 'Escalation',
  resolution: 'Resolution',
  note: 'Note',
};

/** The fields a person edits; what is not in the draft follows the server. */
export type PostmortemDraft = Partial<Pick<Postmortem, 'title' | 'summary' | 'impact' | 'timeline' | 'contributingFactors' | 'wentWell' | 'resolvedAt'>>;

/** The PATCH body for a draft, or null when nothing differs from what the server has. */
export function draftBody(pm: Postmortem, draft: PostmortemDraft): UpdatePostmortemBody | null {
  const body: UpdatePostmortemBody = { version: pm.version };
  let changed = false;
  for (const key of Object.keys(draft) as (keyof PostmortemDraft)[]) {
    const value = draft[key];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(pm[key])) continue;
    Object.assign(body, { [key]: value });
    changed = true;
  }
  return changed ? body : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the value of an `<input type="datetime-local">`, in this browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value back to an ISO instant; null for an empty or unreadable one. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** "2 h 5 min from firing to resolution", or why there is no figure. */
export function resolveWords(pm: Pick<Postmortem, 'firingAt' | 'resolvedAt' | 'timeToResolveSeconds'>): string {
  if (pm.timeToResolveSeconds !== null) return `${formatDuration(pm.timeToResolveSeconds * 1000)} from firing to resolution`;
  if (!pm.firingAt) return 'No alert fired for this card, so there is no time to resolve';
  return 'Not resolved yet: set the resolution time when it is';
}

/** A postmortem as Markdown, for sharing outside opsboard. */
export function postmortemMarkdown(pm: Postmortem, name: (id: string) => string, when: (iso: string) => string): string {
  const lines = [`# ${pm.title}`, ''];
  if (pm.firingAt) lines.push(`Alert fired ${when(pm.firingAt)}${pm.resolvedAt ? `, resolved ${when(pm.resolvedAt)}` : ''}: ${resolveWords(pm)}.`, '');
  const section = (title: string, text: string) => {
    if (text.trim() !== '') lines.push(`## ${title}`, '', text.trim(), '');
  };
  section('Summary', pm.summary);
  section('Impact', pm.impact);
  if (pm.timeline.length > 0) lines.push('## Timeline', '', ...pm.timeline.map((e) => `- ${when(e.at)} · ${TIMELINE_LABEL[e.kind]}: ${e.text}`), '');
  section('Contributing factors', pm.contributingFactors);
  section('What went well', pm.wentWell);
  if (pm.actions.length > 0) lines.push('## Action items', '', ...pm.actions.map((a) => `- [ ] #${a.cardNumber} ${a.title} — ${name(a.ownerId)}`), '');
  return lines.join('\n');
}
