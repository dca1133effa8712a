/**
 * --browser: the same pages timed inside headless Chromium. Each page is served at its own URL from memory (a
 * route answers the navigation; every other request is refused, so nothing reaches the network), with the
 * page's scripts kept from running as in jsdom; then one bundle of the engine and Readability is evaluated in the page (as
 * scripts/bench/browser.ts injects its engine bundle) and both are timed there, in the same alternating order.
 */
import { HANG_MS } from './score';
import type { BrowserTiming } from './types';
import type { BrowserTimer } from './runner';

/** The engine and Readability as one browser script: window.__jernihEval = { extractArticle, Readability }. */
async function evalBundle(root: string): Promise<string> {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    stdin: {
      contents: `export { extractArticle } from './utils/extract';\nexport { Readability } from '@mozilla/readability';\n`,
      resolveDir: root,
      loader: 'ts',
    },
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__jernihEval',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/**
 * Runs in the page. A string, not a function: tsx would wrap inner functions in a `__name` helper the page
 * lacks (as scripts/bench/browser.ts notes).
 */
const TIME_IN_PAGE = `(({ url, engineFirst }) => {
  const lib = window.__jernihEval;
  const time = (fn) => { const t = performance.now(); try { fn(); } catch (e) { return { ms: performance.now() - t, error: String(e && e.message || e) }; } return { ms: performance.now() - t, error: null }; };
  const engine = () => time(() => lib.extractArticle(document, { url }));
  const bare = () => time(() => new lib.Readability(document.cloneNode(true)).parse());
  let e, r;
  if (engineFirst) { e = engine(); r = bare(); } else { r = bare(); e = engine(); }
  return { engineMs: e.ms, readabilityMs: r.ms, error: e.error || r.error };
})`;

/** The URL as the request for it shows it: normalized, without its fragment (never sent). */
const withoutHash = (url: string): string => new URL(url).href.replace(/#.*$/, '');

export interface BrowserRun {
  time: BrowserTimer;
  version: string;
  close(): Promise<void>;
}

export async function startBrowser(root: string): Promise<BrowserRun> {
  const [{ chromium }, bundle] = await Promise.all([import('playwright-core'), evalBundle(root)]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  // Scripts stay on (with them off, Chromium refuses to run the callbacks DOMPurify registers); the page's own
  // scripts are kept out by the CSP header its response gets.
  const context = await browser.newContext();
  let page = await context.newPage();
  let current: { url: string; html: string } | null = null;
  await context.route('**/*', (route) => {
    const req = route.request();
    if (current && req.isNavigationRequest() && req.url() === withoutHash(current.url)) {
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" },
        body: current.html,
      });
    }
    return route.abort();
  });

  const measure = async (url: string, index: number): Promise<BrowserTiming> => {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: HANG_MS });
    await page.evaluate(bundle);
    const t = (await page.evaluate(`${TIME_IN_PAGE}(${JSON.stringify({ url, engineFirst: index % 2 === 0 })})`)) as BrowserTiming;
    return t.error ? { engineMs: null, readabilityMs: null, error: t.error } : t;
  };

  const time = async (url: string, html: string, index: number): Promise<BrowserTiming> => {
    current = { url, html };
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), HANG_MS)));
    try {
      const result = await Promise.race([measure(url, index), hung]);
      if (result !== 'hung') return result;
      // The page's thread is stuck in a script: that tab is closed (it never answers again) and a new one opened.
      await page.close().catch(() => {});
      page = await context.newPage();
      return { engineMs: null, readabilityMs: null, error: `no result after ${HANG_MS / 1000} s (tab closed)` };
    } catch (error) {
      return { engineMs: null, readabilityMs: null, error: (error as Error).message.split('\n')[0] };
    } finally {
      clearTimeout(timer);
      current = null;
    }
  };
  return { time, version: browser.version(), close: () => browser.close() };
}
