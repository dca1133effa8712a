/**
 * (d) The saved-articles library with 10,000 articles (--library-n N): in Node on fake-indexeddb
 * (scripts/lib/library-bench.ts) and in Chromium with the built extension (scripts/lib/library-browser-bench.ts):
 * popup list painted, search per keystroke, save, export of all. --no-node and --no-browser leave out either side.
 */
import { performance } from 'node:perf_hooks';
import { BUDGET, fx, log, table, verdict, type BenchOptions, type BenchSuite } from './shared';

async function benchLibraries(extDir: string, opts: BenchOptions) {
  const n = opts.libraryN;
  const t0 = performance.now();
  const { benchLibrary } = await import('../lib/library-bench');
  const { benchLibraryBrowser } = await import('../lib/library-browser-bench');
  log(`(d) library: ${n} articles, Node (fake-indexeddb) then Chromium`);
  const node = opts.noNode ? null : await benchLibrary({ n, log: (m) => log(`    ${m}`) });
  const browser = opts.noBrowser ? null : await benchLibraryBrowser({ extDir, n, log });
  log(`    done in ${((performance.now() - t0) / 1000) | 0} s`);
  return { n, budgets: BUDGET.library, browser, node };
}

type LibraryFigures = Awaited<ReturnType<typeof benchLibraries>>;

function report(library: LibraryFigures): string[] {
  const L = BUDGET.library;
  const b = library.browser;
  const nf = library.node;
  const out: string[] = [];
  out.push(`(d) saved-articles library, ${library.n} articles`);
  if (b) {
    out.push(`    Chromium ${b.chromium} with the built extension (seeded in ${(b.seedMs / 1000).toFixed(1)} s, indexes built in ${(b.indexBuildMs / 1000).toFixed(1)} s):`);
    out.push(
      table(
        [
          ['figure', 'median', 'p95', 'max', 'runs', 'budget', ''],
          ['popup list painted (ms since navigation)', fx(b.listPaintMs.median, 1), fx(b.listPaintMs.p95, 1), fx(b.listPaintMs.max, 1), b.listPaintMs.runs, `${L.listPaintMs}`, verdict(b.listPaintMs.median < L.listPaintMs)],
          ['search, per keystroke (ms)', fx(b.searchKeystrokeMs.median, 1), fx(b.searchKeystrokeMs.p95, 1), fx(b.searchKeystrokeMs.max, 1), b.searchKeystrokeMs.runs, `${L.searchKeystrokeMs}`, verdict(b.searchKeystrokeMs.median < L.searchKeystrokeMs)],
          ['save from the reader, click -> saved (ms)', fx(b.saveMs.median, 1), fx(b.saveMs.p95, 1), fx(b.saveMs.max, 1), b.saveMs.runs, `${L.saveMs}`, verdict(b.saveMs.median < L.saveMs)],
          [`export all, JSON ${b.exportAllJsonMB} MB (ms)`, String(b.exportAllJsonMs), '', '', 1, `${L.exportAllMs}`, verdict(b.exportAllJsonMs < L.exportAllMs)],
        ],
        ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
    );
    out.push(
      `    steps before the paint (medians, ms since navigation): HTML ${b.listPaintStepsMs.htmlReceived}, script ${b.listPaintStepsMs.scriptStarted}, ` +
        `database open ${b.listPaintStepsMs.databaseOpen}, first page read ${b.listPaintStepsMs.firstPageRead}; the bodies' search index was loaded ` +
        `${b.searchIndexesLoadedMs} ms after the popup opened (it loads on the first key typed; titles answer before).`,
    );
    out.push(`    clock: ${b.clock}`);
  }
  if (nf) {
    out.push(
      `    Node (fake-indexeddb, an upper bound for IndexedDB work): list ${fx(nf.listFirstPageMs.median)} ms, search ${fx(nf.searchKeystrokeMs.median)} ms ` +
        `(p95 ${fx(nf.searchKeystrokeMs.p95)}) a keystroke, save ${fx(nf.saveMs.median)} ms (${fx(nf.saveWithIndexMs.median)} with a loaded index), ` +
        `export all ${nf.exportAllJsonMs} ms (${nf.exportAllJsonMB} MB), Markdown ${nf.exportMarkdownMsPerArticle} ms and EPUB ${nf.exportEpubMsPerArticle} ms an article, ` +
        `index snapshots ${nf.snapshotMB.heads} + ${nf.snapshotMB.body} MB.`,
    );
  }
  return out;
}

export const librarySuite: BenchSuite<LibraryFigures> = {
  run: ({ extDir, opts }) => benchLibraries(extDir, opts),
  report,
};
