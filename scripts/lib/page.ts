/**
 * Loading a saved page the way the scripts need it: jsdom with its defaults kept (no page scripts run, no
 * subresources load), so reading a file never touches the network, and a virtual console that stays quiet
 * (jsdom reports every stylesheet it cannot parse; those are noise for a command-line tool).
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The part of jsdom's API used here, typed locally: the project has no @types/jsdom (jsdom is a test dependency). */
export interface LoadedPage {
  window: Window & typeof globalThis;
}
interface JsdomApi {
  JSDOM: new (html: string, options: { url: string; virtualConsole: unknown }) => LoadedPage;
  VirtualConsole: new () => unknown;
}
const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as JsdomApi;

export function loadPage(html: string, url: string): LoadedPage {
  // No runScripts, no resources: the jsdom defaults, on purpose.
  try {
    return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  } catch (error) {
    if (!isStyleSheetError(error)) throw error;
    // jsdom (29) throws while parsing some broken style sheets (`max-width: calc(` left open, found by npm run
    // fuzz) where browsers drop the rule. The engine never reads a <style> element's text (nor does Readability):
    // the page is read again with those texts left out, and nothing else changed.
    return new JSDOM(withoutStyleSheets(html), { url, virtualConsole: new VirtualConsole() });
  }
}

/** Whether an error comes from jsdom's CSS handling (its stack, cut at ten frames, is in its CSS parsers). */
function isStyleSheetError(error: unknown): boolean {
  return /node_modules[\\/](css-tree|cssstyle|jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]css)[\\/]/.test((error as Error)?.stack ?? '');
}

/** The page with every <style> element's text emptied (an HTML parser reads it as raw text up to `</style`). */
export function withoutStyleSheets(html: string): string {
  return html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>|$)/gi, '$1$2');
}

/**
 * The URL of a fixture page, from the expected.json beside it (test/fixtures/<group>/<case>/): `url` for
 * source.html, and for the other pages of a multi-page fixture the key of `pages` (URL -> file) naming the file.
 * Null when the file is not a fixture page.
 */
export function fixtureUrlFor(file: string): string | null {
  const exp = join(dirname(file), 'expected.json');
  if (!existsSync(exp)) return null;
  try {
    const e = JSON.parse(readFileSync(exp, 'utf8')) as { url?: unknown; pages?: Record<string, unknown> };
    if (basename(file) === 'source.html') return typeof e.url === 'string' && e.url ? e.url : null;
    const hit = Object.entries(e.pages ?? {}).find(([, f]) => f === basename(file));
    return hit ? hit[0] : null;
  } catch {
    return null;
  }
}
