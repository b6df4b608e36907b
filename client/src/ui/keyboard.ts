/**
 * Single-key shortcuts in the browser, through one KeyGuard for the tab (see
 * shortcuts.ts for the rules). Handlers call `runShortcut`; the app installs
 * the gate once, in the capture phase, so keys typed ahead into a dialog a
 * shortcut opened are swallowed before the dialog's fields see them.
 */
import { isModifierKey, KeyGuard, type KeyFacts, type ShortcutOutcome } from './shortcuts';

export const keyGuard = new KeyGuard();

function isEditable(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(el.type);
}

export function keyFacts(event: KeyboardEvent): KeyFacts {
  const target = event.target instanceof Element ? event.target : document.activeElement;
  return {
    key: event.key,
    ctrl: event.ctrlKey,
    alt: event.altKey,
    meta: event.metaKey,
    repeat: event.repeat,
    composing: event.isComposing,
    field: isEditable(target),
    inDialog: target instanceof Element && target.closest('dialog, [role="dialog"], [role="alertdialog"]') !== null,
    modal: document.querySelector('dialog[open]') !== null,
    at: event.timeStamp,
  };
}

/**
 * Runs a single-key shortcut if the guard allows it: `act` says what it did
 * ('none' when there was nothing to act on). A key that acted is consumed.
 */
export function runShortcut(event: KeyboardEvent, act: () => ShortcutOutcome): ShortcutOutcome {
  if (event.defaultPrevented || isModifierKey(event.key)) return 'none';
  const facts = keyFacts(event);
  if (!keyGuard.allows(facts)) return 'none';
  const outcome = act();
  keyGuard.record(facts, outcome);
  if (outcome !== 'none') event.preventDefault();
  return outcome;
}

/** Swallows keys typed ahead into a dialog a shortcut opened; a pointer press ends any typing streak. Once per app. */
export function installKeyGate(target: Window = window): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (!keyGuard.gated || !keyGuard.swallow(keyFacts(event))) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const onPointer = () => keyGuard.reset();
  target.addEventListener('keydown', onKey, true);
  target.addEventListener('pointerdown', onPointer, true);
  return () => {
    target.removeEventListener('keydown', onKey, true);
    target.removeEventListener('pointerdown', onPointer, true);
  };
}
