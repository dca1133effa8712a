/**
 * Integration with a real machine translation engine: the LibreTranslate provider, the queue and the article
 * code against test/translate-server (LibreTranslate API, Apertium from Debian). English -> Spanish and
 * Indonesian -> Malay (Debian has no Indonesian-English pair). Checks real translated words, and that links
 * (with the page's addresses) and bold are still in place after Apertium moved them with the words.
 * Skips, saying why, only where `apertium` is not installed (.ci/run installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFragment } from '@/utils/sanitize';
import { translateArticle } from '@/utils/translate/article';
import { createQueue } from '@/utils/translate/queue';
import { createLibreTranslate } from '@/utils/translate/providers/libretranslate';
import { applyTranslation, segmentBlocks, toSegment, type Block } from '@/utils/translate/segment';
import type { LanguagePair } from '@/utils/translate/types';
import { checkApertium, startTranslateServer, type TranslateServer } from '../translate-server/server';

const apertium = checkApertium();
if (!apertium.ok) console.warn(`translate-apertium.test.ts skipped: ${apertium.reason}`);

function blocksOf(html: string): Block[] {
  const root = document.createElement('article');
  root.appendChild(toFragment(html, document));
  return segmentBlocks(root);
}

/** Translates the blocks through the provider and puts them back: one element per block, as the reader shows. */
async function translate(url: string, html: string, pair: LanguagePair, apiKey?: string) {
  const blocks = blocksOf(html);
  const provider = createLibreTranslate({ url, apiKey, fetch: (input, init) => fetch(input, init) });
  const report = await translateArticle({ segments: blocks.map(toSegment), provider, pair, queue: createQueue({ minIntervalMs: 0 }) });
  const out = blocks.map((b) => {
    const el = document.createElement(b.element.localName);
    const translated = report.translations.get(b.id);
    if (translated !== undefined) el.appendChild(applyTranslation(b, translated).fragment);
    return el;
  });
  return { report, out, blocks };
}

describe.skipIf(!apertium.ok)(`Apertium through the LibreTranslate provider${apertium.ok ? '' : ` (skipped: ${apertium.reason})`}`, () => {
  let server: TranslateServer;
  beforeAll(async () => {
    server = await startTranslateServer({ batchLimit: 3 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('translates English HTML into Spanish, keeping links and bold in place', async () => {
    const { report, out } = await translate(
      server.url,
      `<h2>The new road</h2>
       <p>The president opened a new <b>toll road</b> in <a href="https://x.example/jawa?ref=1&amp;b=2">Central Java</a>. He said <i>prices</i> will fall.</p>
       <ul><li>The house is big.</li></ul>`,
      { source: 'en', target: 'es' },
    );
    expect(report.error).toBeUndefined();
    expect(report.done).toBe(3);
    const [h2, p, li] = out;
    expect(h2.textContent).toMatch(/carretera/i);
    expect(p.textContent).toMatch(/presidente/);
    expect(p.textContent).toMatch(/carretera/);
    expect(p.querySelector('b')?.textContent).toMatch(/peaje/);
    const a = p.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://x.example/jawa?ref=1&b=2');
    expect(a.textContent).toBe('Central Java'); // a name Apertium leaves as it is
    expect(p.querySelector('i')?.textContent).toMatch(/precios/);
    expect(li.textContent).toMatch(/casa/);
    expect(p.innerHTML).not.toMatch(/ id="t\d+"/);
    // The request held no addresses, only marker tags.
    const sent = JSON.stringify(server.requests.filter((r) => r.path === '/translate').map((r) => r.body));
    expect(sent).not.toContain('x.example');
    expect(sent).toContain('"format":"html"');
  });

  it('translates Indonesian HTML into Malay', async () => {
    const { report, out } = await translate(
      server.url,
      '<p>Presiden <b>meresmikan</b> jalan tol baru di <a href="https://x.example/jateng">Jawa Tengah</a>.</p>',
      { source: 'id', target: 'ms' },
    );
    expect(report.error).toBeUndefined();
    const [p] = out;
    expect(p.querySelector('b')?.textContent).toBe('merasmikan');
    expect(p.querySelector('a')?.getAttribute('href')).toBe('https://x.example/jateng');
    expect(p.textContent).toContain('jalan tol baru');
  });

  it('splits batches over the server limit and still translates everything', async () => {
    const html = Array.from({ length: 5 }, (_, i) => `<p>The house number ${i + 1} is big.</p>`).join('');
    const blocks = blocksOf(html);
    // Ask for more per request than the server's batch_limit (3): it answers 400 "exceeds text limit".
    const provider = createLibreTranslate({ url: server.url, fetch: (u, i) => fetch(u, i), maxItems: 5 });
    const report = await translateArticle({ segments: blocks.map(toSegment), provider, pair: { source: 'en', target: 'es' }, queue: createQueue({ minIntervalMs: 0 }) });
    expect(report.done).toBe(5);
    expect([...report.translations.values()].every((t) => /casa/.test(t))).toBe(true);
  });

  it('reports the server’s refusals as reader errors', async () => {
    const pair = { source: 'en', target: 'es' };
    expect((await translate(server.url, '<p>Hello.</p>', pair, 'bad')).report.error?.kind).toBe('auth');
    expect((await translate(server.url, '<p>Hello.</p>', pair, 'quota')).report.error?.kind).toBe('quota');
    expect((await translate(server.url, '<p>Hello.</p>', { source: 'en', target: 'ms' })).report.error?.kind).toBe('unsupported-pair');
    const provider = createLibreTranslate({ url: server.url, fetch: (u, i) => fetch(u, i) });
    expect(await provider.availability({ source: 'id', target: 'ms' })).toBe('available');
    expect(await provider.availability({ source: 'id', target: 'en' })).toBe('unavailable');
  });

  it('waits out a 429 with Retry-After, then translates', async () => {
    const started = Date.now();
    const { report, out } = await translate(server.url, '<p>The house is big.</p>', { source: 'en', target: 'es' }, 'slow');
    expect(report.error).toBeUndefined();
    expect(report.requests).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(out[0].textContent).toMatch(/casa/);
  });

  it('says "timed out" for a server that never answers, and "network" once it is gone', async () => {
    const own = await startTranslateServer();
    const blocks = blocksOf('<p>Hello.</p>');
    const hanging = createLibreTranslate({ url: own.url, apiKey: 'hang', fetch: (u, i) => fetch(u, i), timeoutMs: 300 });
    const timed = await translateArticle({ segments: blocks.map(toSegment), provider: hanging, pair: { source: 'en', target: 'es' }, prepare: false, queue: createQueue({ retries: 0 }) });
    expect(timed.failed.map((f) => f.error.kind)).toEqual(['timed-out']);
    await own.stop();
    const gone = createLibreTranslate({ url: own.url, fetch: (u, i) => fetch(u, i) });
    const down = await translateArticle({ segments: blocks.map(toSegment), provider: gone, pair: { source: 'en', target: 'es' }, queue: createQueue({ retries: 0 }) });
    expect(down.error?.kind ?? down.failed[0]?.error.kind).toBe('network');
  });
}, 30_000);
