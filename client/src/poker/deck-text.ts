/** A custom deck as a team types it and reads it back. */
import type { DeckCard } from '@opsboard/shared';

/** A deck as the team types it back: "S=2, M=3" (a label that is its own number stays bare). */
export function formatCustomDeck(cards: readonly DeckCard[]): string {
  return cards.map((c) => (c.points === null || c.label === String(c.points) ? c.label : `${c.label}=${c.points}`)).join(', ');
}

/** "1, 2, 3, 5, 8" or "S=2, M=3, L=5": a custom deck as a team types it. */
export function parseCustomDeck(text: string): DeckCard[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [label, points] = part.split('=').map((x) => x.trim());
      const n = Number(points ?? label);
      return { label: label!, points: Number.isFinite(n) ? n : null };
    });
}
