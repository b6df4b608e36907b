/**
 * The ids a history entry mentions, by what they name. Events keep ids (a
 * rename or an archive must not rewrite the log); the history endpoint
 * resolves them when it is read. Fields are recognised by name wherever they
 * sit in a payload (the card, a change's from/to, the interrupt), so a new
 * id-valued field of a known name needs no new code here.
 */
export const REF_KINDS = ['people', 'columns', 'lanes', 'boards', 'features', 'iterations', 'cards'] as const;
export type RefKind = (typeof REF_KINDS)[number];
export type Refs = Record<RefKind, Set<string>>;

const FIELD_KIND: Record<string, RefKind> = {
  assigneeIds: 'people',
  escalatedTo: 'people',
  assignedPotwId: 'people',
  triagedBy: 'people',
  createdBy: 'people',
  userId: 'people',
  columnId: 'columns',
  laneId: 'lanes',
  boardId: 'boards',
  toBoardId: 'boards',
  fromBoardId: 'boards',
  featureId: 'features',
  iterationId: 'iterations',
  cardId: 'cards',
  convertedCardId: 'cards',
  duplicateOfCardId: 'cards',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function emptyRefs(): Refs {
  return { people: new Set(), columns: new Set(), lanes: new Set(), boards: new Set(), features: new Set(), iterations: new Set(), cards: new Set() };
}

/** Adds every id the value holds: an id, a list of ids, or a change ({from, to}) of either. */
function addIds(into: Set<string>, value: unknown): void {
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const v of value) addIds(into, v);
  } else if (typeof value === 'object' && value !== null && ('from' in value || 'to' in value)) {
    const change = value as { from?: unknown; to?: unknown };
    addIds(into, change.from);
    addIds(into, change.to);
  }
}

/** Collects the ids `payload` mentions into `refs` (and returns it). */
export function collectRefs(payload: unknown, refs: Refs = emptyRefs(), depth = 0): Refs {
  // Payloads are shallow; the bound only guards against a malformed one.
  if (depth > 6 || typeof payload !== 'object' || payload === null) return refs;
  if (Array.isArray(payload)) {
    for (const item of payload) collectRefs(item, refs, depth + 1);
    return refs;
  }
  for (const [key, value] of Object.entries(payload)) {
    const kind = FIELD_KIND[key];
    if (kind) addIds(refs[kind], value);
    else if (key === 'links') collectLinks(value, refs);
    else collectRefs(value, refs, depth + 1);
  }
  return refs;
}

/** `links` as a list, or as a change of lists: each names a card. */
function collectLinks(value: unknown, refs: Refs): void {
  const lists = Array.isArray(value) ? [value] : typeof value === 'object' && value !== null ? [(value as { from?: unknown }).from, (value as { to?: unknown }).to] : [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const link of list) if (typeof link === 'object' && link !== null) addIds(refs.cards, (link as { cardId?: unknown }).cardId);
  }
}

export function mergeRefs(into: Refs, from: Refs): Refs {
  for (const kind of REF_KINDS) for (const id of from[kind]) into[kind].add(id);
  return into;
}
