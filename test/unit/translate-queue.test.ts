/** The request queue under fake timers: concurrency, rate, back-off, Retry-After, Cancel. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TranslationError } from '@/utils/translate/errors';
import { createQueue } from '@/utils/translate/queue';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createQueue', () => {
  it('runs at most `concurrency` tasks at once', async () => {
    const q = createQueue({ concurrency: 2, minIntervalMs: 0 });
    let running = 0;
    let most = 0;
    const task = async () => {
      running++;
      most = Math.max(most, running);
      await sleep(1000);
      running--;
      return Date.now();
    };
    const all = Promise.all([1, 2, 3, 4, 5].map(() => q.add(task)));
    await vi.advanceTimersByTimeAsync(3000);
    expect(await all).toEqual([1000, 1000, 2000, 2000, 3000]);
    expect(most).toBe(2);
  });

  it('spaces starts by minIntervalMs (the rate limit)', async () => {
    const q = createQueue({ concurrency: 10, minIntervalMs: 250 });
    const starts: number[] = [];
    const all = Promise.all([1, 2, 3, 4].map(() => q.add(async () => starts.push(Date.now()))));
    await vi.advanceTimersByTimeAsync(1000);
    await all;
    expect(starts).toEqual([0, 250, 500, 750]);
  });

  it('runs higher priority first', async () => {
    const q = createQueue({ concurrency: 1, minIntervalMs: 0 });
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(name);
      await sleep(10);
    };
    const all = Promise.all([q.add(task('first')), q.add(task('low'), { priority: 1 }), q.add(task('high'), { priority: 5 })]);
    await vi.advanceTimersByTimeAsync(100);
    await all;
    expect(order).toEqual(['first', 'high', 'low']);
  });

  it('retries retryable failures with exponential back-off', async () => {
    const q = createQueue({ minIntervalMs: 0, retries: 3, baseDelayMs: 500, random: () => 1 });
    const attempts: number[] = [];
    const p = q.add(async () => {
      attempts.push(Date.now());
      if (attempts.length < 3) throw new TypeError('fetch failed'); // network down, then back
      return 'ok';
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await p).toBe('ok');
    expect(attempts).toEqual([0, 500, 1500]);
  });

  it('gives up after the retries with the last error', async () => {
    const q = createQueue({ minIntervalMs: 0, retries: 2, baseDelayMs: 100, random: () => 0 });
    let n = 0;
    const p = q.add(async () => {
      n++;
      throw new TranslationError('server', 'p');
    });
    const caught = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await caught).toMatchObject({ kind: 'server' });
    expect(n).toBe(3);
  });

  it('does not retry a wrong key', async () => {
    const q = createQueue({ minIntervalMs: 0 });
    let n = 0;
    const p = q.add(async () => {
      n++;
      throw new TranslationError('auth', 'p');
    });
    await expect(p).rejects.toMatchObject({ kind: 'auth' });
    expect(n).toBe(1);
  });

  it('honours Retry-After on 429, and the whole queue waits', async () => {
    const q = createQueue({ concurrency: 2, minIntervalMs: 0, baseDelayMs: 10 });
    const starts: [string, number][] = [];
    let throttled = false;
    const a = q.add(async () => {
      starts.push(['a', Date.now()]);
      if (!throttled) {
        throttled = true;
        throw new TranslationError('rate-limited', 'p', undefined, { status: 429, retryAfterMs: 2000 });
      }
      return 'a';
    });
    await vi.advanceTimersByTimeAsync(1);
    const b = q.add(async () => {
      starts.push(['b', Date.now()]);
      return 'b';
    });
    await vi.advanceTimersByTimeAsync(3000);
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(starts).toEqual([['a', 0], ['a', 2000], ['b', 2000]]);
  });

  it('does not wait for a Retry-After longer than maxRetryAfterMs: the reader is told', async () => {
    const q = createQueue({ minIntervalMs: 0, maxRetryAfterMs: 60_000 });
    const p = q.add(async () => {
      throw new TranslationError('rate-limited', 'p', undefined, { status: 429, retryAfterMs: 3_600_000 });
    });
    await expect(p).rejects.toMatchObject({ kind: 'rate-limited', retryAfterMs: 3_600_000 });
  });

  it('reads a 429 without Retry-After that outlasts every retry as a used-up quota', async () => {
    const q = createQueue({ minIntervalMs: 0, retries: 2, baseDelayMs: 100, random: () => 1 });
    let n = 0;
    const p = q.add(async () => {
      n++;
      throw new TranslationError('rate-limited', 'p', undefined, { status: 429 });
    });
    const caught = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await caught).toMatchObject({ kind: 'quota', status: 429 });
    expect(n).toBe(3);
  });

  it('cancels waiting tasks at once and hands running ones the signal', async () => {
    const q = createQueue({ concurrency: 1, minIntervalMs: 0 });
    const controller = new AbortController();
    let sawAbort = false;
    const running = q.add(
      (signal) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(new DOMException('stopped', 'AbortError'));
          });
        }),
      { signal: controller.signal },
    );
    let ran = false;
    const waiting = q.add(async () => (ran = true), { signal: controller.signal });
    expect(q.size).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    expect(sawAbort).toBe(true);
    expect(ran).toBe(false);
    expect(q.size).toBe(0);
    await expect(q.add(async () => 1, { signal: controller.signal })).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('cancels a task waiting for its back-off', async () => {
    const q = createQueue({ minIntervalMs: 0, baseDelayMs: 10_000 });
    const controller = new AbortController();
    let n = 0;
    const p = q.add(
      async () => {
        n++;
        throw new TranslationError('server', 'p');
      },
      { signal: controller.signal },
    );
    const caught = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await caught).toMatchObject({ kind: 'cancelled' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(n).toBe(1);
  });
});
