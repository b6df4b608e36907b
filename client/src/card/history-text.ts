/**
 * A card's history entries in plain words: who did what, when, and why when a
 * limit was overridden. Everything an entry mentions by id is named from the
 * entry's `names` (resolved by the server when the history is read, archived
 * things included); what no longer exists is said so, never shown as an id.
 */
import { LINK_KINDS, type HistoryEntry } from '@opsboard/shared';
import { includes, isNumber, isRecord, isString } from '../lib/guards';
import { LINK_WORDS } from './link-words';

export interface HistoryLine {
  key: string;
  at: string;
  who: string;
  what: string;
  /** The override reason of a move or creation over a soft WIP limit. */
  reason: string | null;
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

/** What to say for an id that no longer names anything. */
const GONE = {
  person: 'someone no longer known',
  column: 'a removed column',
  lane: 'a removed swimlane',
  board: 'another board',
  feature: 'a removed feature',
  iteration: 'a removed iteration',
  card: 'a card that no longer exists',
} as const;

type Namer = (id: unknown, gone: keyof typeof GONE) => string;

function namer(entry: HistoryEntry): Namer {
  return (id, gone) => (isString(id) ? (entry.names[id.toLowerCase()] ?? GONE[gone]) : GONE[gone]);
}

function list(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

const quoted = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;

function show(field: string, value: unknown, name: Namer): string {
  if (field === 'assigneeIds') return Array.isArray(value) && value.length > 0 ? list(value.map((v) => name(v, 'person'))) : 'nobody';
  if (value === null || value === undefined || value === '') return 'nothing';
  if (field === 'featureId') return name(value, 'feature');
  if (field === 'iterationId') return name(value, 'iteration');
  if (field === 'labels' && Array.isArray(value)) return value.length === 0 ? 'none' : value.filter(isString).join(', ');
  if (typeof value === 'string') return quoted(value);
  return String(value);
}

type Link = { kind: string; cardId: string };
function linksOf(value: unknown): Link[] {
  return Array.isArray(value) ? value.filter(isRecord).flatMap((l) => (isString(l.kind) && isString(l.cardId) ? [{ kind: l.kind, cardId: l.cardId }] : [])) : [];
}
const linkWords = (l: Link, name: Namer) => `${includes(LINK_KINDS, l.kind) ? LINK_WORDS[l.kind] : l.kind} ${name(l.cardId, 'card')}`;

/** "linked it: blocks #12 Renew certs; removed the link: relates to #7 Patch kernels". */
function describeLinks(change: Record<string, unknown>, name: Namer): string[] {
  const from = linksOf(change.from);
  const to = linksOf(change.to);
  const has = (links: Link[], l: Link) => links.some((x) => x.kind === l.kind && x.cardId === l.cardId);
  const added = to.filter((l) => !has(from, l)).map((l) => linkWords(l, name));
  const removed = from.filter((l) => !has(to, l)).map((l) => linkWords(l, name));
  const parts: string[] = [];
  if (added.length > 0) parts.push(`linked it: ${list(added)}`);
  if (removed.length > 0) parts.push(`removed the ${removed.length === 1 ? 'link' : 'links'}: ${list(removed)}`);
  return parts;
}

function describeChanges(changes: unknown, name: Namer): string {
  if (!isRecord(changes)) return 'edited the card';
  const parts: string[] = [];
  for (const [field, change] of Object.entries(changes)) {
    if (!isRecord(change)) continue;
    const label = FIELD[field] ?? field;
    if (field === 'description') parts.push('edited the description');
    else if (field === 'blocked') parts.push(change.to === true ? 'marked it blocked' : 'unblocked it');
    else if (field === 'links') parts.push(...describeLinks(change, name));
    else parts.push(`changed ${label} from ${show(field, change.from, name)} to ${show(field, change.to, name)}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'edited the card';
}

type Place = { columnId: unknown; laneId: unknown };
const placeOf = (value: unknown): Place => (isRecord(value) ? { columnId: value.columnId, laneId: value.laneId } : { columnId: null, laneId: null });

function describeMove(from: Place, to: Place, name: Namer): string {
  const column = name(to.columnId, 'column');
  const laneChanged = from.laneId !== to.laneId;
  const lane = to.laneId ? `swimlane ${name(to.laneId, 'lane')}` : `out of swimlane ${name(from.laneId, 'lane')}`;
  if (from.columnId === to.columnId) return laneChanged ? `moved it ${to.laneId ? `to ${lane}` : lane} in ${column}` : `reordered it within ${column}`;
  return `moved it from ${name(from.columnId, 'column')} to ${column}${laneChanged ? ` (${lane})` : ''}`;
}

const SOURCE_WORDS: Record<string, string> = { ui: 'raised it as an interrupt', webhook: 'received it from a webhook', alertmanager: 'received it from Alertmanager' };

function describeInterrupt(type: string, p: Record<string, unknown>, name: Namer): string {
  const i = isRecord(p.interrupt) ? p.interrupt : {};
  switch (type) {
    case 'interrupt.received': {
      const how = (isString(i.source) && SOURCE_WORDS[i.source]) || 'received it as an interrupt';
      return i.assignedPotwId ? `${how}, for ${name(i.assignedPotwId, 'person')} as Person of the Week` : how;
    }
    case 'interrupt.repeated':
      return isNumber(i.occurrences) ? `got it again from its source (${i.occurrences} times in all)` : 'got it again from its source';
    case 'interrupt.resolved_by_source':
      return 'heard from its source that it is resolved';
    case 'interrupt.unacknowledged': {
      const ids = Array.isArray(p.userIds) ? p.userIds : [];
      const who = ids.length > 0 ? ids.map((id) => name(id, 'person')).join(', ') : 'nobody';
      return p.level === 1 ? `escalated it to ${who}, next in the rotation, as nobody triaged it in time` : `escalated it to the team admins (${who}), as it was still untriaged`;
    }
    default: {
      const note = isString(p.note) && p.note !== '' ? `: ${quoted(p.note)}` : '';
      switch (p.action) {
        case 'accept':
          return isString(i.severity) ? `accepted it (severity ${i.severity})` : 'accepted it';
        case 'escalate':
          return `escalated it to ${name(i.escalatedTo, 'person')}${note}`;
        case 'convert':
          return `converted it into ${name(i.convertedCardId, 'card')}`;
        case 'duplicate':
          return `marked it a duplicate of ${name(i.duplicateOfCardId, 'card')}`;
        case 'close':
          return `closed it${note}`;
        default:
          return 'triaged it';
      }
    }
  }
}

const commentBody = (comment: unknown) => (isRecord(comment) && isString(comment.body) ? comment.body.replace(/\s+/g, ' ') : '');

export function historyLine(entry: HistoryEntry): HistoryLine {
  const name = namer(entry);
  const who = entry.actor?.name ?? 'opsboard';
  const p = isRecord(entry.payload) ? entry.payload : {};
  const reason = isString(p.overrideReason) ? p.overrideReason : null;
  const card = isRecord(p.card) ? p.card : {};
  const where = () => `${name(card.columnId, 'column')}${card.laneId ? ` (swimlane ${name(card.laneId, 'lane')})` : ''}`;
  let what: string;
  switch (entry.type) {
    case 'card.created':
      what = `created the card in ${where()}`;
      break;
    case 'card.moved':
      what = describeMove(placeOf(p.from), placeOf(p.to), name);
      break;
    case 'card.updated':
      what = describeChanges(p.changes, name);
      break;
    case 'card.archived':
      what = 'archived the card';
      break;
    case 'card.restored':
      what = `restored the card to ${where()}`;
      break;
    case 'card.moved_out':
      what = `moved it to the board ${name(p.toBoardId, 'board')}`;
      break;
    case 'card.moved_in':
      what = `moved it from the board ${name(p.fromBoardId, 'board')} to ${where()} on ${name(card.boardId, 'board')}`;
      break;
    case 'interrupt.received':
    case 'interrupt.repeated':
    case 'interrupt.resolved_by_source':
    case 'interrupt.triaged':
    case 'interrupt.unacknowledged':
      what = describeInterrupt(entry.type, p, name);
      break;
    case 'comment.created':
      what = `commented: ${quoted(commentBody(p.comment))}`;
      break;
    case 'comment.edited':
      what = `edited a comment: ${quoted(commentBody(p.comment))}`;
      break;
    case 'comment.deleted':
      what = 'deleted a comment';
      break;
    case 'comment.reacted':
      what = p.added === true ? `reacted ${isString(p.emoji) ? p.emoji : ''} to a comment` : `took back a ${isString(p.emoji) ? p.emoji : ''} reaction`;
      break;
    default:
      what = entry.type.replace(/^card\./, '').replace(/[._]/g, ' ');
  }
  return { key: `${entry.streamId}:${entry.seq}`, at: entry.at, who, what, reason };
}

/**
 * The lines of a history, oldest first. A move to another board is logged on
 * both boards (out of one, into the other); it reads as one line.
 */
export function historyLines(entries: readonly HistoryEntry[]): HistoryLine[] {
  const arrivals = new Set(entries.filter((e) => e.type === 'card.moved_in').map((e) => e.at));
  return entries.filter((e) => !(e.type === 'card.moved_out' && arrivals.has(e.at))).map(historyLine);
}
