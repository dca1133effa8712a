/**
 * The real toolbar popup in headless Chromium: opened by a click on the icon while the library is the tab's
 * popup (what the icon's own menu does), and read through an extension page opened before it (a new tab would
 * close the popup).
 */
import type { Page } from 'playwright-core';
import type { ChromiumWithExtension } from './chromium';
import { until } from './wait';

/** Runs `fn` (source of a function, with `document` the popup's) in the open popup; '__no_popup__' when none is open. */
export async function inPopup<T>(holder: Page, fn: string): Promise<T> {
  return holder.evaluate(`(() => { const v = chrome.extension.getViews({ type: 'popup' })[0]; if (!v) return '__no_popup__'; const document = v.document; return (${fn})(); })()`) as Promise<T>;
}

/** Polls `fn` in the popup until `ok` holds of its value. */
export function waitPopup<T>(holder: Page, fn: string, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  return until(
    () => inPopup<T>(holder, fn).catch(() => '__error__' as T),
    (v) => v !== '__no_popup__' && v !== '__error__' && ok(v),
    ms,
    `popup: ${fn}`,
  );
}

/** The tab id of `page` (the extension sees no URLs without access, so: the active tab once it is in front). */
export async function tabIdOf(b: ChromiumWithExtension, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await b.worker.evaluate(async () => (await (globalThis as any).chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  if (typeof id !== 'number') throw new Error('no active tab');
  return id;
}

/**
 * Opens the library popup over `page` with a click on the icon (which, like any click on it, grants activeTab),
 * waits until it shows the page's host, and gives the icon back its plain click. Returns that host.
 */
export async function openLibraryPopup(b: ChromiumWithExtension, page: Page, holder: Page): Promise<string> {
  const tabId = await tabIdOf(b, page);
  await b.worker.evaluate((id) => (globalThis as any).chrome.action.setPopup({ tabId: id, popup: '/library.html' }), tabId);
  await b.clickAction(page);
  const host = await waitPopup<string>(holder, `() => document.querySelector('.current .host')?.textContent ?? ''`, (v) => !!v);
  await b.worker.evaluate((id) => (globalThis as any).chrome.action.setPopup({ tabId: id, popup: '' }), tabId);
  return host;
}

/** Closes the popup as a click elsewhere does, and waits until it is gone (an open popup takes the next click on the icon). */
export async function closePopup(holder: Page): Promise<void> {
  await inPopup(holder, `() => v.close()`);
  for (const end = Date.now() + 30_000; ; ) {
    if ((await holder.evaluate(() => (globalThis as any).chrome.extension.getViews({ type: 'popup' }).length)) === 0) return;
    if (Date.now() > end) throw new Error('the popup did not close');
    await new Promise((r) => setTimeout(r, 100));
  }
}
