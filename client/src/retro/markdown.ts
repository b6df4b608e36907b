/** A retro as Markdown, for sharing outside opsboard. */
import { RETRO_QUADRANTS, type RetroView } from '@opsboard/shared';
import { QUADRANT_LABEL } from './labels';

export function retroMarkdown(view: RetroView, name: (id: string | null) => string): string {
  const r = view.retro;
  const lines = [`# ${r.title}`, ''];
  if (view.checkins.moraleAverage !== null) lines.push(`Morale: ${view.checkins.moraleAverage} of 5 (${view.checkins.count} people)`, '');
  for (const q of RETRO_QUADRANTS) {
    const notes = view.notes.filter((n) => n.quadrant === q);
    if (notes.length === 0) continue;
    lines.push(`## ${QUADRANT_LABEL[q]}`, '', ...notes.map((n) => `- ${n.text}${r.anonymous ? '' : ` (${name(n.authorId)})`}`), '');
  }
  if (view.themes.length > 0) lines.push('## Themes', '', ...view.themes.map((t) => `- ${t.title}: ${t.votes} votes`), '');
  if (view.actions.length > 0) lines.push('## Actions', '', ...view.actions.map((a) => `- [ ] #${a.cardNumber} ${a.title} — ${name(a.ownerId)}`), '');
  return lines.join('\n');
}

/** Offers Markdown text as a file download named after the title. */
export function downloadMarkdown(title: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${title.replace(/[^\w-]+/g, '-')}.md`;
  a.click();
  URL.revokeObjectURL(url);
}
