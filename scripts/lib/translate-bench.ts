/**
 * Translation speed for `npm run bench`: a long fixture article, block by block, through the LibreTranslate
 * provider against the Apertium test server on 127.0.0.1 — time to the first translated block and to the whole
 * article, cold (nothing cached) and warm (from the cache). Skipped with a reason where Apertium is missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../utils/extract';
import { toFragment } from '../../utils/sanitize';
import { segmentBlocks, toSegment } from '../../utils/translate/segment';
import { translateArticle } from '../../utils/translate/article';
import { createLibreTranslate } from '../../utils/translate/providers/libretranslate';
import { createMemoryCache } from '../../utils/translate/cache';
import { checkApertium, startTranslateServer } from '../../test/translate-server/server';
import { loadPage } from './page';

export interface TranslateBench {
  fixture: string;
  pair: string;
  blocks: number;
  words: number;
  cold: { firstBlockMs: number | null; totalMs: number; requests: number; failed: number };
  warm: { firstBlockMs: number | null; totalMs: number; fromCache: number };
}

export async function benchTranslation(root: string, fixture = 'structure/very-long'): Promise<TranslateBench | { skipped: string }> {
  const apertium = checkApertium();
  if (!apertium.ok) return { skipped: `apertium not available: ${apertium.reason}` };
  const dir = join(root, 'test', 'fixtures', fixture);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { url: string };
  const { window } = loadPage(readFileSync(join(dir, 'source.html'), 'utf8'), expected.url);
  const article = extractArticle(window.document, { url: expected.url });
  if (!article) return { skipped: `no article in ${fixture}` };
  const body = window.document.createElement('div');
  body.append(toFragment(article.contentHtml, window.document));
  const segments = segmentBlocks(body).map(toSegment);

  const server = await startTranslateServer();
  try {
    const provider = createLibreTranslate({ url: server.url, fetch: (input, init) => fetch(input, init) });
    const cache = createMemoryCache();
    const pair = { source: 'en', target: 'es' };
    const visible = segments.slice(0, 4).map((s) => s.id);
    const cold = await translateArticle({ segments, provider, pair, cache, visible, now: () => performance.now() });
    const warm = await translateArticle({ segments, provider, pair, cache, visible, now: () => performance.now() });
    return {
      fixture,
      pair: 'en→es',
      blocks: segments.length,
      words: article.wordCount,
      cold: { firstBlockMs: r(cold.firstBlockMs), totalMs: r(cold.totalMs)!, requests: cold.requests, failed: cold.failed.length + (cold.error ? 1 : 0) },
      warm: { firstBlockMs: r(warm.firstBlockMs), totalMs: r(warm.totalMs)!, fromCache: warm.fromCache },
    };
  } finally {
    await server.stop();
    window.close();
  }
}

const r = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);
