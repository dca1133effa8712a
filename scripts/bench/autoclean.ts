/**
 * (f) Auto-clean against a baseline build, in the same process (`npm run bench -- --baseline-ext <dir>`): how long
 * a supported site's article takes from navigation start to the painted reader, with this build and with another
 * (e.g. the last commit's .output/chrome-mv3), in two Chromiums side by side. Loads alternate between the two, which
 * goes first switching each round, so a busy moment of the machine falls on both alike; the figure is their ratio.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autoCleanSetting, launch, PAINT_PROBE } from './browser';
import { log, median, percentile, r2, table, type BenchContext, type BenchSuite } from './shared';

/** Supported-site article pages served under their real host (the site rule and auto-clean apply). */
const AUTO_PAGES = ['kompas/seed-putin-kim', 'kompas/tekno-figure-promo'];

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

async function measure(ctx: BenchContext, baselineDir: string, rounds: number, condition: Condition) {
  const { startServer } = await import('../../test/e2e/helpers/server');
  const server = await startServer();
  // A copy of the baseline too: it may be another working tree's .output, rebuilt meanwhile.
  const baseline = mkdtempSync(join(tmpdir(), 'jernih-bench-baseline-'));
  cpSync(baselineDir, baseline, { recursive: true });
  const browsers = [
    { side: { label: 'this build', paint: [], dcl: [], flashes: 0, failures: [] } as Side, ...(await launch(ctx.extDir)) },
    { side: { label: 'baseline', paint: [], dcl: [], flashes: 0, failures: [] } as Side, ...(await launch(baseline)) },
  ];
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
    const load = async (i: number, id: string, keep: boolean) => {
      const { side } = browsers[i];
      try {
        await tabs[i].goto(`${server.siteUrl(id)}?bench=${++n}`, { waitUntil: 'load' });
        await tabs[i].waitForFunction('window.__jernihBench && window.__jernihBench.frame !== null', null, { timeout: 10_000, polling: 10 });
        const x = (await tabs[i].evaluate(`(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          return { paint: window.__jernihBench.frame, dom: window.__jernihBench.dom, dcl: nav ? nav.domContentLoadedEventEnd : 0, fcp: fcp ? fcp.startTime : null };
        })()`)) as { paint: number; dom: number; dcl: number; fcp: number | null };
        if (!keep) return;
        side.paint.push(x.paint);
        side.dcl.push(x.dcl);
        if (x.fcp !== null && x.fcp < x.dom) side.flashes++;
      } catch (error) {
        if (keep) side.failures.push(`${id}: ${(error as Error).message.split('\n')[0]}`);
      }
    };
    // One discarded round: service workers, script caches and the server get warm.
    for (const id of AUTO_PAGES) for (const i of [0, 1]) await load(i, id, false);
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? [1, 0] : [0, 1];
      for (const id of AUTO_PAGES) for (const i of order) await load(i, id, true);
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
    baselineDir,
    pages: AUTO_PAGES,
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
    `(f) auto-clean, ${f.condition === 'mobile' ? 'page over a mobile network (150 ms RTT, 1.6 Mbps)' : 'page served locally at once'}: this build against ${f.baselineDir}`,
    `    (same process, loads alternating; ${f.pages.join(', ')}; ${f.rounds} rounds): navigation start -> painted reader`,
    table([['build', 'loads', 'median ms', 'p90 ms', 'DOMContentLoaded ms', 'flashes'], ...rows], ['l', 'r', 'r', 'r', 'r', 'r']),
    `    ratio this build / baseline: median ${f.medianRatio}x, p90 ${f.p90Ratio}x`,
  ];
  for (const s of [f.thisBuild, f.baseline]) for (const e of s.failures) out.push(`    FAILED (${s.label}) ${e}`);
  return out;
}

export const autoCleanSuite = (baselineDir: string): BenchSuite<AutoCleanFigures> => ({
  run: async (ctx) => {
    const out: AutoCleanFigures = [];
    for (const condition of Object.keys(CONDITIONS) as Condition[]) {
      log(`(f) auto-clean against ${baselineDir}, ${condition}, ${ctx.opts.autoRounds} rounds`);
      out.push(await measure(ctx, baselineDir, ctx.opts.autoRounds, condition));
    }
    return out;
  },
  report,
});
