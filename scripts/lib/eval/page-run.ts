/**
 * One page: parsed once with jsdom (no scripts, no subresources), then the engine and bare Readability timed
 * on that same document, one after the other, and both outputs scored. Runs in the eval's worker thread.
 */
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../../utils/extract';
import { loadPage } from '../page';
import { HANG_MS, scorePage } from './score';
import type { LoadedPage, PageEntry, PageRun, Side, SideRun } from './types';

/** What is running now, for the watchdog: the parse, or one side. */
export type Phase = 'parse' | Side;

interface Timed {
  text: string | null;
  ms: number;
  error: string | null;
}

const firstLine = (error: unknown): string => String((error as Error)?.message ?? error).split('\n')[0];

function timed(fn: () => string | null | undefined): Timed {
  const start = performance.now();
  try {
    const text = fn() ?? null;
    return { text, ms: performance.now() - start, error: null };
  } catch (error) {
    // An exception is an empty output, listed with its message.
    return { text: null, ms: performance.now() - start, error: firstLine(error) };
  }
}

/** The result of a side that ran past HANG_MS in an earlier worker: no output, at least HANG_MS. */
const stopped = (): Timed => ({ text: null, ms: HANG_MS, error: `no result after ${HANG_MS / 1000} s (stopped)` });

export interface PageOptions {
  /** Sides not to run: they hung on this page before. */
  skip?: readonly Phase[];
  /** Called before the parse and before each side, so a watchdog knows what hangs. */
  onPhase?: (phase: Phase) => void;
}

/** Both extractors on one parsed page. `index` decides who goes first. */
export function runPage(entry: PageEntry, page: LoadedPage, index: number, { skip = [], onPhase }: PageOptions = {}): PageRun {
  const url = page.url ?? entry.url;
  // Pages that are not articles are asked as auto-clean and detection ask (the "is this an article?" gates on):
  // there a wrong yes takes over a page nobody asked to change. Articles are asked as a click asks.
  const gate = page.gold.kind === 'not-article';
  const sides = { engine: stopped(), readability: stopped() } as Record<Side, Timed>;
  const toRun = (['engine', 'readability'] as const).filter((s) => !skip.includes(s) && !skip.includes('parse'));
  if (toRun.length) {
    onPhase?.('parse');
    const { window } = loadPage(page.html, url);
    const doc = window.document;
    const global = globalThis as { window?: unknown };
    const previousWindow = global.window;
    // In the extension the engine runs with the page's window as the global one, and the sanitizer falls back
    // to it for documents that have no window of their own (the engine's clones). Node has no global window:
    // without this, pages with <noscript> images throw here but not in a browser.
    global.window = window;
    try {
      const run: Record<Side, () => Timed> = {
        engine: () => timed(() => extractArticle(doc, { url, gate })?.textContent),
        // The engine clones the page itself; bare Readability is timed with the clone a caller must make.
        readability: () => timed(() => new Readability(doc.cloneNode(true) as Document).parse()?.textContent),
      };
      // Alternating who goes first (engine on even pages) so warm caches and collections fall on both alike.
      const order = index % 2 === 0 ? toRun : [...toRun].reverse();
      for (const side of order) {
        onPhase?.(side);
        sides[side] = run[side]();
      }
    } finally {
      global.window = previousWindow;
      window.close();
    }
  }
  const scored = (t: Timed): SideRun => ({ ...t, score: scorePage(t.text, page.gold) });
  return {
    id: entry.id,
    url,
    site: entry.site,
    bytes: Buffer.byteLength(page.html),
    gold: page.gold,
    engine: scored(sides.engine),
    readability: scored(sides.readability),
    ...(skip.length ? { stopped: skip.includes('parse') ? ['engine', 'readability'] : skip.filter((s): s is Side => s !== 'parse') } : {}),
  };
}

const WARM_UP_PAGE = `<!doctype html><html lang="en"><head><title>Warm-up</title></head><body><nav><a href="/">Home</a></nav>
<article><h1>Warm-up</h1>${'<p>A paragraph of plain prose, long enough that both extractors take it for the body of an article, with a comma, and a full stop.</p>'.repeat(12)}</article>
<footer>Footer</footer></body></html>`;

/**
 * A few untimed runs on a small page before the first timed one: otherwise the first page pays for compiling
 * the engine's and Readability's code, and whichever runs first there looks slow.
 */
export function warmUp(runs = 5): void {
  const entry: PageEntry = { id: 'warm-up', url: 'https://example.com/warm-up', load: async () => null };
  for (let i = 0; i < runs; i++) runPage(entry, { html: WARM_UP_PAGE, gold: { kind: 'text', text: '' } }, i);
}
