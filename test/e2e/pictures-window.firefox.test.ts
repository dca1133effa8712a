/**
 * Issue 13 for a new user, in Firefox ESR (headless, puppeteer-core over WebDriver BiDi; helpers/firefox.ts): the
 * pictures question (the Chromium side: pictures.chromium). Firefox cannot frame an extension page in a web page
 * without exposing its per-install address, so after a save from the reader the question opens in a small window of
 * its own (entrypoints/background.ts, openPictureAsk). This test installs the build people install
 * (.output/firefox-mv2): the e2e build holds access to all sites (E2E_ALL_SITES), so it never asks, and Firefox
 * cannot take back a host permission an MV2 manifest requires (permissions.remove only drops optional grants).
 * Extension pages are opened from the welcome page the extension shows on install (BiDi refuses to navigate to
 * moz-extension://). Screenshots: test-results/firefox-*picture*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIXTURES, type TestServer } from './helpers/server';
import { FIREFOX, FIREFOX_EXT, findPage, hrefOf, launchFirefox, type FirefoxWithExtension } from './helpers/firefox';
import { ARTIFACTS, firefoxTestServer, poll, storedSettings } from './helpers/firefox-reader';
import { storedArticles } from './helpers/stored-articles';
import { gradientPng } from './helpers/png';
import { until } from './helpers/wait';

let server: TestServer;
const hasFirefox = firefoxTestServer('pictures-window.firefox', (s) => (server = s));



/** Saved records with their kept pictures. */
const records = async (fx: FirefoxWithExtension) =>
  (await storedArticles(await fx.home())).map((x) => ({ id: x.id, title: x.article.title, images: x.images }));

/** The reader's UI root in one of the extension's own pages (the saved copy): closed in a normal build, but its
 * expando (utils/reader/swap.ts, uiShadowOf) is visible there, since an extension page has no isolated world. */
const SAVED_COPY_ROOT = `document.body && document.body[Symbol.for('jernih.shadow-root')]`;

/** The browser's windows that show the pictures question, with their type and tabs. */
async function questionWindows(home: Page): Promise<{ type: string; tabs: { url?: string }[] }[]> {
  const windows = (await home.evaluate(() => (globalThis as any).browser.windows.getAll({ populate: true }))) as { type: string; tabs: { url?: string }[] }[];
  return windows.filter((w) => w.tabs.some((t) => /\/picture-(ask|window)\.html/.test(t.url ?? '')));
}

describe.skipIf(!hasFirefox)(`the pictures question in Firefox opens in a window of its own${hasFirefox ? '' : ` (skipped: ${FIREFOX} not found)`}`, () => {
  let fx: FirefoxWithExtension;
  let port = '';
  /** A host no build holds access to: the two pictures are there. */
  const CDN = 'foto.example-media.net';
  const PATH = '/global/read/2026/11/24/111111111/kim-dan-putin-gambar-di-host-lain';
  const TITLE = 'Kim Jong Un Undang Putin ke Korea Utara dalam Pertemuan Puncak yang Langka';

  beforeAll(async () => {
    port = new URL(server.origin).port;
    // The Kompas article (a supported site, cleaned by itself), its lead picture and one more in the body on CDN.
    const lead = 'https://asset.kompas.com/crops/3sQmVv1bH9lq1cZtXj0aJ2nRk6w=/0x0:1000x667/750x500/data/photo/2023/09/14/6502c0a4a7f3e.jpg';
    const source = readFileSync(join(FIXTURES, 'kompas', 'seed-putin-kim', 'source.html'), 'utf8');
    expect(source).toContain(lead);
    const html = source
      .replaceAll(lead, `http://${CDN}:${port}/foto/kim-putin-lead.png`)
      .replace(
        '<div class="read__content">\n            <div class="clearfix">',
        `<div class="read__content">\n            <div class="clearfix">\n<figure><img src="http://${CDN}:${port}/foto/kim-putin-dua.png" alt="Kim Jong Un dan Vladimir Putin di Kosmodrom Vostochny" width="640" height="360"><figcaption>Kim dan Putin di Kosmodrom Vostochny.</figcaption></figure>`,
      );
    expect(html).toContain('kim-putin-dua.png');
    server.page(PATH, html);
    for (const [i, name] of ['lead', 'dua'].entries()) server.asset(`/foto/kim-putin-${name}.png`, gradientPng(640, 360, [14 + i * 60, 116, 144], [250, 204, 21]), 'image/png');
    // The build people install: it has access to the supported sites' picture hosts only, so it asks for CDN.
    fx = await launchFirefox({ extension: FIREFOX_EXT });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('saved from the reader: the question opens in a small window, names the host; Not now is remembered and the saved copy says so', async () => {
    const home = await fx.home();
    expect(await home.evaluate((o) => (globalThis as any).browser.permissions.contains({ origins: [o] }), `*://${CDN}/*`)).toBe(false);
    const page = await fx.newPage();
    await page.goto(`http://www.kompas.com:${port}${PATH}`, { waitUntil: 'load' });
    // Auto-clean opens the reader on a supported site's article. This build's reader lives in a closed shadow root,
    // which WebDriver BiDi cannot enter: the test sees its host, and saves with the reader's own key (S), the same
    // action as its Save button, pressed as a person presses it. (Its keydown listener is added with the host id.)
    await page.waitForFunction(() => document.body?.id === 'jernih-reader', poll);
    expect(await page.evaluate(() => document.body.shadowRoot)).toBeNull();
    const before = new Set(await fx.browser.pages());
    await page.keyboard.press('s');

    // A window of its own (type popup, the question alone in it), not a frame in the reader.
    const ask = await findPage(fx.browser, (href) => /\/picture-(ask|window)\.html\?/.test(href), 'the pictures question', 30_000, before);
    const url = new URL(await hrefOf(ask));
    // The window's own page (picture-window.html), or the frame's page told it is in a window (older builds).
    if (url.pathname === '/picture-ask.html') expect(url.searchParams.get('window')).toBe('1');
    else expect(url.pathname).toBe('/picture-window.html');
    const rec = (await records(fx)).find((r) => r.title === TITLE)!;
    expect(rec, 'saved before anything is asked').toBeDefined();
    expect(url.searchParams.get('id')).toBe(rec.id);
    const own = await questionWindows(home);
    expect(own).toHaveLength(1);
    expect(own[0].type).toBe('popup');
    expect(own[0].tabs).toHaveLength(1);
    // Small: the background asks for 440 x 300.
    const size = await ask.evaluate(() => [window.innerWidth, window.innerHeight]);
    expect(size[0]).toBeLessThanOrEqual(600);
    expect(size[1]).toBeLessThanOrEqual(400);
    // No frame of the extension in the web page (it would expose the per-install address, issue #14).
    expect(await page.evaluate(() => document.querySelectorAll('iframe').length)).toBe(0);

    await ask.waitForSelector('[data-action="not-now"]', poll);
    const text = await ask.$eval('.ask', (e) => (e as HTMLElement).innerText);
    expect(text).toContain('Keep the 2 pictures?');
    expect(text).toContain(`They are on ${CDN}; Jernih needs your permission to download them.`);
    await ask.screenshot({ path: join(ARTIFACTS, 'firefox-picture-ask.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-picture-ask-reader.png'), clip: { x: 0, y: 0, width: 1280, height: 520 } });
    // Nothing kept: both pictures are on the host Jernih may not reach.
    expect(rec.images).toEqual([]);

    // Not now: remembered, and nothing is fetched.
    await ask.click('[data-action="not-now"]');
    await ask.waitForFunction(() => document.body.innerText.includes('Jernih will not ask again'), poll);
    expect((await storedSettings(fx))?.imageAccess).toBe('declined');
    expect((await records(fx)).find((r) => r.title === TITLE)!.images).toEqual([]);
    // Close: the window goes (asked of the browser: puppeteer hears of no closing in an extension's process).
    await ask.click('[data-action="close-ask"]');
    await until(async () => (await questionWindows(home)).length, (n) => n === 0);
    await page.close();

    // The saved copy says what is missing, and offers the one action that keeps them.
    const saved = await fx.extensionPage(`/saved.html?id=${encodeURIComponent(rec.id)}`);
    const note = await saved.waitForFunction(
      `(() => {
        const root = ${SAVED_COPY_ROOT};
        const n = root && root.querySelector('.pictures-note');
        const fix = root && root.querySelector('[data-action="keep-pictures"]');
        return n && fix ? { note: n.innerText, fix: fix.innerText, title: root.querySelector('h1') && root.querySelector('h1').textContent } : null;
      })()`,
      poll,
    );
    const shown = (await note.jsonValue()) as { note: string; fix: string; title: string };
    expect(shown.title).toBe(TITLE);
    expect(shown.note).toContain(`2 pictures of this article were not kept: they are on ${CDN}, and Jernih needs your permission to download them.`);
    expect(shown.fix).toBe('Allow and keep the pictures');
    await saved.screenshot({ path: join(ARTIFACTS, 'firefox-saved-pictures-note.png') });
    await saved.close();
  });
});

