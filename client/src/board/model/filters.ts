/** The board's filters, kept in the URL so a filtered view survives a reload and can be shared on the projector. */
import { CARD_TYPES, type Card, type CardType } from '@opsboard/shared';
import { includes } from '../../lib/guards';

export const UNASSIGNED = 'none';

export interface BoardFilter {
  /** Free text: the server's full-text search (title, labels, blocked reason, description, alert data), plus the title, labels and "#number" locally. */
  q: string;
  /** A user id, or UNASSIGNED for cards nobody holds. */
  person: string | null;
  label: string | null;
  type: CardType | null;
  feature: string | null;
}

export const NO_FILTER: BoardFilter = { q: '', person: null, label: null, type: null, feature: null };

export function parseFilter(search: string): BoardFilter {
  const params = new URLSearchParams(search);
  const type = params.get('type');
  return {
    q: params.get('q') ?? '',
    person: params.get('person') || null,
    label: params.get('label') || null,
    type: includes(CARD_TYPES, type) ? type : null,
    feature: params.get('feature') || null,
  };
}

/** Writes the filter into a query string, keeping other parameters (such as the open card). */
export function withFilter(search: string, filter: BoardFilter): string {
  const params = new URLSearchParams(search);
  const set = (key: string, value: string | null) => (value ? params.set(key, value) : params.delete(key));
  set('q', filter.q.trim() || null);
  set('person', filter.person);
  set('label', filter.label);
  set('type', filter.type);
  set('feature', filter.feature);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function isFiltering(filter: BoardFilter): boolean {
  return filter.q.trim() !== '' || filter.person !== null || filter.label !== null || filter.type !== null || filter.feature !== null;
}

/**
 * A predicate for one filter; built once per filter change, run per card.
 * `textHits` are the ids the server's full-text search found for `filter.q`;
 * a card matches the text if it is among them or (a card created or renamed
 * since the search ran) its title, labels or number contain every word.
 */
export function cardMatcher(filter: BoardFilter, textHits: ReadonlySet<string> | null = null): (card: Card) => boolean {
  if (!isFiltering(filter)) return () => true;
  const words = filter.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return (card) => {
    if (filter.person === UNASSIGNED ? card.assigneeIds.length > 0 : filter.person !== null && !card.assigneeIds.includes(filter.person)) return false;
    if (filter.label !== null && !card.labels.includes(filter.label)) return false;
    if (filter.type !== null && card.type !== filter.type) return false;
    if (filter.feature !== null && card.featureId !== filter.feature) return false;
    if (words.length === 0 || textHits?.has(card.id)) return true;
    const haystack = `#${card.number} ${card.title} ${card.labels.join(' ')}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  };
}
