/**
 * `npm run screenshots -- --store`: the pictures the Chrome Web Store and addons.mozilla.org show, in English and
 * Indonesian (the browser started in that language, so the extension's own UI speaks it), from the built extension:
 *
 *   docs/store/<lang>/screenshot-1-reader-light.png           the reader on the Indonesian demo article, light
 *   docs/store/<lang>/screenshot-2-reader-dark-appearance.png  dark, in the text, the Appearance panel open
 *   docs/store/<lang>/screenshot-3-saved-articles.png         the saved articles in a tab, with their pictures
 *   docs/store/<lang>/screenshot-4-settings.png               the settings: the supported sites, each switchable
 *   docs/store/<lang>/promo-tile.png                          440x280: icon, name, tagline, a piece of picture 1
 *
 * Screenshots are exactly 1280x800 and the tile 440x280, 24-bit PNG without alpha (what the Chrome Web Store
 * takes); every file is checked from its PNG header and the run fails when one is not.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionPage } from '../../test/e2e/helpers/library-site';
import type { ChromiumWithExtension } from '../../test/e2e/helpers/chromium';
import { FONTS } from '../../utils/reader/fonts';
import type { FontFamily } from '../../utils/settings';
import { DESKTOP, readerShowsTheme, ROOT, settle, shot, startSession } from './screenshot-session';
import { storeLibraryExport } from './screenshot-seed';
import { storeImageProblem } from './screenshot-png';

export const STORE_LANGS = ['en', 'id'] as const;
export type StoreLang = (typeof STORE_LANGS)[number];
export const SCREENSHOT_SIZE = DESKTOP;
export const TILE_SIZE = { width: 440, height: 280 } as const;

/** The tile's one line, in each listing's language (the listings open with the same words). */
const TAGLINE: Record<StoreLang, string> = {
  en: 'Read the news without the clutter.',
  id: 'Baca berita tanpa gangguan.',
};

export async function writeStoreImages(): Promise<string[]> {
  const written: string[] = [];
  for (const lang of STORE_LANGS) written.push(...(await writeLocale(lang)));
  const problems = written.map((file) => storeImageProblem(file, ...sizeOf(file))).filter((p): p is string => !!p);
  if (problems.length) throw new Error(`store images of the wrong kind:\n${problems.join('\n')}`);
  return written;
}

const sizeOf = (file: string): [number, number] =>
  file.endsWith('promo-tile.png') ? [TILE_SIZE.width, TILE_SIZE.height] : [SCREENSHOT_SIZE.width, SCREENSHOT_SIZE.height];

async function writeLocale(lang: StoreLang): Promise<string[]> {
  const dir = join(ROOT, 'docs', 'store', lang);
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const session = await startSession({ lang: lang === 'en' ? undefined : lang });
  const { browser } = session;
  try {
    await session.settings({ theme: 'light' });
    await importLibrary(browser);

    const reader = await session.openReader(SCREENSHOT_SIZE);
    await readerShowsTheme(reader, 'light');
    await shot(reader, file('screenshot-1-reader-light.png'));
    // The tile's pieces, the column's width each: the headline (without the small lines around it) and the top of
    // the picture, so that the words in the tile stay large enough to read.
    // (No named functions inside evaluate: tsx would wrap them in a helper the page does not have.)
    const column = await reader.evaluate(() => {
      const root = document.body.shadowRoot!;
      const [title, picture] = [root.querySelector('h1')!, root.querySelector('figure img')!].map((el) => el.getBoundingClientRect());
      return { x: picture.left, width: picture.width, titleTop: title.top - 4, titleHeight: title.height + 8, pictureTop: picture.top };
    });
    const pieces = [
      await shot(reader, undefined, { clip: { x: column.x, y: column.titleTop, width: column.width, height: column.titleHeight } }),
      await shot(reader, undefined, { clip: { x: column.x, y: column.pictureTop, width: column.width, height: 300 } }),
    ];

    await reader.emulateMedia({ colorScheme: 'dark' });
    // A narrower column than the default, so the open panel covers none of the text (and shows a choice made).
    await session.settings({ theme: 'dark', columnWidth: 45 });
    await readerShowsTheme(reader, 'dark');
    await scrollToFirstHeading(reader);
    await reader.locator('[data-panel-toggle="appearance"]').click();
    await shot(reader, file('screenshot-2-reader-dark-appearance.png'));
    await reader.close();
    await session.settings({ theme: 'light' });

    const library = await extensionPage(browser, 'library.html?view=tab', SCREENSHOT_SIZE);
    await library.waitForSelector('.side .tags');
    await picturesShown(library);
    await shot(library, file('screenshot-3-saved-articles.png'));
    await library.close();

    const options = await extensionPage(browser, 'options.html', SCREENSHOT_SIZE);
    await options.waitForSelector('h1');
    await endViewAfter(options, 'section[data-section="library"]');
    await shot(options, file('screenshot-4-settings.png'));
    await options.close();

    const tile = await browser.context.newPage();
    await tile.setViewportSize(TILE_SIZE);
    await tile.setContent(tileHtml(lang, pieces));
    await shot(tile, file('promo-tile.png'));
    await tile.close();
  } finally {
    await session.close();
  }
  return ['screenshot-1-reader-light.png', 'screenshot-2-reader-dark-appearance.png', 'screenshot-3-saved-articles.png', 'screenshot-4-settings.png', 'promo-tile.png'].map(file);
}

/** Fills the library through its own import (the plan shown, then confirmed), and waits until it holds them all. */
async function importLibrary(browser: ChromiumWithExtension): Promise<void> {
  const { json, count } = await storeLibraryExport(browser.context);
  const page = await extensionPage(browser, 'library.html?view=tab&panel=import', SCREENSHOT_SIZE);
  await page.locator('[data-action="import-file"]').setInputFiles({ name: 'jernih-store.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.locator('[data-action="import-confirm"]').click();
  await page.waitForFunction((n) => document.querySelectorAll('.row').length >= Math.min(n, 5) && !document.querySelector('.panel-import-confirm'), count, {
    polling: 100,
    timeout: 30_000,
  });
  await page.close();
}

/** Every thumbnail in view has loaded (they are blob: URLs made from the stored pictures). */
async function picturesShown(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.row').length > 0 && Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0), null, {
    polling: 100,
    timeout: 20_000,
  });
}

/** Scrolls the reader (its own scroller) so the first section heading sits under the bar: text, not the picture. */
async function scrollToFirstHeading(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.body.shadowRoot!;
    const heading = root.querySelector('.body h2')!;
    const bar = root.querySelector('.top')!;
    root.querySelector('.reader')!.scrollTop += heading.getBoundingClientRect().top - bar.getBoundingClientRect().bottom - 40;
  });
  await settle(page);
}

/**
 * Scrolls the page so the view ends in the gap after `selector`'s box: a picture of a long page then cuts between
 * two sections, never through a line of text or a row of buttons.
 */
async function endViewAfter(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const box = document.querySelector(sel)!;
    const bottom = box.getBoundingClientRect().bottom + scrollY;
    const next = box.nextElementSibling?.getBoundingClientRect().top;
    const gap = next === undefined ? 24 : next + scrollY - bottom;
    scrollTo(0, Math.max(0, bottom + gap / 2 - innerHeight));
  }, selector);
}

/** A data: URL of the reader's bundled face (latin subset) of `family` at `weight`. */
function fontData(family: FontFamily, weight: 400 | 700): string {
  const info = FONTS[family];
  const face = info.files.find((f) => f.weight === weight && f.style === 'normal' && !f.file.includes('latin-ext'))!;
  const bytes = readFileSync(join(ROOT, 'node_modules', info.pkg, 'files', face.file));
  return `data:font/woff2;base64,${bytes.toString('base64')}`;
}

/** The promo tile: everything inline (icon, faces, the piece of the screenshot), so the page loads nothing. */
function tileHtml(lang: StoreLang, pieces: Buffer[]): string {
  const icon = readFileSync(join(ROOT, 'public', 'icons', '128.png')).toString('base64');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>
@font-face { font-family: Serif; src: url(${fontData('serif', 700)}) format('woff2'); font-weight: 700; }
@font-face { font-family: Sans; src: url(${fontData('sans', 700)}) format('woff2'); font-weight: 700; }
html, body { margin: 0; width: ${TILE_SIZE.width}px; height: ${TILE_SIZE.height}px; overflow: hidden; }
body { position: relative; background: linear-gradient(150deg, #f4f8f9 0%, #dbeef2 100%); color: #0f2a33; }
.brand { position: absolute; left: 24px; top: 36px; width: 186px; }
.brand img { display: block; width: 64px; height: 64px; }
h1 { margin: 14px 0 10px; font: 700 46px/1 Serif; letter-spacing: -0.5px; }
p { margin: 0; font: 700 20px/1.25 Sans; color: #0e7490; }
/* The reader's page, bleeding off the right edge: its headline stays about 20 px high. */
.piece { position: absolute; left: 214px; top: 44px; width: 340px; padding-top: 10px; border-radius: 10px 0 0 10px; overflow: hidden;
  background: #fdfdfb; box-shadow: 0 12px 32px rgba(15, 42, 51, 0.28), 0 0 0 1px rgba(15, 42, 51, 0.12); }
.piece img { display: block; width: 100%; }
.piece img + img { margin-top: 8px; }
</style></head><body>
<div class="brand"><img src="data:image/png;base64,${icon}" alt=""><h1>Jernih</h1><p>${TAGLINE[lang]}</p></div>
<div class="piece">${pieces.map((p) => `<img src="data:image/png;base64,${p.toString('base64')}" alt="">`).join('')}</div>
</body></html>`;
}
