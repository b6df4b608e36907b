import { describe, expect, it } from 'vitest';
import { FreshLoader } from './use-fresh';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('FreshLoader', () => {
  it('runs one load at a time and queues at most one more behind it', async () => {
    const calls: ReturnType<typeof deferred<number>>[] = [];
    const loader = new FreshLoader({ current: () => (calls.push(deferred<number>()), calls.at(-1)!.promise) });
    loader.refresh();
    loader.refresh();
    loader.refresh();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(1);
    await tick();
    expect(loader.getSnapshot().value).toBe(1);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(2);
    await tick();
    expect(loader.getSnapshot().value).toBe(2);
    expect(calls).toHaveLength(2);
  });

  it('keeps the last value on a failed refetch and says what went wrong', async () => {
    let n = 0;
    const loader = new FreshLoader({ current: () => (++n === 1 ? Promise.resolve('first') : Promise.reject(new Error('offline'))) });
    loader.refresh();
    await tick();
    loader.refresh();
    await tick();
    expect(loader.getSnapshot()).toEqual({ value: 'first', error: 'offline' });
  });

  it('drops answers after it was disposed', async () => {
    const d = deferred<string>();
    const loader = new FreshLoader({ current: () => d.promise });
    const seen: unknown[] = [];
    loader.subscribe(() => seen.push(loader.getSnapshot().value));
    loader.refresh();
    loader.dispose();
    d.resolve('late');
    await tick();
    expect(seen).toEqual([]);
  });
});
