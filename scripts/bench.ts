/**
 * npm run bench [-- --json] [--runs N | --node-seconds S] [--warmup N] [--browser-runs N] [--no-browser] [--no-node] [--build]
 *               [--library-n N] [--no-library]
 *
 * The performance budgets of DESIGN.md, measured (never asserted in tests):
 *   (a) Node + jsdom: extractArticle vs bare Readability on every article fixture, same document, interleaved runs.
 *   (b) Headless Chromium with the built extension: real toolbar action (CDP Extensions.triggerAction) -> painted
 *       reader view; plus bare Readability (and the engine alone) run inside the same pages, for a ratio.
 *   (c) The content-script bundle: raw and gzipped bytes.
 *   (d) The saved-articles library with 10,000 articles (--library-n N, --no-library): in Node on fake-indexeddb
 *       (scripts/lib/library-bench.ts) and in Chromium with the built extension (scripts/lib/library-browser-bench.ts):
 *       popup list painted, search per keystroke, save, export of all.
 * Progress goes to stderr; stdout gets the table, or with --json one JSON object on one line and nothing else
 * (use `npm run -s bench -- --json`: without -s, npm itself prints a "> jernih bench" banner to stdout).
 */
import { readerTextThroughProtocol } from '../test/e2e/helpers/closed-shadow';
import { parseArgs } from 'node:util';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../utils/extract';
import { listFixtures, type Fixture } from '../test/helpers/fixtures';
import { loadPage } from './lib/page';
import { engineBundle, readabilitySource } from './lib/engine-bundle';
import { benchTranslation } from './lib/translate-bench';

const ROOT = resolve(import.meta.dirname, '..');
const EXT_DIR = join(ROOT, '.output', 'chrome-mv3');
const BUNDLE = join(EXT_DIR, 'content-scripts', 'reader.js');
/** DESIGN.md, "Performance budgets". */
const BUDGET = {
  extractVsReadability: 1.3,
  clickToPaintMedianMs: 100,
  library: { listPaintMs: 150, searchKeystrokeMs: 30, saveMs: 50, exportAllMs: 10_000 },
};
/**
 * Representative article pages for the browser run: both Kompas rule pages (served under their real host, so
 * the rule applies), an Indonesian generic news page, English news, a long read, a table, code, and the
 * longest fixture.
 */
const BROWSER_PAGES = [
  'kompas/seed-putin-kim',
  'kompas/tekno-figure-promo',
  'id-generic/detik-style-ads',
  'en-news/wire-story',
  'en-news/longform-magazine',
  'structure/data-table',
  'blog/tech-blog-with-code',
  'structure/very-long',
];

const { values: opts } = parseArgs({
  args: process.argv.slice(2),
  options: {
    json: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'node-seconds': { type: 'string', default: '45' },
    warmup: { type: 'string', default: '2' },
    'browser-runs': { type: 'string', default: '7' },
    'no-translate': { type: 'boolean', default: false },
    'library-n': { type: 'string', default: '10000' },
    'no-library': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-node': { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
  },
});
/** Runs per page in (a): --runs N, else as many as fit the time budget (--node-seconds), between 3 and 15. */
const RUNS = opts.runs ? Math.max(1, Number(opts.runs)) : null;
const MIN_RUNS = 3;
const MAX_RUNS = 15;
const NODE_SECONDS = Math.max(1, Number(opts['node-seconds']));
const WARMUP = Math.max(0, Number(opts.warmup));
const BROWSER_RUNS = Math.max(1, Number(opts['browser-runs']));
/** Loads per supported-site page for the auto-clean figure. */
const AUTO_RUNS = 5;

const log = (msg: string) => process.stderr.write(`${msg}\n`);

// --- statistics -------------------------------------------------------------------------------------------------

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank percentile. */
function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r2 = (x: number) => Math.round(x * 100) / 100;

// --- (a) Node + jsdom -------------------------------------------------------------------------------------------

interface NodePage {
  id: string;
  ruleId: string | null;
  bytes: number;
  words: number | null;
  runs: number;
  extractMs: number;
  readabilityMs: number;
  ratio: number;
}

function timeOnce(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function benchNodePage(f: Fixture, budgetMs: number): NodePage {
  const url = f.expected.url;
  const dom = loadPage(f.html, url);
  const doc = dom.window.document;
  try {
    const extract = () => extractArticle(doc, { url });
    // Bare Readability as a caller would use it: a clone (it mutates), default options, parse().
    const readability = () => new Readability(doc.cloneNode(true) as Document).parse();
    const article = extract();
    const tw = performance.now();
    for (let i = 0; i < WARMUP; i++) {
      extract();
      readability();
    }
    const perRun = WARMUP ? (performance.now() - tw) / WARMUP : 0;
    const runs = RUNS ?? Math.min(MAX_RUNS, Math.max(MIN_RUNS, perRun ? Math.floor(budgetMs / perRun) : MAX_RUNS));
    const te: number[] = [];
    const tr: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Interleaved, alternating which goes first, so drift and GC fall on both sides alike.
      if (i % 2) {
        tr.push(timeOnce(readability));
        te.push(timeOnce(extract));
      } else {
        te.push(timeOnce(extract));
        tr.push(timeOnce(readability));
      }
    }
    const extractMs = median(te);
    const readabilityMs = median(tr);
    return {
      id: f.id,
      ruleId: article?.ruleId ?? null,
      bytes: Buffer.byteLength(f.html),
      words: article?.wordCount ?? null,
      runs,
      extractMs,
      readabilityMs,
      ratio: extractMs / readabilityMs,
    };
  } finally {
    dom.window.close();
  }
}

function ratioGroup(pages: NodePage[]) {
  return {
    pages: pages.length,
    extractMedianMs: r3(median(pages.map((p) => p.extractMs))),
    readabilityMedianMs: r3(median(pages.map((p) => p.readabilityMs))),
    ratioMedian: r3(median(pages.map((p) => p.ratio))),
    ratioOfSums: r3(sum(pages.map((p) => p.extractMs)) / sum(pages.map((p) => p.readabilityMs))),
  };
}

function benchNode() {
  const fixtures = listFixtures().filter((f) => f.expected.article !== false);
  log(
    `(a) node/jsdom: ${fixtures.length} article fixtures, ${WARMUP} warm-up + ` +
      `${RUNS ?? `${MIN_RUNS}-${MAX_RUNS} (to fit ~${NODE_SECONDS} s)`} interleaved runs each`,
  );
  const t0 = performance.now();
  const all: NodePage[] = [];
  fixtures.forEach((f, i) => {
    const left = NODE_SECONDS * 1000 - (performance.now() - t0);
    all.push(benchNodePage(f, left / (fixtures.length - i)));
  });
  // Article fixtures the engine returns null for stop early: their time says nothing, so they are listed apart.
  const missed = all.filter((p) => p.words === null).map((p) => p.id);
  const pages = all.filter((p) => p.words !== null);
  // With a site rule: the result's ruleId is non-null.
  const withRule = pages.filter((p) => p.ruleId !== null);
  const withoutRule = pages.filter((p) => p.ruleId === null);
  log(`    done in ${(performance.now() - t0) / 1000 | 0} s`);
  return {
    runs: RUNS ?? { min: Math.min(...all.map((p) => p.runs)), max: Math.max(...all.map((p) => p.runs)) },
    warmup: WARMUP,
    pages: pages.map((p) => ({ ...p, extractMs: r3(p.extractMs), readabilityMs: r3(p.readabilityMs), ratio: r3(p.ratio) })),
    overall: {
      ...ratioGroup(pages),
      sumExtractMs: r3(sum(pages.map((p) => p.extractMs))),
      sumReadabilityMs: r3(sum(pages.map((p) => p.readabilityMs))),
    },
    withRule: ratioGroup(withRule),
    withoutRule: ratioGroup(withoutRule),
    /** Article fixtures for which extractArticle returned null (would be an engine regression). */
    nullResults: missed,
  };
}

// --- (c) bundle -------------------------------------------------------------------------------------------------

function ensureBuild(): void {
  if (!opts.build && existsSync(join(EXT_DIR, 'manifest.json')) && existsSync(BUNDLE)) return;
  log('building the extension (npx wxt build) ...');
  // Its output goes to stderr: stdout is for the results.
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`npx wxt build failed (exit ${r.status})`);
}

/** Copies the build aside (see launch()) and measures the content script of that copy. */
function snapshotBuild() {
  const builtAt = statSync(BUNDLE).mtime.toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'jernih-bench-ext-'));
  cpSync(EXT_DIR, dir, { recursive: true });
  const file = join(dir, 'content-scripts', 'reader.js');
  const buf = readFileSync(file);
  // Every content script of the build, for context (reader.js is the one the budget names).
  const others = readdirSync(join(dir, 'content-scripts'))
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => {
      const b = readFileSync(join(dir, 'content-scripts', f));
      return { file: f, bytes: b.length, gzipBytes: gzipSync(b, { level: 9 }).length };
    });
  return {
    dir,
    bundle: {
      allContentScripts: others,
      path: '.output/chrome-mv3/content-scripts/reader.js',
      bytes: buf.length,
      gzipBytes: gzipSync(buf, { level: 9 }).length,
      gzipLevel: 9,
      builtAt,
    },
  };
}

// --- (b) Chromium -----------------------------------------------------------------------------------------------

interface ClickSample {
  /** page performance.now() just before the trigger was sent -> rAF callback after the reader appeared. */
  toFrame: number;
  /** ... -> the task after that frame (MessageChannel from the rAF callback): the frame has been painted. */
  toPainted: number;
  /** ... -> the MutationObserver saw the reader in the DOM. */
  toDom: number;
  /** Node's clock: just before sending triggerAction -> the rAF callback's binding call reached Node (cross-check). */
  nodeToFrame: number;
}

/**
 * Runs in the page's main world before the click: notes when the reader appears and when it has been painted.
 * A string, not a function: tsx (esbuild keepNames) would wrap inner functions in a `__name` helper that does
 * not exist in the page.
 */
const PAINT_PROBE = `(() => {
  const probe = (window.__jernihBench = { click: null, dom: null, frame: null, painted: null });
  let watchingShadow = false;
  const check = () => {
    if (probe.dom !== null) return;
    const body = document.body;
    if (!body || body.id !== 'jernih-reader') return;
    // The shipped reader's root is closed: the page sees only the host. The reader mounts its host and paints
    // its content in the same task (controller mount), so the host in the DOM is the reader in the DOM.
    if (body.shadowRoot && !body.shadowRoot.querySelector('.reader .body')) {
      if (!watchingShadow) observer.observe(body.shadowRoot, { childList: true, subtree: true });
      watchingShadow = true;
      return;
    }
    probe.dom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      probe.frame = performance.now();
      if (window.__jernihBenchFrame) window.__jernihBenchFrame(); // tells Node (single-clock cross-check)
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { probe.painted = performance.now(); };
      ch.port2.postMessage(0);
    });
  };
  const observer = new MutationObserver(check);
  // The document itself, not <html>: as an init script (auto-clean runs) this starts before <html> exists.
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
})()`;

/** Bare Readability (and the engine, when bundled) timed inside the page: returns { readability: ms[], engine: ms[] }. */
const IN_PAGE_TIMING = (runs: number, warmup: number) => `(() => {
  const read = () => new Readability(document.cloneNode(true)).parse();
  const engine = window.__jernihEngine ? () => window.__jernihEngine.extractArticle(document, { url: location.href }) : null;
  const time = (fn) => { const t = performance.now(); fn(); return performance.now() - t; };
  for (let i = 0; i < ${warmup}; i++) { read(); if (engine) engine(); }
  const readability = [], engineMs = [];
  for (let i = 0; i < ${runs}; i++) {
    // Interleaved, alternating which goes first.
    if (i % 2 && engine) engineMs.push(time(engine));
    readability.push(time(read));
    if (!(i % 2) && engine) engineMs.push(time(engine));
  }
  const found = engine ? window.__jernihEngine.extractArticle(document, { url: location.href }) : null;
  // The "detect articles everywhere" check (toolbar badge): it must stay cheap on big pages.
  const detect = [];
  if (window.__jernihEngine && window.__jernihEngine.looksLikeArticle) {
    for (let i = 0; i < ${runs} + 3; i++) detect.push(time(() => window.__jernihEngine.looksLikeArticle(document, location.href)));
  }
  return { readability, engine: engineMs, detect, elements: document.getElementsByTagName('*').length, ruleId: found ? found.ruleId : null, found: !!found };
})()`;

/**
 * Chromium with the extension, as test/e2e/helpers/chromium.ts launches it (same flags), but from a snapshot of
 * the build: others rebuild .output while they work, and a build that vanishes mid-run would break the clicks.
 */
async function launch(extDir: string) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'jernih-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--lang=en-US',
      // Kompas hosts to the local server (so the site rule applies); every other host fails at once. Without
      // the catch-all, a fixture's image on an unknown host can hold the load event ~5 s on a DNS timeout.
      '--host-resolver-rules=MAP *.kompas.com 127.0.0.1, MAP kompas.com 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The install opens the welcome page in a tab: closed, so the measured tab is the only one.
  if (existsSync(join(extDir, 'welcome.html'))) await (await import('../test/e2e/helpers/chromium')).closeWelcomePage(context, extensionId);
  return { context, profile, worker, extensionId };
}

/**
 * Supported sites (Kompas...) are cleaned automatically on load, so a click there would close the reader. The
 * click runs switch auto-clean off for every built-in rule (the per-site switch users have: settings
 * autoCleanOff); the auto-clean runs switch it back on.
 */
function autoCleanSetting(ruleIds: string[] | []): string {
  return `(async () => {
    const c = globalThis.chrome;
    const cur = (await c.storage.local.get('settings')).settings || {};
    await c.storage.local.set({ settings: { version: 2, ...cur, autoCleanOff: ${JSON.stringify(ruleIds)} } });
    return true;
  })()`;
}

async function benchBrowser(extDir: string) {
  const { startServer } = await import('../test/e2e/helpers/server');
  const readabilitySrc = readabilitySource();
  const bundled = await engineBundle();
  if (bundled instanceof Error) log(`    (no in-page engine timing: ${bundled.message})`);
  const engineSrc = bundled instanceof Error ? null : bundled;
  const server = await startServer();
  const { context, profile, worker, extensionId } = await launch(extDir);
  const { SITE_RULES } = await import('../utils/extract');
  const ruleIds = SITE_RULES.map((r: { id: string }) => r.id);
  const t0 = performance.now();
  try {
    const version = context.browser()?.version() ?? null;
    log(`(b) chromium ${version}: ${BROWSER_PAGES.length} pages x ${BROWSER_RUNS} clicks, each on a fresh load`);
    const cdp = await context.browser()!.newBrowserCDPSession();
    const page = await context.newPage();
    for (const other of context.pages()) if (other !== page) await other.close();
    await page.bringToFront();
    // Node's own clock for the cross-check: the rAF callback calls this binding, Node notes when the call lands.
    let onFrame: ((t: number) => void) | null = null;
    await page.exposeBinding('__jernihBenchFrame', () => {
      onFrame?.(performance.now());
      onFrame = null;
    });

    await worker.evaluate(autoCleanSetting(ruleIds));

    let n = 0;
    const urlFor = (id: string) => {
      // Kompas pages under their real host (mapped to this server), so the site rule applies as on kompas.com.
      const base = id.startsWith('kompas/') ? server.siteUrl(id) : server.fixture(id);
      return `${base}${base.includes('?') ? '&' : '?'}bench=${++n}`;
    };
    const tabTarget = async (url: string) => {
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
        targetInfos: { targetId: string; url: string }[];
      };
      const tab = targetInfos.find((t) => t.url === url);
      if (!tab) throw new Error(`no tab target for ${url}`);
      return tab.targetId;
    };

    const clickOnce = async (id: string): Promise<ClickSample> => {
      await page.goto(urlFor(id), { waitUntil: 'load' });
      if (await page.evaluate(`!!document.body && document.body.id === 'jernih-reader'`)) {
        throw new Error('the reader was already open after load (auto-clean still on?): click not measured');
      }
      const targetId = await tabTarget(page.url()); // looked up before the clock starts
      await page.evaluate(PAINT_PROBE);
      await page.evaluate('void (window.__jernihBench.click = performance.now())');
      const nodeFrame = new Promise<number>((ok) => (onFrame = ok));
      const nodeSend = performance.now();
      await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId } as never);
      await page.waitForFunction('window.__jernihBench.painted !== null', null, { timeout: 10_000, polling: 10 });
      const p = (await page.evaluate('window.__jernihBench')) as Record<string, number>;
      return {
        toFrame: p.frame - p.click,
        toPainted: p.painted - p.click,
        toDom: p.dom - p.click,
        nodeToFrame: (await nodeFrame) - nodeSend,
      };
    };

    const inPage = async (id: string) => {
      await page.goto(urlFor(id), { waitUntil: 'load' });
      for (const content of [readabilitySrc, engineSrc]) {
        if (!content) continue;
        // Injected as the brief says (a <script> in the page), then the element is taken out again so the
        // documents both sides clone are the page as loaded; the globals stay.
        const el = await page.addScriptTag({ content });
        await el.evaluate((node) => (node as Element).remove());
      }
      return (await page.evaluate(IN_PAGE_TIMING(BROWSER_RUNS, 2))) as {
        readability: number[];
        engine: number[];
        detect: number[];
        elements: number;
        ruleId: string | null;
        found: boolean;
      };
    };

    // One discarded click first: the service worker, the extension's script cache and the server get warm.
    await clickOnce(BROWSER_PAGES[0]);

    const pages = [];
    const all: ClickSample[] = [];
    const failures: string[] = [];
    const readAll: number[] = [];
    const engineAll: number[] = [];
    for (const id of BROWSER_PAGES) {
      const timing = await inPage(id);
      readAll.push(...timing.readability);
      engineAll.push(...timing.engine);
      const samples: ClickSample[] = [];
      for (let i = 0; i < BROWSER_RUNS; i++) {
        try {
          samples.push(await clickOnce(id));
        } catch (error) {
          failures.push(`${id}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      all.push(...samples);
      // Sanity: the last click's reader shows this page's headline (so the timings are of the real thing).
      const title = (JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', id, 'expected.json'), 'utf8')) as { title: string }).title;
      // Read through the DevTools protocol: the reader's shadow root is closed to the page.
      const shown = await readerTextThroughProtocol(page);
      const frame = samples.map((s) => s.toFrame);
      pages.push({
        id,
        ruleIdInPage: timing.ruleId,
        readerShowsTitle: shown.includes(title),
        runs: samples.length,
        clickToPaintMedianMs: r2(median(frame)),
        clickToPaintP95Ms: r2(percentile(frame, 95)),
        clickToPaintedTaskMedianMs: r2(median(samples.map((s) => s.toPainted))),
        clickToDomMedianMs: r2(median(samples.map((s) => s.toDom))),
        nodeSendToPaintMedianMs: r2(median(samples.map((s) => s.nodeToFrame))),
        readabilityInPageMedianMs: r2(median(timing.readability)),
        engineInPageMedianMs: timing.engine.length ? r2(median(timing.engine)) : null,
        elements: timing.elements,
        detectMedianMs: timing.detect.length ? r3(median(timing.detect)) : null,
        detectMaxMs: timing.detect.length ? r3(Math.max(...timing.detect)) : null,
      });
      log(`    ${id}: click->paint median ${median(frame).toFixed(1)} ms, readability ${median(timing.readability).toFixed(2)} ms`);
    }
    // Auto-clean: a supported site's article opens in the reader by itself. Navigation start -> painted reader.
    const autoIds = pages.filter((p) => p.ruleIdInPage !== null).map((p) => p.id);
    const autoClean = [];
    if (autoIds.length) {
      await page.close();
      await worker.evaluate(autoCleanSetting([]));
      const auto = await context.newPage();
      await auto.addInitScript({ content: PAINT_PROBE });
      for (const id of autoIds) {
        const samples: { paint: number; dom: number; dcl: number; fcp: number | null }[] = [];
        for (let i = 0; i < AUTO_RUNS; i++) {
          try {
            await auto.goto(urlFor(id), { waitUntil: 'load' });
            await auto.waitForFunction('window.__jernihBench && window.__jernihBench.frame !== null', null, { timeout: 5000, polling: 10 });
            samples.push(
              (await auto.evaluate(`(() => {
                const nav = performance.getEntriesByType('navigation')[0];
                const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                return { paint: window.__jernihBench.frame, dom: window.__jernihBench.dom,
                  dcl: nav ? nav.domContentLoadedEventEnd : null, fcp: fcp ? fcp.startTime : null };
              })()`)) as { paint: number; dom: number; dcl: number; fcp: number | null },
            );
          } catch (error) {
            failures.push(`auto-clean ${id}: ${(error as Error).message.split('\n')[0]}`);
          }
        }
        const fcps = samples.map((x) => x.fcp).filter((x): x is number => x !== null);
        autoClean.push({
          id,
          runs: samples.length,
          navigationToPaintMedianMs: r2(median(samples.map((x) => x.paint))),
          navigationToPaintP95Ms: r2(percentile(samples.map((x) => x.paint), 95)),
          domContentLoadedMedianMs: r2(median(samples.map((x) => x.dcl))),
          firstContentfulPaintMedianMs: fcps.length ? r2(median(fcps)) : null,
          /** Loads whose first contentful paint came before the reader was in the DOM: the page may have flashed. */
          paintedBeforeReader: samples.filter((x) => x.fcp !== null && x.fcp < x.dom).length,
        });
        log(`    auto-clean ${id}: navigation->paint median ${median(samples.map((x) => x.paint)).toFixed(1)} ms`);
      }
      await auto.close();
    }

    const frames = all.map((s) => s.toFrame);
    const readabilityMedian = median(pages.map((p) => p.readabilityInPageMedianMs));
    const engineMedian = engineAll.length ? median(pages.map((p) => p.engineInPageMedianMs!)) : null;
    log(`    done in ${(performance.now() - t0) / 1000 | 0} s`);
    return {
      chromium: version,
      headless: true,
      runsPerPage: BROWSER_RUNS,
      clock:
        'clickToPaint = page performance.now() taken just before Node sends CDP Extensions.triggerAction (one CDP ' +
        'round trip early) -> requestAnimationFrame callback after a main-world MutationObserver saw body#jernih-reader ' +
        '(the reader mounts it and paints its closed shadow root in that same task). paintedTask = the task after that frame. node-clock = Node performance.now() ' +
        'just before the send -> that rAF callback\'s binding call arriving in Node (includes one page->Node hop). Each click on a fresh page load; one warm-up click discarded.',
      pages,
      autoClean: {
        runsPerPage: AUTO_RUNS,
        clock: 'performance.now() in the page (ms since navigation start) in the rAF callback after the reader appeared; probe installed as an init script.',
        pages: autoClean,
      },
      overall: {
        samples: all.length,
        clickToPaintMedianMs: r2(median(frames)),
        clickToPaintP95Ms: r2(percentile(frames, 95)),
        clickToPaintMinMs: r2(Math.min(...frames)),
        clickToPaintMaxMs: r2(Math.max(...frames)),
        clickToPaintedTaskMedianMs: r2(median(all.map((s) => s.toPainted))),
        clickToDomMedianMs: r2(median(all.map((s) => s.toDom))),
        nodeSendToPaintMedianMs: r2(median(all.map((s) => s.nodeToFrame))),
        /** Median over pages of each page's median. */
        readabilityInPageMedianMs: r3(readabilityMedian),
        readabilityInPageAllRunsMedianMs: r3(median(readAll)),
        engineInPageMedianMs: engineMedian === null ? null : r3(engineMedian),
        /** Click-to-paint median over the in-page Readability median: how many "Readabilities" a click costs. */
        clickToPaintOverReadability: r2(median(frames) / readabilityMedian),
        /** The engine inside the page over bare Readability inside the page (median of per-page ratios). */
        /** The badge's cheap article check, per page: median of medians and the worst single run. */
        detectMedianMs: r3(median(pages.map((p) => p.detectMedianMs ?? 0))),
        detectLargestPageMedianMs: r3([...pages].sort((a, b) => b.elements - a.elements)[0]?.detectMedianMs ?? 0),
        detectMaxMs: r3(Math.max(...pages.map((p) => p.detectMaxMs ?? 0))),
        engineOverReadabilityInPage: engineAll.length
          ? r3(median(pages.map((p) => p.engineInPageMedianMs! / p.readabilityInPageMedianMs)))
          : null,
      },
      failures,
    };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// --- (d) the saved-articles library ------------------------------------------------------------------------------

async function benchLibraries(extDir: string) {
  const n = Math.max(10, Math.floor(Number(opts['library-n'])));
  const t0 = performance.now();
  const { benchLibrary } = await import('./lib/library-bench');
  const { benchLibraryBrowser } = await import('./lib/library-browser-bench');
  log(`(d) library: ${n} articles, Node (fake-indexeddb) then Chromium`);
  const node = opts['no-node'] ? null : await benchLibrary({ n, log: (m) => log(`    ${m}`) });
  const browser = opts['no-browser'] ? null : await benchLibraryBrowser({ extDir, n, log });
  log(`    done in ${((performance.now() - t0) / 1000) | 0} s`);
  return { n, budgets: BUDGET.library, browser, node };
}

// --- report -----------------------------------------------------------------------------------------------------

function table(rows: (string | number | null)[][], align: ('l' | 'r')[]): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '-' : typeof c === 'number' ? String(c) : c)));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const fx = (x: number | null, d = 2) => (x === null || Number.isNaN(x) ? '-' : x.toFixed(d));
const verdict = (ok: boolean) => (ok ? 'within budget' : 'OVER BUDGET');

async function main() {
  const started = performance.now();
  ensureBuild();
  const snapshot = snapshotBuild();
  const { bundle } = snapshot;
  let node, browser, translation, library;
  try {
    node = opts['no-node'] ? null : benchNode();
    browser = opts['no-browser'] ? null : await benchBrowser(snapshot.dir);
    translation = opts['no-translate'] ? null : await benchTranslation(ROOT);
    library = opts['no-library'] ? null : await benchLibraries(snapshot.dir);
  } finally {
    rmSync(snapshot.dir, { recursive: true, force: true });
  }
  const result = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? null },
    budgets: BUDGET,
    node,
    browser,
    translation,
    library,
    bundle,
    seconds: r2((performance.now() - started) / 1000),
  };

  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(`Jernih bench — ${result.date}, Node ${process.version}, ${result.machine.cpus} CPUs`);
  if (translation) {
    out.push('');
    if ('skipped' in translation) out.push(`(t) translation: skipped (${translation.skipped})`);
    else
      out.push(
        `(t) translation, ${translation.fixture} (${translation.words} words, ${translation.blocks} blocks, ${translation.pair}) through LibreTranslate -> Apertium on 127.0.0.1: ` +
          `first block ${fx(translation.cold.firstBlockMs, 0)} ms, whole article ${fx(translation.cold.totalMs, 0)} ms (${translation.cold.requests} requests, ${translation.cold.failed} failed); ` +
          `reopened from the cache: first block ${fx(translation.warm.firstBlockMs, 1)} ms, whole ${fx(translation.warm.totalMs, 1)} ms.`,
      );
  }
  if (node) {
  out.push('');
  const runs = typeof node.runs === 'number' ? String(node.runs) : `${node.runs.min}-${node.runs.max}`;
  out.push(`(a) extractArticle vs bare Readability, Node + jsdom (median of ${runs} interleaved runs a page, ${node.warmup} warm-up)`);
  out.push(
    table(
      [
        ['page', 'rule', 'KB', 'words', 'runs', 'extract ms', 'readab. ms', 'ratio'],
        ...node.pages.map((p) => [p.id, p.ruleId, (p.bytes / 1024).toFixed(1), p.words, p.runs, fx(p.extractMs), fx(p.readabilityMs), fx(p.ratio)]),
      ],
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('');
  out.push(
    table(
      [
        ['group', 'pages', 'ratio (median of per-page)', 'ratio (sum of medians)'],
        ['all', node.overall.pages, fx(node.overall.ratioMedian), fx(node.overall.ratioOfSums)],
        ['with a site rule', node.withRule.pages, fx(node.withRule.ratioMedian), fx(node.withRule.ratioOfSums)],
        ['generic path', node.withoutRule.pages, fx(node.withoutRule.ratioMedian), fx(node.withoutRule.ratioOfSums)],
      ],
      ['l', 'r', 'r', 'r'],
    ),
  );
  out.push(
    `sums: extract ${fx(node.overall.sumExtractMs)} ms, readability ${fx(node.overall.sumReadabilityMs)} ms. ` +
      `Budget ${BUDGET.extractVsReadability}x: ${verdict(node.overall.ratioMedian <= BUDGET.extractVsReadability)} (median ratio).` +
      (node.nullResults.length
        ? `\nextractArticle returned null on ${node.nullResults.length} article fixture(s), left out of the ratios: ${node.nullResults.join(', ')}`
        : ''),
  );
  }
  out.push('');
  if (browser) {
    out.push(`(b) toolbar click -> painted reader, headless Chromium ${browser.chromium} (${browser.runsPerPage} fresh loads per page)`);
    out.push(
      table(
        [
          ['page', 'rule', 'median ms', 'p95 ms', 'to DOM ms', 'painted-task ms', 'node-clock ms', 'readab. in page ms', 'engine in page ms'],
          ...browser.pages.map((p) => [
            p.id, p.ruleIdInPage, fx(p.clickToPaintMedianMs, 1), fx(p.clickToPaintP95Ms, 1), fx(p.clickToDomMedianMs, 1),
            fx(p.clickToPaintedTaskMedianMs, 1), fx(p.nodeSendToPaintMedianMs, 1), fx(p.readabilityInPageMedianMs), fx(p.engineInPageMedianMs),
          ]),
          [
            `all (${browser.overall.samples} clicks)`, '', fx(browser.overall.clickToPaintMedianMs, 1), fx(browser.overall.clickToPaintP95Ms, 1),
            fx(browser.overall.clickToDomMedianMs, 1), fx(browser.overall.clickToPaintedTaskMedianMs, 1),
            fx(browser.overall.nodeSendToPaintMedianMs, 1), fx(browser.overall.readabilityInPageMedianMs),
            fx(browser.overall.engineInPageMedianMs),
          ],
        ],
        ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
    out.push(
      `click->paint median ${fx(browser.overall.clickToPaintMedianMs, 1)} ms (p95 ${fx(browser.overall.clickToPaintP95Ms, 1)} ms) = ` +
        `${fx(browser.overall.clickToPaintOverReadability, 1)}x bare Readability in the page; ` +
        `budget ${BUDGET.clickToPaintMedianMs} ms: ${verdict(browser.overall.clickToPaintMedianMs < BUDGET.clickToPaintMedianMs)}. ` +
        `Engine/Readability inside Chromium: ${fx(browser.overall.engineOverReadabilityInPage)}x.`,
    );
    out.push(
      `detect-articles-everywhere check (badge): median ${fx(browser.overall.detectMedianMs, 3)} ms a page, ` +
        `${fx(browser.overall.detectLargestPageMedianMs, 3)} ms on the largest page, worst run ${fx(browser.overall.detectMaxMs, 3)} ms; ` +
        `budget 2 ms: ${verdict(browser.overall.detectLargestPageMedianMs < 2)}.`,
    );
    out.push(`clock: ${browser.clock}`);
    if (browser.autoClean.pages.length) {
      out.push('');
      out.push(`auto-clean on supported sites (no click; ${browser.autoClean.runsPerPage} loads a page): navigation start -> painted reader`);
      out.push(
        table(
          [
            ['page', 'median ms', 'p95 ms', 'DOMContentLoaded ms', 'first contentful paint ms', 'painted before reader'],
            ...browser.autoClean.pages.map((p) => [
              p.id, fx(p.navigationToPaintMedianMs, 1), fx(p.navigationToPaintP95Ms, 1), fx(p.domContentLoadedMedianMs, 1),
              fx(p.firstContentfulPaintMedianMs, 1), `${p.paintedBeforeReader}/${p.runs}`,
            ]),
          ],
          ['l', 'r', 'r', 'r', 'r', 'r'],
        ),
      );
    }
    const untitled = browser.pages.filter((p) => !p.readerShowsTitle).map((p) => p.id);
    if (untitled.length) out.push(`WARNING: the reader did not show the expected headline on: ${untitled.join(', ')}`);
    if (browser.failures.length) out.push(`failed clicks: ${browser.failures.join('; ')}`);
    out.push('');
  }
  if (library) {
    const L = BUDGET.library;
    const b = library.browser;
    const nf = library.node;
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
    out.push('');
  }
  out.push(`(c) content script ${bundle.path}: ${bundle.bytes} bytes raw, ${bundle.gzipBytes} bytes gzip -${bundle.gzipLevel} (${(bundle.gzipBytes / 1024).toFixed(1)} KiB); built ${bundle.builtAt}`);
  if (bundle.allContentScripts.length > 1) {
    out.push(`    all content scripts: ${bundle.allContentScripts.map((c) => `${c.file} ${c.bytes} B / ${c.gzipBytes} B gz`).join(', ')}`);
  }
  out.push(`total ${fx(result.seconds, 1)} s`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error) => {
  log(`bench: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
});
