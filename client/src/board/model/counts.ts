/** Column counts in words, where a filter could make a number ambiguous. */

/**
 * "1 shown · 4 cards · limit 3": what a filter leaves of a column, said apart
 * from the WIP count (which is always the column's real count).
 */
export function filteredWords(shown: number, count: number, limit: number | null): string {
  return `${shown} shown · ${count} ${count === 1 ? 'card' : 'cards'}${limit === null ? '' : ` · limit ${limit}`}`;
}
