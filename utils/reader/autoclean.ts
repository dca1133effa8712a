/**
 * Auto-cleaning on supported sites (issue 15: light where it loads on every page). This runs in the small script
 * declared at document_start on every page of those sites: on an article URL of a built-in site the page is hidden
 * at once; the background decides (settings: the site's switch, the sites the user added) and injects the reader
 * only there; the reader opens as soon as the document is parsed, and the page is shown again. If the site is
 * switched off, extraction finds nothing, or it all takes more than HIDE_LIMIT_MS, the original page shows untouched.
 * Nothing here may pull in the reader or the engine: the bundle's size is budgeted (npm run bench, 8 KB gzipped).
 */
import type { ReaderController } from './controller';
import { siteFor, type SiteSwitch } from './site-switch';

export const HIDE_LIMIT_MS = 1500;

/** The background's answer (utils/background/autoclean.ts): the page's switch with the reader injected, or why not. */
export type AutoCleanPrepared = { site: SiteSwitch } | { skip: 'not-article-url' | 'switched-off' | 'error' };

export interface AutoCleanDeps {
  doc: Document;
  url: string;
  /** Asks the background to decide for this page; for an article of a site switched on it injects the reader. */
  prepare: () => Promise<AutoCleanPrepared>;
  /**
   * The document's reader, once the script the background injects has arrived (utils/reader/instance.ts); called
   * when the document is parsed. Never settles if the injection failed: the time limit shows the page then.
   */
  reader: () => Promise<Pick<ReaderController, 'open'>>;
  /** For tests: a clock. */
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

/**
 * Hides the page without touching its DOM: a constructed stylesheet in document.adoptedStyleSheets is not
 * part of the markup. Where a content script cannot adopt sheets, a <style> element that is removed again.
 */
export function hidePage(doc: Document): { show: () => void } {
  const rule = 'html { visibility: hidden !important; }';
  try {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    const sheet = new win!.CSSStyleSheet();
    sheet.replaceSync(rule);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return { show: () => (doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet)) };
  } catch {
    const style = doc.createElement('style');
    style.textContent = rule;
    doc.documentElement.appendChild(style);
    return { show: () => style.remove() };
  }
}

function domReady(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((ok) => doc.addEventListener('DOMContentLoaded', () => ok(), { once: true }));
}

export type AutoCleanResult = 'opened' | 'not-article-url' | 'switched-off' | 'no-article' | 'too-slow' | 'error';

export async function autoClean(deps: AutoCleanDeps): Promise<AutoCleanResult> {
  const { doc, url } = deps;
  // A built-in site's article is known from the URL alone, before anything paints; a site the user added is known
  // only to the background (its settings), so its page is not hidden.
  const hidden = siteFor(url, null) ? hidePage(doc) : null;
  let timedOut = false;
  const later = deps.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const gaveUp = new Promise<'too-slow'>((ok) =>
    later(() => {
      timedOut = true;
      hidden?.show();
      ok('too-slow');
    }, HIDE_LIMIT_MS),
  );

  // Asked at once: the reader's script loads while the page is still being parsed.
  const prepared = await deps.prepare().catch((): AutoCleanPrepared => ({ skip: 'error' }));
  if ('skip' in prepared) {
    hidden?.show();
    return prepared.skip;
  }
  await domReady(doc);
  const reader = await Promise.race([deps.reader(), gaveUp]);
  if (reader === 'too-slow' || timedOut) return 'too-slow';
  const reply = await reader.open({ auto: prepared.site });
  hidden?.show();
  return reply.state === 'opened' ? 'opened' : 'no-article';
}
