/** What an update changed, field by field: the `changes` of every `*.updated` event, shown in history views. */
export type Changes = Record<string, { from: unknown; to: unknown }>;

/** Field-by-field differences between two versions of an entity (compared as JSON, so arrays and objects compare by value). */
export function diff<T extends Record<string, unknown>>(before: T, after: T, fields: readonly (keyof T & string)[]): Changes {
  const out: Changes = {};
  for (const f of fields) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) out[f] = { from: before[f], to: after[f] };
  }
  return out;
}
