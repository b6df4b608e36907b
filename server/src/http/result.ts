import type { ErrorCode } from '@opsboard/shared';

/** An expected refusal: a value, not an exception. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function refuse(code: ErrorCode, message: string, details?: Record<string, unknown>): { ok: false; refusal: Refusal } {
  return details === undefined ? { ok: false, refusal: { code, message } } : { ok: false, refusal: { code, message, details } };
}

export const notFound = (what: string) => refuse('not_found', `${what} not found`);

/** A 400 that names the field, for rules the schema cannot express. */
export const invalidField = (field: string, message: string) => refuse('validation_failed', `${field}: ${message}`, { field });
