import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api/errors';
import { AttemptKeys } from './attempt-keys';

function keys() {
  let n = 0;
  return new AttemptKeys('t', (prefix) => `${prefix}-${++n}`);
}

describe('AttemptKeys', () => {
  it('reuses the key when the same request is sent again after a lost answer', async () => {
    const k = keys();
    const sent: string[] = [];
    await expect(
      k.run({ name: 'Review' }, (key) => {
        sent.push(key);
        return Promise.reject(new NetworkError());
      }),
    ).rejects.toBeInstanceOf(NetworkError);
    await k.run({ name: 'Review' }, (key) => Promise.resolve(sent.push(key)));
    expect(sent).toEqual(['t-1', 't-1']);
  });

  it('takes a fresh key for a different request, after an answer, and after a refusal', async () => {
    const k = keys();
    expect(k.keyFor({ name: 'A' })).toBe('t-1');
    expect(k.keyFor({ name: 'B' })).toBe('t-2');
    k.settle();
    expect(k.keyFor({ name: 'B' })).toBe('t-3');
    k.settle(new ApiError(409, 'conflict', 'no'));
    expect(k.keyFor({ name: 'B' })).toBe('t-4');
    k.settle(new ApiError(503, 'unavailable', 'later'));
    expect(k.keyFor({ name: 'B' })).toBe('t-4');
  });
});
