/**
 * Saving articles in the built extension, in Debian's Chromium: from the reader toolbar, the popup ("Save this
 * page" with the reader closed) and the context menu's handler; two tabs saving at once; a full quota; then
 * reading what was saved: found by a word of its body and read with the network off, pictures included, and a
 * picture that was not kept loaded only on a click. The list, export and import: library-list.chromium.test.ts.
 * Screenshots go to test-results/.
 */
import { closePopup, inPopup, openLibraryPopup, tabIdOf, waitPopup } from './helpers/popup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, SITE_HOST_RULES, type TestServer } from './helpers/server';
import { launchChromium, waitForReader, type ChromiumWithExtension } from './helpers/chromium';
import { ARTICLES, BODY_WORD, CDN, extensionPage, readerStatus, records, savedInReader, serveLibrarySite, type LibrarySite } from './helpers/library-site';
import { POLL as poll, emulateColorScheme, readerShows, until } from './helpers/wait';

const ARTIFACTS = join(resolve(import.meta.dirname, '..', '..'), 'test-results');

let server: TestServer;
let site: LibrarySite;
let browser: ChromiumWithExtension;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  site = serveLibrarySite(server);
  browser = await launchChromium({ extraArgs: [SITE_HOST_RULES] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('saving articles in Chromium', () => {
  let holder: Page;

  beforeAll(async () => {
    holder = await extensionPage(browser, 'library.html?view=tab');
  });

  it('saves from the reader toolbar (button and S), and saving again updates the same entry', async () => {
    const page = await site.openArticle(browser, ARTICLES[0]);
    // The page itself has no way to the extension (no externally_connectable): it cannot ask to save, list or read.
    expect(await page.evaluate(() => typeof (window as any).chrome?.runtime?.sendMessage)).toBe('undefined');
    await browser.clickAction(page);
    await waitForReader(page);
    const save = page.locator('[data-action="save"]');
    expect(await save.getAttribute('aria-label')).toBe('Save');
    await save.click();
    expect(await readerStatus(page)).toBe('Saved to your library.');
    await savedInReader(page);
    expect(await save.getAttribute('aria-label')).toBe('Saved');
    // The keyboard shortcut saves again: the entry is updated, not duplicated.
    await page.keyboard.press('s');
    await page.waitForFunction(() => document.body.shadowRoot!.querySelector('.status')?.textContent === 'Updated in your library.', null, poll);
    await page.screenshot({ path: join(ARTIFACTS, 'library-reader-saved.png') });
    const recs = await records(holder);
    expect(recs.map((r) => r.title)).toEqual([ARTICLES[0].title]);
    // Both pictures are on the page's own site: kept (activeTab gives the background access to it).
    expect(recs[0].images.sort()).toEqual([site.pictureUrl('/foto/banjir-lead.png'), site.pictureUrl('/foto/banjir-posko.png')].sort());

    // The reader's Library button opens the library popup; the toolbar button goes on toggling the reader.
    await page.locator('[data-action="library"]').click();
    const listed = await waitPopup<string[]>(holder, `() => Array.from(document.querySelectorAll('.row .title')).map((t) => t.textContent)`, (v) => v.length === 1);
    expect(listed[0]).toContain(ARTICLES[0].title);
    await closePopup(holder);
    const tabId = await tabIdOf(browser, page);
    expect(await browser.worker.evaluate((id) => (globalThis as any).chrome.action.getPopup({ tabId: id }), tabId)).toBe('');
    await browser.clickAction(page);
    await waitForReader(page, false);
    await page.close();
  });

  it('saves from the popup ("Save this page", reader closed): keeps what it may, then asks about the other host by name', async () => {
    const page = await site.openArticle(browser, ARTICLES[1]);
    // The library popup as the icon's own menu ("Saved articles") opens it; like any click on the icon it grants activeTab.
    expect(await openLibraryPopup(browser, page, holder)).toBe('kabarkota.example.id');
    expect(await page.evaluate(() => document.body.id)).not.toBe('jernih-reader');
    const asked = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/picture-window.html'), timeout: 30_000 });
    await inPopup(holder, `() => document.querySelector('[data-action="save-page"]').click()`);
    // Saved at once; the picture on another host is asked about afterwards, by its host's name, in a window of
    // its own (a permission prompt would close the popup).
    const toast = await waitPopup<string>(holder, `() => document.querySelector('.toast.show')?.textContent ?? ''`, (v) => v.includes('library'));
    // Not "Pictures not kept" here: the question that follows says it.
    expect(toast).toBe('Saved to your library.');
    const ask = await asked;
    await ask.waitForSelector('[data-action="not-now"]', poll);
    const text = await ask.locator('.ask').innerText();
    expect(text).toContain('Keep the picture?');
    expect(text).toContain(`It is on ${CDN};`);
    expect(text).not.toMatch(/all sites/i);
    await ask.locator('[data-action="not-now"]').click();
    await ask.waitForFunction(() => document.body.innerText.includes('Jernih will not ask again when you save'), null, poll);
    // Close closes the window itself (the click's own wait then finds no page: the close event is the proof).
    await Promise.all([ask.waitForEvent('close', { timeout: 30_000 }), ask.locator('[data-action="close-ask"]').click().catch(() => undefined)]);
    // (The window took the focus: the popup may have closed, as it does when the person clicks elsewhere.)
    await closePopup(holder);
    // The page was never swapped for the reader.
    expect(await page.evaluate(() => document.body.id)).not.toBe('jernih-reader');
    const recs = await records(holder);
    expect(recs[0].title).toBe(ARTICLES[1].title);
    expect(recs[0].images).toEqual([site.pictureUrl('/foto/beras-lead.png')]);
    const stored = await browser.worker.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings.imageAccess);
    expect(stored).toBe('declined');
    await page.close();

    // Options: the pictures switch, and the way to allow other sites later.
    const options = await extensionPage(browser, 'options.html');
    const keep = options.locator('[data-action="save-images"]');
    await options.waitForSelector('[data-section="library"]', poll);
    expect(await keep.isChecked()).toBe(true);
    expect(await options.locator('[data-action="allow-pictures"]').count()).toBe(1);
    await keep.uncheck();
    await until(async () => (await browser.worker.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings.saveImages)) === false);
    await keep.check();
    await until(async () => (await browser.worker.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings.saveImages)) === true);
    await options.close();
  });

  it('saves from the context menu ("Save to Jernih"), with a notice on the page', async () => {
    const menus = await browser.worker.evaluate(() =>
      Promise.all(
        ['jernih-save', 'jernih-action-library', 'jernih-action-save'].map(
          (id) => new Promise((ok) => (globalThis as any).chrome.contextMenus.update(id, {}, () => ok(!(globalThis as any).chrome.runtime.lastError))),
        ),
      ),
    );
    expect(menus).toEqual([true, true, true]);
    const commands = await browser.worker.evaluate(() => (globalThis as any).chrome.commands.getAll());
    expect(commands.map((c: { name: string }) => c.name)).toContain('open-library');

    const page = await site.openArticle(browser, ARTICLES[2]);
    // A menu click grants activeTab; a test cannot click browser menus, so the button grants it (and Esc closes the
    // reader again), then the handler contextMenus.onClicked calls runs for this tab.
    await browser.clickAction(page);
    await waitForReader(page);
    await page.keyboard.press('Escape');
    await waitForReader(page, false);
    const tabId = await tabIdOf(browser, page);
    const reply = await browser.worker.evaluate((id) => (globalThis as any).__jernih.saveFromMenu(id), tabId);
    expect(reply).toMatchObject({ ok: true, created: true, title: ARTICLES[2].title, images: { stored: 1, failed: 0 } });
    const notice = await page.waitForFunction(() => document.querySelector('jernih-notice')?.shadowRoot?.querySelector('.notice')?.textContent, null, poll);
    expect(await notice.jsonValue()).toBe('Saved to your library.');
    expect(await page.evaluate(() => document.body.id)).not.toBe('jernih-reader');
    expect((await records(holder)).map((r) => r.title)).toEqual(ARTICLES.map((a) => a.title).reverse());
    await page.close();
  });

  it('two tabs saving at once end with one entry per page', async () => {
    // The same article under two URLs that differ only by trackers, in two tabs, saved at the same moment.
    const a = await site.openArticle(browser, ARTICLES[0], '?utm_source=wa');
    const b = await site.openArticle(browser, ARTICLES[0], '?fbclid=xyz');
    for (const p of [a, b]) {
      await p.bringToFront();
      await browser.clickAction(p);
      await waitForReader(p);
    }
    // Two real clicks, one per tab, sent together (a script's click would be dropped: trusted-input.ts).
    await Promise.all([a, b].map((p) => p.locator('[data-action="save"]').click()));
    const said = await Promise.all([a, b].map((p) => p.waitForFunction(() => document.body.shadowRoot!.querySelector('.status')?.textContent, null, poll).then((h) => h.jsonValue())));
    expect(said.sort()).toEqual(['Updated in your library.', 'Updated in your library.']);
    expect((await records(holder)).filter((r) => r.title === ARTICLES[0].title)).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it('finds an article by a word from its body, then opens it with the network off and shows its pictures', async () => {
    const lib = holder;
    await lib.reload();
    await lib.waitForSelector('.row', poll);
    await lib.locator('[data-action="search"]').fill(BODY_WORD.slice(0, 9));
    await lib.waitForFunction((t) => {
      const rows = Array.from(document.querySelectorAll('.row .title')).map((x) => x.textContent);
      return rows.length === 1 && rows[0]!.includes(t);
    }, ARTICLES[0].title, poll);
    await lib.waitForFunction(() => !document.querySelector('.status-line')?.textContent?.includes('…'), null, poll);
    expect(await lib.locator('.status-line').textContent()).toBe('1 match');
    await lib.screenshot({ path: join(ARTIFACTS, 'library-search.png') });
    const id = (await lib.locator('.row').first().getAttribute('data-id'))!;

    // No network from here on: the browser is offline and every request that is not the extension's fails.
    const before = server.requests.length;
    await browser.context.setOffline(true);
    await browser.context.route((u) => !u.protocol.startsWith('chrome-extension'), (r) => r.abort());
    try {
      const [reader] = await Promise.all([browser.context.waitForEvent('page'), lib.keyboard.press('Control+Enter')]);
      await reader.waitForLoadState();
      expect(reader.url()).toBe(`chrome-extension://${browser.extensionId}/saved.html?id=${id}`);
      await waitForReader(reader);
      const imgs = await reader.waitForFunction(() => {
        const list = Array.from(document.body.shadowRoot!.querySelectorAll('img')) as HTMLImageElement[];
        return list.length >= 2 && list.every((i) => i.complete && i.naturalWidth > 0) ? list.map((i) => [i.src.slice(0, 5), i.naturalWidth]) : null;
      }, null, poll);
      expect(await imgs.jsonValue()).toEqual([['blob:', 640], ['blob:', 640]]);
      const text = await reader.evaluate(() => (document.body.shadowRoot!.querySelector('.reader') as HTMLElement).innerText);
      expect(text).toContain(ARTICLES[0].title);
      expect(text).toContain(BODY_WORD);
      expect(text).not.toContain('Baca juga');
      expect(await reader.title()).toBe(ARTICLES[0].title);
      await reader.screenshot({ path: join(ARTIFACTS, 'library-saved-reader-light.png') });
      await emulateColorScheme(reader, 'dark', readerShows);
      await reader.screenshot({ path: join(ARTIFACTS, 'library-saved-reader-dark.png') });
      await reader.emulateMedia({ colorScheme: 'light' });

      // Reading: the position is kept while reading and restored on the next opening; the end marks it read.
      await reader.evaluate(() => {
        const s = document.body.shadowRoot!.querySelector('.reader') as HTMLElement;
        s.scrollTop = (s.scrollHeight - s.clientHeight) * 0.5;
      });
      await until(async () => ((await records(holder)).find((r) => r.id === id)?.position.block ?? 0) > 3);
      const block = (await records(holder)).find((r) => r.id === id)!.position.block;
      const topBlock = () =>
        reader.evaluate(() => {
          const root = document.body.shadowRoot!;
          const top = (root.querySelector('.top') as HTMLElement).getBoundingClientRect().bottom;
          return Array.from(root.querySelectorAll('.body :is(p, h2, h3, h4, h5, h6, li, blockquote, figure, pre, table, dl)')).findIndex(
            (b) => b.getBoundingClientRect().bottom > top + 4,
          );
        });
      expect(await topBlock()).toBe(block);
      await reader.reload();
      await waitForReader(reader);
      await reader.waitForFunction(() => (document.body.shadowRoot!.querySelector('.reader') as HTMLElement).scrollTop > 100, null, poll);
      expect(Math.abs((await topBlock()) - block)).toBeLessThanOrEqual(1);
      expect((await records(holder)).find((r) => r.id === id)!.read).toBe(false);
      await reader.evaluate(() => {
        const s = document.body.shadowRoot!.querySelector('.reader') as HTMLElement;
        s.scrollTop = s.scrollHeight;
      });
      await until(async () => (await records(holder)).find((r) => r.id === id)?.read === true);
      await reader.close();
      // Nothing reached the test server while the saved article was read.
      expect(server.requests.slice(before)).toEqual([]);
    } finally {
      await browser.context.unroute(() => true).catch(() => undefined);
      await browser.context.unrouteAll().catch(() => undefined);
      await browser.context.setOffline(false);
    }
  });

  it('a saved copy opens without contacting anybody: the picture that was not kept waits for a click, then loads', async () => {
    const rec = (await records(holder)).find((r) => r.title === ARTICLES[1].title)!;
    const cdnPicture = `${CDN}${ARTICLES[1].body[0].path}`;
    expect(rec.images.some((u) => u.includes(ARTICLES[1].body[0].path)), 'the other site\'s picture was not kept').toBe(false);
    const before = server.requests.length;
    const reader = await browser.context.newPage();
    await reader.goto(`chrome-extension://${browser.extensionId}/saved.html?id=${rec.id}`);
    await waitForReader(reader);
    const button = reader.locator('button.load-remote');
    await button.first().waitFor(poll);
    expect(await button.allTextContents()).toEqual([expect.stringMatching(/^Load the picture from img\.kabarkota\.example\.id — Foto kegiatan warga$/)]);
    await reader.screenshot({ path: join(ARTIFACTS, 'library-saved-click-to-load.png') });
    // One click by the reader: the picture's request is the first and only one since the copy opened (had the copy
    // loaded anything by itself, it would have come before this one).
    await button.first().click();
    await until(async () => server.requests.length > before);
    await reader.waitForFunction(() => {
      const img = Array.from(document.body.shadowRoot!.querySelectorAll('img')).find((i) => i.src.includes('beras-pasar'));
      return !!img && img.complete && img.naturalWidth > 0;
    }, null, poll);
    expect(server.requests.slice(before)).toEqual([cdnPicture]);
    expect(await button.count()).toBe(0);
    await reader.close();
  });

  it('a full storage quota is said clearly and nothing is half-written', async () => {
    const page = await site.openArticle(browser, ARTICLES[0], '?edisi=cetak');
    await browser.clickAction(page);
    await waitForReader(page);
    const count = (await records(holder)).length;
    // The extension holds unlimitedStorage, so the browser's quota cannot be made small: the background's
    // IndexedDB is made to answer a write as a full disk does (QuotaExceededError), everything else is real.
    const full = (on: boolean) =>
      browser.worker.evaluate((on) => {
        const proto = IDBObjectStore.prototype as any;
        proto.__put ??= proto.put;
        proto.put = on
          ? function (this: IDBObjectStore, ...args: unknown[]) {
              if (this.name === 'images') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              return proto.__put.apply(this, args);
            }
          : proto.__put;
      }, on);
    await full(true);
    try {
      await page.locator('[data-action="save"]').click();
      const said = await readerStatus(page);
      expect(said).toContain('There is not enough storage space to save this. Nothing was changed.');
      expect(await page.locator('[data-action="save"]').getAttribute('aria-label')).toBe('Save');
      await page.screenshot({ path: join(ARTIFACTS, 'library-quota.png') });
    } finally {
      await full(false);
    }
    expect((await records(holder)).length).toBe(count);
    expect((await records(holder)).some((r) => r.title === ARTICLES[0].title && r.images.length === 2)).toBe(true);
    await page.close();
  });
});
