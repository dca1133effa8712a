/**
 * Saved articles in the built extension, in Debian's Chromium: saving from the reader toolbar, the popup ("Save
 * this page" with the reader closed) and the context menu's handler; finding an article by a word of its body;
 * reading it with the network off, pictures included; delete and undo; export, then import into a fresh profile
 * with identical records; a corrupt file rejected with the library unchanged; a full quota; two tabs saving at
 * once; a library of an earlier schema version upgraded in place. Screenshots go to test-results/.
 */
import { closePopup, inPopup, openLibraryPopup, tabIdOf, waitPopup } from './helpers/popup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { startServer, SITE_HOST_RULES, type TestServer } from './helpers/server';
import { launchChromium, waitForReader, type ChromiumWithExtension } from './helpers/chromium';
import { axeViolations, describeViolations, seriousOnly } from './helpers/axe';
import { gradientPng } from './helpers/png';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-results');
const DOCS = join(ROOT, 'docs', 'screenshots');
const poll = { polling: 100, timeout: 20_000 } as const;

let server: TestServer;
let browser: ChromiumWithExtension;
let port = '';

// --- the test site ------------------------------------------------------------------------------------------------

const HOST = 'www.kabarkota.example.id';
const CDN = 'img.kabarkota.example.id';
const BODY_WORD = 'zamrudkhatulistiwa';

interface TestArticle {
  path: string;
  title: string;
  paragraphs: string[];
  /** Pictures: [path, host] (host: the page's own, or the CDN). */
  lead: string;
  body: { path: string; host: string }[];
}

const para = (topic: string, n: number) =>
  `${topic} Warga di kawasan itu ${['bergotong royong membersihkan lumpur', 'mengungsi ke balai warga', 'menunggu bantuan dari kelurahan', 'memindahkan barang ke lantai dua'][n % 4]} sejak pagi, sementara petugas ${['memompa air dari permukiman', 'mendirikan dapur umum', 'memeriksa tanggul sementara', 'membagikan masker dan obat-obatan'][n % 4]}. Menurut keterangan pejabat setempat, situasi diperkirakan membaik dalam beberapa hari ke depan bila cuaca bersahabat.`;

const ARTICLES: TestArticle[] = [
  {
    path: '/berita/2026/11/banjir-rob-pesisir-utara',
    title: 'Banjir rob rendam pesisir utara, ratusan warga mengungsi',
    paragraphs: Array.from({ length: 14 }, (_, i) => para(i === 9 ? `Di dermaga lama yang dijuluki ${BODY_WORD} oleh nelayan,` : 'Air laut pasang kembali masuk ke permukiman.', i)),
    lead: '/foto/banjir-lead.png',
    body: [{ path: '/foto/banjir-posko.png', host: HOST }],
  },
  {
    path: '/ekonomi/2026/11/harga-beras-naik',
    title: 'Harga beras naik menjelang akhir tahun, pedagang pasar mengeluh',
    paragraphs: Array.from({ length: 8 }, (_, i) => para('Harga beras medium di pasar tradisional naik lagi pekan ini.', i)),
    lead: '/foto/beras-lead.png',
    body: [{ path: '/foto/beras-pasar.png', host: CDN }],
  },
  {
    path: '/olahraga/2026/11/timnas-menang',
    title: 'Timnas menang tipis di laga uji coba, pelatih puji lini tengah',
    paragraphs: Array.from({ length: 6 }, (_, i) => para('Tim nasional menutup laga uji coba dengan kemenangan.', i)),
    lead: '/foto/timnas-lead.png',
    body: [],
  },
];

function articleHtml(a: TestArticle): string {
  const img = (path: string, host: string, alt: string) => `<img src="http://${host}:${port}${path}" alt="${alt}" width="640" height="360">`;
  const body = [...a.paragraphs];
  a.body.forEach((b, i) => body.splice(3 + i * 3, 0, `<figure>${img(b.path, b.host, 'Foto kegiatan warga')}<figcaption>Suasana di lokasi, Selasa (24/11/2026).</figcaption></figure>`));
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${a.title} - Kabar Kota</title>
<meta property="og:site_name" content="Kabar Kota"><meta property="og:title" content="${a.title}">
<meta property="og:image" content="http://${HOST}:${port}${a.lead}"><meta name="author" content="Sari Wulandari">
<meta property="article:published_time" content="2026-11-24T09:30:00+07:00"></head><body>
<header><nav><a href="/">Beranda</a> <a href="/berita">Berita</a> <a href="/ekonomi">Ekonomi</a></nav></header>
<main><article><h1>${a.title}</h1><p class="byline">Oleh Sari Wulandari</p>
<figure>${img(a.lead, HOST, a.title)}<figcaption>Foto: Kabar Kota</figcaption></figure>
${body.map((p) => (p.startsWith('<') ? p : `<p>${p}</p>`)).join('\n')}
</article><aside><h3>Baca juga</h3><ul><li><a href="/x">Berita lain</a></li></ul></aside></main>
<footer>© 2026 Kabar Kota</footer></body></html>`;
}

const urlOf = (a: TestArticle, query = '') => `http://${HOST}:${port}${a.path}${query}`;

/** Articles of a library in use (for the screenshots), as a Jernih export to import: [title, site, host, tags, read, progress, hours ago]. */
const SEED: [string, string, string, string[], boolean, number, number][] = [
  ['Pemerintah siapkan subsidi transportasi umum untuk pekerja komuter', 'Kompas.com', 'www.kompas.com', ['transportasi'], false, 0.4, 30],
  ['Kereta cepat tambah jadwal perjalanan saat libur akhir tahun', 'detikNews', 'news.detik.com', ['transportasi'], true, 1, 52],
  ['BMKG: puncak musim hujan diperkirakan Januari, warga diminta waspada', 'CNN Indonesia', 'www.cnnindonesia.com', ['cuaca', 'banjir'], false, 0, 75],
  ['Mengapa harga cabai selalu melonjak menjelang hari raya', 'Tempo.co', 'bisnis.tempo.co', ['ekonomi'], false, 0.15, 98],
  ['Sekolah di daerah terpencil mulai terima internet satelit', 'Antara', 'www.antaranews.com', [], true, 1, 140],
  ['Festival film pendek Yogyakarta tampilkan 120 karya sineas muda', 'Republika', 'news.republika.co.id', ['budaya'], false, 0, 190],
  ['In praise of slow reading: why long articles still matter', 'The Long Read', 'longread.example.com', ['reading'], false, 0.6, 260],
];

function seedExport(): string {
  const now = Date.now();
  const articles = SEED.map(([title, site, host, tags, read, progress, hours], i) => {
    const url = `https://${host}/read/2026/11/${20 + (i % 6)}/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const text = `${title}. ${para('Laporan lengkap tentang peristiwa ini.', i)} ${para('Warga dan pejabat memberi tanggapan.', i + 1)}`;
    const savedAt = now - hours * 3600_000;
    return {
      id: `seed-${i}`,
      canonicalUrl: url,
      article: {
        url, title, byline: 'Redaksi', siteName: site, publishedTime: new Date(savedAt - 7200_000).toISOString(), lang: 'id', dir: 'ltr', leadImage: null,
        contentHtml: `<p>${text}</p>`, textContent: text, excerpt: `${text.slice(title.length + 2, title.length + 220).replace(/\s+\S*$/, '')}…`, wordCount: 420 + i * 90,
        readingMinutes: 2 + i, ruleId: null,
      },
      savedAt, updatedAt: savedAt, read, position: { progress, block: Math.round(progress * 10) }, tags, images: [], needsContent: false,
      deletedAt: null, imageData: [],
    };
  });
  return JSON.stringify({ format: 'jernih-library', version: 1, exportedAt: new Date(now).toISOString(), schemaVersion: 2, count: articles.length, articles });
}

// --- helpers ------------------------------------------------------------------------------------------------------

async function extensionPage(b: ChromiumWithExtension, path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await b.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${b.extensionId}/${path}`);
  return page;
}

/** Articles in the library (not the trash), read straight from the extension's IndexedDB in one of its pages. */
async function records(page: Page): Promise<{ id: string; title: string; read: boolean; tags: string[]; images: string[]; position: { progress: number; block: number } }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('jernih-library');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const r = db.transaction('articles').objectStore('articles').getAll();
          r.onsuccess = () => {
            db.close();
            resolve(
              (r.result as any[])
                .filter((x) => x.deletedAt === null)
                .sort((a, b) => b.savedAt - a.savedAt)
                .map((x) => ({ id: x.id, title: x.article.title, read: x.read, tags: x.tags, images: x.images, position: x.position })),
            );
          };
        };
      }),
  );
}

async function openArticle(b: ChromiumWithExtension, a: TestArticle, query = ''): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(urlOf(a, query), { waitUntil: 'load' });
  return page;
}

const readerStatus = (page: Page) =>
  page.waitForFunction(() => document.body.shadowRoot?.querySelector('.status')?.textContent || null, null, poll).then((h) => h.jsonValue() as Promise<string>);

/** Polls a condition from Node (page.waitForFunction takes a promise for a truthy answer). */
async function until(fn: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out: ${fn.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const axe = async (page: Page): Promise<string[]> => describeViolations(seriousOnly(await axeViolations(page)));

function serveSite(s: TestServer) {
  for (const a of ARTICLES) s.page(a.path, articleHtml(a));
  const colours: [number, number, number][][] = [
    [[14, 116, 144], [250, 204, 21]],
    [[190, 18, 60], [59, 130, 246]],
    [[22, 101, 52], [163, 230, 53]],
    [[88, 28, 135], [244, 114, 182]],
    [[30, 64, 175], [125, 211, 252]],
  ];
  const pics = ARTICLES.flatMap((a) => [a.lead, ...a.body.map((b) => b.path)]);
  pics.forEach((p, i) => s.asset(p, gradientPng(640, 360, colours[i % colours.length][0], colours[i % colours.length][1]), 'image/png'));
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  mkdirSync(DOCS, { recursive: true });
  server = await startServer();
  port = new URL(server.origin).port;
  serveSite(server);
  browser = await launchChromium({ extraArgs: [SITE_HOST_RULES] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// --- the tests ----------------------------------------------------------------------------------------------------

describe('saved articles in Chromium', () => {
  let holder: Page;
  let exported: string;

  beforeAll(async () => {
    holder = await extensionPage(browser, 'library.html?view=tab');
  });

  it('saves from the reader toolbar (button and S), and saving again updates the same entry', async () => {
    const page = await openArticle(browser, ARTICLES[0]);
    // The page itself has no way to the extension (no externally_connectable): it cannot ask to save, list or read.
    expect(await page.evaluate(() => typeof (window as any).chrome?.runtime?.sendMessage)).toBe('undefined');
    await browser.clickAction(page);
    await waitForReader(page);
    const save = page.locator('[data-action="save"]');
    expect(await save.getAttribute('aria-label')).toBe('Save');
    await save.click();
    expect(await readerStatus(page)).toBe('Saved to your library.');
    await page.waitForFunction(() => document.body.shadowRoot!.querySelector('[data-action="save"]')?.getAttribute('aria-pressed') === 'true', null, poll);
    expect(await save.getAttribute('aria-label')).toBe('Saved');
    // The keyboard shortcut saves again: the entry is updated, not duplicated.
    await page.keyboard.press('s');
    await page.waitForFunction(() => document.body.shadowRoot!.querySelector('.status')?.textContent === 'Updated in your library.', null, poll);
    await page.screenshot({ path: join(ARTIFACTS, 'library-reader-saved.png') });
    const recs = await records(holder);
    expect(recs.map((r) => r.title)).toEqual([ARTICLES[0].title]);
    // Both pictures are on the page's own site: kept (activeTab gives the background access to it).
    expect(recs[0].images.sort()).toEqual([`http://${HOST}:${port}/foto/banjir-lead.png`, `http://${HOST}:${port}/foto/banjir-posko.png`].sort());

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
    const page = await openArticle(browser, ARTICLES[1]);
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
    expect(recs[0].images).toEqual([`http://${HOST}:${port}/foto/beras-lead.png`]);
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

    const page = await openArticle(browser, ARTICLES[2]);
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
    const a = await openArticle(browser, ARTICLES[0], '?utm_source=wa');
    const b = await openArticle(browser, ARTICLES[0], '?fbclid=xyz');
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
      await reader.emulateMedia({ colorScheme: 'dark' });
      await reader.waitForTimeout(100);
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
      const path = join(tmpdir(), `jernih-e2e-${Date.now()}-${file.suggestedFilename()}`);
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
    const epubPath = join(tmpdir(), `jernih-e2e-${Date.now()}.epub`);
    await epubFile.saveAs(epubPath);
    const epub = unzipSync(new Uint8Array(readFileSync(epubPath)));
    expect(strFromU8(epub.mimetype)).toBe('application/epub+zip');
    const chapters = Object.keys(epub).filter((n) => /\.xhtml$/.test(n) && !/nav/.test(n));
    expect(chapters).toHaveLength(1);
    await lib.locator('[data-action="select-done"]').click();
  });

  it('the popup and the library tab look right in light and dark, and pass axe', async () => {
    // More entries (imported: tags, read marks, reading positions), so the pictures show a library in use.
    const seeded = join(tmpdir(), `jernih-e2e-seed-${Date.now()}.json`);
    writeFileSync(seeded, seedExport());
    const importer = await extensionPage(browser, 'library.html?view=tab&panel=import');
    await importer.locator('[data-action="import-file"]').setInputFiles(seeded);
    // The plan first (issue #14): nothing is written until Import is chosen.
    await importer.waitForSelector('.panel-import-confirm [data-action="import-confirm"]', poll);
    await importer.locator('[data-action="import-confirm"]').click();
    await importer.waitForFunction(() => document.querySelector('.toast.show')?.textContent?.includes('Imported'), null, poll);
    expect(await importer.locator('.toast.show .toast-text').textContent()).toBe(`Imported: ${SEED.length} added, 0 updated, 0 skipped.`);
    await importer.close();

    const article = await openArticle(browser, ARTICLES[0]);
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
    await popup.waitForTimeout(250); // the row's buttons have faded in
    await popup.screenshot({ path: join(ARTIFACTS, 'library-popup-light.png') });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.waitForTimeout(100);
    expect(await axe(popup)).toEqual([]);
    await popup.screenshot({ path: join(ARTIFACTS, 'library-popup-dark.png') });
    copyFileSync(join(ARTIFACTS, 'library-popup-light.png'), join(DOCS, 'library-popup.png'));
    copyFileSync(join(ARTIFACTS, 'library-popup-dark.png'), join(DOCS, 'library-popup-dark.png'));
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.locator('[data-action="export"]').click();
    await popup.waitForSelector('.panel-export', poll);
    await popup.waitForTimeout(300); // the panel's entrance (a short fade) is over
    expect(await axe(popup)).toEqual([]);
    await popup.screenshot({ path: join(ARTIFACTS, 'library-popup-export.png') });
    await popup.close();
    await article.close();

    const tab = await extensionPage(browser, 'library.html?view=tab');
    await tab.waitForSelector('.row', poll);
    await tab.waitForSelector('.side .tags', poll);
    expect(await axe(tab)).toEqual([]);
    await tab.screenshot({ path: join(ARTIFACTS, 'library-tab-light.png') });
    await tab.emulateMedia({ colorScheme: 'dark' });
    await tab.waitForTimeout(100);
    await tab.screenshot({ path: join(ARTIFACTS, 'library-tab-dark.png') });
    copyFileSync(join(ARTIFACTS, 'library-tab-light.png'), join(DOCS, 'library-tab.png'));
    await tab.close();
  });

  it('a full storage quota is said clearly and nothing is half-written', async () => {
    const page = await openArticle(browser, ARTICLES[0], '?edisi=cetak');
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
      const file = join(tmpdir(), `jernih-e2e-import-${Date.now()}.json`);
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
        const p = join(tmpdir(), `jernih-e2e-re-${Date.now()}.json`);
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
      const newerFile = join(tmpdir(), `jernih-e2e-newer-${Date.now()}.json`);
      writeFileSync(newerFile, JSON.stringify(newer));
      await lib.locator('.side [data-action="import"]').click();
      await lib.locator('[data-action="import-file"]').setInputFiles(newerFile);
      await lib.waitForSelector('.panel-import-confirm', poll);
      expect(await lib.locator('.panel-import-confirm [data-plan="replace"]').textContent()).toContain(original.articles[0].article.title);
      expect(await lib.locator('.panel-import-confirm [data-plan="update"]').textContent()).toContain(original.articles[1].article.title);
      // Something would be replaced: Cancel has the focus, so Enter alone changes nothing.
      expect(await lib.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('import-cancel');
      if (await lib.locator('.toast.show .toast-x').count()) await lib.locator('.toast.show .toast-x').click();
      await lib.waitForTimeout(300);
      await lib.screenshot({ path: join(DOCS, 'library-import-confirm.png') });
      await lib.keyboard.press('Escape');
      await lib.waitForFunction(() => !document.querySelector('.panel-import-confirm'), null, poll);
      expect((await exportHere()).articles).toEqual(original.articles);

      // A file cut short, and a file that is not an export: rejected with a reason, nothing changes.
      for (const [name, content] of [
        ['cut.json', exported.slice(0, Math.floor(exported.length / 2))],
        ['bookmarks.json', JSON.stringify({ roots: { bookmark_bar: { children: [] } }, version: 1 })],
      ]) {
        const bad = join(tmpdir(), `jernih-e2e-${Date.now()}-${name}`);
        writeFileSync(bad, content);
        await lib.locator('.side [data-action="import"]').click();
        await lib.locator('[data-action="import-file"]').setInputFiles(bad);
        await lib.waitForSelector('.toast.error.show', poll);
        expect(await lib.locator('.toast.error.show').textContent()).toContain('This file was not imported, and nothing changed.');
        if (name === 'cut.json') {
          await lib.waitForTimeout(300);
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
