/**
 * The rows of the library (issue 13, point 8), in Debian's Chromium: each row shows a small thumbnail of the
 * article's lead picture made from the copy stored in IndexedDB (a blob: URL, never the picture's web address,
 * revoked when the row goes away), the article's own date and author (the save date, labelled, when the article has
 * no date) and its site; a search marks the words it matched, folded as the search folds them (kafe finds Kafé);
 * and the row's buttons (read, tag, delete) never cover the title, on hover and on focus, in a tab and in the popup.
 *
 * The library is filled through the real import (a Jernih export with its pictures), so nothing is fetched at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumWithExtension } from './helpers/chromium';
import { e2eTempFile } from './helpers/temp';
import { axeViolations, describeViolations, seriousOnly } from './helpers/axe';
import { BODY_COLOUR, LEAD_COLOUR, SEEDS, near, seedExport, type Rgb } from './helpers/library-seeds';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-results');
const poll = { polling: 100, timeout: 20_000 } as const;


let browser: ChromiumWithExtension;

async function extensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

const row = (page: Page, id: string) => page.locator(`.row[data-id="${id}"]`);

/** The thumbnail of a row once its picture is drawn: its address, natural and shown sizes, and the colour at its top left. */
async function thumbnailOf(page: Page, id: string) {
  const handle = await page.waitForFunction(
    (id) => {
      const img = document.querySelector(`.row[data-id="${id}"] .thumb img`) as HTMLImageElement | null;
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
    id,
    poll,
  );
  return (await handle.jsonValue()) as { src: string; natural: [number, number]; shown: [number, number]; rgb: Rgb; alt: string };
}


/** Whether two client rectangles share any area. */
const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** The title's box and each visible action button's box of a row (buttons that are shown: opacity above 0.5). */
async function boxes(page: Page, id: string) {
  return page.evaluate((id) => {
    const r = document.querySelector(`.row[data-id="${id}"]`)!;
    const rect = (e: Element) => e.getBoundingClientRect().toJSON() as DOMRect;
    const actions = r.querySelector('.row-actions') as HTMLElement;
    return {
      title: rect(r.querySelector('.title')!),
      meta: rect(r.querySelector('.meta')!),
      shown: Number(getComputedStyle(actions).opacity) > 0.5,
      buttons: Array.from(actions.querySelectorAll('button')).map(rect),
    };
  }, id);
}

/** Serious and critical axe-core violations of the page (the marks' colours included). */
const axe = async (page: Page): Promise<string[]> => describeViolations(seriousOnly(await axeViolations(page)));

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  // Nothing may leave the browser: the rows are drawn from the stored copies only.
  await browser.context.route((u) => !u.protocol.startsWith('chrome-extension'), (r) => r.abort());
  const file = e2eTempFile('rows.json');
  writeFileSync(file, seedExport());
  const importer = await extensionPage('library.html?view=tab&panel=import');
  await importer.locator('[data-action="import-file"]').setInputFiles(file);
  await importer.waitForSelector('.panel-import-confirm [data-action="import-confirm"]', poll);
  await importer.locator('[data-action="import-confirm"]').click();
  await importer.waitForFunction((n) => document.querySelectorAll('.row').length === n, SEEDS.length, poll);
  await importer.close();
});

afterAll(async () => {
  await browser?.close();
});

describe('library rows in Chromium', () => {
  it('show a small thumbnail of the stored lead picture (blob:), the article\'s date and author, and the site', async () => {
    const requests: string[] = [];
    const page = await extensionPage('library.html?view=tab');
    page.on('request', (r) => void (r.url().startsWith('chrome-extension:') || requests.push(r.url())));
    await page.waitForSelector('.row', poll);

    const lead = await thumbnailOf(page, 'row-lead');
    expect(lead.src).toMatch(/^blob:chrome-extension:\/\//);
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

    // No stored picture: no <img> (a plain tile keeps the column), and never the web address of a picture.
    expect(await row(page, 'row-long').locator('.thumb').count()).toBe(1);
    expect(await row(page, 'row-long').locator('.thumb img').count()).toBe(0);
    const srcs = await page.locator('.row img').evaluateAll((l) => l.map((i) => (i as HTMLImageElement).src));
    expect(srcs.every((s) => s.startsWith('blob:'))).toBe(true);

    // The article's own date and author, and the site; the save date, said as such, when the article has no date.
    // The parts of the date line, in order (the "·" between them is drawn by CSS).
    const meta = (id: string) => row(page, id).locator('.meta > span').allTextContents();
    expect(await meta('row-lead')).toEqual(['Kabar Bali', 'Nov 3', '2 min read', 'Ni Luh Putu Ayu']);
    expect(await meta('row-long')).toEqual(['Kabar Kota', 'Nov 28', '2 min read', 'Redaksi Kabar Kota']);
    expect(await meta('row-body-only')).toEqual(['Kabar Madura', 'Saved Nov 20', '2 min read']);
    expect(await row(page, 'row-lead').locator('time').getAttribute('datetime')).toBe('2026-11-03T12:00:00.000Z');

    expect(requests).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'library-rows-tab-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.querySelector('.library')?.getAttribute('data-theme') === 'dark', null, poll);
    await page.screenshot({ path: join(ARTIFACTS, 'library-rows-tab-dark.png') });
    await page.close();
  });

  it('a search marks the words it matched in <mark>, with diacritics folded, as text (never as markup)', async () => {
    const page = await extensionPage('library.html?view=tab');
    await page.waitForSelector('.row', poll);
    await page.locator('[data-action="search"]').fill('kafe beno');
    await page.waitForFunction(() => document.querySelectorAll('.row').length === 1 && /match/.test(document.querySelector('.status-line')?.textContent ?? ''), null, poll);
    const title = row(page, 'row-lead').locator('.title');
    expect(await title.locator('mark').allTextContents()).toEqual(['Kafé', 'Béno']);
    expect((await title.textContent())!.replace(/^Unread: /, '')).toBe(SEEDS[0].title);

    // A title that looks like markup stays text: only <mark> elements are made.
    await page.locator('[data-action="search"]').fill('kafe sastra');
    await page.waitForFunction(() => document.querySelectorAll('.row').length === 1 && document.querySelector('.row')?.getAttribute('data-id') === 'row-markup', null, poll);
    const markup = row(page, 'row-markup').locator('.title');
    expect(await markup.locator('mark').allTextContents()).toEqual(['kafe', 'sastra']);
    expect(await markup.locator('i, b').count()).toBe(0);
    expect((await markup.textContent())!.replace(/^Unread: /, '')).toBe(SEEDS[3].title);
    // The excerpt is marked too.
    expect(await row(page, 'row-markup').locator('.excerpt mark').allTextContents()).toEqual(['kafe', 'sastra']);
    await row(page, 'row-markup').hover();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'library-rows-search.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.querySelector('.library')?.getAttribute('data-theme') === 'dark', null, poll);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'library-rows-search-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // Without a search nothing is marked.
    await page.locator('[data-action="search"]').fill('');
    await page.waitForFunction((n) => document.querySelectorAll('.row').length === n, SEEDS.length, poll);
    expect(await page.locator('.row mark').count()).toBe(0);
    await page.close();
  });

  it('a row that goes away releases its thumbnail (the blob: URL is revoked)', async () => {
    const page = await extensionPage('library.html?view=tab');
    await page.waitForSelector('.row', poll);
    const before = (await thumbnailOf(page, 'row-lead')).src;
    expect(await page.evaluate((u) => fetch(u).then((r) => r.ok, () => false), before)).toBe(true);
    // A search that leaves the row out: it is unmounted.
    await page.locator('[data-action="search"]').fill('garam');
    await page.waitForFunction(() => document.querySelectorAll('.row').length === 1 && !document.querySelector('.row[data-id="row-lead"]'), null, poll);
    await page.waitForFunction((u) => fetch(u).then(() => false, () => true), before, poll);
    // Back again: a new URL that works.
    await page.locator('[data-action="search"]').fill('');
    const after = (await thumbnailOf(page, 'row-lead')).src;
    expect(after).not.toBe(before);
    expect(await page.evaluate((u) => fetch(u).then((r) => r.ok, () => false), after)).toBe(true);
    await page.close();
  });

  for (const [name, path, viewport] of [
    ['a wide tab', 'library.html?view=tab', { width: 1280, height: 900 }],
    ['a narrow tab', 'library.html?view=tab', { width: 720, height: 700 }],
    ['the popup', 'library.html', { width: 400, height: 590 }],
  ] as const) {
    it(`the row's buttons do not cover the title on hover or on focus, in ${name}`, async () => {
      const page = await extensionPage(path, viewport);
      await page.waitForSelector('.row[data-id="row-long"]', poll);
      const check = async (how: string) => {
        await page.waitForFunction(() => {
          const a = document.querySelector('.row[data-id="row-long"] .row-actions');
          return !!a && Number(getComputedStyle(a).opacity) === 1;
        }, null, poll);
        const b = await boxes(page, 'row-long');
        expect(b.shown, how).toBe(true);
        expect(b.buttons).toHaveLength(3);
        for (const btn of b.buttons) {
          expect(overlaps(btn, b.title), `${how}: a button covers the title (${JSON.stringify(btn)} / ${JSON.stringify(b.title)})`).toBe(false);
          expect(overlaps(btn, b.meta), `${how}: a button covers the date and author`).toBe(false);
        }
      };
      await row(page, 'row-long').hover();
      await check('hover');
      await page.screenshot({ path: join(ARTIFACTS, `library-rows-hover-${viewport.width}.png`) });
      // Away with the mouse, then to the row with the keyboard.
      await page.mouse.move(0, 0);
      await row(page, 'row-long').locator('.open').focus();
      await check('focus');
      await page.close();
    });
  }
});
