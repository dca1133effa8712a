/**
 * The saved-articles list in the built extension, in Debian's Chromium: delete and undo, read marks and tags from
 * the keyboard; export as JSON, Markdown and EPUB, then import into a fresh profile with identical records; a
 * corrupt file rejected with the library unchanged; the popup and the library tab in light and dark, with axe; a
 * library of an earlier schema version upgraded in place. Saving itself: library-save.chromium.test.ts.
 * Screenshots go to test-results/ and docs/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { tabIdOf } from './helpers/popup';
import { e2eTempFile } from './helpers/temp';
import { startServer, SITE_HOST_RULES, type TestServer } from './helpers/server';
import { launchChromium, waitForReader, type ChromiumWithExtension } from './helpers/chromium';
import { ARTICLES, BODY_WORD, SEED, axe, extensionPage, records, saveFromReader, seedExport, serveLibrarySite, type LibrarySite } from './helpers/library-site';
import { POLL as poll, animationsFinished, emulateColorScheme, libraryShows } from './helpers/wait';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-results');
const DOCS = join(ROOT, 'docs', 'screenshots');

let server: TestServer;
let site: LibrarySite;
let browser: ChromiumWithExtension;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  mkdirSync(DOCS, { recursive: true });
  server = await startServer();
  site = serveLibrarySite(server);
  browser = await launchChromium({ extraArgs: [SITE_HOST_RULES] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the saved-articles list in Chromium', () => {
  let holder: Page;
  let exported: string;

  beforeAll(async () => {
    // The library these tests manage: the three test articles, saved from the reader as a person saves them
    // (library-save.chromium.test.ts tests the saving itself). The picture on the other host is not kept, so
    // the library holds four pictures: two of the first article, the lead picture of each of the others.
    for (const a of ARTICLES) await saveFromReader(browser, site, a);
    holder = await extensionPage(browser, 'library.html?view=tab');
  });

  it('deletes with undo (the keyboard, then the Undo button), and marks read and tags from the list', async () => {
    const lib = holder;
    await lib.locator('[data-action="search"]').fill('');
    await lib.waitForFunction(() => document.querySelectorAll('.row').length === 3, null, poll);
    const titles = () => lib.locator('.row .title').allTextContents();
    const before = await titles();
    await lib.locator('.row').nth(1).locator('.open').focus();
    await lib.keyboard.press('Delete');
    await lib.waitForFunction(() => document.querySelectorAll('.row').length === 2, null, poll);
    expect(await lib.locator('.toast.show').textContent()).toContain('Deleted');
    expect((await records(lib)).length).toBe(2);
    await lib.screenshot({ path: join(ARTIFACTS, 'library-deleted-undo.png') });
    await lib.locator('[data-action="undo"]').click();
    await lib.waitForFunction(() => document.querySelectorAll('.row').length === 3, null, poll);
    expect(await titles()).toEqual(before);
    expect((await records(lib)).length).toBe(3);
    // Ctrl+Z does the same.
    await lib.locator('.row').first().locator('.open').focus();
    await lib.keyboard.press('Delete');
    await lib.waitForFunction(() => document.querySelectorAll('.row').length === 2, null, poll);
    await lib.keyboard.press('Control+z');
    await lib.waitForFunction(() => document.querySelectorAll('.row').length === 3, null, poll);
    expect(await titles()).toEqual(before);

    // R toggles the read mark, T opens the tags, a tag is added.
    const wasRead = (await records(lib)).find((r) => r.title === before[2].replace(/^Unread: /, ''))!.read;
    await lib.locator('.row').nth(2).locator('.open').focus();
    await lib.keyboard.press('r');
    await lib.keyboard.press('t');
    await lib.locator('.panel-tags input').fill('Ekonomi');
    await lib.keyboard.press('Enter');
    await lib.waitForFunction(() => document.querySelector('.panel-tags .chips')?.textContent?.includes('#ekonomi'), null, poll);
    await lib.keyboard.press('Escape');
    const recs = await records(lib);
    const third = recs.find((r) => r.title === before[2].replace(/^Unread: /, ''))!;
    expect(third).toMatchObject({ read: !wasRead, tags: ['ekonomi'] });
  });

  it('exports JSON, Markdown and EPUB, whole library and a selection', async () => {
    const lib = holder;
    const download = async (format: string) => {
      await lib.locator('.side [data-action="export"]').click();
      const [file] = await Promise.all([lib.waitForEvent('download'), lib.locator(`[data-format="${format}"]`).click()]);
      const path = e2eTempFile(file.suggestedFilename());
      await file.saveAs(path);
      return { name: file.suggestedFilename(), bytes: readFileSync(path) };
    };
    const json = await download('json');
    expect(json.name).toMatch(/^jernih-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(json.bytes.toString('utf8'));
    expect(doc).toMatchObject({ format: 'jernih-library', version: 1, count: 3 });
    expect(doc.articles.map((a: any) => a.article.title).sort()).toEqual(ARTICLES.map((a) => a.title).sort());
    expect(doc.articles.flatMap((a: any) => a.imageData).length).toBe(4);
    exported = json.bytes.toString('utf8');
    writeFileSync(join(ARTIFACTS, 'library-export.json'), exported);

    const md = await download('markdown');
    const files = unzipSync(new Uint8Array(md.bytes));
    const mdFiles = Object.keys(files).filter((n) => n.endsWith('.md'));
    expect(mdFiles).toHaveLength(3);
    const banjir = strFromU8(files[mdFiles.find((n) => n.includes('banjir'))!]);
    expect(banjir).toMatch(/^---\ntitle: /);
    expect(banjir).toContain(BODY_WORD);
    expect(Object.keys(files).filter((n) => n.startsWith('images/'))).toHaveLength(4);

    // A selection: Space on a row selects it (and shows the selection tools).
    await lib.locator('.row').first().locator('.open').focus();
    await lib.keyboard.press(' ');
    await lib.waitForFunction(() => document.querySelector('.selected-count')?.textContent === '1 selected', null, poll);
    await lib.locator('[data-action="export-selected"]').click();
    const [epubFile] = await Promise.all([lib.waitForEvent('download'), lib.locator('[data-format="epub"]').click()]);
    const epubPath = e2eTempFile('export.epub');
    await epubFile.saveAs(epubPath);
    const epub = unzipSync(new Uint8Array(readFileSync(epubPath)));
    expect(strFromU8(epub.mimetype)).toBe('application/epub+zip');
    const chapters = Object.keys(epub).filter((n) => /\.xhtml$/.test(n) && !/nav/.test(n));
    expect(chapters).toHaveLength(1);
    await lib.locator('[data-action="select-done"]').click();
  });

  it('the popup and the library tab look right in light and dark, and pass axe', async () => {
    // More entries (imported: tags, read marks, reading positions), so the pictures show a library in use.
    const seeded = e2eTempFile('seed.json');
    writeFileSync(seeded, seedExport());
    const importer = await extensionPage(browser, 'library.html?view=tab&panel=import');
    await importer.locator('[data-action="import-file"]').setInputFiles(seeded);
    // The plan first (issue #14): nothing is written until Import is chosen.
    await importer.waitForSelector('.panel-import-confirm [data-action="import-confirm"]', poll);
    await importer.locator('[data-action="import-confirm"]').click();
    await importer.waitForFunction(() => document.querySelector('.toast.show')?.textContent?.includes('Imported'), null, poll);
    expect(await importer.locator('.toast.show .toast-text').textContent()).toBe(`Imported: ${SEED.length} added, 0 updated, 0 skipped.`);
    await importer.close();

    const article = await site.openArticle(browser, ARTICLES[0]);
    // The popup knows the page it is about once the person has used Jernih there (activeTab).
    await browser.clickAction(article);
    await waitForReader(article);
    await article.keyboard.press('Escape');
    const tabId = await tabIdOf(browser, article);
    const popup = await extensionPage(browser, `library.html?tab=${tabId}`, { width: 400, height: 590 });
    await popup.waitForSelector('.row', poll);
    await popup.waitForSelector('.current .host', poll);
    // Let the tag list and counts settle.
    await popup.waitForFunction(() => document.querySelectorAll('.seg .count').length === 2, null, poll);
    expect(await axe(popup)).toEqual([]);
    await popup.locator('.row').first().hover();
    // The row's buttons have faded in: their opacity has reached its end value.
    await popup.waitForFunction(() => getComputedStyle(document.querySelector('.row .row-actions')!).opacity === '1', null, poll);
    await popup.screenshot({ path: join(ARTIFACTS, 'library-popup-light.png') });
    await emulateColorScheme(popup, 'dark', libraryShows);
    expect(await axe(popup)).toEqual([]);
    await popup.screenshot({ path: join(ARTIFACTS, 'library-popup-dark.png') });
    copyFileSync(join(ARTIFACTS, 'library-popup-light.png'), join(DOCS, 'library-popup.png'));
    copyFileSync(join(ARTIFACTS, 'library-popup-dark.png'), join(DOCS, 'library-popup-dark.png'));
    await emulateColorScheme(popup, 'light', libraryShows);
    await popup.locator('[data-action="export"]').click();
    await popup.waitForSelector('.panel-export', poll);
    await animationsFinished(popup); // the panel's entrance (a short rise and fade) is over
    expect(await axe(popup)).toEqual([]);
    await popup.screenshot({ path: join(ARTIFACTS, 'library-popup-export.png') });
    await popup.close();
    await article.close();

    const tab = await extensionPage(browser, 'library.html?view=tab');
    await tab.waitForSelector('.row', poll);
    await tab.waitForSelector('.side .tags', poll);
    expect(await axe(tab)).toEqual([]);
    await tab.screenshot({ path: join(ARTIFACTS, 'library-tab-light.png') });
    await emulateColorScheme(tab, 'dark', libraryShows);
    await tab.screenshot({ path: join(ARTIFACTS, 'library-tab-dark.png') });
    copyFileSync(join(ARTIFACTS, 'library-tab-light.png'), join(DOCS, 'library-tab.png'));
    await tab.close();
  });

  describe('a fresh profile', () => {
    let fresh: ChromiumWithExtension;
    beforeAll(async () => {
      fresh = await launchChromium({ extraArgs: [SITE_HOST_RULES] });
    });
    afterAll(async () => {
      await fresh?.close();
    });

    it('imports the export and holds identical records; a corrupt file is rejected and changes nothing', async () => {
      const lib = await extensionPage(fresh, 'library.html?view=tab&panel=import');
      await lib.waitForSelector('.panel-import', poll);
      await lib.waitForFunction(() => document.querySelector('.empty')?.textContent?.includes('No saved articles yet.'), null, poll);
      const file = e2eTempFile('import.json');
      writeFileSync(file, exported);
      await lib.locator('[data-action="import-file"]').setInputFiles(file);
      // The plan first (issue #14): three to add, nothing written yet; Import has the focus, so Enter confirms.
      await lib.waitForSelector('.panel-import-confirm', poll);
      expect(await lib.locator('.panel-import-confirm [data-plan="add"]').textContent()).toContain('3');
      expect(await lib.locator('.row').count()).toBe(0);
      expect(await lib.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('import-confirm');
      await lib.keyboard.press('Enter');
      await lib.waitForFunction(() => document.querySelector('.toast.show')?.textContent?.includes('Imported'), null, poll);
      expect(await lib.locator('.toast.show .toast-text').textContent()).toBe('Imported: 3 added, 0 updated, 0 skipped.');
      await lib.waitForFunction(() => document.querySelectorAll('.row').length === 3, null, poll);

      // Identical records: this profile's own export equals the file, but for its date.
      const exportHere = async () => {
        await lib.locator('.side [data-action="export"]').click();
        const [d] = await Promise.all([lib.waitForEvent('download'), lib.locator('[data-format="json"]').click()]);
        const p = e2eTempFile('re.json');
        await d.saveAs(p);
        return JSON.parse(readFileSync(p, 'utf8'));
      };
      const original = JSON.parse(exported);
      const again = await exportHere();
      expect(again.articles).toEqual(original.articles);
      expect(again.count).toBe(3);

      // A file whose newer copy would replace a saved article: the plan names it and asks; Escape cancels and
      // nothing changes (issue #14: an import must not replace saved articles without a word).
      const newer = structuredClone(original);
      newer.articles[0].updatedAt += 60_000;
      newer.articles[0].article.title = 'Judul yang menimpa';
      newer.articles[1].tags = [...newer.articles[1].tags, 'dari-berkas'];
      const newerFile = e2eTempFile('newer.json');
      writeFileSync(newerFile, JSON.stringify(newer));
      await lib.locator('.side [data-action="import"]').click();
      await lib.locator('[data-action="import-file"]').setInputFiles(newerFile);
      await lib.waitForSelector('.panel-import-confirm', poll);
      expect(await lib.locator('.panel-import-confirm [data-plan="replace"]').textContent()).toContain(original.articles[0].article.title);
      expect(await lib.locator('.panel-import-confirm [data-plan="update"]').textContent()).toContain(original.articles[1].article.title);
      // Something would be replaced: Cancel has the focus, so Enter alone changes nothing.
      expect(await lib.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('import-cancel');
      if (await lib.locator('.toast.show .toast-x').count()) {
        await lib.locator('.toast.show .toast-x').click();
        await lib.waitForFunction(() => !document.querySelector('.toast.show'), null, poll);
      }
      await animationsFinished(lib); // the plan's panel has finished its entrance
      await lib.screenshot({ path: join(DOCS, 'library-import-confirm.png') });
      await lib.keyboard.press('Escape');
      await lib.waitForFunction(() => !document.querySelector('.panel-import-confirm'), null, poll);
      expect((await exportHere()).articles).toEqual(original.articles);

      // A file cut short, and a file that is not an export: rejected with a reason, nothing changes.
      for (const [name, content] of [
        ['cut.json', exported.slice(0, Math.floor(exported.length / 2))],
        ['bookmarks.json', JSON.stringify({ roots: { bookmark_bar: { children: [] } }, version: 1 })],
      ]) {
        const bad = e2eTempFile(name);
        writeFileSync(bad, content);
        await lib.locator('.side [data-action="import"]').click();
        await lib.locator('[data-action="import-file"]').setInputFiles(bad);
        await lib.waitForSelector('.toast.error.show', poll);
        expect(await lib.locator('.toast.error.show').textContent()).toContain('This file was not imported, and nothing changed.');
        if (name === 'cut.json') {
          await animationsFinished(lib); // the import panel has finished its entrance
          await lib.screenshot({ path: join(ARTIFACTS, 'library-import-rejected.png') });
        }
        await lib.locator('.toast.error.show .toast-x').click();
        await lib.keyboard.press('Escape');
      }
      expect((await exportHere()).articles).toEqual(original.articles);

      // The imported article reads offline with its pictures, in this profile too.
      const id = original.articles.find((a: any) => a.article.title === ARTICLES[0].title).id;
      await fresh.context.setOffline(true);
      try {
        const reader = await extensionPage(fresh, `saved.html?id=${id}`);
        await waitForReader(reader);
        const ok = await reader.waitForFunction(() => {
          const list = Array.from(document.body.shadowRoot!.querySelectorAll('img')) as HTMLImageElement[];
          return list.length >= 2 && list.every((i) => i.complete && i.naturalWidth > 0 && i.src.startsWith('blob:'));
        }, null, poll);
        expect(await ok.jsonValue()).toBe(true);
      } finally {
        await fresh.context.setOffline(false);
      }
    });
  });

  describe('an earlier schema version', () => {
    let old: ChromiumWithExtension;
    beforeAll(async () => {
      old = await launchChromium();
    });
    afterAll(async () => {
      await old?.close();
    });

    it('a library of schema v1 (the first release) is upgraded in place when the new version opens it', async () => {
      const dump = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures-library', 'db', 'v1-dump.json'), 'utf8'));
      // What the first release left in the browser: its database, written here as its schema made it.
      const page = await extensionPage(old, 'options.html');
      await page.evaluate(
        (d) =>
          new Promise<void>((resolve, reject) => {
            const decode = (v: any): any => {
              if (Array.isArray(v)) return v.map(decode);
              if (v && typeof v === 'object') {
                if (v.$blob) return new Blob([Uint8Array.from(atob(v.$blob.base64), (c) => c.charCodeAt(0))], { type: v.$blob.type });
                return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
              }
              return v;
            };
            const open = indexedDB.open('jernih-library', 1);
            open.onupgradeneeded = () => {
              const db = open.result;
              const articles = db.createObjectStore('articles', { keyPath: 'id' });
              articles.createIndex('canonicalUrl', 'canonicalUrl', { unique: true });
              db.createObjectStore('summaries', { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
              db.createObjectStore('images', { keyPath: ['articleId', 'url'] }).createIndex('articleId', 'articleId');
            };
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction(['articles', 'summaries', 'images'], 'readwrite');
              for (const store of ['articles', 'summaries', 'images']) for (const r of d.stores[store] ?? []) tx.objectStore(store).put(decode(r));
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        dump,
      );
      const lib = await extensionPage(old, 'library.html?view=tab');
      await lib.waitForSelector('.row', poll);
      const titles = await lib.locator('.row .title').allTextContents();
      const want = dump.stores.articles.map((a: any) => a.article.title);
      expect(titles.map((x) => x.replace(/^Unread: /, '')).sort()).toEqual([...want].sort());
      const version = await lib.evaluate(
        () =>
          new Promise((ok) => {
            const o = indexedDB.open('jernih-library');
            o.onsuccess = () => {
              ok(o.result.version);
              o.result.close();
            };
          }),
      );
      expect(version).toBe(2);
      // Search works on the migrated library (its index is built on first use).
      await lib.locator('[data-action="search"]').fill('rob');
      await lib.waitForFunction(() => /match/.test(document.querySelector('.status-line')?.textContent ?? ''), null, poll);
      expect(await lib.locator('.row .title').first().textContent()).toContain('Rob');
    });
  });
});
