/**
 * The one place that talks HTTP to the API: JSON in and out, the CSRF header
 * on every mutation, an Idempotency-Key when the caller gives one, and errors
 * turned into ApiError / NetworkError.
 */
import { ApiError, NetworkError, apiErrorFrom } from './errors';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  /** Repeating a mutation with the same key returns the first result and changes nothing. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

interface HttpHooks {
  csrfToken: () => string | null;
  /** Called when the server says the session is gone (401 on a non-auth route). */
  onUnauthorized: () => void;
}

let hooks: HttpHooks = { csrfToken: () => null, onUnauthorized: () => undefined };

export function configureHttp(next: HttpHooks): void {
  hooks = next;
}

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = hooks.csrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body: JSON.stringify(body) }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new NetworkError();
  }

  const parsed = await readBody(response);
  if (!response.ok) {
    const error = apiErrorFrom(response.status, parsed);
    if (response.status === 401 && !path.startsWith('/api/auth/')) hooks.onUnauthorized();
    throw error;
  }
  // The server checks every response against its schema (shared/), so the body has the route's declared shape.
  return parsed as T;
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  del: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};

export { ApiError, NetworkError };
