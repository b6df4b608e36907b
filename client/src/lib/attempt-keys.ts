/**
 * One Idempotency-Key per attempted change. Sending the same request again
 * after a lost answer reuses its key, so the server applies it once; a
 * different request (another body, another target) or a request that got an
 * answer starts a new attempt with a fresh key.
 */
import { isRetryable } from '../api/errors';
import { newKey } from './ids';

export class AttemptKeys {
  private last: { request: string; key: string } | null = null;

  constructor(
    private readonly prefix: string,
    private readonly makeKey: (prefix: string) => string = newKey,
  ) {}

  /** The key for this request: the pending attempt's when it is the same request, a fresh one otherwise. */
  keyFor(request: unknown): string {
    const text = JSON.stringify(request) ?? '';
    if (this.last?.request !== text) this.last = { request: text, key: this.makeKey(this.prefix) };
    return this.last.key;
  }

  /** The server answered (or refused for good): the next request is a new attempt. A retryable failure keeps the key. */
  settle(error?: unknown): void {
    if (error === undefined || !isRetryable(error)) this.last = null;
  }

  /** Sends `request` with its key and settles the attempt by the outcome. */
  async run<T>(request: unknown, send: (key: string) => Promise<T>): Promise<T> {
    const key = this.keyFor(request);
    try {
      const result = await send(key);
      this.settle();
      return result;
    } catch (error) {
      this.settle(error);
      throw error;
    }
  }
}
