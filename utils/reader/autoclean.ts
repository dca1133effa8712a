/**
 * Auto-cleaning on supported sites: on an article URL the page is hidden from document_start, the reader opens
 * as soon as the document is parsed, and the page is shown again. If the site is switched off, extraction finds
 * nothing, or it all takes more than HIDE_LIMIT_MS, the original page shows untouched.
 */
import { autoCleanOn, type Settings } from '../settings';
import type { ReaderController } from './controller';
import { siteFor } from './site-switch';

export const HIDE_LIMIT_MS = 1500;

export interface AutoCleanDeps {
  doc: Document;
  url: string;
  loadSettings: () => Promise<Settings>;
  getReader: () => ReaderController;
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

export type AutoCleanResult = 'opened' | 'not-article-url' | 'switched-off' | 'no-article' | 'too-slow';

export async function autoClean(deps: AutoCleanDeps): Promise<AutoCleanResult> {
  const { doc, url } = deps;
  // A built-in rule decides from the URL alone, before anything paints; user sites need the settings first.
  const early = siteFor(url, null);
  const hidden = early ? hidePage(doc) : null;
  let timedOut = false;
  const later = deps.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  later(() => {
    timedOut = true;
    hidden?.show();
  }, HIDE_LIMIT_MS);

  const settings = await deps.loadSettings().catch(() => null);
  const site = early ?? siteFor(url, settings);
  if (!site) return 'not-article-url';
  if (!settings || !autoCleanOn(settings, site.site)) {
    hidden?.show();
    return 'switched-off';
  }
  await domReady(doc);
  if (timedOut) return 'too-slow';
  const reply = await deps.getReader().open({ auto: site });
  hidden?.show();
  return reply.state === 'opened' ? 'opened' : 'no-article';
}
