/** Plain-words descriptions of cards and drag positions, for screen readers and messages. */
import type { Card } from '@opsboard/shared';
import { daysSince, dueInfo } from '../../lib/time';

export interface PlaceWords {
  column: string;
  /** Swimlane name, when the board has swimlanes. */
  lane: string | null;
  position: number;
  of: number;
}

const quote = (title: string) => `'${title.length > 80 ? `${title.slice(0, 77)}…` : title}'`;

export function where(place: PlaceWords): string {
  return place.lane ? `${place.column}, swimlane ${place.lane}` : place.column;
}

export const say = {
  pickedUp: (title: string, place: PlaceWords) =>
    `Picked up ${quote(title)} in ${where(place)}, position ${place.position} of ${place.of}. Arrow keys move it, space drops it, escape cancels.`,
  over: (title: string, place: PlaceWords, note: string | null) => `${quote(title)} is over ${where(place)}, position ${place.position} of ${place.of}.${note ? ` ${note}` : ''}`,
  outside: (title: string) => `${quote(title)} is not over a column. Dropping now cancels the move.`,
  moved: (title: string, place: PlaceWords) => `Moved ${quote(title)} to ${where(place)}, position ${place.position} of ${place.of}.`,
  unchanged: (title: string, place: PlaceWords) => `${quote(title)} was dropped where it started: ${where(place)}, position ${place.position} of ${place.of}.`,
  cancelled: (title: string, place: PlaceWords) => `Move cancelled. ${quote(title)} is back in ${where(place)}, position ${place.position} of ${place.of}.`,
  refused: (title: string, reason: string, back: string) => `${quote(title)} could not be moved: ${reason} It is back in ${back}.`,
  movedBy: (who: string, title: string, column: string) => `${who} moved ${quote(title)} to ${column}.`,
};

export function pluralDays(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/**
 * What a screen reader adds after a focused card's title (its name): the rest of the tile in words,
 * plus what the tile only hints at (who, how long, why it is over the limit).
 */
export function cardDetails(card: Card, names: (userId: string) => string, now: number, columnName: string): string {
  const parts = [`${card.type} #${card.number}${card.points !== null ? `, ${card.points} points` : ''}`];
  if (card.assigneeIds.length > 0) parts.push(`assigned to ${card.assigneeIds.map(names).join(' and ')}`);
  if (card.blocked) parts.push(`blocked${card.blockedReason ? `: ${card.blockedReason}` : ''}`);
  if (card.labels.length > 0) parts.push(`labels ${card.labels.join(', ')}`);
  if (card.priority !== 'none') parts.push(`${card.priority} priority`);
  if (card.dueDate) parts.push(dueInfo(card.dueDate, now).label.toLowerCase());
  parts.push(`${pluralDays(daysSince(card.columnEnteredAt, now))} in ${columnName}`);
  if (card.overrideReason) parts.push(`let in over the WIP limit: ${card.overrideReason}`);
  return `${parts.join('; ')}.`;
}
