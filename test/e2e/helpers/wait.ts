/**
 * Waiting in the browser tests for the condition that matters, never for a fixed time: a fixed wait is too short on
 * a loaded machine and needlessly long on an idle one. Polls re-check every 100 ms.
 */
import type { Page } from 'playwright-core';

/** page.waitForFunction's options for the tests: a timer (background tabs get no animation frames) and a 20 s limit. */
export const POLL = { polling: 100, timeout: 20_000 } as const;

/**
 * Polls `fn` from Node every 100 ms until `ok` holds of its value (by default: until it is truthy); returns that value.
 * `what` names the wait in the timeout's message (else the start of `fn`'s source does).
 */
export async function until<T>(fn: () => Promise<T>, ok: (value: T) => boolean = Boolean, ms = 20_000, what?: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what ?? fn.toString().slice(0, 120)}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until every CSS animation and transition of the page has run to its end: those of the document and those
 * in the reader's shadow root (closed; the test hook exposes it as body.shadowRoot, helpers/closed-shadow.ts).
 * getAnimations() flushes pending style changes first, so a transition that a class change or a media change has
 * just started is counted. A finished transition leaves the list; an animation that fills forwards stays in it as
 * 'finished'.
 */
export async function animationsFinished(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    if (document.body?.shadowRoot) roots.push(document.body.shadowRoot);
    return roots.every((root) => root.getAnimations().every((a) => a.playState === 'finished'));
  }, null, POLL);
}

/**
 * Waits until the page has rendered two frames: a scroll made by a script is handled (its scroll event, and the
 * animation frame a listener asked for in it) in the next frame, and what that changed is painted in the one after.
 */
export async function framesRendered(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/**
 * Switches the emulated colour scheme and waits until the page shows it (`shows`, given the scheme, is true in the
 * page) and the colour transitions this started are over.
 */
export async function emulateColorScheme(page: Page, scheme: 'light' | 'dark', shows: (scheme: 'light' | 'dark') => boolean): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction(shows, scheme, POLL);
  await animationsFinished(page);
}

/** The library's own sign that it painted a colour scheme (utils/library-ui/page.tsx repaints on the media change). */
export const libraryShows = (scheme: 'light' | 'dark'): boolean => !!document.querySelector(`.library[data-theme="${scheme}"]`);

/** The reader's sign that it shows a colour scheme: its own `color-scheme` (each theme of components/reader.css sets it). */
export const readerShows = (scheme: 'light' | 'dark'): boolean =>
  getComputedStyle(document.body.shadowRoot!.querySelector('.reader')!).colorScheme === scheme;
