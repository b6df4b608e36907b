import type { ErrorCode } from '@opsboard/shared';

/** An expected refusal: a value, not an exception. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  /** Set by access decisions (not a member: 404): the caller cannot reach what the request names. Never sent. */
  access?: true;
}

export type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function refuse(code: ErrorCode, message: string, details?: Record<string, unknown>): { ok: false; refusal: Refusal } {
  return details === undefined ? { ok: false, refusal: { code, message } } : { ok: false, refusal: { code, message, details } };
}

export const notFound = (what: string) => refuse('not_found', `${what} not found`);

/** A 400 that names the field, for rules the schema cannot express. */
export const invalidField = (field: string, message: string) => refuse('validation_failed', `${field}: ${message}`, { field });

/** A refusal from an access decision: not a member (404, the team does not exist for them) or a role without the permission (403). */
export function refuseAccess(code: 'not_found' | 'forbidden', message: string, details?: Record<string, unknown>): { ok: false; refusal: Refusal } {
  const { refusal } = refuse(code, message, details);
  return { ok: false, refusal: { ...refusal, access: true } };
}

/** True for refusals that say the caller may not do this at all: every 403, and the 404s of access decisions. */
export function isAccessRefusal(refusal: Refusal): boolean {
  return refusal.code === 'forbidden' || refusal.access === true;
}
