/** Turning what a person types into a full-text query, the same for every database. */

export interface SearchTerms {
  /** "42" or "#42": a card number to match exactly (it also ranks first). */
  number: number | null;
  /**
   * Inputs for `to_tsquery`: every word quoted (so no operator syntax leaks
   * in) and all required. `words` are all but the last, matched as words;
   * `prefix` is the last, matched as a prefix for search as you type.
   */
  words: string | null;
  prefix: string | null;
}

const MAX_WORDS = 8;

const quote = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export function searchTerms(text: string): SearchTerms {
  // Control characters (NUL above all) never reach the database.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  const number = /^#?(\d{1,9})$/.exec(clean)?.[1];
  const words = clean
    .split(/\s+/)
    .map((w) => w.replace(/^#/, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, MAX_WORDS);
  const last = words.pop();
  return {
    number: number === undefined ? null : Number(number),
    words: words.length > 0 ? words.map(quote).join(' & ') : null,
    prefix: last === undefined ? null : `${quote(last)}:*`,
  };
}
