/**
 * WIP limits, decided in one place for the server and the client: which
 * limits a card's entry hits (`entryScopes`, `assignmentScopes`) and whether
 * one more card fits in each (`checkWip`). Callers only count.
 */
import type { ColumnCategory, WipPolicy } from '../schema/entities.js';

/** Cards in these columns count towards a swimlane's limit (work that is ready or under way). */
export const LANE_WIP_CATEGORIES: readonly ColumnCategory[] = ['todo', 'doing'];
/** Cards in these columns count towards a person's limit, on every live board of the team. */
export const PERSON_WIP_CATEGORIES: readonly ColumnCategory[] = ['doing'];

export const countsForLane = (category: ColumnCategory): boolean => LANE_WIP_CATEGORIES.includes(category);
export const countsForPerson = (category: ColumnCategory): boolean => PERSON_WIP_CATEGORIES.includes(category);

/** How many of a person's cards in progress sit on one board. */
export interface BoardHolding {
  boardId: string;
  /** The board's name, for messages. */
  name: string;
  count: number;
}

export interface WipScope {
  kind: 'column' | 'lane' | 'person';
  id: string;
  name: string;
  limit: number | null;
  policy: WipPolicy;
  /** Cards already in the scope, not counting the card that is entering. */
  count: number;
  /** For a person: where those cards are, board by board (a person's limit counts the whole team). */
  where?: readonly BoardHolding[];
}

/** A person's limit an entry would hit; the caller counts what they hold across the team and names them. */
export type PersonScopeToCount = { kind: 'person'; id: string; limit: number; policy: WipPolicy };

/** A limited scope an entry would enter; the caller counts what it holds. */
export type ScopeToCount = { kind: 'column' | 'lane'; id: string; name: string; limit: number; policy: WipPolicy } | PersonScopeToCount;

export interface WipColumn {
  id: string;
  name: string;
  category: ColumnCategory;
  wipLimit: number | null;
  wipPolicy: WipPolicy;
}

export interface WipLane {
  id: string;
  name: string;
  wipLimit: number | null;
  wipPolicy: WipPolicy;
}

/** The per-person limit that applies: the one of the board the card is entering (or sits on). */
export interface PersonLimit {
  limit: number | null;
  policy: WipPolicy;
}

export interface WipEntry {
  /**
   * Where the card is now, on any board of the team; null when it is new, or
   * back from the archive (archived cards count nowhere).
   */
  from: { columnId: string; category: ColumnCategory; laneId: string | null } | null;
  to: { column: WipColumn; lane: WipLane | null };
  assigneeIds: readonly string[];
  person: PersonLimit;
}

/**
 * The limited scopes a card enters by going to `to`: the column (unless it is
 * already there), the swimlane (when the column counts for lanes and the card
 * did not already count there), and each assignee (when the column is in
 * progress and the card was not already in progress, on whichever board).
 */
export function entryScopes(entry: WipEntry): ScopeToCount[] {
  const { from, to } = entry;
  const scopes: ScopeToCount[] = [];
  const { column, lane } = to;
  if (from?.columnId !== column.id && column.wipLimit !== null) {
    scopes.push({ kind: 'column', id: column.id, name: column.name, limit: column.wipLimit, policy: column.wipPolicy });
  }
  if (lane && lane.wipLimit !== null && countsForLane(column.category)) {
    const alreadyCounted = from !== null && from.laneId === lane.id && countsForLane(from.category);
    if (!alreadyCounted) scopes.push({ kind: 'lane', id: lane.id, name: lane.name, limit: lane.wipLimit, policy: lane.wipPolicy });
  }
  const wasInProgress = from !== null && countsForPerson(from.category);
  if (!wasInProgress) scopes.push(...assignmentScopes({ category: column.category, assigneeIds: entry.assigneeIds, person: entry.person }));
  return scopes;
}

/** The people whose limit an assignment hits: each newly assigned person of a card that is in progress. */
export function assignmentScopes(a: { category: ColumnCategory; assigneeIds: readonly string[]; person: PersonLimit }): PersonScopeToCount[] {
  const { limit, policy } = a.person;
  if (limit === null || !countsForPerson(a.category)) return [];
  return [...new Set(a.assigneeIds)].map((id) => ({ kind: 'person' as const, id, limit, policy }));
}

export type WipRefusal = {
  code: 'wip_limit_exceeded' | 'wip_override_required' | 'person_wip_limit_exceeded';
  message: string;
  details: { scope: WipScope['kind']; id: string; name: string; limit: number; count: number; policy: WipPolicy; where?: readonly BoardHolding[] };
};

export type WipDecision = { ok: true; overridden: boolean } | { ok: false; refusal: WipRefusal };

function list(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/** "Priya already holds 2 cards in progress (1 on Planned work and 1 on Interrupts)", "Column "Doing" already holds 3 cards". */
export function describeHolding(scope: Pick<WipScope, 'kind' | 'name' | 'count' | 'where'>): string {
  const cards = `${scope.count} ${scope.count === 1 ? 'card' : 'cards'}`;
  switch (scope.kind) {
    case 'column':
      return `Column "${scope.name}" already holds ${cards}`;
    case 'lane':
      return `Swimlane "${scope.name}" already holds ${cards}`;
    case 'person': {
      const where = (scope.where ?? []).filter((w) => w.count > 0);
      const on = where.length === 0 ? '' : ` (${list(where.map((w) => `${w.count} on ${w.name}`))})`;
      return `${scope.name} already holds ${cards} in progress${on}`;
    }
  }
}

/**
 * Decides whether one more card may enter every scope it would land in.
 * A `block` scope over its limit refuses; a `warn` scope lets the card in only with a reason.
 */
export function checkWip(scopes: readonly WipScope[], overrideReason: string | null | undefined): WipDecision {
  const reason = overrideReason?.trim() ?? '';
  let overridden = false;
  for (const scope of scopes) {
    if (scope.limit === null || scope.count + 1 <= scope.limit) continue;
    const details: WipRefusal['details'] = {
      scope: scope.kind,
      id: scope.id,
      name: scope.name,
      limit: scope.limit,
      count: scope.count,
      policy: scope.policy,
      ...(scope.where && { where: scope.where }),
    };
    const limit = scope.kind === 'person' ? `the per-person WIP limit is ${scope.limit}` : `its WIP limit is ${scope.limit}`;
    if (scope.policy === 'block') {
      return {
        ok: false,
        refusal: { code: scope.kind === 'person' ? 'person_wip_limit_exceeded' : 'wip_limit_exceeded', message: `${describeHolding(scope)}; ${limit}.`, details },
      };
    }
    if (reason === '') {
      const short = scope.kind === 'person' ? `per-person WIP limit ${scope.limit}` : `WIP limit ${scope.limit}`;
      return { ok: false, refusal: { code: 'wip_override_required', message: `${describeHolding(scope)} (${short}); going over it needs a reason.`, details } };
    }
    overridden = true;
  }
  return { ok: true, overridden };
}
