/** The command palette's entries and how typed words pick them: pure, so it is tested without a browser. */

export type EntryKind = 'action' | 'card' | 'board' | 'team' | 'person';

export interface PaletteEntry {
  id: string;
  kind: EntryKind;
  label: string;
  /** Smaller text after the label (team, board, column, or where an action acts). */
  detail: string;
  /** Extra words it is found by, not shown (e.g. an e-mail address). */
  keywords?: string;
}

export const GROUP_LABEL: Record<EntryKind, string> = { action: 'Actions', card: 'Cards', board: 'Boards', team: 'Teams', person: 'People' };
const ORDER: readonly EntryKind[] = ['action', 'card', 'board', 'team', 'person'];
const PER_GROUP = 6;

/** Every word must start a word of the label, detail or keywords; earlier and label matches rank higher. */
export function localScore(entry: PaletteEntry, words: readonly string[]): number | null {
  const label = entry.label.toLowerCase();
  const rest = `${entry.detail} ${entry.keywords ?? ''}`.toLowerCase();
  let score = 0;
  for (const w of words) {
    const inLabel = label.startsWith(w) ? 3 : new RegExp(`(^|[^\\p{L}\\p{N}])${escape(w)}`, 'u').test(label) ? 2 : label.includes(w) ? 1 : 0;
    if (inLabel > 0) score += inLabel;
    else if (rest.includes(w)) score += 0.5;
    else return null;
  }
  return score;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function wordsOf(query: string): string[] {
  return query.toLowerCase().trim().split(/\s+/).filter(Boolean);
}

/**
 * The entries to show, grouped in a fixed order: local entries (actions,
 * boards, teams, people) filtered and ranked by the words, cards as the
 * server ranked them. With no words, only actions show (what you can do here).
 */
export function paletteResults(local: readonly PaletteEntry[], cards: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const words = wordsOf(query);
  const picked = new Map<EntryKind, PaletteEntry[]>();
  if (words.length === 0) {
    picked.set('action', local.filter((e) => e.kind === 'action').slice(0, 8));
  } else {
    const scored = local
      .map((entry, index) => ({ entry, index, score: localScore(entry, words) }))
      .filter((s): s is { entry: PaletteEntry; index: number; score: number } => s.score !== null)
      .sort((a, b) => b.score - a.score || a.index - b.index);
    for (const { entry } of scored) {
      const list = picked.get(entry.kind) ?? [];
      if (list.length < PER_GROUP) picked.set(entry.kind, [...list, entry]);
    }
    picked.set('card', cards.slice(0, 8));
  }
  return ORDER.flatMap((kind) => picked.get(kind) ?? []);
}

/** The next option index for an arrow, Home or End key, wrapping around. */
export function moveActive(current: number, count: number, key: string): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return current;
  }
}
