import { describe, expect, it } from 'vitest';
import { GUARD_TIMES, KeyGuard } from './shortcuts';
import { keyAt as page } from './testing/keys';

describe('KeyGuard', () => {
  it('never takes a key in a field, a dialog, with Ctrl/Alt/Meta or while composing', () => {
    const guard = new KeyGuard();
    expect(guard.allows(page('a', 0))).toBe(true);
    for (const extra of [{ field: true }, { inDialog: true }, { modal: true }, { ctrl: true }, { alt: true }, { meta: true }, { composing: true }]) {
      expect(guard.allows(page('a', 10_000, extra))).toBe(false);
    }
    expect(guard.allows(page('Shift', 20_000))).toBe(false);
  });

  it('takes a printable key that follows one that did nothing for typing, for as long as the typing goes on', () => {
    const guard = new KeyGuard();
    const i = page('I', 0);
    expect(guard.allows(i)).toBe(true);
    guard.record(i, 'none');
    expect(guard.allows(page(' ', 120))).toBe(false);
    expect(guard.allows(page('a', 900))).toBe(false);
    // Still typing: each ignored key extends the streak.
    expect(guard.allows(page('n', 1_800))).toBe(false);
    // A pause, or a click, ends it.
    expect(guard.allows(page('n', 1_800 + GUARD_TIMES.typingMs))).toBe(true);
    guard.record(page('x', 5_000), 'none');
    guard.reset();
    expect(guard.allows(page('n', 5_010))).toBe(true);
  });

  it('lets keys that acted follow each other at any speed, and arrows always', () => {
    const guard = new KeyGuard();
    for (const [key, at] of [['2', 0], ['a', 50], ['j', 90], ['j', 130]] as const) {
      const f = page(key, at);
      expect(guard.allows(f)).toBe(true);
      guard.record(f, 'done');
    }
    guard.record(page('q', 200), 'none');
    expect(guard.allows(page('ArrowDown', 250))).toBe(true);
  });

  it('does not repeat a held printable key', () => {
    expect(new KeyGuard().allows(page('a', 0, { repeat: true }))).toBe(false);
    expect(new KeyGuard().allows(page('ArrowDown', 0, { repeat: true }))).toBe(true);
  });

  it('swallows keys typed ahead into a dialog a shortcut opened, until it has focus and the typing pauses', () => {
    const guard = new KeyGuard();
    const n = page('n', 0);
    guard.record(n, 'opened');
    // Before the dialog has focus, and while the typing goes on inside it: swallowed, Enter included.
    expect(guard.swallow(page('e', 30))).toBe(true);
    const typed = [...'eds a restart', 'Enter'].map((key, i) => guard.swallow(page(key, 100 + i * 150, { inDialog: true, field: true, modal: true })));
    expect(typed.every(Boolean)).toBe(true);
    // Shift alone is neither swallowed nor counted.
    expect(guard.swallow(page('Shift', 2_600, { inDialog: true, modal: true }))).toBe(false);
    // After a pause the person types on purpose.
    expect(guard.swallow(page('V', 2_200 + GUARD_TIMES.settleMs, { inDialog: true, field: true, modal: true }))).toBe(false);
    expect(guard.gated).toBe(false);
  });

  it('lets Escape through at once, and gives up if the dialog never comes', () => {
    const guard = new KeyGuard();
    guard.record(page('e', 0), 'opened');
    expect(guard.swallow(page('Escape', 10))).toBe(false);
    expect(guard.gated).toBe(false);
    guard.record(page('e', 100), 'opened');
    expect(guard.swallow(page('j', 200))).toBe(true);
    expect(guard.swallow(page('j', 100 + GUARD_TIMES.maxWaitMs))).toBe(false);
  });
});
