/** A card's history entries in plain words: who did what, when, and why when a limit was overridden. */
import type { HistoryEntry } from '@opsboard/shared';
import { isRecord, isString } from '../lib/guards';

export interface HistoryLine {
  key: string;
  at: string;
  who: string;
  what: string;
  /** The override reason of a move or creation over a soft WIP limit. */
  reason: string | null;
}

export interface HistoryNames {
  column(id: string): string | null;
  person(id: string): string;
  board(id: string): string | null;
}

const FIELD: Record<string, string> = {
  title: 'title',
  description: 'description',
  type: 'type',
  points: 'points',
  assigneeIds: 'assignees',
  featureId: 'feature',
  iterationId: 'iteration',
  labels: 'labels',
  priority: 'priority',
  blocked: 'blocked',
  blockedReason: 'blocked reason',
  dueDate: 'due date',
  links: 'links',
};

function show(field: string, value: unknown, names: HistoryNames): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (field === 'assigneeIds' && Array.isArray(value)) return value.length === 0 ? 'nobody' : value.map((v) => (isString(v) ? names.person(v) : '?')).join(' and ');
  if (field === 'labels' && Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (field === 'links' && Array.isArray(value)) return `${value.length} ${value.length === 1 ? 'link' : 'links'}`;
  if (field === 'blocked') return value === true ? 'yes' : 'no';
  if (field === 'description') return 'a new text';
  if (typeof value === 'string') return `“${value.length > 60 ? `${value.slice(0, 57)}…` : value}”`;
  return String(value);
}

function describeChanges(changes: unknown, names: HistoryNames): string {
  if (!isRecord(changes)) return 'edited the card';
  const parts: string[] = [];
  for (const [field, change] of Object.entries(changes)) {
    if (!isRecord(change)) continue;
    const label = FIELD[field] ?? field;
    if (field === 'description') parts.push('edited the description');
    else if (field === 'blocked') parts.push(change.to === true ? 'marked it blocked' : 'unblocked it');
    else parts.push(`changed ${label} from ${show(field, change.from, names)} to ${show(field, change.to, names)}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'edited the card';
}

const column = (names: HistoryNames, id: unknown) => (isString(id) ? (names.column(id) ?? 'a removed column') : 'a column');

export function historyLine(entry: HistoryEntry, names: HistoryNames): HistoryLine {
  const who = entry.actor?.name ?? 'opsboard';
  const p = isRecord(entry.payload) ? entry.payload : {};
  const reason = isString(p.overrideReason) ? p.overrideReason : null;
  const card = isRecord(p.card) ? p.card : {};
  let what: string;
  switch (entry.type) {
    case 'card.created':
      what = `created the card in ${column(names, card.columnId)}`;
      break;
    case 'card.moved': {
      const from = isRecord(p.from) ? p.from.columnId : undefined;
      const to = isRecord(p.to) ? p.to.columnId : undefined;
      what = from === to ? `reordered it within ${column(names, to)}` : `moved it from ${column(names, from)} to ${column(names, to)}`;
      break;
    }
    case 'card.updated':
      what = describeChanges(p.changes, names);
      break;
    case 'card.archived':
      what = 'archived the card';
      break;
    case 'card.restored':
      what = `restored the card to ${column(names, card.columnId)}`;
      break;
    case 'card.moved_out':
      what = `moved it to the board ${isString(p.toBoardId) ? (names.board(p.toBoardId) ?? 'another board') : 'another board'}`;
      break;
    case 'card.moved_in':
      what = `brought it here from ${isString(p.fromBoardId) ? (names.board(p.fromBoardId) ?? 'another board') : 'another board'}`;
      break;
    default:
      what = entry.type.replace(/^card\./, '').replace(/_/g, ' ');
  }
  return { key: `${entry.streamId}:${entry.seq}`, at: entry.at, who, what, reason };
}
