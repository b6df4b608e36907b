/**
 * Standup rules: the window "since the last standup", the walk over a board
 * (right to left, done side first; card by card or person by person) and what
 * makes a card stand out. Pure: the clock comes in as an argument.
 */
import type { Card, Column } from '../schema/entities.js';
import { byRank } from './board-state.js';
import type { StandupMode } from '../schema/standup.js';

const DAY_MS = 86_400_000;

/**
 * Where "since the last standup" starts: the team's previous standup, or with
 * none, the same time on the last working day (a Monday looks back to Friday).
 */
export function standupSince(now: Date, lastStandupAt: string | null): { since: string; basis: 'standup' | 'default' } {
  if (lastStandupAt !== null) return { since: lastStandupAt, basis: 'standup' };
  let t = now.getTime() - DAY_MS;
  while ([0, 6].includes(new Date(t).getUTCDay())) t -= DAY_MS;
  return { since: new Date(t).toISOString(), basis: 'default' };
}

export interface WalkStep {
  cardId: string;
  /** The person whose turn it is (person mode), or null (card mode, or an unassigned card). */
  personId: string | null;
}

/** Columns a standup walks: everything but the backlog, right to left. */
export function walkColumns<C extends Pick<Column, 'category' | 'archivedAt'>>(columns: readonly C[]): C[] {
  return columns.filter((c) => c.category !== 'backlog' && c.archivedAt === null).reverse();
}

/**
 * The order a standup walks a board. Columns come in board order (left to
 * right) and cards in rank order. Card mode: rightmost column first, top card
 * first. Person mode: people in the order they first appear in that walk,
 * each with their cards (a pair's card comes up for both), unassigned last.
 */
export function standupWalk(
  columns: readonly Pick<Column, 'id' | 'category' | 'archivedAt'>[],
  cards: readonly Pick<Card, 'id' | 'columnId' | 'rank' | 'assigneeIds' | 'archivedAt'>[],
  mode: StandupMode,
): WalkStep[] {
  const ordered: typeof cards[number][] = [];
  for (const column of walkColumns(columns)) {
    const inColumn = cards.filter((c) => c.columnId === column.id && c.archivedAt === null);
    inColumn.sort(byRank);
    ordered.push(...inColumn);
  }
  if (mode === 'card') return ordered.map((c) => ({ cardId: c.id, personId: null }));
  const people: string[] = [];
  for (const c of ordered) for (const p of c.assigneeIds) if (!people.includes(p)) people.push(p);
  const steps: WalkStep[] = [];
  for (const p of people) for (const c of ordered) if (c.assigneeIds.includes(p)) steps.push({ cardId: c.id, personId: p });
  for (const c of ordered) if (c.assigneeIds.length === 0) steps.push({ cardId: c.id, personId: null });
  return steps;
}

/** The index of the first step of the next person after `index` (or the end). */
export function nextPersonIndex(steps: readonly WalkStep[], index: number): number {
  const current = steps[index]?.personId;
  let i = index + 1;
  while (i < steps.length && steps[i]!.personId === current) i++;
  return i;
}

export interface CardFlags {
  blocked: boolean;
  overWip: boolean;
  ageing: boolean;
  daysInColumn: number;
}

/** Why a card stands out: blocked, in a column over its WIP limit, or in its column longer than `ageDays`. */
export function cardFlags(
  card: Pick<Card, 'blocked' | 'columnId' | 'columnEnteredAt'>,
  column: Pick<Column, 'category' | 'wipLimit'> | undefined,
  columnCount: number,
  now: Date,
  ageDays: number,
): CardFlags {
  const daysInColumn = Math.max(0, Math.floor((now.getTime() - Date.parse(card.columnEnteredAt)) / DAY_MS));
  const active = column !== undefined && column.category !== 'done';
  return {
    blocked: card.blocked,
    overWip: column?.wipLimit != null && columnCount > column.wipLimit,
    ageing: active && daysInColumn > ageDays,
    daysInColumn,
  };
}

/** Seconds as m:ss. */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.floor(total));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
