/** Key presses for the shortcut tests, without a DOM: facts at a time, and text typed through a guard. */
import type { KeyFacts, KeyGuard, ShortcutOutcome } from '../shortcuts';

export const keyAt = (key: string, at: number, extra: Partial<KeyFacts> = {}): KeyFacts => ({
  key, at, ctrl: false, alt: false, meta: false, repeat: false, composing: false, field: false, inDialog: false, modal: false, ...extra,
});

/**
 * Types text through a guard as the page would (one key every `gap` ms; "\n" is Enter): a key the
 * guard allows goes to `act`, and once a key opened a dialog the rest lands in that dialog.
 */
export function typeInto(guard: KeyGuard, text: string, act: (key: string) => ShortcutOutcome, start = 0, gap = 80): { acted: string[]; swallowed: string[] } {
  const acted: string[] = [];
  const swallowed: string[] = [];
  let dialog = false;
  [...text].forEach((ch, i) => {
    const f = keyAt(ch === '\n' ? 'Enter' : ch, start + i * gap, { inDialog: dialog, field: dialog, modal: dialog });
    if (guard.swallow(f)) {
      swallowed.push(f.key);
      return;
    }
    if (!guard.allows(f)) return;
    const outcome = act(f.key);
    guard.record(f, outcome);
    if (outcome !== 'none') acted.push(f.key);
    if (outcome === 'opened') dialog = true;
  });
  return { acted, swallowed };
}
