/**
 * Issue 13, parts 6 and 7, in the built extension in Debian's Chromium: a new user's first steps.
 * - The install opens the welcome page once (a real update, CDP Extensions.loadUnpacked of the same build, opens
 *   none); it names the button, the sites auto-clean covers (from the site rules), the shortcuts, the saved list
 *   (with a button to it) and the picture permission; keyboard, axe, light and dark, English and Indonesian.
 * - The popup over a saved page says Saved and offers Remove (with Undo) instead of "Save this page".
 * - A page with no article gets a notice that stays, with Pick and Saved articles; Pick lets the person choose a
 *   block on the page and the reader opens with it; page-made clicks do nothing.
 * Screenshots: docs/screenshots/welcome.png, popup-saved.png, no-article.png (and variants in test-results/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, SITE_HOST_RULES, type TestServer } from './helpers/server';
import { CHROME_EXT, launchChromium, readerText, waitForReader, type ChromiumWithExtension } from './helpers/chromium';
import { axeViolations, describeViolations } from './helpers/axe';
import { until } from './helpers/wait';
import { storedArticles } from './helpers/stored-articles';
import * as popup from './helpers/popup';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-results');
const DOCS = join(ROOT, 'docs', 'screenshots');
const poll = { polling: 100, timeout: 20_000 } as const;

/** The site rules' names, read from the registry's source (the welcome page must list each of them). */
const RULE_COUNT = (readFileSync(join(ROOT, 'utils', 'extract', 'sites', 'index.ts'), 'utf8').match(/SITE_RULES[^=]*=\s*\[([\s\S]*?)\];/)?.[1] ?? '')
  .split('\n')
  .filter((l) => /^\s*\w+,/.test(l)).length;

const axe = async (page: Page): Promise<string[]> => describeViolations(await axeViolations(page));

const welcomePages = (context: BrowserContext, id: string) => context.pages().filter((p) => p.url() === `chrome-extension://${id}/welcome.html`);

/** onInstalled events the background saw (its test hook), from whichever worker is running now. */
async function installs(b: ChromiumWithExtension): Promise<{ reason: string; welcomed: boolean }[]> {
  for (const w of b.context.serviceWorkers()) {
    const seen = await w.evaluate(() => (globalThis as any).__jernih?.installs?.() ?? null).catch(() => null);
    if (seen) return seen;
  }
  return [];
}

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
  mkdirSync(DOCS, { recursive: true });
});

describe('the welcome page', () => {
  let browser: ChromiumWithExtension;
  afterAll(async () => browser?.close());

  it('opens once on install, and not on an update; it shows where everything is, by keyboard too', async () => {
    browser = await launchChromium({ keepWelcome: true, extraArgs: ['--enable-unsafe-extension-debugging'] });
    const { context, extensionId } = browser;
    await until(() => installs(browser), (v) => v.some((i) => i.reason === 'install'));
    expect(await installs(browser)).toEqual([{ reason: 'install', welcomed: true }]);
    const welcome = await until(async () => welcomePages(context, extensionId), (v) => v.length > 0);
    expect(welcome).toHaveLength(1);
    const page = welcome[0];
    await page.setViewportSize({ width: 1000, height: 1400 });
    await page.waitForSelector('[data-list="sites"] li', poll);
    expect(await page.title()).toBe('Welcome to Jernih');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Click Jernih');
    expect(text).toContain('Saved articles');
    expect(text).toContain('pictures from other sites');
    // Every site rule is named, from the registry in code.
    const sites = await page.locator('[data-list="sites"] li').allInnerTexts();
    expect(sites.length).toBe(RULE_COUNT);
    expect(sites.join('\n')).toContain('Kompas.com');
    expect(sites.join('\n')).toContain('tempo.co');
    expect(await page.locator('[data-section="keys"] tr').count()).toBe(5);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(DOCS, 'welcome.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'welcome-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    // Keyboard alone: Tab reaches "Open saved articles", Enter opens the list in a tab.
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-action') === 'open-library');
    }
    expect(reached).toBe(true);
    const opened = context.waitForEvent('page', (p) => p.url().includes('/library.html'));
    await page.keyboard.press('Enter');
    const library = await opened;
    expect(library.url()).toBe(`chrome-extension://${extensionId}/library.html?view=tab`);
    await library.close();
    await page.close();

    // A real update of the installed extension (the browser reinstalls it from its folder): no welcome page.
    const cdp = await context.browser()!.newBrowserCDPSession();
    await cdp.send('Extensions.loadUnpacked' as never, { path: CHROME_EXT } as never);
    await until(() => installs(browser), (v) => v.some((i) => i.reason === 'update'));
    expect(await installs(browser)).toEqual([{ reason: 'update', welcomed: false }]);
    expect(welcomePages(context, extensionId)).toHaveLength(0);
  });

  it('speaks Indonesian in an Indonesian browser', async () => {
    const id = await launchChromium({ keepWelcome: true, extraArgs: ['--lang=id'] });
    try {
      const page = await until(async () => welcomePages(id.context, id.extensionId)[0], (v) => !!v);
      await page.setViewportSize({ width: 1000, height: 1400 });
      await page.waitForSelector('[data-list="sites"] li', poll);
      expect(await page.title()).toBe('Selamat datang di Jernih');
      expect(await page.locator('[data-action="open-library"]').innerText()).toContain('Buka artikel tersimpan');
      await page.screenshot({ path: join(ARTIFACTS, 'welcome-id.png'), fullPage: true });
    } finally {
      await id.close();
    }
  });
});

describe('the popup and the no-article notice', () => {
  let browser: ChromiumWithExtension;
  let server: TestServer;
  let holder: Page;
  let port = '';
  const HOST = 'www.kabarpesisir.example.id';
  const ARTICLE = '/berita/2026/12/dermaga-baru-dibuka';
  const para = (n: number) =>
    `Dermaga baru di pesisir utara dibuka untuk umum pekan ini, dan warga ${['menyambutnya dengan syukuran', 'mulai berjualan di sekitarnya', 'memakainya untuk berangkat melaut', 'mengajak anak-anak berjalan sore'][n % 4]}. Petugas pelabuhan mengatakan kapal penumpang akan singgah dua kali sehari, sementara perahu nelayan tetap memakai tambatan lama di sisi timur.`;
  const articleHtml = () => `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Dermaga baru dibuka untuk umum - Kabar Pesisir</title>
<meta property="og:title" content="Dermaga baru dibuka untuk umum"><meta property="og:site_name" content="Kabar Pesisir"></head><body>
<main><article><h1>Dermaga baru dibuka untuk umum</h1>${Array.from({ length: 9 }, (_, i) => `<p>${para(i)}</p>`).join('\n')}</article></main></body></html>`;
  // A page whose whole content is hidden from assistive technology behind an overlay (aria-hidden="true" on its
  // wrapper, as consent walls do): Readability skips it, so the reader finds no article, while the text is on screen.
  const HIDDEN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour Ferries</title>
<style>body{font:16px/1.5 Georgia,serif;margin:0;background:#f4f1ea}header{background:#18475d;color:#fff;padding:14px 24px;font:600 20px system-ui}
.notes{max-width:640px;margin:32px auto;padding:0 24px}.side{max-width:640px;margin:0 auto;padding:0 24px;color:#555}</style></head><body>
<div id="site" aria-hidden="true"><header>Harbour Ferries</header>
<div class="notes"><h2>Notes for passengers</h2><p>Ferries leave the north pier every hour from six in the morning. Tickets are sold at the pier and on board, and children under five travel free with an adult. In rough weather the last two crossings may be cancelled; the harbour office posts changes by noon.</p>
<p>Bicycles are carried on every crossing, dogs on a lead too. Please arrive ten minutes early so the crew can load the cars first and leave on time.</p>
<p>The café on the upper deck is open on every crossing after eight; it takes cash and cards. The lounge on the lower deck is quiet and has seats for people who need them.</p></div>
<div class="side"><p>Timetables · Fares · Contact</p></div></div></body></html>`;

  beforeAll(async () => {
    server = await startServer();
    port = new URL(server.origin).port;
    server.page(ARTICLE, articleHtml());
    server.page('/ferry-notes', HIDDEN);
    browser = await launchChromium({ extraArgs: [SITE_HOST_RULES] });
    holder = await browser.context.newPage();
    await holder.goto(`chrome-extension://${browser.extensionId}/library.html?view=tab`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The real toolbar popup, read through an extension page opened before it (helpers/popup.ts). */
  const inPopup = <T,>(fn: string): Promise<T> => popup.inPopup<T>(holder, fn);
  const waitPopup = <T,>(fn: string, ok: (v: T) => boolean) => popup.waitPopup<T>(holder, fn, ok);
  const popups = () => holder.evaluate(() => (globalThis as any).chrome.extension.getViews({ type: 'popup' }).length as number);
  const tabIdOf = (page: Page) => popup.tabIdOf(browser, page);
  /** The library's records (trash included), straight from its IndexedDB. */
  const records = async () => (await storedArticles(holder)).map((x) => ({ title: x.article.title, deletedAt: x.deletedAt }));

  it('the popup of a saved page says Saved and offers Remove instead of "Save this page"; Remove and Undo work', async () => {
    // The page's URL as saved differs from the one visited (edition prefix, a tracker, a fragment): the library's
    // own normalized lookup finds it.
    const page = await browser.context.newPage();
    await page.goto(`http://${HOST}:${port}${ARTICLE}`);
    await browser.clickAction(page);
    await waitForReader(page);
    await page.locator('[data-action="save"]').click();
    await page.waitForFunction(() => document.body.shadowRoot!.querySelector('[data-action="save"]')?.getAttribute('aria-pressed') === 'true', null, poll);
    await page.keyboard.press('Escape');
    await waitForReader(page, false);
    await page.goto(`http://kabarpesisir.example.id:${port}${ARTICLE}?utm_source=wa#komentar`);
    const tabId = await tabIdOf(page);

    // The icon's own menu opens the library as this tab's popup (and, like any use of the icon, grants activeTab).
    const openPopup = async () => {
      await browser.worker.evaluate((id) => (globalThis as any).chrome.action.setPopup({ tabId: id, popup: '/library.html' }), tabId);
      await browser.clickAction(page);
      await waitPopup<string>(`() => document.querySelector('.current .host')?.textContent ?? ''`, (v) => !!v);
      await browser.worker.evaluate((id) => (globalThis as any).chrome.action.setPopup({ tabId: id, popup: '' }), tabId);
    };
    await openPopup();
    const state = await waitPopup<string>(`() => document.querySelector('.current [data-state="saved"]')?.textContent ?? ''`, (v) => !!v);
    expect(state.trim()).toBe('Saved');
    expect(await inPopup(`() => document.querySelectorAll('[data-action="save-page"]').length`)).toBe(0);
    expect(await inPopup(`() => document.querySelector('[data-action="remove-page"]').getAttribute('aria-label')`)).toBe('Remove this page from your saved articles');

    await inPopup(`() => document.querySelector('[data-action="remove-page"]').click()`);
    await waitPopup<number>(`() => document.querySelectorAll('[data-action="save-page"]').length`, (n) => n === 1);
    expect((await records()).map((r) => r.deletedAt !== null)).toEqual([true]);
    const toast = await waitPopup<string>(`() => document.querySelector('.toast.show')?.textContent ?? ''`, (v) => !!v);
    expect(toast).toContain('Deleted “Dermaga baru dibuka untuk umum”');
    await inPopup(`() => document.querySelector('.toast.show [data-action="undo"]').click()`);
    await waitPopup<string>(`() => document.querySelector('.current [data-state="saved"]')?.textContent ?? ''`, (v) => !!v);
    expect((await records()).map((r) => r.deletedAt)).toEqual([null]);
    await inPopup(`() => v.close()`);
    await until(popups, (n) => n === 0);

    // The same popup, in a popup-sized tab about this tab, for the pictures and axe, light and dark.
    const shot = await browser.context.newPage();
    await shot.setViewportSize({ width: 400, height: 590 });
    await shot.goto(`chrome-extension://${browser.extensionId}/library.html?tab=${tabId}`);
    await shot.waitForSelector('.current [data-state="saved"]', poll);
    await shot.waitForSelector('.row', poll);
    // Serious and critical, as the library's own test checks the popup (its landmarks are a moderate finding of the popup as a whole).
    const serious = async () => (await axe(shot)).filter((v) => /^(serious|critical) /.test(v));
    expect(await serious()).toEqual([]);
    await shot.screenshot({ path: join(DOCS, 'popup-saved.png') });
    await shot.emulateMedia({ colorScheme: 'dark' });
    await shot.waitForSelector('.library[data-theme="dark"]', poll);
    expect(await serious()).toEqual([]);
    await shot.screenshot({ path: join(ARTIFACTS, 'popup-saved-dark.png') });
    await shot.close();
    await page.close();
  });

  it('a page with no article gets a notice that stays, with Pick and Saved articles; Pick opens the reader with the chosen block', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/ferry-notes`);
    await browser.clickAction(page);
    await page.waitForFunction(() => !!document.querySelector('jernih-notice')?.shadowRoot?.querySelector('[data-action="no-article-pick"]'), null, poll);
    const notice = () =>
      page.evaluate(() => {
        const root = document.querySelector('jernih-notice')?.shadowRoot;
        return root
          ? { text: (root.querySelector('[role="dialog"]') as HTMLElement).innerText, buttons: Array.from(root.querySelectorAll('button')).map((b) => b.textContent), focused: root.activeElement?.getAttribute('data-action') ?? null }
          : null;
      });
    const shown = await notice();
    expect(shown?.text).toContain('Jernih found no article to read on this page.');
    expect(shown?.buttons).toEqual(['Pick the text', 'Saved articles', '×']);
    // The next steps are in reach of the keyboard at once.
    expect(shown?.focused).toBe('no-article-pick');
    await page.screenshot({ path: join(DOCS, 'no-article.png') });
    await page.keyboard.press('Tab');
    expect((await notice())?.focused).toBe('no-article-library');

    // The page's own scripts cannot press its buttons or close it (untrusted events are dropped).
    await page.evaluate(() => {
      const root = document.querySelector('jernih-notice')!.shadowRoot!;
      for (const b of Array.from(root.querySelectorAll('button'))) b.click();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(await notice()).not.toBeNull();
    expect(await page.evaluate(() => !!document.querySelector('jernih-picker'))).toBe(false);
    expect(await popups()).toBe(0);

    // Saved articles, from the keyboard: the library popup opens and the notice goes.
    await page.keyboard.press('Enter');
    await waitPopup<number>(`() => document.querySelectorAll('.library').length`, (n) => n === 1);
    expect(await notice()).toBeNull();
    await inPopup(`() => v.close()`);
    await until(popups, (n) => n === 0);

    // Again; Esc closes it, and the button again brings it back.
    await browser.clickAction(page);
    await page.waitForFunction(() => !!document.querySelector('jernih-notice')?.shadowRoot?.querySelector('button'), null, poll);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('jernih-notice'), null, poll);
    await browser.clickAction(page);
    await page.waitForFunction(() => !!document.querySelector('jernih-notice')?.shadowRoot?.querySelector('button'), null, poll);

    // Pick the text: the picker on the page; a click on the block opens the reader with it.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !!document.querySelector('jernih-picker') && !document.querySelector('jernih-notice'), null, poll);
    const box = (await page.locator('.notes p').nth(1).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.screenshot({ path: join(ARTIFACTS, 'no-article-picking.png') });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await waitForReader(page);
    const text = await readerText(page);
    expect(text).toContain('Bicycles are carried on every crossing');
    expect(text).not.toContain('Timetables · Fares · Contact');
    await page.screenshot({ path: join(ARTIFACTS, 'no-article-picked-reader.png') });
    await page.keyboard.press('Escape');
    await waitForReader(page, false);
    await page.close();
  });
});
