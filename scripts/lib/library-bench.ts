/**
 * Bench of the saved-articles library (DESIGN.md budgets: popup list painted under 150 ms and search under 30 ms
 * a keystroke with 10,000 saved articles). Measured, never asserted in tests.
 *
 *   benchLibrary({ n: 10000 }) -> figures (ms, MB)
 *   npx tsx scripts/lib/library-bench.ts [n]     (prints the figures as JSON)
 *
 * Runs in Node on fake-indexeddb, an in-memory IndexedDB written in JavaScript: its requests are slower than a
 * browser's, so the IndexedDB parts (list, save, export) are an upper bound; the search figures are mostly
 * MiniSearch and carry over. Articles are generated: bodies of 1,000-2,000 words from a small Indonesian word
 * list, grouped by topic (so a topic word is in a fraction of the library, not in all of it), with made-up
 * names, and one small stored image in every tenth article.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Library } from '../../utils/library/library';
import { exportEpub, exportJson, exportMarkdownZip } from '../../utils/library/export';
import { JSDOM } from 'jsdom';
import type { MergeItem, SavedArticle } from '../../utils/library/types';
import { canonicalUrl } from '../../utils/library/canonical';
import { imageBlob, makeGenerator } from './library-gen';

export { imageBlob, makeGenerator } from './library-gen';

export interface LibraryBenchOptions {
  n: number;
  /** Keystrokes are taken from these queries, typed one character at a time. */
  queries?: string[];
  /** Saves to time. */
  saves?: number;
  /** Articles in the Markdown and EPUB exports (they sanitize every body in a jsdom window: slow in Node). */
  exportSample?: number;
  seed?: number;
  log?: (msg: string) => void;
}

export interface LibraryBenchFigures {
  n: number;
  seedMs: number;
  /** Popup open: a new page opens the database and reads the first 50 summaries. */
  listFirstPageColdMs: number;
  listFirstPageMs: { median: number; p95: number };
  countMs: number;
  /** Loading the persisted indexes in a new page (heads, then body). */
  searchLoadHeadsMs: number;
  searchLoadBodyMs: number;
  /** Every keystroke of the queries (three rounds), with both indexes loaded; max includes GC pauses of a ~1 GB Node heap. */
  searchKeystrokeMs: { median: number; p95: number; max: number; keystrokes: number };
  /**
   * The same keystrokes (one round) on the heads index only (waitForBodies: false before the body index is there).
   * The body snapshot loads meanwhile, in the same thread: its slices land in some of these keystrokes.
   */
  searchHeadsOnlyKeystrokeMs: { median: number; p95: number; max: number };
  /** Rebuilding both indexes from the stores (first use, missing or corrupt snapshot). */
  searchRebuildMs: { heads: number; body: number };
  snapshotMB: { heads: number; body: number };
  saveMs: { median: number; p95: number };
  /** A save while a loaded search index is kept in step. */
  saveWithIndexMs: { median: number; p95: number };
  exportAllJsonMs: number;
  exportAllJsonMB: number;
  /** Markdown zip and EPUB of the newest `exportSample` articles, and per article. */
  exportSample: number;
  exportMarkdownMs: number;
  exportEpubMs: number;
  exportMarkdownMsPerArticle: number;
  exportEpubMsPerArticle: number;
  heapUsedMB: number;
}

// --- measuring ----------------------------------------------------------------------------------------------------

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const r = (x: number) => Math.round(x * 100) / 100;
  return { median: r(at(0.5)), p95: r(at(0.95)), max: r(s[s.length - 1]) };
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

const mb = (chars: number) => Math.round((chars / 1e6) * 10) / 10;

export async function benchLibrary(opts: LibraryBenchOptions): Promise<LibraryBenchFigures> {
  const log = opts.log ?? (() => undefined);
  const n = opts.n;
  const queries = opts.queries ?? ['banjir jakarta', 'harga beras', 'korupsi hakim', 'timnas pelatih', 'kereta cepat', 'saham ihsg'];
  const factory = new IDBFactory();
  const start = Date.UTC(2025, 0, 1);
  const env = { indexedDB: factory, IDBKeyRange, name: 'bench', searchPersistDelayMs: 0, now: () => Date.now() };
  const gen = makeGenerator(opts.seed ?? 42);

  // Seed through the import path (Library.merge), a batch per transaction, as a large import would.
  const seeding = new Library(env);
  const [, seedMs] = await time(async () => {
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
      await seeding.merge(items);
      if ((from / BATCH) % 4 === 0) log(`seeded ${Math.min(n, from + BATCH)}/${n}`);
    }
  });
  log(`seeded ${n} articles in ${Math.round(seedMs)} ms`);

  // Index rebuild (what the first search after an upgrade pays), which also writes the snapshots.
  const [, rebuildHeads] = await time(() => seeding.searchStore.index('heads'));
  const [, rebuildBody] = await time(() => seeding.searchStore.index('body'));
  log(`rebuilt indexes: heads ${Math.round(rebuildHeads)} ms, body ${Math.round(rebuildBody)} ms`);
  await seeding.close();

  // The popup opens: list first.
  const popup = new Library(env);
  const [, listFirstPageColdMs] = await time(() => popup.list({ limit: 50 }));
  const listRuns: number[] = [];
  for (let k = 0; k < 15; k++) listRuns.push((await time(() => popup.list({ limit: 50 })))[1]);
  const [, countMs] = await time(() => popup.count());

  // Then search: the first keystrokes answer from the heads index while the body index loads.
  const keystrokes = queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)).filter((s) => s.trim()));
  const [, searchLoadHeadsMs] = await time(() => popup.searchStore.index('heads'));
  const headsOnly: number[] = [];
  for (const k of keystrokes) headsOnly.push((await time(() => popup.search(k, { waitForBodies: false })))[1]);
  await popup.searchReady();
  // Loading the body snapshot on its own, in another new page (in the popup above it loads behind the keystrokes).
  const other = new Library(env);
  const [, searchLoadBodyMs] = await time(() => other.searchStore.index('body'));
  await other.close();
  // Three rounds, so the percentiles rest on a few hundred keystrokes.
  const full: number[] = [];
  for (let round = 0; round < 3; round++) for (const k of keystrokes) full.push((await time(() => popup.search(k)))[1]);
  log(`search: ${keystrokes.length} keystrokes, median ${stats(full).median} ms`);

  const db = await popup.db();
  const snap = async (key: string) =>
    new Promise<number>((resolve) => {
      const r = db.transaction(['meta']).objectStore('meta').get(key);
      r.onsuccess = () => resolve((r.result?.json?.length as number) ?? 0);
    });
  const snapshotMB = { heads: mb(await snap('search:heads')), body: mb(await snap('search:body')) };

  // Saves: new articles with one image each, first in a page without a search index (the reader page or the
  // background), then in the popup whose indexes follow every save.
  const saves = opts.saves ?? 20;
  const fetchImage = async (url: string) => imageBlob(url.length);
  const saver = new Library({ ...env, fetchImage });
  const saveRuns: number[] = [];
  for (let k = 0; k < saves; k++) {
    const { article } = gen(n + k);
    saveRuns.push((await time(() => saver.save({ ...article, leadImage: { src: `https://img.example/${k}.jpg`, alt: '', caption: null, inBody: false } })))[1]);
  }
  await saver.close();
  await popup.search('a');
  const withIndex: number[] = [];
  const popupSaver = popup;
  for (let k = 0; k < saves; k++) {
    const { article } = gen(n + saves + k);
    withIndex.push((await time(() => popupSaver.save(article)))[1]);
  }

  const [json, exportAllJsonMs] = await time(() => exportJson(popup));
  const sample = Math.min(opts.exportSample ?? 200, n);
  const ids = (await popup.list({ limit: 500 })).items.slice(0, sample).map((s) => s.id);
  const doc = new JSDOM('<!doctype html><body></body>').window.document;
  const [, exportMarkdownMs] = await time(() => exportMarkdownZip(popup, { ids, doc }));
  const [, exportEpubMs] = await time(() => exportEpub(popup, { ids, doc }));
  const heapUsedMB = Math.round(process.memoryUsage().heapUsed / 1e6);
  await popup.close();

  return {
    n,
    seedMs: Math.round(seedMs),
    listFirstPageColdMs: Math.round(listFirstPageColdMs * 100) / 100,
    listFirstPageMs: (({ median, p95 }) => ({ median, p95 }))(stats(listRuns)),
    countMs: Math.round(countMs * 100) / 100,
    searchLoadHeadsMs: Math.round(searchLoadHeadsMs),
    searchLoadBodyMs: Math.round(searchLoadBodyMs),
    searchKeystrokeMs: { ...stats(full), keystrokes: full.length },
    searchHeadsOnlyKeystrokeMs: stats(headsOnly),
    searchRebuildMs: { heads: Math.round(rebuildHeads), body: Math.round(rebuildBody) },
    snapshotMB,
    saveMs: (({ median, p95 }) => ({ median, p95 }))(stats(saveRuns)),
    saveWithIndexMs: (({ median, p95 }) => ({ median, p95 }))(stats(withIndex)),
    exportAllJsonMs: Math.round(exportAllJsonMs),
    exportAllJsonMB: mb(json.length),
    exportSample: sample,
    exportMarkdownMs: Math.round(exportMarkdownMs),
    exportEpubMs: Math.round(exportEpubMs),
    exportMarkdownMsPerArticle: Math.round((exportMarkdownMs / Math.max(1, sample)) * 10) / 10,
    exportEpubMsPerArticle: Math.round((exportEpubMs / Math.max(1, sample)) * 10) / 10,
    heapUsedMB,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 1000);
  benchLibrary({ n, log: (m) => process.stderr.write(`${m}\n`) }).then(
    (f) => console.log(JSON.stringify(f, null, 2)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
