/**
 * A whole article through a provider: cache first, visible blocks first, batches within the provider's limits
 * through the queue, each block handed to the UI as soon as it is back, progress ("12 of 40") and Cancel.
 * Works on Segments (plain data), so it can run wherever the provider does; the UI applies each result with
 * applyTranslation. It also reports time to first block and to the whole, which `npm run bench` will read.
 */
import { packBatches, splitBatch } from './batch';
import type { CacheKey, TranslationCache } from './cache';
import { errorFromThrown, TranslationError } from './errors';
import { createQueue, type Queue } from './queue';
import { orderForTranslation } from './segment';
import type { LanguagePair, Segment, TranslationProvider } from './types';

export interface Progress {
  /** Blocks translated so far (from the cache or the provider). */
  done: number;
  total: number;
  failed: number;
}

export interface TranslateArticleOptions {
  /** The article's blocks in document order (segmentBlocks, then toSegment when crossing a message). */
  segments: readonly Segment[];
  provider: TranslationProvider;
  pair: LanguagePair;
  cache?: TranslationCache;
  /** Defaults to a queue of 2 requests at a time (1 for an on-device provider). */
  queue?: Queue;
  /** Ids of blocks on screen: they go first, in a batch of their own so the reader sees them soonest. */
  visible?: Iterable<string>;
  signal?: AbortSignal;
  /** Run provider.prepare first (default true). For Chrome the caller runs it from the click, for the gesture. */
  prepare?: boolean;
  onSegment?(id: string, html: string, info: { fromCache: boolean }): void;
  onProgress?(progress: Progress): void;
  now?: () => number;
}

export interface ArticleReport {
  total: number;
  done: number;
  fromCache: number;
  /** Requests made to the provider (retries included). */
  requests: number;
  /** Blocks that failed on their own (a block over the size limit); the others went on. */
  failed: { id: string; error: TranslationError }[];
  /** The failure that stopped the whole translation (wrong key, quota, unsupported pair, needs a click...). */
  error?: TranslationError;
  cancelled: boolean;
  /** Milliseconds from the start to the first block ready, null if none was. */
  firstBlockMs: number | null;
  totalMs: number;
  /** Provider output (marker HTML) by segment id. */
  translations: Map<string, string>;
}

export async function translateArticle(o: TranslateArticleOptions): Promise<ArticleReport> {
  const now = o.now ?? (() => Date.now());
  const start = now();
  const { provider, pair } = o;
  const report: ArticleReport = {
    total: o.segments.length, done: 0, fromCache: 0, requests: 0, failed: [], cancelled: false,
    firstBlockMs: null, totalMs: 0, translations: new Map(),
  };
  const progress = (): void => o.onProgress?.({ done: report.done, total: report.total, failed: report.failed.length });

  const visible = new Set(o.visible ?? []);
  const ordered = orderForTranslation(o.segments, visible);
  // The same text twice (a repeated caption, "Baca juga") is translated once.
  const groups = new Map<string, Segment[]>();
  for (const s of ordered) {
    const g = groups.get(s.html);
    if (g) g.push(s);
    else groups.set(s.html, [s]);
  }
  const unique = [...groups.values()].map((g) => g[0]);
  const keyOf = (s: Segment): CacheKey => ({ provider: provider.cacheId, source: pair.source, target: pair.target, text: s.html });

  const emit = (s: Segment, html: string, fromCache: boolean): void => {
    for (const same of groups.get(s.html) ?? [s]) {
      report.translations.set(same.id, html);
      report.done++;
      if (fromCache) report.fromCache++;
      report.firstBlockMs ??= now() - start;
      o.onSegment?.(same.id, html, { fromCache });
    }
  };
  const fail = (s: Segment, error: TranslationError): void => {
    for (const same of groups.get(s.html) ?? [s]) report.failed.push({ id: same.id, error });
  };
  const finish = (): ArticleReport => {
    report.cancelled = !!o.signal?.aborted;
    report.totalMs = now() - start;
    return report;
  };

  progress();
  const hits = o.cache ? await o.cache.getMany(unique.map(keyOf)).catch(() => []) : [];
  const todo: Segment[] = [];
  unique.forEach((s, i) => {
    const hit = hits[i];
    if (hit !== undefined) emit(s, hit, true);
    else todo.push(s);
  });
  if (todo.length < unique.length) progress();
  if (!todo.length || o.signal?.aborted) return finish();

  // One controller for the run: Cancel aborts it, and so does the first failure that would fail every batch.
  const controller = new AbortController();
  const onCancel = (): void => controller.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', onCancel, { once: true });
  const stop = (error: TranslationError): void => {
    if (report.error || o.signal?.aborted || error.kind === 'cancelled') return;
    report.error = error;
    controller.abort(error);
  };

  try {
    if (o.prepare ?? true) {
      try {
        await provider.prepare?.(pair, { signal: controller.signal });
      } catch (e) {
        const error = errorFromThrown(provider.id, e);
        if (error.kind !== 'cancelled') report.error = error;
        return finish();
      }
    }
    const limits = provider.capabilities;
    const size = (s: Segment): number => s.html.length;
    const batches = [
      ...packBatches(todo.filter((s) => visible.has(s.id)), limits, size),
      ...packBatches(todo.filter((s) => !visible.has(s.id)), limits, size),
    ];
    const queue = o.queue ?? createQueue({ provider: provider.id, concurrency: limits.local ? 1 : 2 });

    const run = async (batch: Segment[], priority: number): Promise<void> => {
      try {
        const out = await queue.add(
          async (signal) => {
            report.requests++;
            try {
              return await provider.translate(batch, pair, { signal });
            } catch (e) {
              // Stop here, before the queue starts the next batch: a wrong key fails every other request too.
              const error = errorFromThrown(provider.id, e);
              if (error.fatal && error.kind !== 'cancelled') stop(error);
              throw error;
            }
          },
          { signal: controller.signal, priority },
        );
        // Shown first, stored after: the reader should not wait for the cache.
        batch.forEach((s, i) => emit(s, out[i], false));
        progress();
        await o.cache?.setMany(batch.map((s, i) => [keyOf(s), out[i]] as const)).catch(() => undefined);
      } catch (e) {
        const error = errorFromThrown(provider.id, e);
        if (controller.signal.aborted && (error.kind === 'cancelled' || error === report.error)) return;
        // Over the provider's size limit: try the halves (a server's batch_limit or char_limit we did not know).
        if (error.kind === 'too-long' && batch.length > 1) {
          const [a, b] = splitBatch(batch);
          await Promise.all([run(a, priority), run(b, priority)]);
        } else if (error.fatal) {
          stop(error);
        } else {
          batch.forEach((s) => fail(s, error));
          progress();
        }
      }
    };
    // Earlier batches (visible first) get higher priority, so they lead even on a queue shared with others.
    await Promise.all(batches.map((batch, i) => run(batch, batches.length - i)));
    return finish();
  } finally {
    o.signal?.removeEventListener('abort', onCancel);
  }
}
