/**
 * (b) Headless Chromium with the built extension: real toolbar action (CDP Extensions.triggerAction) -> painted
 * reader view; plus bare Readability (and the engine alone) run inside the same pages, for a ratio; and, on the
 * supported sites, the reader opening by itself (auto-clean) from navigation start.
 */
import { readerTextThroughProtocol } from '../../test/e2e/helpers/closed-shadow';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { engineBundle, readabilitySource } from '../lib/engine-bundle';
import { BUDGET, fx, log, median, percentile, r2, r3, ROOT, table, verdict, type BenchSuite } from './shared';

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
/** Loads per supported-site page for the auto-clean figure. */
const AUTO_RUNS = 5;

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
export const PAINT_PROBE = `(() => {
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
/** Kompas hosts to the local server (so the site rule applies); every other host fails at once. Without the catch-all, a fixture's image on an unknown host can hold the load event ~5 s on a DNS timeout. */
const KOMPAS_ONLY = 'MAP *.kompas.com 127.0.0.1, MAP kompas.com 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export async function launch(extDir: string, hostRules = KOMPAS_ONLY) {
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
      `--host-resolver-rules=${hostRules}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The install opens the welcome page in a tab: closed, so the measured tab is the only one.
  if (existsSync(join(extDir, 'welcome.html'))) await (await import('../../test/e2e/helpers/chromium')).closeWelcomePage(context, extensionId);
  return { context, profile, worker, extensionId };
}

/**
 * Supported sites (Kompas...) are cleaned automatically on load, so a click there would close the reader. The
 * click runs switch auto-clean off for every built-in rule (the per-site switch users have: settings
 * autoCleanOff); the auto-clean runs switch it back on.
 */
export function autoCleanSetting(ruleIds: string[] | []): string {
  return `(async () => {
    const c = globalThis.chrome;
    const cur = (await c.storage.local.get('settings')).settings || {};
    await c.storage.local.set({ settings: { version: 2, ...cur, autoCleanOff: ${JSON.stringify(ruleIds)} } });
    return true;
  })()`;
}

async function benchBrowser(extDir: string, runs: number) {
  const { startServer } = await import('../../test/e2e/helpers/server');
  const readabilitySrc = readabilitySource();
  const bundled = await engineBundle();
  if (bundled instanceof Error) log(`    (no in-page engine timing: ${bundled.message})`);
  const engineSrc = bundled instanceof Error ? null : bundled;
  const server = await startServer();
  const { context, profile, worker, extensionId } = await launch(extDir);
  const { SITE_RULES } = await import('../../utils/extract');
  const ruleIds = SITE_RULES.map((r: { id: string }) => r.id);
  const t0 = performance.now();
  try {
    const version = context.browser()?.version() ?? null;
    log(`(b) chromium ${version}: ${BROWSER_PAGES.length} pages x ${runs} clicks, each on a fresh load`);
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
      return (await page.evaluate(IN_PAGE_TIMING(runs, 2))) as {
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
      for (let i = 0; i < runs; i++) {
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
      runsPerPage: runs,
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

type BrowserFigures = Awaited<ReturnType<typeof benchBrowser>>;

function report(browser: BrowserFigures): string[] {
  const out: string[] = [];
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
  return out;
}

export const browserSuite: BenchSuite<BrowserFigures> = {
  run: ({ extDir, opts }) => benchBrowser(extDir, opts.browserRuns),
  report,
};
