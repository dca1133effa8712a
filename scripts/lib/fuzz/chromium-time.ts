/**
 * Slow cases timed again where the engine really runs: inside a Chromium page. jsdom is a slow stand-in for a
 * browser's DOM (bare Readability takes 2-5 s there on pages a browser reads in a fraction of that), so a case
 * over the budget in jsdom, twice, is loaded into headless Chromium and timed there; the budget is judged on the
 * browser's figure, and both are reported.
 *
 * The input is parsed by the browser's own DOMParser inside a blank page (as inert as a page gets: nothing in it
 * runs, loads or is laid out; Chromium's renderer crashed laying out a page of 5 000 unclosed tags), then the
 * engine and bare Readability, evaluated into the page through the DevTools protocol, run on that document.
 */
import { existsSync } from 'node:fs';
import { engineBundle, readabilitySource } from '../engine-bundle';
import type { Mode } from './run';

export interface ChromiumTiming {
  /** Per mode: each run's milliseconds. */
  engine: Partial<Record<Mode, number[]>>;
  readability: number[];
}

export interface ChromiumCase {
  html: string;
  url: string;
  modes: Mode[];
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** One case's runs in the page may take this long before the case counts as hung in Chromium too. */
const CHROMIUM_LIMIT_MS = 90_000;

/**
 * Runs in the page (a string: tsx would wrap inner functions in helpers that do not exist there). Times the engine
 * as the fuzz run does (explicit, and gated as auto-clean asks) and bare Readability on a clone, `runs` times each.
 */
const TIME_IN_PAGE = (html: string, url: string, modes: Mode[], runs: number) => `(() => {
  const document = new DOMParser().parseFromString(${JSON.stringify(html)}, 'text/html');
  const time = (fn) => { const t = performance.now(); try { fn(); } catch (e) {} return performance.now() - t; };
  const engine = {};
  for (const mode of ${JSON.stringify(modes)}) {
    if (mode === 'sanitizer') continue;
    engine[mode] = [];
    for (let i = 0; i < ${runs}; i++) engine[mode].push(time(() => window.__jernihEngine.extractArticle(document, { url: ${JSON.stringify(url)}, gate: mode === 'gated' })));
  }
  const readability = [];
  for (let i = 0; i < ${runs}; i++) readability.push(time(() => new Readability(document.cloneNode(true)).parse()));
  return { engine, readability };
})()`;

/**
 * Each case timed in one fresh page of a headless Chromium; null for all when Chromium or the bundle is missing
 * (the reason in `why`), an Error for a case that could not be timed.
 */
export async function timeInChromium(cases: ChromiumCase[], runs = 2): Promise<{ results: (ChromiumTiming | Error)[] | null; why?: string; version?: string }> {
  if (!cases.length) return { results: [] };
  if (!existsSync(CHROMIUM)) return { results: null, why: `no Chromium at ${CHROMIUM}` };
  const engineSrc = await engineBundle();
  if (engineSrc instanceof Error) return { results: null, why: `the engine could not be bundled: ${engineSrc.message}` };
  const readabilitySrc = readabilitySource();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    const results: (ChromiumTiming | Error)[] = [];
    for (const c of cases) {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        // As scripts in the page's global scope (their declarations become globals), through the protocol.
        const cdp = await context.newCDPSession(page);
        for (const expression of [readabilitySrc, engineSrc]) {
          const { exceptionDetails } = (await cdp.send('Runtime.evaluate', { expression })) as { exceptionDetails?: { text: string } };
          if (exceptionDetails) throw new Error(`injecting the engine: ${exceptionDetails.text}`);
        }
        // A case that hangs here too is a finding: the wait ends, the case stays a failure.
        let timer: NodeJS.Timeout | undefined;
        const limit = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no result after ${CHROMIUM_LIMIT_MS / 1000} s`)), CHROMIUM_LIMIT_MS);
        });
        try {
          results.push((await Promise.race([page.evaluate(TIME_IN_PAGE(c.html, c.url, c.modes, runs)), limit])) as ChromiumTiming);
        } finally {
          clearTimeout(timer);
        }
      } catch (error) {
        results.push(new Error((error as Error).message.split('\n')[0]));
      } finally {
        await context.close();
      }
    }
    return { results, version: browser.version() };
  } finally {
    await browser.close();
  }
}
