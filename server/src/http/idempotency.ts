/**
 * An Idempotency-Key names one request: a retry of that request gets its
 * first answer, any other request under the same key is refused. "The same
 * request" is the same method and route with the same params, query and body.
 */
import { createHash } from 'node:crypto';

export interface IdempotencyKey {
  /** The header's value; also each event's clientMutationId. */
  key: string;
  method: string;
  /** The route pattern, e.g. `/api/cards/:id/move`. */
  route: string;
  /** sha-256 of params, query and body in canonical JSON. */
  hash: string;
}

/** What services take from a route: the request's key, if it sent one. */
export type IdempotencyOption = { idempotencyKey?: IdempotencyKey | null | undefined };

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function idempotencyKey(key: string, request: { method: string; route: string; params: unknown; query: unknown; body: unknown }): IdempotencyKey {
  const hash = createHash('sha256')
    .update(canonicalJson({ params: request.params, query: request.query, body: request.body }))
    .digest('hex');
  return { key, method: request.method, route: request.route, hash };
}

/** True when a stored use of the key was this very request. */
export function sameRequest(stored: { method: string; route: string; requestHash: string }, key: IdempotencyKey): boolean {
  return stored.method === key.method && stored.route === key.route && stored.requestHash === key.hash;
}
