/**
 * What the metrics page shows: scope, date range and card filters, kept in the
 * page's address (so a wall display or a shared link opens the same view) and
 * turned into the API's query.
 */
import { addCalendarDays, BOARD_KINDS, calendarDaysBetween, CARD_TYPES, compareWaiting, isWaitingCategory, type BoardKind, type BoardState, type Card, type CardType, type WaitingPlace } from '@opsboard/shared';
import type { MetricsFilters } from '../api/metrics';

export const RANGE_WEEKS = [4, 8, 12, 26, 52] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface MetricsView {
  /** One board, or '' for the whole team. */
  boardId: string;
  /** The last N weeks up to today, or 'custom' for `from`..`to`. */
  weeks: number | 'custom';
  /** Team-local dates of a custom range ('' = not given: the server's default). */
  from: string;
  to: string;
  boardKind: BoardKind | '';
  featureId: string;
  cardType: CardType | '';
  personId: string;
  label: string;
}

export const DEFAULT_VIEW: MetricsView = { boardId: '', weeks: 12, from: '', to: '', boardKind: '', featureId: '', cardType: '', personId: '', label: '' };

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | '' => (v !== null && (values as readonly string[]).includes(v) ? (v as T) : '');

/** The view an address asks for; anything it cannot read falls back to the default. */
export function viewFromSearch(search: URLSearchParams): MetricsView {
  const weeks = search.get('weeks');
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const custom = weeks === 'custom' || ((from !== '' || to !== '') && weeks === null);
  const preset = RANGE_WEEKS.find((w) => String(w) === weeks);
  return {
    boardId: search.get('board') ?? '',
    weeks: custom ? 'custom' : (preset ?? DEFAULT_VIEW.weeks),
    from: custom && ISO_DATE.test(from) ? from : '',
    to: custom && ISO_DATE.test(to) ? to : '',
    boardKind: oneOf(BOARD_KINDS, search.get('kind')),
    featureId: search.get('feature') ?? '',
    cardType: oneOf(CARD_TYPES, search.get('type')),
    personId: search.get('person') ?? '',
    label: (search.get('label') ?? '').slice(0, 60),
  };
}

/** The address of a view: only what differs from the default. */
export function viewToSearch(view: MetricsView): string {
  const params = new URLSearchParams();
  if (view.boardId) params.set('board', view.boardId);
  if (view.weeks === 'custom') {
    params.set('weeks', 'custom');
    if (view.from) params.set('from', view.from);
    if (view.to) params.set('to', view.to);
  } else if (view.weeks !== DEFAULT_VIEW.weeks) params.set('weeks', String(view.weeks));
  if (view.boardKind && !view.boardId) params.set('kind', view.boardKind);
  if (view.featureId) params.set('feature', view.featureId);
  if (view.cardType) params.set('type', view.cardType);
  if (view.personId) params.set('person', view.personId);
  if (view.label.trim()) params.set('label', view.label.trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API query of a view. A preset range starts N weeks before `today` (the server ends it on the team's today). */
export function filtersOf(view: MetricsView, today: string): MetricsFilters {
  const from = view.weeks === 'custom' ? view.from || undefined : addCalendarDays(today, -(view.weeks * 7 - 2));
  const to = view.weeks === 'custom' ? view.to || undefined : undefined;
  return {
    ...(from && { from }),
    ...(to && { to }),
    ...(view.boardKind && !view.boardId && { boardKind: view.boardKind }),
    ...(view.featureId && { featureId: view.featureId }),
    ...(view.cardType && { cardType: view.cardType }),
    ...(view.personId && { personId: view.personId }),
    ...(view.label.trim() && { label: view.label.trim() }),
  };
}

/** Weeks back from today that cover the view's range (the interrupt figures count whole weeks up to now), 1 to 52. */
export function weeksCovering(view: MetricsView, today: string): number {
  if (view.weeks !== 'custom') return view.weeks;
  if (!view.from) return DEFAULT_VIEW.weeks as number;
  const days = calendarDaysBetween(view.from, today) + 1;
  return Math.min(52, Math.max(1, Math.ceil(days / 7)));
}

/** True when a card filter narrows the charts (scope and range aside). */
export function isFiltered(view: MetricsView): boolean {
  return Boolean((view.boardKind && !view.boardId) || view.featureId || view.cardType || view.personId || view.label.trim());
}

/** A board's waiting cards in the order the forecast takes them (the shared rule: ready first, then the backlog). */
export function waitingQueue(state: BoardState): Card[] {
  const columns = new Map([...state.columns.values()].filter((c) => c.archivedAt === null && isWaitingCategory(c.category)).map((c) => [c.id, c]));
  const place = (card: Card): WaitingPlace => {
    const column = columns.get(card.columnId)!;
    return { id: card.id, rank: card.rank, category: column.category, columnId: column.id, columnRank: column.rank };
  };
  return [...state.cards.values()]
    .filter((card) => card.archivedAt === null && columns.has(card.columnId))
    .map((card) => ({ card, place: place(card) }))
    .sort((a, b) => compareWaiting(a.place, b.place))
    .map(({ card }) => card);
}
