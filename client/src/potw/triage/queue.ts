/**
 * The triage queue as pure functions: which interrupts wait (oldest first),
 * where the selection goes when the list changes under it, and what each key
 * means. The view only renders and sends.
 */
import type { BoardState, Card, Interrupt, Severity, TriageAction } from '@opsboard/shared';
import { SEVERITY_KEYS } from '../interrupt-words';

export interface QueueItem {
  card: Card;
  interrupt: Interrupt;
}

/** Untriaged interrupts still on the board, oldest first; `hidden` are the ones this tab has just triaged. */
export function triageQueue(state: BoardState, hidden: ReadonlySet<string> = new Set()): QueueItem[] {
  const out: QueueItem[] = [];
  for (const interrupt of state.interrupts.values()) {
    if (interrupt.status !== 'untriaged' || hidden.has(interrupt.cardId)) continue;
    const card = state.cards.get(interrupt.cardId);
    if (card) out.push({ card, interrupt });
  }
  return out.sort((a, b) => {
    const t = Date.parse(a.interrupt.receivedAt) - Date.parse(b.interrupt.receivedAt);
    if (t !== 0) return t;
    return a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0;
  });
}

/**
 * The selection after the list changed: the same item if it is still there,
 * else the one that followed it (the next to triage), else the one before it,
 * else the first.
 */
export function selectionAfter(before: readonly string[], after: readonly string[], selected: string | null): string | null {
  if (after.length === 0) return null;
  if (selected !== null && after.includes(selected)) return selected;
  const at = selected === null ? -1 : before.indexOf(selected);
  if (at >= 0) {
    const still = new Set(after);
    for (let i = at + 1; i < before.length; i++) if (still.has(before[i]!)) return before[i]!;
    for (let i = at - 1; i >= 0; i--) if (still.has(before[i]!)) return before[i]!;
  }
  return after[0]!;
}

/** The id `delta` steps from `selected` (clamped at the ends), or the first/last. */
export function moveSelection(ids: readonly string[], selected: string | null, delta: number | 'first' | 'last'): string | null {
  if (ids.length === 0) return null;
  if (delta === 'first') return ids[0]!;
  if (delta === 'last') return ids.at(-1)!;
  const at = selected === null ? -1 : ids.indexOf(selected);
  if (at < 0) return ids[0]!;
  return ids[Math.min(ids.length - 1, Math.max(0, at + delta))]!;
}

export type TriageCommand =
  | { kind: 'move'; delta: number | 'first' | 'last' }
  | { kind: 'action'; action: TriageAction }
  | { kind: 'severity'; severity: Severity }
  | { kind: 'open' }
  | { kind: 'raise' };

/** Single-key shortcuts, after Linear's triage. Keys with Ctrl, Alt or Meta belong to the browser. */
export function triageCommand(key: string, mods: { ctrl: boolean; alt: boolean; meta: boolean }): TriageCommand | null {
  if (mods.ctrl || mods.alt || mods.meta) return null;
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return { kind: 'move', delta: 1 };
    case 'ArrowUp':
    case 'k':
      return { kind: 'move', delta: -1 };
    case 'Home':
      return { kind: 'move', delta: 'first' };
    case 'End':
      return { kind: 'move', delta: 'last' };
    case 'a':
      return { kind: 'action', action: 'accept' };
    case 'e':
      return { kind: 'action', action: 'escalate' };
    case 'c':
      return { kind: 'action', action: 'convert' };
    case 'd':
      return { kind: 'action', action: 'duplicate' };
    case 'x':
      return { kind: 'action', action: 'close' };
    case 'o':
    case 'Enter':
      return { kind: 'open' };
    case 'n':
      return { kind: 'raise' };
  }
  const severity = SEVERITY_KEYS.find(([k]) => k === key);
  return severity ? { kind: 'severity', severity: severity[1] } : null;
}

export interface CommandContext {
  /** An interrupt is selected (and shown in the detail pane). */
  selected: boolean;
  canTriage: boolean;
  canWrite: boolean;
  /** Focus is on the list (or nowhere yet): arrows are the list's, not another control's. */
  onList: boolean;
  /** Interrupts in the list. */
  count: number;
}

/** Whether a command has something visible to act on: no action key changes data blind. */
export function commandAllowed(command: TriageCommand, ctx: CommandContext): boolean {
  switch (command.kind) {
    case 'move':
      return ctx.onList && ctx.count > 0;
    case 'open':
      return ctx.selected;
    case 'severity':
    case 'action':
      return ctx.selected && ctx.canTriage;
    case 'raise':
      return ctx.canWrite;
  }
}

/** Whether a card answers a search: "#12" or "12" by number, else every word in the title. */
export function cardMatches(card: Pick<Card, 'number' | 'title'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const number = /^#?(\d+)$/.exec(q);
  if (number) return String(card.number).startsWith(number[1]!);
  const title = card.title.toLowerCase();
  return q.split(/\s+/).every((word) => title.includes(word));
}

/** What the legend lists, in the order a PoTW reaches for them. */
export const SHORTCUTS: readonly { keys: readonly string[]; label: string }[] = [
  { keys: ['↑', '↓', 'j', 'k'], label: 'Previous / next' },
  { keys: ['1', '2', '3', '4'], label: 'Severity: critical, high, medium, low' },
  { keys: ['a'], label: 'Accept' },
  { keys: ['e'], label: 'Escalate to a person' },
  { keys: ['c'], label: 'Convert to a story (planned or SS&A)' },
  { keys: ['d'], label: 'Duplicate of another card' },
  { keys: ['x'], label: 'Close with a resolution' },
  { keys: ['o'], label: 'Open on the board' },
  { keys: ['n'], label: 'Raise a new interrupt' },
];
