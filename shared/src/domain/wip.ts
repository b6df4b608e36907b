import type { WipPolicy } from '../schema/entities.js';

export interface WipScope {
  kind: 'column' | 'lane' | 'person';
  id: string;
  name: string;
  limit: number | null;
  policy: WipPolicy;
  /** Cards already in the scope, not counting the card that is entering. */
  count: number;
}

export type WipRefusal = {
  code: 'wip_limit_exceeded' | 'wip_override_required' | 'person_wip_limit_exceeded';
  message: string;
  details: { scope: WipScope['kind']; id: string; name: string; limit: number; count: number; policy: WipPolicy };
};

export type WipDecision = { ok: true; overridden: boolean } | { ok: false; refusal: WipRefusal };

function describe(scope: WipScope): string {
  switch (scope.kind) {
    case 'column':
      return `Column "${scope.name}"`;
    case 'lane':
      return `Swimlane "${scope.name}"`;
    case 'person':
      return `${scope.name}`;
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
    const details = { scope: scope.kind, id: scope.id, name: scope.name, limit: scope.limit, count: scope.count, policy: scope.policy };
    const holds = scope.kind === 'person' ? `${describe(scope)} already holds ${scope.count} cards in progress` : `${describe(scope)} already holds ${scope.count} cards`;
    if (scope.policy === 'block') {
      return {
        ok: false,
        refusal: {
          code: scope.kind === 'person' ? 'person_wip_limit_exceeded' : 'wip_limit_exceeded',
          message: `${holds}; its WIP limit is ${scope.limit}.`,
          details,
        },
      };
    }
    if (reason === '') {
      return {
        ok: false,
        refusal: {
          code: 'wip_override_required',
          message: `${holds} (WIP limit ${scope.limit}); going over it needs a reason.`,
          details,
        },
      };
    }
    overridden = true;
  }
  return { ok: true, overridden };
}
