/**
 * Auto-cleaning on supported sites (issue 15: light where it loads on every page). This runs in the small script
 * declared at document_start on every page of those sites: on an article URL of a built-in site the page is hidden
 * at once; the background decides (settings: the site's switch, the sites the user added) and injects the reader
 * only there; the reader opens as soon as the document is parsed, and the page is shown again. If the site is
 * switched off or extraction finds nothing, the original page shows untouched.
 * Two limits, because a large page over a slow network is still arriving long after anyone would stare at a blank
 * tab (real 350–550 KB news pages took more than 1.5 s to parse here): the page is blank for at most HIDE_LIMIT_MS,
 * then it shows while the reader keeps coming, and the reader still opens when it is ready, until LATE_LIMIT_MS,
 * unless the person has started using the page (a tap, a key, the wheel): then the page is theirs and stays.
 * Nothing here may pull in the reader or the engine: the bundle's size is budgeted (npm run bench, 8 KB gzipped).
 */
import type { ReaderController } from './controller';
import { siteFor, type SiteSwitch } from './site-switch';

/** The longest an article page stays blank while its reader is on the way. */
export const HIDE_LIMIT_MS = 1500;
/** After this the page is left as it is: the reader would replace what the person has started to read. */
export const LATE_LIMIT_MS = 8000;
/** What a person does on a page they are reading (not what its scripts do: scroll and focus move by themselves). */
const PERSON_INPUT = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

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

/**
 * How auto-clean ended: 'opened-late' when the page had been shown (past HIDE_LIMIT_MS) before the reader opened;
 * 'in-use' when the person used the shown page before the reader was ready; 'too-slow' past LATE_LIMIT_MS.
 */
export type AutoCleanResult = 'opened' | 'opened-late' | 'not-article-url' | 'switched-off' | 'no-article' | 'too-slow' | 'in-use' | 'error';

type Stop = 'too-slow' | 'in-use';

export async function autoClean(deps: AutoCleanDeps): Promise<AutoCleanResult> {
  const { doc, url } = deps;
  // A built-in site's article is known from the URL alone, before anything paints; a site the user added is known
  // only to the background (its settings), so its page is not hidden.
  const hidden = siteFor(url, null) ? hidePage(doc) : null;
  const later = deps.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  let stopped: Stop | null = null;
  let stop: (why: Stop) => void = () => undefined;
  const stops = new Promise<Stop>((ok) => (stop = (why) => ok((stopped ??= why))));
  const used = () => stop('in-use');
  let shown = !hidden;
  const showPage = () => {
    if (shown) return;
    shown = true;
    hidden?.show();
  };
  // What the person does counts from when they can see the page: at once on a page never hidden, else from the
  // blank-page limit (once auto-clean is done, the page is shown already and nothing is watched).
  const watchPerson = () => PERSON_INPUT.forEach((type) => doc.addEventListener(type, used, { capture: true, passive: true }));
  if (shown) watchPerson();
  later(() => {
    if (shown) return;
    showPage();
    watchPerson();
  }, HIDE_LIMIT_MS);
  later(() => stop('too-slow'), LATE_LIMIT_MS);
  /** `work`, unless a limit or the person comes first. */
  const unlessStopped = <T,>(work: Promise<T>): Promise<T | Stop> => Promise.race([work, stops]);

  try {
    // Asked at once: the reader's script loads while the page is still being parsed.
    const prepared = await unlessStopped(deps.prepare().catch((): AutoCleanPrepared => ({ skip: 'error' })));
    if (typeof prepared === 'string') return prepared;
    if ('skip' in prepared) return prepared.skip;
    const parsed = await unlessStopped(domReady(doc));
    if (parsed) return parsed;
    const reader = await unlessStopped(deps.reader());
    if (typeof reader === 'string') return reader;
    if (stopped) return stopped;
    // A page the user added was never hidden: its reader opening over it is the usual way, not a late one.
    const late = !!hidden && shown;
    const reply = await reader.open({ auto: prepared.site });
    if (reply.state !== 'opened') return 'no-article';
    return late ? 'opened-late' : 'opened';
  } finally {
    showPage();
    PERSON_INPUT.forEach((type) => doc.removeEventListener(type, used, { capture: true }));
  }
}
