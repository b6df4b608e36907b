import { isRecord, isString } from '../lib/guards';

/** A refusal from the API in its one error shape: `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field a 400 names, when it names one. */
  get field(): string | null {
    const field = this.details.field;
    return isString(field) ? field : null;
  }

  /** 5xx and 429: worth retrying later; the request may not have been applied. */
  get transient(): boolean {
    return this.status >= 500 || this.status === 429;
  }
}

/** The request never got an answer (offline, server down, connection reset). */
export class NetworkError extends Error {
  constructor(message = 'The server could not be reached.') {
    super(message);
    this.name = 'NetworkError';
  }
}

/** Builds an ApiError from a response body, falling back to the status when the body is not ours. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && isString(error.code) && isString(error.message)) {
    return new ApiError(status, error.code, error.message, isRecord(error.details) ? error.details : {});
  }
  return new ApiError(status, status >= 500 ? 'unavailable' : 'unknown', fallbackMessage(status));
}

function fallbackMessage(status: number): string {
  if (status === 502 || status === 503 || status === 504) return 'The server is not available right now; try again in a moment.';
  if (status >= 500) return 'Something went wrong on the server.';
  return `The request failed (HTTP ${status}).`;
}

/** What to tell a person, in plain words, for anything a request can throw. */
export function plainMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof NetworkError) return 'No connection to the server. Check your network; nothing was lost.';
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}

/** True when a retry later may succeed (no answer, or the server was briefly unavailable). */
export function isRetryable(err: unknown): boolean {
  return err instanceof NetworkError || (err instanceof ApiError && err.transient);
}
