/**
 * Fills the library of a real browser profile for the bench (bundled by esbuild and run in an extension page,
 * where indexedDB is the extension's own): n generated articles through Library.merge (a batch per transaction,
 * as a big import does), then the search indexes built and persisted, as they are for a person whose library grew
 * over time. Exposed as window.__jernihSeed(n).
 */
import { Library } from '../../utils/library/library';
import { canonicalUrl } from '../../utils/library/canonical';
import type { MergeItem, SavedArticle } from '../../utils/library/types';
import { imageBlob, makeGenerator } from './library-gen';

export async function seedLibrary(n: number, seed = 42): Promise<{ seedMs: number; indexMs: number }> {
  const lib = new Library({ indexedDB, IDBKeyRange, searchPersistDelayMs: 0 });
  const gen = makeGenerator(seed);
  const start = Date.UTC(2025, 0, 1);
  const t0 = performance.now();
  const BATCH = 500;
  for (let from = 0; from < n; from += BATCH) {
    const items: MergeItem[] = [];
    for (let i = from; i < Math.min(n, from + BATCH); i++) {
      const { article, imageUrl } = gen(i);
      const savedAt = start + i * 60_000;
      const record: Omit<SavedArticle, 'rev'> = {
        id: `bench-${String(i).padStart(6, '0')}`,
        canonicalUrl: canonicalUrl(article.url),
        article,
        savedAt,
        updatedAt: savedAt,
        read: i % 3 === 0,
        position: { progress: 0, block: 0 },
        tags: i % 7 === 0 ? ['penting'] : [],
        images: imageUrl ? [imageUrl] : [],
        needsContent: false,
        deletedAt: null,
      };
      items.push({ kind: 'record', record, images: imageUrl ? [{ url: imageUrl, blob: imageBlob(i) }] : [] });
    }
    await lib.merge(items);
  }
  const seedMs = performance.now() - t0;
  const t1 = performance.now();
  await lib.searchStore.index('heads');
  await lib.searchStore.index('body');
  await lib.close();
  return { seedMs: Math.round(seedMs), indexMs: Math.round(performance.now() - t1) };
}

(globalThis as Record<string, unknown>).__jernihSeed = seedLibrary;
