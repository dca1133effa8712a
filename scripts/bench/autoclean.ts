/**
 * (f) Auto-clean against a baseline build, in the same process (`npm run bench -- --baseline-ext <dir>`): how long
 * a supported site's article takes from navigation start to the painted reader, with this build and with another
 * (e.g. the last commit's .output/chrome-mv3), in two Chromiums side by side. Loads alternate between the two, which
 * goes first switching each round, so a busy moment of the machine falls on both alike; the figure is their ratio.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { autoCleanSetting, launch, PAINT_PROBE } from './browser';
import { log, median, percentile, r2, ROOT, table, type BenchContext, type BenchSuite } from './shared';

/** Supported-site article pages of our fixtures, served under their real host (the site rule and auto-clean apply). */
const FIXTURE_PAGES = ['kompas/seed-putin-kim', 'kompas/tekno-figure-promo'];
/** Real pages of supported sites from the Indonesian dev set (read from the mirror's snapshots, never copied here). */
const REAL_PAGES = 4;

/** A page to load: where (host and path, served by the test server under that host) and its HTML when not a fixture. */
interface BenchPage {
  name: string;
  host: string;
  path: string;
  html?: string;
}

/**
 * The largest real pages of the Indonesian dev set (test/eval/indonesian) whose address is an article of a supported
 * site: real markup and real weight (our fixtures are trimmed to the article). None when the mirror has no snapshots.
 */
export async function realPages(): Promise<BenchPage[]> {
  const { loadIndonesianSet } = await import('../lib/eval/sets/indonesian');
  const { findSite, SITE_ADDRESSES } = await import('../../utils/extract/sites/addresses');
  const mirror = process.env.JERNIH_MIRROR ? resolve(process.env.JERNIH_MIRROR) : resolve(ROOT, '..', '.mirror');
  const set = await loadIndonesianSet({ mirror, root: ROOT });
  if ('skipped' in set) return [];
  const pages: BenchPage[] = [];
  try {
    for (const entry of set.entries) {
      if (!findSite(entry.url, SITE_ADDRESSES)) continue;
      const loaded = await entry.load();
      if (!loaded) continue;
      const u = new URL(entry.url);
      pages.push({ name: entry.id.replace(/^indonesian\//, ''), host: u.hostname, path: u.pathname, html: loaded.html });
    }
  } finally {
    set.close();
  }
  // The heaviest, one a site, as real article pages are.
  const seen = new Set<string>();
  return pages
    .sort((a, b) => b.html!.length - a.html!.length)
    .filter((p) => !seen.has(p.host.split('.').slice(-2).join('.')) && seen.add(p.host.split('.').slice(-2).join('.')))
    .slice(0, REAL_PAGES);
}

/**
 * How the page reaches the browser. 'local': straight from this machine, at once (the page is parsed before any
 * script could load). 'mobile': Lighthouse's mobile network profile (150 ms round trip, 1.6 Mbps down, 750 kbps up),
 * applied by Chromium's DevTools network emulation to the page's own requests; the extension's files are not
 * network requests, so they load as they would on a phone. Real news pages arrive like this, not like 'local'.
 */
const CONDITIONS = {
  local: null,
  mobile: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
} as const;
type Condition = keyof typeof CONDITIONS;

interface Side {
  label: string;
  paint: number[];
  dcl: number[];
  /** Loads where the page painted content before the reader was in the DOM (a flash of the cluttered page). */
  flashes: number;
  failures: string[];
}

async function measure(ctx: BenchContext, baselineDir: string, rounds: number, condition: Condition, pages: BenchPage[], label: string) {
  const { startServer } = await import('../../test/e2e/helpers/server');
  const server = await startServer();
  const port = new URL(server.origin).port;
  for (const p of pages) if (p.html) server.page(p.path, p.html);
  // The pages' hosts to the local server; every other host fails at once (their pictures, ads, scripts).
  const hostRules = [...new Set(pages.map((p) => p.host))].map((h) => `MAP ${h} 127.0.0.1`).concat('MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1').join(', ');
  // A copy of the baseline too: it may be another working tree's .output, rebuilt meanwhile.
  const baseline = mkdtempSync(join(tmpdir(), 'jernih-bench-baseline-'));
  cpSync(baselineDir, baseline, { recursive: true });
  const browsers = [
    { side: { label: 'this build', paint: [], dcl: [], flashes: 0, failures: [] } as Side, ...(await launch(ctx.extDir, hostRules)) },
    { side: { label: 'baseline', paint: [], dcl: [], flashes: 0, failures: [] } as Side, ...(await launch(baseline, hostRules)) },
  ];
  /** Pages that neither build opened in the warm-up round: not timed. */
  const gaveUp: string[] = [];
  try {
    const tabs: import('playwright-core').Page[] = [];
    for (const b of browsers) {
      await b.worker.evaluate(autoCleanSetting([]));
      const page = await b.context.newPage();
      await page.addInitScript({ content: PAINT_PROBE });
      const network = CONDITIONS[condition];
      if (network) {
        const cdp = await b.context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', network);
      }
      tabs.push(page);
    }
    let n = 0;
    const load = async (i: number, page: BenchPage, keep: boolean) => {
      const { side } = browsers[i];
      const id = page.name;
      try {
        await tabs[i].goto(`http://${page.host}:${port}${page.path}?bench=${++n}`, { waitUntil: 'load' });
        await tabs[i].waitForFunction('window.__jernihBench && window.__jernihBench.frame !== null', null, { timeout: 5_000, polling: 10 });
        const x = (await tabs[i].evaluate(`(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          return { paint: window.__jernihBench.frame, dom: window.__jernihBench.dom, dcl: nav ? nav.domContentLoadedEventEnd : 0, fcp: fcp ? fcp.startTime : null };
        })()`)) as { paint: number; dom: number; dcl: number; fcp: number | null };
        if (!keep) return true;
        side.paint.push(x.paint);
        side.dcl.push(x.dcl);
        if (x.fcp !== null && x.fcp < x.dom) side.flashes++;
      } catch (error) {
        if (keep) side.failures.push(`${id}: ${(error as Error).message.split('\n')[0]}`);
        return false;
      }
      return true;
    };
    // One discarded round: service workers, script caches and the server get warm. A page that neither build opens
    // there (auto-clean gave up: the page was not parsed within its time limit) is reported, not timed.
    const timed: BenchPage[] = [];
    for (const page of pages) {
      const opened = [await load(0, page, false), await load(1, page, false)];
      if (opened.some(Boolean)) timed.push(page);
      else gaveUp.push(page.name);
    }
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? [1, 0] : [0, 1];
      for (const page of timed) for (const i of order) await load(i, page, true);
    }
  } finally {
    for (const b of browsers) {
      await b.context.close().catch(() => undefined);
      rmSync(b.profile, { recursive: true, force: true });
    }
    rmSync(baseline, { recursive: true, force: true });
    await server.close();
  }
  const [mine, base] = browsers.map((b) => b.side);
  const figure = (s: Side) => ({
    label: s.label,
    loads: s.paint.length,
    navigationToPaintMedianMs: r2(median(s.paint)),
    navigationToPaintP90Ms: r2(percentile(s.paint, 90)),
    domContentLoadedMedianMs: r2(median(s.dcl)),
    flashes: s.flashes,
    failures: s.failures,
  });
  return {
    condition,
    label,
    baselineDir,
    pages: pages.filter((p) => !gaveUp.includes(p.name)).map((p) => `${p.name}${p.html ? ` (${Math.round(p.html.length / 1024)} KB)` : ''}`),
    gaveUp,
    rounds,
    clock: 'performance.now() in the page (ms since navigation start) in the rAF callback after the reader appeared; probe installed as an init script.',
    thisBuild: figure(mine),
    baseline: figure(base),
    medianRatio: r2(median(mine.paint) / median(base.paint)),
    p90Ratio: r2(percentile(mine.paint, 90) / percentile(base.paint, 90)),
  };
}

type ConditionFigures = Awaited<ReturnType<typeof measure>>;
type AutoCleanFigures = ConditionFigures[];

function report(all: AutoCleanFigures): string[] {
  return all.flatMap(reportOne);
}

function reportOne(f: ConditionFigures): string[] {
  const rows = [f.thisBuild, f.baseline].map((s) => [s.label, s.loads, s.navigationToPaintMedianMs, s.navigationToPaintP90Ms, s.domContentLoadedMedianMs, s.flashes]);
  const out = [
    `(f) auto-clean, ${f.label}, ${f.condition === 'mobile' ? 'over a mobile network (150 ms RTT, 1.6 Mbps)' : 'served locally at once'}: this build against ${f.baselineDir}`,
    `    (same process, loads alternating; ${f.pages.join(', ')}; ${f.rounds} rounds): navigation start -> painted reader`,
    table([['build', 'loads', 'median ms', 'p90 ms', 'DOMContentLoaded ms', 'flashes'], ...rows], ['l', 'r', 'r', 'r', 'r', 'r']),
    `    ratio this build / baseline: median ${f.medianRatio}x, p90 ${f.p90Ratio}x`,
  ];
  if (f.gaveUp.length) out.push(`    not timed, auto-clean gave up on them in both builds (not parsed within its 1.5 s): ${f.gaveUp.join(', ')}`);
  for (const s of [f.thisBuild, f.baseline]) for (const e of s.failures) out.push(`    FAILED (${s.label}) ${e}`);
  return out;
}

export const autoCleanSuite = (baselineDir: string): BenchSuite<AutoCleanFigures> => ({
  run: async (ctx) => {
    const out: AutoCleanFigures = [];
    const { readFileSync } = await import('node:fs');
    const fixtures: BenchPage[] = FIXTURE_PAGES.map((id) => {
      const u = new URL(JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', id, 'expected.json'), 'utf8')).url);
      return { name: id, host: u.hostname, path: u.pathname };
    });
    const real = await realPages();
    if (!real.length) log('    (no real pages: the Indonesian dev set needs its snapshots in ../.mirror)');
    for (const [label, pages] of [['our fixtures', fixtures], ['real pages', real]] as const) {
      if (!pages.length) continue;
      for (const condition of Object.keys(CONDITIONS) as Condition[]) {
        log(`(f) auto-clean against ${baselineDir}: ${label}, ${condition}, ${ctx.opts.autoRounds} rounds`);
        out.push(await measure(ctx, baselineDir, ctx.opts.autoRounds, condition, [...pages], label));
      }
    }
    return out;
  },
  report,
});
