/**
 * Board settings as pure functions: drafts of the forms, what they would
 * change, checks before anything is sent, words for categories and
 * policies, and the neighbour a reorder names.
 */
import {
  byRank,
  type Board,
  type BoardState,
  type Column,
  type ColumnCategory,
  type Lane,
  type UpdateBoardBody,
  type UpdateColumnBody,
  type WipPolicy,
} from '@opsboard/shared';
import type { Direction } from '../../ui/MoveButtons';

export const NAME_MAX = { board: 80, column: 60, swimlane: 60 } as const;
export const WIP_MAX = 999;
/** What the method suggests for a per-person limit: a pair's focus. */
export const SUGGESTED_PERSON_LIMIT = 2;

export const CATEGORY_INFO: Record<ColumnCategory, { label: string; hint: string }> = {
  backlog: { label: 'Backlog', hint: 'Ranked by the product owner; iterations are planned from it.' },
  inbox: { label: 'Inbox', hint: 'Where new interrupts land for the Person of the Week to triage.' },
  todo: { label: 'Ready', hint: 'Ready to be picked up; counts towards swimlane limits.' },
  doing: { label: 'In progress', hint: 'Work under way; counts towards per-person and swimlane limits.' },
  done: { label: 'Done', hint: 'A card here is finished: it counts as done for iterations and metrics.' },
};

export const POLICY_INFO: Record<WipPolicy, { label: string; hint: string }> = {
  block: { label: 'Block', hint: 'A move over the limit is refused.' },
  warn: { label: 'Warn', hint: 'A move over the limit needs a reason, which is recorded.' },
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A WIP limit as typed: empty is no limit, otherwise a whole number from 1 to 999. */
export function parseLimit(text: string): Parsed<number | null> {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (!/^\d+$/.test(t)) return { ok: false, error: 'Give a whole number, or leave it empty for no limit.' };
  const n = Number(t);
  if (n < 1 || n > WIP_MAX) return { ok: false, error: `A limit is from 1 to ${WIP_MAX}; leave it empty for no limit.` };
  return { ok: true, value: n };
}

export function limitText(limit: number | null): string {
  return limit === null ? '' : String(limit);
}

export function parseName(text: string, what: keyof typeof NAME_MAX): Parsed<string> {
  const name = text.trim();
  if (name === '') return { ok: false, error: `Give the ${what} a name.` };
  if (name.length > NAME_MAX[what]) return { ok: false, error: `Keep the name to ${NAME_MAX[what]} characters.` };
  return { ok: true, value: name };
}

/** The editable fields of a column or swimlane, as typed; `category` is null for swimlanes. */
export interface ItemDraft {
  name: string;
  category: ColumnCategory | null;
  wipLimit: string;
  wipPolicy: WipPolicy;
}

export type ItemField = 'name' | 'category' | 'wipLimit' | 'wipPolicy';
export const ITEM_FIELDS: readonly ItemField[] = ['name', 'category', 'wipLimit', 'wipPolicy'];
/** Errors by field; `form` holds a refusal that names no field. */
export type Errors<F extends string> = Partial<Record<F | 'form', string>>;

export function itemDraft(item: Column | Lane): ItemDraft {
  return { name: item.name, category: isColumn(item) ? item.category : null, wipLimit: limitText(item.wipLimit), wipPolicy: item.wipPolicy };
}

export type Checked<B, F extends string> = { ok: true; body: B } | { ok: false; errors: Errors<F> };

/** The draft as a full body (for adding), or the errors to show beside the fields. */
export function readItem(draft: ItemDraft, what: 'column' | 'swimlane'): Checked<UpdateColumnBody & { name: string; wipLimit: number | null; wipPolicy: WipPolicy }, ItemField> {
  const name = parseName(draft.name, what);
  const limit = parseLimit(draft.wipLimit);
  if (!name.ok || !limit.ok) return { ok: false, errors: { ...(!name.ok && { name: name.error }), ...(!limit.ok && { wipLimit: limit.error }) } };
  return { ok: true, body: { name: name.value, wipLimit: limit.value, wipPolicy: draft.wipPolicy, ...(draft.category !== null && { category: draft.category }) } };
}

/** Only what the draft changes against the saved item (an empty body means nothing to save). */
export function itemChanges(saved: Column | Lane, draft: ItemDraft, what: 'column' | 'swimlane'): Checked<UpdateColumnBody, ItemField> {
  const read = readItem(draft, what);
  if (!read.ok) return read;
  const next = read.body;
  const body: UpdateColumnBody = {};
  if (next.name !== saved.name) body.name = next.name;
  if (isColumn(saved) && next.category !== undefined && next.category !== saved.category) body.category = next.category;
  if (next.wipLimit !== saved.wipLimit) body.wipLimit = next.wipLimit;
  if (next.wipPolicy !== saved.wipPolicy) body.wipPolicy = next.wipPolicy;
  return { ok: true, body };
}

export interface BoardDraft {
  name: string;
  personLimitOn: boolean;
  personWipLimit: string;
  personWipPolicy: WipPolicy;
}
export type BoardField = 'name' | 'personWipLimit' | 'personWipPolicy';
export const BOARD_FIELDS: readonly BoardField[] = ['name', 'personWipLimit', 'personWipPolicy'];

export function boardDraft(board: Board): BoardDraft {
  return {
    name: board.name,
    personLimitOn: board.personWipLimit !== null,
    personWipLimit: limitText(board.personWipLimit ?? SUGGESTED_PERSON_LIMIT),
    personWipPolicy: board.personWipPolicy,
  };
}

export function boardChanges(saved: Board, draft: BoardDraft): Checked<UpdateBoardBody, BoardField> {
  const name = parseName(draft.name, 'board');
  const limit: Parsed<number | null> = draft.personLimitOn ? parseLimit(draft.personWipLimit) : { ok: true, value: null };
  if (limit.ok && draft.personLimitOn && limit.value === null) return { ok: false, errors: { personWipLimit: 'Give the number of cards, or switch the limit off.' } };
  if (!name.ok || !limit.ok) return { ok: false, errors: { ...(!name.ok && { name: name.error }), ...(!limit.ok && { personWipLimit: limit.error }) } };
  const body: UpdateBoardBody = {};
  if (name.value !== saved.name) body.name = name.value;
  if (limit.value !== saved.personWipLimit) body.personWipLimit = limit.value;
  if (draft.personWipPolicy !== saved.personWipPolicy) body.personWipPolicy = draft.personWipPolicy;
  return { ok: true, body };
}

export function isEmpty(body: object): boolean {
  return Object.keys(body).length === 0;
}

/** Where a refusal belongs: beside the field it names, when the form has that field, else at the form. */
export function errorsFrom<F extends string>(field: string | null, message: string, fields: readonly F[]): Errors<F> {
  const known = fields.find((f) => f === field);
  const out: Errors<F> = {};
  // Beside its field, the server's "wipLimit: " prefix would say the field twice.
  if (known) out[known] = message.startsWith(`${known}: `) ? message.slice(known.length + 2) : message;
  else out.form = message;
  return out;
}

export function isColumn(item: Column | Lane): item is Column {
  return 'category' in item;
}


/**
 * The neighbour to land after when moving the item at `index` one step
 * (the server places an item after `afterId`, first when null), or
 * undefined when it cannot move that way.
 */
export function moveTarget(ids: readonly string[], index: number, direction: Direction): { afterId: string | null } | undefined {
  if (index < 0 || index >= ids.length) return undefined;
  if (direction === 'up') return index === 0 ? undefined : { afterId: index >= 2 ? ids[index - 2]! : null };
  return index === ids.length - 1 ? undefined : { afterId: ids[index + 1]! };
}

/** 1 → "1st", 2 → "2nd", 13 → "13th": for spoken positions. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export function liveColumns(state: BoardState): Column[] {
  return [...state.columns.values()].sort(byRank);
}

export function liveLanes(state: BoardState): Lane[] {
  return [...state.lanes.values()].sort(byRank);
}

/** Changes whenever a column or swimlane joins or leaves the live board: the cue to list archived ones again. */
export function structureKey(state: BoardState): string {
  return [[...state.columns.keys()].sort().join(','), [...state.lanes.keys()].sort().join(',')].join('|');
}

/** What the limit means, in words, for the row's summary and screen readers. */
export function limitWords(limit: number | null, policy: WipPolicy): string {
  if (limit === null) return 'no WIP limit';
  return `WIP limit ${limit}, ${policy === 'block' ? 'blocking' : 'warning'}`;
}

/** A control in a settings row, for sending focus there: the name input unless said otherwise. */
export function rowSelector(id: string, inner = 'input[name="name"]'): string {
  return `[data-row-id="${id}"] ${inner}`;
}
