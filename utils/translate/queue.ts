/**
 * A small request queue for translation batches: limits on concurrency and on the rate of starts, retries with
 * exponential back-off and jitter, and Retry-After honoured on 429 — for the whole queue, because a server that
 * throttles throttles the client, not one request (modelled on read-frog's request-queue, notes/translation.md
 * §4). Timers and the clock are the globals by default, so vitest's fake timers drive it in tests.
 */
import { errorFromThrown, TranslationError } from './errors';

export interface QueueOptions {
  /** Requests in flight at once. */
  concurrency?: number;
  /** At least this long between two starts: the rate limit (250 ms = 4 requests a second). */
  minIntervalMs?: number;
  /** Further tries after the first, for retryable failures (rate-limited, network, timed-out, server). */
  retries?: number;
  /** First back-off; doubled on each retry, with jitter, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the reader is told to come back later instead. */
  maxRetryAfterMs?: number;
  /** Names the provider in errors the queue makes itself. */
  provider?: string;
  now?: () => number;
  random?: () => number;
}

export interface AddOptions {
  signal?: AbortSignal;
  /** Higher runs first (visible blocks before the rest); equal priorities keep their order. */
  priority?: number;
}

export interface Queue {
  add<T>(task: (signal: AbortSignal) => Promise<T>, options?: AddOptions): Promise<T>;
  /** Waiting tasks, not counting those in flight. */
  readonly size: number;
  readonly active: number;
}

interface Job {
  task: (signal: AbortSignal) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  signal: AbortSignal;
  priority: number;
  seq: number;
  attempt: number;
  notBefore: number;
  cleanup(): void;
}

export function createQueue(options: QueueOptions = {}): Queue {
  const {
    concurrency = 2,
    minIntervalMs = 250,
    retries = 3,
    baseDelayMs = 500,
    maxDelayMs = 20_000,
    maxRetryAfterMs = 60_000,
    provider = 'queue',
    now = () => Date.now(),
    random = Math.random,
  } = options;
  const pending: Job[] = [];
  let active = 0;
  let seq = 0;
  let nextStartAt = 0;
  let pausedUntil = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;

  const readyAt = (job: Job): number => Math.max(job.notBefore, pausedUntil, nextStartAt);

  function schedule(at: number): void {
    if (timer !== undefined && timerAt <= at) return;
    if (timer !== undefined) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = Infinity;
      pump();
    }, Math.max(0, at - now()));
  }

  function pump(): void {
    while (active < Math.max(1, concurrency) && pending.length) {
      const t = now();
      let best: Job | undefined;
      let earliest = Infinity;
      for (const job of pending) {
        const at = readyAt(job);
        if (at > t) {
          earliest = Math.min(earliest, at);
          continue;
        }
        if (!best || job.priority > best.priority || (job.priority === best.priority && job.seq < best.seq)) best = job;
      }
      if (!best) {
        schedule(earliest);
        return;
      }
      pending.splice(pending.indexOf(best), 1);
      active++;
      nextStartAt = t + minIntervalMs;
      void run(best);
    }
  }

  function backoff(attempt: number): number {
    const full = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return Math.round(full * (0.5 + random() / 2));
  }

  async function run(job: Job): Promise<void> {
    job.attempt++;
    try {
      const value = await job.task(job.signal);
      job.cleanup();
      job.resolve(value);
    } catch (thrown) {
      const error = job.signal.aborted ? cancelled(job.signal) : errorFromThrown(provider, thrown);
      const retry = error.retryable && job.attempt <= retries && !job.signal.aborted;
      const wait = error.retryAfterMs ?? backoff(job.attempt);
      if (retry && (error.retryAfterMs === undefined || error.retryAfterMs <= maxRetryAfterMs)) {
        job.notBefore = now() + wait;
        if (error.kind === 'rate-limited') pausedUntil = Math.max(pausedUntil, job.notBefore);
        pending.push(job);
      } else {
        job.cleanup();
        job.reject(giveUp(error, job.attempt > retries));
      }
    } finally {
      active--;
      pump();
    }
  }

  /**
   * A 429 that never said when to come back and kept coming through every retry is read as a used-up quota
   * (some servers, LibreTranslate among them, answer 429 for both); with a Retry-After it stays 'rate-limited'.
   */
  function giveUp(error: TranslationError, exhausted: boolean): TranslationError {
    if (exhausted && error.kind === 'rate-limited' && error.retryAfterMs === undefined) {
      return new TranslationError('quota', error.provider, 'still rate limited after every retry', {
        status: error.status,
        cause: error,
      });
    }
    return error;
  }

  function cancelled(signal: AbortSignal): TranslationError {
    const reason = signal.reason as { name?: string } | undefined;
    return reason?.name === 'TimeoutError'
      ? errorFromThrown(provider, reason)
      : new TranslationError('cancelled', provider, undefined, { cause: reason });
  }

  return {
    add<T>(task: (signal: AbortSignal) => Promise<T>, opts: AddOptions = {}): Promise<T> {
      const signal = opts.signal ?? new AbortController().signal;
      return new Promise<T>((resolve, reject) => {
        if (signal.aborted) {
          reject(cancelled(signal));
          return;
        }
        const job: Job = {
          task,
          resolve: resolve as (v: unknown) => void,
          reject,
          signal,
          priority: opts.priority ?? 0,
          seq: seq++,
          attempt: 0,
          notBefore: 0,
          cleanup: () => signal.removeEventListener('abort', onAbort),
        };
        // A waiting job leaves at once on Cancel; one in flight is ended by its task, which has the signal.
        function onAbort(): void {
          const i = pending.indexOf(job);
          if (i < 0) return;
          pending.splice(i, 1);
          job.cleanup();
          reject(cancelled(signal));
        }
        signal.addEventListener('abort', onAbort);
        pending.push(job);
        pump();
      });
    },
    get size() {
      return pending.length;
    },
    get active() {
      return active;
    },
  };
}
