/** A whole article through a (fake) provider: order, cache, progress, splitting, stopping, Cancel, timings. */
import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '@/utils/translate/cache';
import { translateArticle, type Progress } from '@/utils/translate/article';
import { TranslationError } from '@/utils/translate/errors';
import { createQueue } from '@/utils/translate/queue';
import type { Segment, TranslationProvider } from '@/utils/translate/types';

const seg = (id: string, html = `text ${id}`): Segment => ({ id, html, text: html, runs: [] });
const pair = { source: 'en', target: 'es' };
/** No waiting between requests: these tests are about order and bookkeeping, the queue has its own tests. */
const fastQueue = () => createQueue({ minIntervalMs: 0, baseDelayMs: 1, concurrency: 1 });

function fakeProvider(o: {
  maxItems?: number;
  maxChars?: number;
  fail?: (batch: readonly Segment[], call: number) => Error | undefined;
  prepare?: () => Promise<void>;
  delay?: (signal?: AbortSignal) => Promise<void>;
} = {}): TranslationProvider & { batches: string[][] } {
  const batches: string[][] = [];
  return {
    id: 'libretranslate',
    cacheId: 'fake',
    label: 'Fake',
    capabilities: { html: true, maxItems: o.maxItems ?? 3, maxChars: o.maxChars ?? 10_000, needsKey: false, local: false },
    batches,
    async availability() {
      return 'available';
    },
    prepare: o.prepare,
    async translate(segments, _pair, opts) {
      batches.push(segments.map((s) => s.id));
      await o.delay?.(opts?.signal);
      const error = o.fail?.(segments, batches.length);
      if (error) throw error;
      return segments.map((s) => `ES(${s.html})`);
    },
  };
}

describe('translateArticle', () => {
  it('translates every block, visible ones first, in batches within the limits', async () => {
    const segments = ['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((id) => seg(id));
    const provider = fakeProvider({ maxItems: 3 });
    const arrived: string[] = [];
    const report = await translateArticle({
      segments, provider, pair, visible: ['b4', 'b5'], queue: fastQueue(), onSegment: (id) => arrived.push(id),
    });
    expect(provider.batches).toEqual([['b4', 'b5'], ['b0', 'b1', 'b2'], ['b3', 'b6']]);
    expect(arrived.slice(0, 2)).toEqual(['b4', 'b5']);
    expect(report.done).toBe(7);
    expect(report.translations.get('b3')).toBe('ES(text b3)');
    expect(report.requests).toBe(3);
    expect(report.error).toBeUndefined();
    expect(report.firstBlockMs).not.toBeNull();
    expect(report.totalMs).toBeGreaterThanOrEqual(report.firstBlockMs!);
  });

  it('reports progress as "done of total"', async () => {
    const progress: Progress[] = [];
    await translateArticle({
      segments: ['a', 'b', 'c'].map((id) => seg(id)), provider: fakeProvider({ maxItems: 2 }), pair, queue: fastQueue(),
      onProgress: (p) => progress.push(p),
    });
    expect(progress.map((p) => `${p.done} of ${p.total}`)).toEqual(['0 of 3', '2 of 3', '3 of 3']);
  });

  it('serves cached blocks without asking the provider, and fills the cache', async () => {
    const cache = createMemoryCache();
    await cache.setMany([[{ provider: 'fake', source: 'en', target: 'es', text: 'text b1' }, 'CACHED']]);
    const provider = fakeProvider();
    const report = await translateArticle({ segments: [seg('b0'), seg('b1')], provider, pair, cache, queue: fastQueue() });
    expect(provider.batches).toEqual([['b0']]);
    expect(report.fromCache).toBe(1);
    expect(report.translations.get('b1')).toBe('CACHED');
    expect(await cache.getMany([{ provider: 'fake', source: 'en', target: 'es', text: 'text b0' }])).toEqual(['ES(text b0)']);
    const again = fakeProvider();
    const second = await translateArticle({ segments: [seg('b0'), seg('b1')], provider: again, pair, cache, queue: fastQueue() });
    expect(again.batches).toEqual([]);
    expect(second.fromCache).toBe(2);
  });

  it('translates the same text once', async () => {
    const provider = fakeProvider();
    const report = await translateArticle({ segments: [seg('b0', 'Same'), seg('b1', 'Other'), seg('b2', 'Same')], provider, pair, queue: fastQueue() });
    expect(provider.batches).toEqual([['b0', 'b1']]);
    expect(report.translations.get('b2')).toBe('ES(Same)');
    expect(report.done).toBe(3);
  });

  it('splits a batch the provider found too long, and reports a single block that still is', async () => {
    const provider = fakeProvider({
      maxItems: 4,
      fail: (batch) =>
        batch.length > 1 || batch[0].id === 'big' ? new TranslationError('too-long', 'fake', 'request exceeds text limit', { status: 400 }) : undefined,
    });
    const report = await translateArticle({ segments: [seg('a'), seg('big'), seg('c'), seg('d')], provider, pair, queue: fastQueue() });
    expect(report.done).toBe(3);
    expect(report.failed.map((f) => [f.id, f.error.kind])).toEqual([['big', 'too-long']]);
    expect(report.error).toBeUndefined();
  });

  it('stops everything at a wrong key, and says so once', async () => {
    const provider = fakeProvider({ maxItems: 1, fail: () => new TranslationError('auth', 'fake', 'Invalid API key', { status: 403 }) });
    const report = await translateArticle({ segments: ['a', 'b', 'c', 'd'].map((id) => seg(id)), provider, pair, queue: fastQueue() });
    expect(report.error?.kind).toBe('auth');
    expect(provider.batches).toHaveLength(1);
    expect(report.done).toBe(0);
    expect(report.failed).toEqual([]);
    expect(report.cancelled).toBe(false);
  });

  it('stops when preparing fails (the Chrome download needs a click)', async () => {
    const provider = fakeProvider({ prepare: () => Promise.reject(new DOMException('Requires a user gesture', 'NotAllowedError')) });
    const report = await translateArticle({ segments: [seg('a')], provider, pair, queue: fastQueue() });
    expect(report.error?.kind).toBe('needs-click');
    expect(provider.batches).toEqual([]);
  });

  it('retries a network failure through the queue', async () => {
    const provider = fakeProvider({ fail: (_b, call) => (call === 1 ? new TypeError('fetch failed') : undefined) });
    const report = await translateArticle({ segments: [seg('a')], provider, pair, queue: fastQueue() });
    expect(report.done).toBe(1);
    expect(report.requests).toBe(2);
  });

  it('keeps what arrived when the reader cancels', async () => {
    const controller = new AbortController();
    const provider = fakeProvider({
      maxItems: 1,
      delay: (signal) =>
        new Promise<void>((resolve, reject) => {
          if (provider.batches.length === 1) return resolve();
          controller.abort();
          if (signal?.aborted) reject(signal.reason);
          signal?.addEventListener('abort', () => reject(signal.reason));
        }),
    });
    const report = await translateArticle({ segments: ['a', 'b', 'c'].map((id) => seg(id)), provider, pair, queue: fastQueue(), signal: controller.signal });
    expect(report.cancelled).toBe(true);
    expect([...report.translations.keys()]).toEqual(['a']);
    expect(report.error).toBeUndefined();
    expect(report.failed).toEqual([]);
  });

  it('measures time to first block and to the whole with the injected clock', async () => {
    let t = 0;
    const provider = fakeProvider({
      maxItems: 1,
      delay: async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        t += 100;
      },
    });
    const report = await translateArticle({ segments: ['a', 'b', 'c'].map((id) => seg(id)), provider, pair, queue: fastQueue(), now: () => t });
    expect(report.firstBlockMs).toBe(100);
    expect(report.totalMs).toBe(300);
  });
});
