/**
 * Checklists on cards and the board's Definition of Done: pure list edits and
 * the rule that a card enters a done column only with its DoD ticked and its
 * checklist finished (or with a reason, like a soft WIP limit).
 */
import type { ChecklistItem, ColumnCategory, DodCriterion } from '../schema/entities.js';

export const CHECKLIST_MAX_ITEMS = 50;

/** How every Definition of Done refusal starts, so a client can tell it from a WIP refusal. */
export const DOD_REFUSAL_START = 'Not done yet:';

/** The list with `item` inserted at `position` (clamped; default the end). */
export function insertItem<T>(list: readonly T[], item: T, position?: number): T[] {
  const at = position === undefined ? list.length : Math.max(0, Math.min(position, list.length));
  return [...list.slice(0, at), item, ...list.slice(at)];
}

/** The list with the item `id` moved to index `position` (clamped). */
export function moveItem<T extends { id: string }>(list: readonly T[], id: string, position: number): T[] {
  const from = list.findIndex((i) => i.id === id);
  if (from < 0) return [...list];
  const rest = list.filter((i) => i.id !== id);
  return insertItem(rest, list[from]!, position);
}

/** "3/5": done items of all. */
export function checklistProgress(list: readonly ChecklistItem[]): { done: number; total: number } {
  return { done: list.filter((i) => i.done).length, total: list.length };
}

export interface DodGaps {
  criteria: DodCriterion[];
  openItems: ChecklistItem[];
}

/** What stands between a card and done: unticked criteria of the board's DoD and open checklist items. */
export function dodGaps(card: { checklist: readonly ChecklistItem[]; dodChecked: readonly string[] }, dod: readonly DodCriterion[]): DodGaps {
  const ticked = new Set(card.dodChecked);
  return { criteria: dod.filter((c) => !ticked.has(c.id)), openItems: card.checklist.filter((i) => !i.done) };
}

export type DodRefusal = {
  code: 'dod_unmet';
  message: string;
  details: { criteria: { id: string; text: string }[]; openItems: { id: string; text: string }[] };
};

export type DodDecision = { ok: true; overridden: boolean } | { ok: false; refusal: DodRefusal };

function quoted(texts: readonly string[]): string {
  const shown = texts.slice(0, 3).map((t) => `"${t}"`);
  return texts.length > 3 ? `${shown.join(', ')} and ${texts.length - 3} more` : shown.join(', ');
}

/** The words of a refusal: "Not done yet: Definition of Done "Tests pass" unticked; 1 checklist item open ("Renew cert")." */
export function describeGaps(gaps: DodGaps): string {
  const parts: string[] = [];
  if (gaps.criteria.length > 0) parts.push(`Definition of Done ${quoted(gaps.criteria.map((c) => c.text))} not ticked`);
  if (gaps.openItems.length > 0) {
    const n = gaps.openItems.length;
    parts.push(`${n} checklist ${n === 1 ? 'item' : 'items'} open (${quoted(gaps.openItems.map((i) => i.text))})`);
  }
  return `${DOD_REFUSAL_START} ${parts.join('; ')}.`;
}

/**
 * Whether a card may enter a column of `toCategory` from `fromCategory`
 * (null: new or restored). Only entering done is checked; a reason lets it in
 * anyway and is recorded, the way a soft WIP limit does.
 */
export function checkDone(
  move: { fromCategory: ColumnCategory | null; toCategory: ColumnCategory },
  card: { checklist: readonly ChecklistItem[]; dodChecked: readonly string[] },
  dod: readonly DodCriterion[],
  overrideReason: string | null | undefined,
): DodDecision {
  if (move.toCategory !== 'done' || move.fromCategory === 'done') return { ok: true, overridden: false };
  const gaps = dodGaps(card, dod);
  if (gaps.criteria.length === 0 && gaps.openItems.length === 0) return { ok: true, overridden: false };
  if (overrideReason?.trim()) return { ok: true, overridden: true };
  return {
    ok: false,
    refusal: {
      code: 'dod_unmet',
      message: `${describeGaps(gaps)} Give a reason to move it to done anyway.`,
      details: { criteria: gaps.criteria.map(({ id, text }) => ({ id, text })), openItems: gaps.openItems.map(({ id, text }) => ({ id, text })) },
    },
  };
}

/** Whether a column category finishes cards. */
export const isDoneCategory = (category: ColumnCategory): boolean => category === 'done';
