/**
 * When a single-key shortcut may act, as a pure rule (the DOM side is in
 * keyboard.ts). A key is a shortcut only on the page itself: never while
 * focus is in a field or a dialog, never with Ctrl, Alt or Meta (those are
 * the browser's), never during an input method's composition, and never as
 * part of typing: a printable key that lands soon after one that did nothing
 * is taken for a sentence typed into the wrong place, not a command. A
 * shortcut that opens a dialog swallows the keys typed ahead of it until the
 * dialog has focus and the typing has paused, so no stray text (and no Enter)
 * lands in it.
 */

export interface KeyFacts {
  key: string;
  ctrl: boolean;
  alt: boolean;
  meta: boolean;
  repeat: boolean;
  /** An input method is composing (the key belongs to it). */
  composing: boolean;
  /** The key lands in an editable field (input, textarea, select, contenteditable). */
  field: boolean;
  /** The key lands inside a dialog (modal or a side panel with role="dialog"). */
  inDialog: boolean;
  /** A modal dialog is open. */
  modal: boolean;
  /** When the key was pressed (ms, any monotonic clock). */
  at: number;
}

/** What a shortcut did: nothing (no target), something on the page, or opened a dialog. */
export type ShortcutOutcome = 'none' | 'done' | 'opened';

export interface GuardTimes {
  /** A printable key this soon after one that did nothing is typing, not a command. */
  typingMs: number;
  /** A dialog a shortcut opened takes keys once typing has paused this long. */
  settleMs: number;
  /** Swallowing stops after this long if the dialog never took focus. */
  maxWaitMs: number;
}

// Fast typing runs at 100-250 ms a key; seeing a dialog appear and starting to type into it takes longer.
export const GUARD_TIMES: GuardTimes = { typingMs: 1_000, settleMs: 400, maxWaitMs: 3_000 };

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn', 'OS', 'Dead', 'Process', 'Unidentified']);

export function isModifierKey(key: string): boolean {
  return MODIFIER_KEYS.has(key);
}

/** A key that types a character (letters, digits, punctuation, space). */
export function isPrintable(key: string): boolean {
  return [...key].length === 1;
}

export class KeyGuard {
  private gate: { armedAt: number; last: number } | null = null;
  private lastTyped = Number.NEGATIVE_INFINITY;

  constructor(private readonly times: GuardTimes = GUARD_TIMES) {}

  /** True while a dialog a shortcut opened is still settling. */
  get gated(): boolean {
    return this.gate !== null;
  }

  /**
   * Whether to swallow a key before anything else sees it: it was typed ahead
   * into a dialog a shortcut just opened. Escape always gets through (it only
   * closes), and so do lone modifier keys.
   */
  swallow(f: KeyFacts): boolean {
    const gate = this.gate;
    if (!gate || isModifierKey(f.key)) return false;
    if (f.key === 'Escape') {
      this.gate = null;
      return false;
    }
    if (f.inDialog && f.at - gate.last >= this.times.settleMs) {
      this.gate = null;
      return false;
    }
    if (!f.inDialog && !f.modal && f.at - gate.armedAt >= this.times.maxWaitMs) {
      this.gate = null;
      return false;
    }
    gate.last = f.at;
    return true;
  }

  /** Whether the key may act as a shortcut at all. Typing keeps counting as typing while it goes on. */
  allows(f: KeyFacts): boolean {
    if (isModifierKey(f.key) || f.ctrl || f.alt || f.meta || f.composing) return false;
    if (f.field || f.inDialog || f.modal) return false;
    if (!isPrintable(f.key)) return true;
    if (f.repeat) return false;
    if (f.at - this.lastTyped < this.times.typingMs) {
      this.lastTyped = f.at;
      return false;
    }
    return true;
  }

  /** What the shortcut did: a printable key that did nothing starts counting as typing; a dialog it opened starts the gate. */
  record(f: KeyFacts, outcome: ShortcutOutcome): void {
    if (outcome === 'opened') this.gate = { armedAt: f.at, last: f.at };
    else if (outcome === 'none' && isPrintable(f.key)) this.lastTyped = f.at;
    else if (outcome === 'done') this.lastTyped = Number.NEGATIVE_INFINITY;
  }

  /** A click or tap is a fresh, deliberate start: no typing streak, no gate. */
  reset(): void {
    this.gate = null;
    this.lastTyped = Number.NEGATIVE_INFINITY;
  }
}
