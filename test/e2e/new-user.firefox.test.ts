/**
 * Issue 13 for a new user, in Firefox ESR (headless, puppeteer-core over WebDriver BiDi; helpers/firefox.ts), with
 * an English UI and the e2e build. The Firefox side of features that have Chromium tests:
 * - The English UI's grammar for dates (locale-dates.chromium); the Indonesian UI: locale-id.firefox.test.ts.
 * - Translate out of the box (translate-default.chromium): Firefox ESR has no on-device translator, so the first
 *   press with nothing chosen offers the services in the panel; LibreTranslate, set up from there, translates
 *   (the Apertium-backed test server, test/translate-server).
 * - Library rows (library-rows.chromium): thumbnails from the stored pictures (blob:), the article's own date and
 *   author, the site; a search marks what it matched. Filled through the real import.
 * The pictures question in its own window: pictures-window.firefox.test.ts. Extension pages are opened from the
 * welcome page the extension shows on install (BiDi refuses to navigate to moz-extension://). Screenshots:
 * test-results/firefox-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { TestServer } from './helpers/server';
import { e2eTempFile } from './helpers/temp';
import { FIREFOX, findPage, hrefOf, launchFirefox, toggleReader, waitForReader, type FirefoxWithExtension } from './helpers/firefox';
import { ARTIFACTS, bylineDate, clickInReader, countInReader, firefoxTestServer, listenOutcome, poll, spaces, storedSettings } from './helpers/firefox-reader';
import { BODY_COLOUR, LEAD_COLOUR, SEEDS, near, seedExport, type Rgb } from './helpers/library-seeds';
import { focusedAction, translatedTexts } from './helpers/translate-ui';
import { axeViolations, describeViolations, seriousOnly } from './helpers/axe';
import { checkApertium, startTranslateServer, type TranslateServer } from '../translate-server/server';

let server: TestServer;
const hasFirefox = firefoxTestServer('new-user.firefox', (s) => (server = s));
const apertium = checkApertium();
const canTranslate = apertium.ok && !!apertium.modes['en>es'];




const EN_ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The new toll road opens</title></head><body>
<main><article>
<h1>The president opened a new toll road in Central Java</h1>
<p>The president opened a new <b>toll road</b> in <a href="https://example.org/central-java">Central Java</a> on Monday. The road connects two large cities and will shorten the journey for thousands of families.</p>
<p>Officials said the prices of the tickets will stay low for the first year. The government wants more people to use the road instead of the old national highway.</p>
<p>Farmers in the region hope the road will help them sell their vegetables in the city markets. Many of them travel for hours every morning before the sun rises.</p>
<p>The company that operates the road will open two more sections next year, and the whole road will reach the eastern coast of the island in five years.</p>
</article></main></body></html>`;

/** The thumbnail of a row once its picture is drawn: its address, natural and shown sizes, and the colour at its top left. */
async function thumbnailOf(page: Page, id: string) {
  const handle = await page.waitForFunction(
    (rowId: string) => {
      const img = document.querySelector(`.row[data-id="${rowId}"] .thumb img`) as HTMLImageElement | null;
      if (!img || !img.complete || !img.naturalWidth) return null;
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const [r, gr, b] = g.getImageData(1, 1, 1, 1).data;
      const box = img.getBoundingClientRect();
      return { src: img.src, natural: [img.naturalWidth, img.naturalHeight], shown: [Math.round(box.width), Math.round(box.height)], rgb: [r, gr, b], alt: img.alt };
    },
    poll,
    id,
  );
  return (await handle.jsonValue()) as { src: string; natural: [number, number]; shown: [number, number]; rgb: Rgb; alt: string };
}

/** Types into the library's search field as a person does (select all, then the words). */
async function search(page: Page, words: string): Promise<void> {
  await page.click('[data-action="search"]');
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (words) await page.keyboard.type(words);
}

/** Serious and critical axe-core violations of the page (helpers/axe.ts only evaluates scripts, as puppeteer can). */
const axe = async (page: Page): Promise<string[]> => describeViolations(seriousOnly(await axeViolations(page as unknown as PlaywrightPage)));

describe.skipIf(!hasFirefox)(`the English UI, Translate out of the box and the library rows in Firefox ESR${hasFirefox ? '' : ` (skipped: ${FIREFOX} not found)`}`, () => {
  let fx: FirefoxWithExtension;
  let tserver: TranslateServer | undefined;

  beforeAll(async () => {
    server.page('/en-toll-road', EN_ARTICLE);
    if (canTranslate) tserver = await startTranslateServer();
    // A fresh profile: the translation setting is the untouched default, the library is empty.
    fx = await launchFirefox();
  });
  afterAll(async () => {
    await fx?.close();
    await tserver?.stop().catch(() => undefined);
  });

  it('the English UI: "September 14, 2023, 2:54 PM WIB" and "Add an Indonesian voice"', async (ctx) => {
    const page = await fx.newPage();
    await page.goto(server.siteUrl('kompas/seed-putin-kim'), { waitUntil: 'load' });
    await waitForReader(page, true, 30_000);
    const date = await bylineDate(page);
    expect(spaces(date.text)).toBe('September 14, 2023, 2:54 PM WIB');
    expect(date.datetime).toBe('2023-09-14T14:54:00+07:00');
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-reader-en-date.png'), clip: { x: 0, y: 0, width: 1280, height: 520 } });
    const outcome = await listenOutcome(page);
    if ('reading' in outcome) {
      await clickInReader(page, '[data-action="listen-stop"]');
      await page.close();
      return ctx.skip('this machine has an Indonesian voice, so there is no message to check');
    }
    expect(outcome.noVoice).toContain('No voice for Indonesian is installed');
    expect(outcome.noVoice).toContain('Add an Indonesian voice');
    await page.close();
  });

  /** Picks an option with the keyboard, as a person does (the reader drops a page script's form events). */
  async function chooseOption(page: Page, selector: string, value: string): Promise<void> {
    const select = (await page.waitForFunction((sel) => document.body.shadowRoot?.querySelector(sel) ?? null, poll, selector)) as ElementHandle<HTMLSelectElement>;
    const [from, to] = await select.evaluate((s, v) => [s.selectedIndex, Array.from(s.options).findIndex((o) => o.value === v)], value);
    if (to < 0) throw new Error(`${selector} has no option ${value}`);
    await select.focus();
    for (let i = 0; i < Math.abs(to - from); i++) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
    await page.waitForFunction((sel, v) => (document.body.shadowRoot!.querySelector(sel) as HTMLSelectElement).value === v, poll, selector, value);
    await select.dispose();
  }

  const progressText = (page: Page) => page.evaluate(() => (document.body.shadowRoot!.querySelector('[data-translate-progress]') as HTMLElement | null)?.innerText ?? '');

  it.skipIf(!canTranslate)(
    `Translate, nothing chosen, no on-device translator: the first press offers the services in the panel; LibreTranslate, once set up, translates${canTranslate ? '' : ` (skipped: ${apertium.reason ?? 'apertium-eng-spa is missing'})`}`,
    async () => {
      const untouched = (await storedSettings(fx))?.translation as { provider?: { id: string } } | undefined;
      expect([undefined, 'auto'], 'an untouched profile').toContain(untouched?.provider?.id);
      const page = await fx.newPage();
      await page.goto(`${server.origin}/en-toll-road`, { waitUntil: 'load' });
      expect(await toggleReader(page)).toEqual({ state: 'opened' });
      await waitForReader(page, true, 30_000);
      // Firefox ESR has no Translator API at all.
      expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).Translator)).toBe('undefined');

      await clickInReader(page, '[data-action="translate"]');
      await page.waitForFunction(() => !!document.body.shadowRoot!.querySelector('.translate-bar'), poll);
      await chooseOption(page, 'select[data-translate="target"]', 'es');
      await clickInReader(page, '[data-action="translate-start"]');

      const offer = await page.waitForFunction(() => (document.body.shadowRoot!.querySelector('[data-translate-choose]') as HTMLElement | null)?.innerText ?? null, poll);
      const words = (await offer.jsonValue()) as string;
      expect(await countInReader(page, '[data-translate-error]'), 'no dead-end message').toBe(0);
      expect(await page.evaluate(() => Array.from(document.body.shadowRoot!.querySelectorAll('[data-translate-choose] [data-offer]')).map((e) => e.getAttribute('data-offer')))).toEqual([
        'libretranslate',
        'deepl',
      ]);
      expect(words).toMatch(/no translator of its own/);
      expect(words).toMatch(/Sends the article text to the LibreTranslate server you choose/);
      expect(words).toMatch(/Sends the article text to DeepL/);
      expect(words).toMatch(/DeepL API key/);
      const bar = await page.evaluate(() => {
        const r = document.body.shadowRoot!.querySelector('.translate-bar')!.getBoundingClientRect();
        return Math.ceil(r.y + r.height + 24);
      });
      await page.screenshot({ path: join(ARTIFACTS, 'firefox-translate-choose.png'), clip: { x: 0, y: 0, width: 1280, height: Math.min(900, bar) } });

      // A click from page script (no person behind it) picks nothing (utils/reader/trusted-input.ts).
      await page.evaluate(() => (document.body.shadowRoot!.querySelector('[data-provider="libretranslate"]') as HTMLElement).click());
      expect(await countInReader(page, '[data-translate-setting-up]')).toBe(0);
      const open = await Promise.all((await fx.browser.pages()).map(hrefOf));
      expect(open.some((href) => href.includes('/options.html'))).toBe(false);

      // With the keyboard alone: Tab from Translate reaches "Set up LibreTranslate"; Enter opens its set-up.
      const start = (await page.waitForFunction(() => document.body.shadowRoot!.querySelector('[data-action="translate-start"]'), poll)) as ElementHandle<HTMLElement>;
      await start.focus();
      for (let i = 0; i < 6 && (await focusedAction(page)) !== 'translate-provider:libretranslate'; i++) await page.keyboard.press('Tab');
      expect(await focusedAction(page)).toBe('translate-provider:libretranslate');
      const before = new Set(await fx.browser.pages());
      await page.keyboard.press('Enter');
      const options = await findPage(fx.browser, (href) => href.includes('/options.html'), 'the options page, opened at LibreTranslate', 30_000, before);
      expect(await hrefOf(options)).toMatch(/#translation-libretranslate$/);
      await options.waitForSelector('#lt-url', poll);
      expect(await options.$eval('input[data-provider="libretranslate"]', (i) => (i as HTMLInputElement).checked)).toBe(true);
      await options.waitForFunction(() => document.activeElement?.id === 'lt-url', poll);
      await options.$eval('#lt-url', (i) => ((i as HTMLInputElement).value = ''));
      await options.type('#lt-url', tserver!.url);
      await options.click('[data-action="save-translation"]');
      await options.waitForSelector('[data-translation-status="ok"]', poll);
      await options.close();
      expect((await storedSettings(fx))?.translation).toEqual({ provider: { id: 'libretranslate', url: tserver!.url }, target: '' });

      // Back in the reader: the panel said what to do next; Translate now uses the server.
      await page.bringToFront();
      expect(await countInReader(page, '[data-translate-setting-up="libretranslate"]')).toBe(1);
      await clickInReader(page, '[data-action="translate-start"]');
      await page.waitForFunction(
        () => /Translated (\d+) of \1/.test((document.body.shadowRoot!.querySelector('[data-translate-progress]') as HTMLElement | null)?.innerText ?? ''),
        { polling: 100, timeout: 60_000 },
      );
      expect(await progressText(page)).toMatch(/Translated (\d+) of \1/);
      expect((await translatedTexts(page)).join(' ')).toMatch(/presidente/);
      expect(await countInReader(page, '[data-translate-choose]')).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, 'firefox-translate-libretranslate.png'), clip: { x: 0, y: 0, width: 1280, height: 700 } });
      await page.close();
    },
    120_000,
  );

  describe('library rows', () => {
    beforeAll(async () => {
      const file = e2eTempFile('rows-firefox.json');
      writeFileSync(file, seedExport());
      const importer = await fx.extensionPage('/library.html?view=tab&panel=import');
      const input = (await importer.waitForSelector('[data-action="import-file"]', poll)) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(file);
      await importer.waitForSelector('.panel-import-confirm [data-action="import-confirm"]', poll);
      await importer.click('[data-action="import-confirm"]');
      await importer.waitForFunction((n: number) => document.querySelectorAll('.row').length === n, poll, SEEDS.length);
      await importer.close();
    });

    it('show a small thumbnail of the stored lead picture (blob:), the article\'s date and author, and the site', async () => {
      const page = await fx.extensionPage('/library.html?view=tab');
      await page.waitForSelector('.row', poll);

      const lead = await thumbnailOf(page, 'row-lead');
      expect(lead.src).toMatch(/^blob:moz-extension:\/\//);
      expect(lead.alt).toBe('');
      // The lead picture, not the larger body picture.
      expect(near(lead.rgb, LEAD_COLOUR), `top-left colour ${lead.rgb}`).toBe(true);
      // Decoded small: about the size it is shown at (at most twice), not the 640 x 360 stored picture.
      expect(Math.min(...lead.natural)).toBeLessThanOrEqual(2 * Math.max(...lead.shown));
      expect(lead.natural[0]).toBeLessThan(640);
      expect(lead.shown[0]).toBeGreaterThanOrEqual(40);
      expect(lead.shown[0]).toBeLessThanOrEqual(96);

      // No lead picture: the largest stored picture, not the small icon.
      const body = await thumbnailOf(page, 'row-body-only');
      expect(body.src).toMatch(/^blob:/);
      expect(near(body.rgb, BODY_COLOUR), `top-left colour ${body.rgb}`).toBe(true);

      // No stored picture: a plain tile keeps the column, no <img>; and never the web address of a picture.
      const tiles = await page.evaluate(() => {
        const long = document.querySelector('.row[data-id="row-long"]')!;
        return {
          thumbs: long.querySelectorAll('.thumb').length,
          imgs: long.querySelectorAll('.thumb img').length,
          srcs: Array.from(document.querySelectorAll('.row img')).map((i) => (i as HTMLImageElement).src),
        };
      });
      expect(tiles.thumbs).toBe(1);
      expect(tiles.imgs).toBe(0);
      expect(tiles.srcs.length).toBeGreaterThanOrEqual(2);
      expect(tiles.srcs.every((s) => s.startsWith('blob:'))).toBe(true);

      // The article's own date and author, and the site; the save date, said as such, when the article has no date.
      const meta = (id: string) => page.$$eval(`.row[data-id="${id}"] .meta > span`, (spans) => spans.map((s) => s.textContent ?? ''));
      expect(await meta('row-lead')).toEqual(['Kabar Bali', 'Nov 3', '2 min read', 'Ni Luh Putu Ayu']);
      expect(await meta('row-long')).toEqual(['Kabar Kota', 'Nov 28', '2 min read', 'Redaksi Kabar Kota']);
      expect(await meta('row-body-only')).toEqual(['Kabar Madura', 'Saved Nov 20', '2 min read']);
      expect(await page.$eval('.row[data-id="row-lead"] time', (t) => t.getAttribute('datetime'))).toBe('2026-11-03T12:00:00.000Z');

      // Nothing was fetched from the web for the rows: only the extension's own files and the blob: pictures.
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      expect(loaded.filter((u) => !u.startsWith('moz-extension:') && !u.startsWith('blob:'))).toEqual([]);
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'firefox-library-rows.png') });
      await page.close();
    });

    it('a search marks the words it matched in <mark>, with diacritics folded, as text (never as markup)', async () => {
      const page = await fx.extensionPage('/library.html?view=tab');
      await page.waitForSelector('.row', poll);
      await search(page, 'kafe beno');
      await page.waitForFunction(() => document.querySelectorAll('.row').length === 1 && /match/.test(document.querySelector('.status-line')?.textContent ?? ''), poll);
      const marked = (id: string) =>
        page.$eval(`.row[data-id="${id}"]`, (r) => ({
          title: Array.from(r.querySelectorAll('.title mark')).map((m) => m.textContent),
          excerpt: Array.from(r.querySelectorAll('.excerpt mark')).map((m) => m.textContent),
          markup: r.querySelectorAll('.title i, .title b').length,
          text: (r.querySelector('.title')!.textContent ?? '').replace(/^Unread: /, ''),
        }));
      const lead = await marked('row-lead');
      expect(lead.title).toEqual(['Kafé', 'Béno']);
      expect(lead.text).toBe(SEEDS[0].title);

      // A title that looks like markup stays text: only <mark> elements are made.
      await search(page, 'kafe sastra');
      await page.waitForFunction(() => document.querySelectorAll('.row').length === 1 && document.querySelector('.row')?.getAttribute('data-id') === 'row-markup', poll);
      const markup = await marked('row-markup');
      expect(markup.title).toEqual(['kafe', 'sastra']);
      expect(markup.markup).toBe(0);
      expect(markup.text).toBe(SEEDS[3].title);
      // The excerpt is marked too.
      expect(markup.excerpt).toEqual(['kafe', 'sastra']);
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'firefox-library-rows-search.png') });

      // Without a search nothing is marked.
      await search(page, '');
      await page.waitForFunction((n: number) => document.querySelectorAll('.row').length === n, poll, SEEDS.length);
      expect(await page.$$eval('.row mark', (m) => m.length)).toBe(0);
      await page.close();
    });

    it('a row that goes away releases its thumbnail (the blob: URL is revoked)', async () => {
      const page = await fx.extensionPage('/library.html?view=tab');
      await page.waitForSelector('.row', poll);
      const before = (await thumbnailOf(page, 'row-lead')).src;
      expect(await page.evaluate((u) => fetch(u).then((r) => r.ok, () => false), before)).toBe(true);
      // A search that leaves the row out: it is unmounted.
      await search(page, 'garam');
      await page.waitForFunction(() => document.querySelectorAll('.row').length === 1 && !document.querySelector('.row[data-id="row-lead"]'), poll);
      await page.waitForFunction((u: string) => fetch(u).then(() => false, () => true), poll, before);
      // Back again: a new URL that works.
      await search(page, '');
      const after = (await thumbnailOf(page, 'row-lead')).src;
      expect(after).not.toBe(before);
      expect(await page.evaluate((u) => fetch(u).then((r) => r.ok, () => false), after)).toBe(true);
      await page.close();
    });
  });
});

// --- 4. The pictures question in a window of its own -------------------------------------------------------------
