/**
 * Activity entries in plain words. Card, comment and interrupt events read as
 * in the card history ("moved it from Doing to Done"), with the card named;
 * team-wide events get their own sentences.
 */
import type { ActivityEntry } from '@opsboard/shared';
import { historyLine } from '../card/history-text';
import { isRecord, isString } from '../lib/guards';

export interface ActivityLine {
  key: string;
  at: string;
  who: string;
  what: string;
  /** The card the entry is about, for a link: its id and "#12 Title". */
  card: { id: string; name: string } | null;
}

const ABOUT_CARDS = /^(card|comment|interrupt)\./;

function named(entry: ActivityEntry, value: unknown, fallback: string): string {
  if (isRecord(value) && isString(value.name)) return `“${value.name}”`;
  return isString(value) ? (entry.names[value.toLowerCase()] ?? fallback) : fallback;
}

function teamWhat(entry: ActivityEntry): string {
  const p = isRecord(entry.payload) ? entry.payload : {};
  const member = isRecord(p.member) ? p.member : {};
  switch (entry.type) {
    case 'member.added':
      return `added ${isString(member.name) ? member.name : 'someone'} to the team${isString(member.role) ? ` as ${member.role}` : ''}`;
    case 'member.updated':
      return `changed the role of ${isString(member.name) ? member.name : 'someone'}${isString(member.role) ? ` to ${member.role}` : ''}`;
    case 'member.removed':
      return `removed ${named(entry, p.userId, 'someone')} from the team`;
    case 'board.created':
      return `created the board ${named(entry, p.board, 'a board')}`;
    case 'board.archived':
      return `archived the board ${named(entry, p.board, 'a board')}`;
    case 'feature.created':
      return `created the feature ${named(entry, p.feature, 'a feature')}`;
    case 'feature.updated':
      return `edited the feature ${named(entry, p.feature, 'a feature')}`;
    case 'iteration.created':
      return `planned the iteration ${named(entry, p.iteration, 'an iteration')}`;
    case 'iteration.started':
      return `started the iteration ${named(entry, p.iteration, 'an iteration')}`;
    case 'iteration.closed':
      return `closed the iteration ${named(entry, p.iteration, 'an iteration')}`;
    case 'handoff.updated':
      return 'updated the Person of the Week hand-off';
    case 'rotation.updated':
      return 'changed the Person of the Week rotation';
    default:
      return entry.type.replace(/[._]/g, ' ');
  }
}

export function activityLine(entry: ActivityEntry): ActivityLine {
  const key = `${entry.streamId}:${entry.seq}`;
  if (ABOUT_CARDS.test(entry.type)) {
    const line = historyLine(entry);
    const id = entry.subjectId;
    const name = id ? entry.names[id.toLowerCase()] : undefined;
    return { key, at: entry.at, who: line.who, what: line.what, card: id && name ? { id, name } : null };
  }
  return { key, at: entry.at, who: entry.actor?.name ?? 'opsboard', what: teamWhat(entry), card: null };
}
