/**
 * The reader's features in the built extension, in Debian's Chromium: typography and themes that persist and
 * reach other tabs, bundled fonts, contents and progress, keyboard use, read aloud (with a stub speech engine),
 * picking the article and removing blocks remembered as a site rule (and managed on the options page), the
 * report, print, images, RTL, and the Indonesian UI. Screenshots go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, SITE_HOST_RULES, type TestServer } from './helpers/server';
import { SITE_RULES } from '../../utils/extract/sites';
import { SETTINGS_VERSION } from '../../utils/settings';
import { launchChromium, readerText, waitForReader, type ChromiumWithExtension } from './helpers/chromium';
import { installSpeechStub, speechInProgress, spokenSoFar } from './helpers/speech-stub';
import { until } from './helpers/wait';
import { ARTICLE_PATH, BLOG_HTML, BLOG_PATH, articleHtml, startImageServer } from './helpers/reader-pages';

const ARTIFACTS = resolve(import.meta.dirname, '..', '..', 'test-results');
let server: TestServer;
let images: Awaited<ReturnType<typeof startImageServer>>;
let browser: ChromiumWithExtension;
let port = '';

/** Built-in sites stay off (auto-clean has its own tests): these tests open the reader with the button. */
const allOff = () => SITE_RULES.map((r) => r.id);
const resetSettings = (b: ChromiumWithExtension) =>
  b.worker.evaluate((off) => (globalThis as any).chrome.storage.local.set({ settings: { version: 3, autoCleanOff: off } }), allOff());
const storedSettings = (b = browser) => b.worker.evaluate(() => (globalThis as any).chrome.storage.local.get('settings').then((r: any) => r.settings));

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  port = new URL(server.origin).port;
  images = await startImageServer();
  server.page(ARTICLE_PATH, articleHtml(images.port));
  server.page(BLOG_PATH, BLOG_HTML);
  browser = await launchChromium({ extraArgs: [SITE_HOST_RULES] });
  await resetSettings(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await images?.close();
});

let opened = 0;
const articleUrl = (host = 'berita.example.id') => `http://${host}:${port}${ARTICLE_PATH}?tab=${++opened}`;

async function openReader(url: string, b = browser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await b.clickAction(page);
  await waitForReader(page);
  return page;
}

/** In the page: the block being read aloud is in view. */
const speakingBlockInView = () => {
  const b = document.body.shadowRoot!.querySelector('.speaking')?.getBoundingClientRect();
  return !!b && b.top >= 0 && b.top < innerHeight;
};

/** Evaluates in the page with the reader's shadow root as `r`. */
const inReader = <T,>(page: Page, fn: (r: ShadowRoot) => T): Promise<T> =>
  page.evaluate(`(${fn.toString()})(document.body.shadowRoot)`) as Promise<T>;
const style = (page: Page, selector: string, prop: string) =>
  page.evaluate(([s, p]) => getComputedStyle(document.body.shadowRoot!.querySelector(s)!).getPropertyValue(p), [selector, prop]);
// Generous: font loads and cross-tab updates are slow when the machine is busy (CI runs on 2 cores).
const poll = { polling: 100, timeout: 20_000 } as const;

describe('reader features in Chromium', () => {
  it('appearance: fonts, spacing, width, themes and colours apply at once, persist, and reach a reader in another tab', async () => {
    const fontRequests: string[] = [];
    browser.context.on('request', (r) => /\.woff2?(\?|$)/.test(r.url()) && fontRequests.push(r.url()));
    const a = await openReader(articleUrl());
    // Defaults: the bundled serif (Literata), loaded from the extension only.
    await a.waitForFunction(() => document.fonts.check('19px "Jernih Literata"') && Array.from(document.fonts).some((f) => f.family.includes('Literata') && f.status === 'loaded'), null, poll);
    expect(await style(a, '.body p', 'font-family')).toMatch(/^"Jernih Literata"/);
    const b = await openReader(articleUrl('warta.example.id'));
    await a.bringToFront();

    await a.locator('[data-panel-toggle="appearance"]').click();
    await a.locator('[data-font-option="dyslexic"]').click();
    await a.locator('[data-action="line-height-more"]').click();
    await a.locator('[data-action="line-height-more"]').click();
    await a.locator('[data-action="width-less"]').click();
    await a.locator('[data-action="letter-spacing-more"]').click();
    await a.locator('[data-action="word-spacing-more"]').click();
    await a.locator('[data-action="font-larger"]').click();
    await a.locator('[data-align-option="justify"]').click();
    await a.locator('[data-theme-option="sepia"]').click();
    await a.screenshot({ path: join(ARTIFACTS, 'features-appearance-panel.png') });

    const look = async (page: Page) => ({
      family: await style(page, '.body p', 'font-family'),
      size: await style(page, '.body p', 'font-size'),
      lineHeight: await style(page, '.body p', 'line-height'),
      letter: await style(page, '.body p', 'letter-spacing'),
      word: await style(page, '.body p', 'word-spacing'),
      align: await style(page, '.body p', 'text-align'),
      bg: await style(page, '.reader', 'background-color'),
      measure: await page.evaluate(() => (document.body.shadowRoot!.querySelector('.reader') as HTMLElement).style.getPropertyValue('--measure')),
    });
    const want = { family: expect.stringMatching(/^"Jernih OpenDyslexic"/), size: '20px', lineHeight: '38px', letter: '0.2px', word: '1px', align: 'justify', bg: 'rgb(245, 237, 220)', measure: '65ch' };
    expect(await look(a)).toEqual(want);
    // The other tab follows without a reload.
    await b.waitForFunction(() => document.body.shadowRoot!.querySelector('.reader')!.getAttribute('data-theme') === 'sepia', null, poll);
    await b.waitForFunction(() => document.body.shadowRoot!.querySelector('.reader')!.getAttribute('data-font') === 'dyslexic', null, poll);
    expect(await look(b)).toEqual(want);
    await b.bringToFront();
    await b.waitForFunction(() => Array.from(document.fonts).some((f) => f.family.includes('OpenDyslexic') && f.status === 'loaded'), null, poll);
    await a.bringToFront();
    await expect.poll(() => storedSettings(), { interval: 100, timeout: 20_000 }).toMatchObject({ version: SETTINGS_VERSION, fontFamily: 'dyslexic', lineHeight: 1.9, columnWidth: 65, letterSpacing: 0.01, wordSpacing: 0.05, align: 'justify', theme: 'sepia', fontSize: 20 });

    // Custom colours, with their contrast shown.
    await a.locator('[data-setting="custom-colors"]').check();
    await a.locator('[data-color="background"]').fill('#102030');
    await a.locator('[data-color="text"]').fill('#f0e6d2');
    expect(await style(a, '.reader', 'background-color')).toBe('rgb(16, 32, 48)');
    expect(Number(await a.locator('.contrast').getAttribute('data-contrast'))).toBeGreaterThan(10);
    await b.waitForFunction(() => getComputedStyle(document.body.shadowRoot!.querySelector('.reader')!).backgroundColor === 'rgb(16, 32, 48)', null, poll);
    await b.screenshot({ path: join(ARTIFACTS, 'features-custom-colors-other-tab.png') });
    await a.locator('[data-setting="custom-colors"]').uncheck();

    // Every theme, and the font files: all from the extension, none from the web.
    for (const theme of ['light', 'sepia', 'dark', 'black', 'contrast']) {
      await a.locator(`[data-theme-option="${theme}"]`).click();
      await b.waitForFunction((t) => document.body.shadowRoot!.querySelector('.reader')!.getAttribute('data-theme') === t, theme, poll);
    }
    expect(fontRequests.length).toBeGreaterThan(0);
    expect(fontRequests.filter((u) => !u.startsWith('chrome-extension://')), 'no font from the web').toEqual([]);
    expect(fontRequests.some((u) => /opendyslexic-latin-400-normal/.test(u))).toBe(true);
    expect(fontRequests.filter((u) => /jetbrains|atkinson|source-sans/.test(u)), 'only the chosen families').toEqual([]);
    await a.close();
    await b.close();
    await resetSettings(browser);
  });

  it('contents: a side panel on wide screens and a menu on narrow ones; links, progress and back-to-top', async () => {
    const page = await openReader(articleUrl());
    const scroller = '.reader';
    expect(await style(page, '.toc', 'display')).toBe('block');
    expect(await page.locator('[data-panel-toggle="contents"]').isVisible()).toBe(false);
    const links = await inReader(page, (r) => Array.from(r.querySelectorAll('.toc a')).map((a) => a.textContent));
    expect(links).toEqual(['Air laut masuk ke permukiman', 'Pompa air bekerja tanpa henti', 'Dapur umum dan layanan kesehatan']);
    await page.locator('.toc a', { hasText: 'Pompa air' }).click();
    // The heading comes to the top, under the toolbar (or as far as the scroller goes).
    await page.waitForFunction(() => {
      const h = Array.from(document.body.shadowRoot!.querySelectorAll('.body h2')).find((x) => x.textContent!.startsWith('Pompa'))!;
      const s = document.body.shadowRoot!.querySelector('.reader') as HTMLElement;
      const top = h.getBoundingClientRect().top;
      return (top > 40 && top < 160) || (s.scrollTop > 0 && s.scrollTop >= s.scrollHeight - s.clientHeight - 1);
    }, null, poll);
    expect(await inReader(page, (r) => (r.activeElement as HTMLElement)?.textContent)).toBe('Pompa air bekerja tanpa henti');
    await page.waitForFunction(() => document.body.shadowRoot!.querySelector('.toc a[aria-current]')?.textContent?.startsWith('Pompa'), null, poll);
    expect(Number(await page.locator('.progress').getAttribute('aria-valuenow'))).toBeGreaterThan(20);
    await page.screenshot({ path: join(ARTIFACTS, 'features-contents-wide.png') });
    await page.locator('[data-action="top"]').click();
    await page.waitForFunction((s) => (document.body.shadowRoot!.querySelector(s) as HTMLElement).scrollTop === 0, scroller, poll);

    // Narrow: the list is a menu from the toolbar; "c" opens it, Esc closes it and focus goes back.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await style(page, '.toc', 'display')).toBe('none');
    const toggle = page.locator('[data-panel-toggle="contents"]');
    expect(await toggle.isVisible()).toBe(true);
    await toggle.focus();
    await page.keyboard.press('c');
    await page.waitForFunction(() => document.body.shadowRoot!.querySelector('.toc.open') !== null, null, poll);
    expect(await style(page, '.toc', 'display')).toBe('block');
    expect(await inReader(page, (r) => r.activeElement?.closest('.toc') !== null)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'features-contents-phone.png') });
    await page.keyboard.press('Escape');
    expect(await inReader(page, (r) => r.activeElement?.getAttribute('data-panel-toggle'))).toBe('contents');
    expect(await style(page, '.toc', 'display')).toBe('none');
    expect(await readerText(page), 'Esc closed the menu, not the reader').not.toBeNull();
    await page.close();
  });

  it('keyboard alone: Tab reaches every toolbar control with a visible focus ring; "?" lists the shortcuts; keys change the view', async () => {
    const page = await openReader(articleUrl());
    const seen: { name: string; outline: string }[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const f = await inReader(page, (r) => {
        const el = r.activeElement as HTMLElement | null;
        if (!el) return null;
        const s = getComputedStyle(el);
        return { name: el.getAttribute('aria-label') || el.textContent?.trim() || '', outline: `${s.outlineStyle} ${s.outlineWidth}`, toolbar: !!el.closest('.toolbar') };
      });
      if (!f?.toolbar) break;
      seen.push(f);
    }
    // Voice and speed are in the Listen panel (issue 13), not a second icon on the bar.
    expect(seen.map((s) => s.name)).toEqual(expect.arrayContaining(['Exit reader', 'Listen', 'Appearance', 'More']));
    expect(seen.map((s) => s.name)).not.toContain('Voice and speed');
    for (const s of seen) expect(s.outline, s.name).toMatch(/^solid [1-9]/);
    await page.keyboard.press('?');
    await page.waitForSelector('[data-panel="help"]');
    const help = (await inReader(page, (r) => (r.querySelector('[data-panel="help"]') as HTMLElement).innerText))!;
    for (const k of ['Esc', '+', ']', 'T', 'C', 'L', 'Shift+L', 'P', 'X', 'Alt+Shift+R']) expect(help).toContain(k);
    await page.screenshot({ path: join(ARTIFACTS, 'features-shortcuts.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('i');
    await page.keyboard.press('=');
    await page.keyboard.press('[');
    expect(await style(page, '.body figure', 'display')).toBe('none');
    await expect.poll(() => storedSettings(), { interval: 100, timeout: 20_000 }).toMatchObject({ showImages: false, fontSize: 20, columnWidth: 65 });
    await page.keyboard.press('i');
    await page.keyboard.press('-');
    await page.keyboard.press(']');
    await page.keyboard.press('Escape');
    await waitForReader(page, false);
    await page.close();
    await resetSettings(browser);
  });

  it('read aloud (stub engine): from the top, paragraph and word highlighted, scrolls along, pause/resume/stop from toolbar and keys, voice and rate kept', async () => {
    const page = await openReader(articleUrl());
    await installSpeechStub(page, browser.extensionId, [
      { name: 'Stub Indonesia', lang: 'id-ID', voiceURI: 'stub-id-1', default: true },
      { name: 'Stub Indonesia 2', lang: 'id-ID', voiceURI: 'stub-id-2' },
      { name: 'Stub English', lang: 'en-US', voiceURI: 'stub-en' },
    ], 8);
    // Voice and speed chosen first, then kept.
    await page.locator('[data-panel-toggle="speech"]').click();
    await page.waitForFunction(() => document.body.shadowRoot!.querySelectorAll('select[data-setting="voice"] option').length === 2, null, poll);
    await page.locator('select[data-setting="voice"]').selectOption('stub-id-2');
    await page.locator('[data-action="rate-more"]').click();
    await page.locator('[data-action="rate-more"]').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => storedSettings(), { interval: 100, timeout: 20_000 }).toMatchObject({ speechVoices: { id: 'stub-id-2' }, speechRate: 1.2 });

    // The headline is read first, and quickly (a few words): record that it was highlighted instead of polling for
    // a moment a loaded machine can miss.
    await page.evaluate(() => {
      const title = document.body.shadowRoot!.querySelector('#jernih-title')!;
      const seen = () => title.classList.contains('speaking') && ((window as any).__titleSpoken = true);
      new MutationObserver(seen).observe(title, { attributes: true, attributeFilter: ['class'] });
    });
    // Listen opens the Listen panel (issue 13: voice and speed live there too); its first button reads.
    await page.locator('.toolbar [data-panel-toggle="speech"]').click();
    await page.locator('[data-action="listen"]').click();
    await page.waitForFunction(() => (window as any).__titleSpoken === true, null, poll);
    await page.waitForFunction(() => !!document.body.shadowRoot!.querySelector('.body p.speaking[data-word]'), null, poll);
    const word = await page.evaluate(() => {
      const hl = (CSS as any).highlights?.get('jernih-word');
      return hl ? String(Array.from(hl as Set<Range>)[0]) : null;
    });
    expect(word).toMatch(/^[\p{L}\d-]+$/u);
    // The scroll to the paragraph is smooth: the block being read is in view.
    await page.waitForFunction(speakingBlockInView, null, { polling: 50, timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'features-read-aloud.png') });
    const spoken = await spokenSoFar(page, browser.extensionId);
    expect(spoken[0]).toMatchObject({ text: 'Banjir Rob Rendam Pesisir Utara, Ratusan Rumah Terdampak', voice: 'stub-id-2', rate: 1.2, lang: 'id-ID' });

    // It scrolls with the reading.
    await page.waitForFunction(() => (document.body.shadowRoot!.querySelector('.reader') as HTMLElement).scrollTop > 200, null, { polling: 100, timeout: 20_000 });
    // The block being read comes into view (the scroll is smooth and the stub reads fast: on a loaded machine
    // the scroll may be a block behind at any one moment, so wait for it to catch up rather than look once).
    await page.waitForFunction(speakingBlockInView, null, { polling: 50, timeout: 20_000 });

    // Pause and resume from the Listen panel, then from the keyboard; stop with Shift+L.
    await page.locator('[data-action="listen"]').click();
    expect(await page.locator('[data-action="listen"]').getAttribute('aria-label')).toBe('Resume');
    const n = (await spokenSoFar(page, browser.extensionId)).length;
    // Nothing more can be said: the engine has no utterance going, so no timer of it is left to fire, and the
    // reader speaks only when an utterance ends or on Listen (ReadAloud in utils/reader/speech.ts has no timer).
    await until(() => speechInProgress(page, browser.extensionId), (speaking) => !speaking);
    expect((await spokenSoFar(page, browser.extensionId)).length, 'paused: nothing more is said').toBe(n);
    await page.locator('[data-action="listen"]').click();
    await page.waitForFunction(() => document.body.shadowRoot!.querySelector('[data-action="listen"]')!.getAttribute('aria-label') === 'Pause', null, poll);
    // Resumed: reading goes on (one more block at least; a fast stub may already be on the next one).
    expect((await spokenSoFar(page, browser.extensionId)).length).toBeGreaterThanOrEqual(n + 1);
    await page.keyboard.press('l');
    expect(await page.locator('[data-action="listen"]').getAttribute('aria-label')).toBe('Resume');
    await page.keyboard.press('l');
    await page.keyboard.press('Shift+L');
    await page.waitForFunction(() => !document.body.shadowRoot!.querySelector('.speaking'), null, poll);
    expect(await page.locator('[data-action="listen"]').getAttribute('aria-label')).toBe('Listen');
    await page.close();
  });

  it('read aloud tells the reader when no voice speaks the article language', async () => {
    const page = await openReader(articleUrl());
    await installSpeechStub(page, browser.extensionId, [{ name: 'Stub English', lang: 'en-US', voiceURI: 'stub-en', default: true }]);
    await page.keyboard.press('l');
    await page.waitForSelector('[data-no-voice]');
    const text = await page.locator('[data-no-voice]').innerText();
    expect(text).toContain('No voice for Indonesian');
    expect(await spokenSoFar(page, browser.extensionId)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'features-no-voice.png') });
    await page.close();
  });

  it('pick the article and remove a block: remembered as a site rule, applied next time, listed, exported and removed on the options page', async () => {
    const url = `http://catatan.example.id:${port}${BLOG_PATH}`;
    const page = await openReader(url);
    expect(await readerText(page)).toContain('Komentar pembaca');

    // Pick: the reader steps aside, a highlighter follows the pointer, a click takes the block.
    await page.keyboard.press('p');
    await waitForReader(page, false);
    await page.waitForSelector('jernih-picker', { state: 'attached' });
    await page.locator('.story h1').hover();
    await page.waitForFunction(() => !!document.querySelector('jernih-picker')?.shadowRoot?.querySelector('.pick-box:not([hidden])'), null, poll);
    await page.screenshot({ path: join(ARTIFACTS, 'features-pick.png') });
    await page.locator('.story h1').click();
    await waitForReader(page);
    let body = await inReader(page, (r) => (r.querySelector('.body') as HTMLElement).innerText);
    expect(body).toContain('Air laut naik');
    expect(body).not.toContain('Komentar pembaca');
    expect(await page.evaluate(() => document.querySelector('jernih-picker'))).toBeNull();
    await page.locator('[data-action="remember"]').click();
    await page.waitForFunction(() => document.body.shadowRoot!.querySelector('[data-action="remember"]')?.hasAttribute('disabled'), null, poll);

    // Remove: a click takes a block away, Undo brings it back.
    await page.keyboard.press('x');
    const promo = page.locator('.body :is(p, div)', { hasText: 'Sisipan promo' }).last();
    await promo.click();
    expect(await promo.isVisible()).toBe(false);
    await page.locator('.fixbar [data-action="undo"]').click();
    expect(await promo.isVisible()).toBe(true);
    await promo.click();
    await page.screenshot({ path: join(ARTIFACTS, 'features-remove.png') });
    await page.locator('[data-action="remember"]').click();
    await page.waitForFunction(() => document.body.shadowRoot!.querySelector('[data-action="remember"]')?.hasAttribute('disabled'), null, poll);
    await page.locator('[data-action="remove-done"]').click();
    const rules = (await storedSettings()).userRules;
    expect(rules).toEqual([{ host: 'catatan.example.id', body: 'div.story', remove: ['div.sisipan'], updated: expect.any(String) }]);

    // Next time: both apply before anything else.
    await page.locator('[data-action="exit"]').click();
    await waitForReader(page, false);
    await page.reload({ waitUntil: 'load' });
    await browser.clickAction(page);
    await waitForReader(page);
    body = await inReader(page, (r) => (r.querySelector('.body') as HTMLElement).innerText);
    expect(body).toContain('Air laut naik');
    expect(body).not.toContain('Komentar pembaca');
    expect(body).not.toContain('Sisipan promo');

    // The options page lists the rule, exports it as JSON, and removes it.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const row = options.locator('[data-rule="catatan.example.id"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('div.story');
    expect(await row.innerText()).toContain('div.sisipan');
    await options.screenshot({ path: join(ARTIFACTS, 'features-options-rules.png'), fullPage: true });
    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-action="export-rules"]').click()]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(download.suggestedFilename()).toBe('jernih-site-rules.json');
    expect(exported).toMatchObject({ format: 'jernih-site-rules', version: 1, rules: [{ host: 'catatan.example.id', body: 'div.story', remove: ['div.sisipan'] }] });
    await options.locator('[data-remove-rule="catatan.example.id"]').click();
    await options.waitForSelector('[data-rule]', { state: 'detached' });
    expect((await storedSettings()).userRules).toEqual([]);
    await options.close();
    await page.close();
  });

  it('the picker works from the keyboard: arrows move the highlight, Esc brings the reader back as it was', async () => {
    const page = await openReader(`http://catatan.example.id:${port}${BLOG_PATH}?k=1`);
    const before = await readerText(page);
    await page.keyboard.press('p');
    await page.waitForSelector('jernih-picker', { state: 'attached' });
    const label = () => page.evaluate(() => document.querySelector('jernih-picker')!.shadowRoot!.querySelector('.pick-status')!.textContent);
    // It starts on the block around the reader's first paragraph.
    expect(await label()).toMatch(/^div\.story · /);
    await page.keyboard.press('ArrowRight');
    expect(await label()).toMatch(/^section\.thread · /);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    expect(await label()).toMatch(/^div\.sisipan · /);
    await page.keyboard.press('ArrowUp');
    expect(await label()).toMatch(/^div\.story · /);
    await page.keyboard.press('Escape');
    await waitForReader(page);
    expect(await readerText(page)).toBe(before);
    await page.close();
  });

  it('report a problem copies a compact JSON description to the clipboard', async () => {
    const url = `${server.origin}${ARTICLE_PATH}`;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await openReader(url);
    await page.locator('[data-panel-toggle="more"]').click();
    await page.locator('[data-action="report"]').click();
    await page.waitForSelector('[data-report-status="copied"]');
    const clip = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(clip).toMatchObject({ url, rule: 'generic', lang: 'id', pages: { joined: 1 }, removed: { byYouInThisView: 0 } });
    expect(clip.firstParagraph).toMatch(/^Banjir rob kembali merendam/);
    expect(clip.lastParagraph).toMatch(/setiap tahun\.$/);
    expect(clip.kept.words).toBeGreaterThan(200);
    expect(clip.removed.links).toBeGreaterThan(0);
    expect(JSON.stringify(clip).length).toBeLessThan(3000);
    await page.screenshot({ path: join(ARTIFACTS, 'features-report.png') });
    await page.close();
  });

  it('print and "save as PDF" give the clean article only', async () => {
    const page = await openReader(articleUrl());
    await page.locator('[data-panel-toggle="appearance"]').click();
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages, 'the whole article flows over pages').toBeGreaterThanOrEqual(2);
    // What the printer sees: no toolbar, panel, contents or buttons; black on white.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const printed = await inReader(page, (r) => ({
      hidden: ['.top', '.panel', '.toc', '.to-top'].map((s) => r.querySelector(s) && getComputedStyle(r.querySelector(s)!).display),
      bg: getComputedStyle(r.querySelector('.reader')!).backgroundColor,
      color: getComputedStyle(r.querySelector('.body p')!).color,
      text: (r.querySelector('.reader') as HTMLElement).innerText,
    }));
    expect(printed.hidden.filter((d) => d !== null && d !== 'none')).toEqual([]);
    expect(printed.bg).toBe('rgb(255, 255, 255)');
    expect(printed.color).toBe('rgb(0, 0, 0)');
    expect(printed.text).toContain('Banjir rob kembali merendam');
    await page.screenshot({ path: join(ARTIFACTS, 'features-print.png') });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.close();
  });

  it('right-to-left articles read right to left', async () => {
    const page = await openReader(server.fixture('structure/rtl-arabic'));
    const rtl = await inReader(page, (r) => ({ dir: r.querySelector('article')!.getAttribute('dir'), align: getComputedStyle(r.querySelector('.body p')!).textAlign, direction: getComputedStyle(r.querySelector('.body p')!).direction }));
    expect(rtl).toEqual({ dir: 'rtl', align: 'start', direction: 'rtl' });
    await page.screenshot({ path: join(ARTIFACTS, 'features-rtl.png') });
    await page.close();
  });

  it('formulas stay in their sentences and are drawn as MathML', async () => {
    const page = await openReader(server.fixture('faithful/math-formulas'));
    const math = await inReader(page, (r) => {
      const formulas = Array.from(r.querySelectorAll('.body math'));
      const inline = formulas[0];
      const box = inline?.getBoundingClientRect();
      return {
        count: formulas.length,
        sentence: inline?.closest('p')?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 39),
        // Laid out as MathML (a box of its own with a size), not left as loose letters.
        drawn: !!box && box.width > 10 && box.height > 5 && getComputedStyle(inline!).display.includes('math'),
      };
    });
    expect(math).toEqual({ count: 4, sentence: 'When a ≠ 0 , there are two solutions to', drawn: true });
    await page.screenshot({ path: join(ARTIFACTS, 'features-math.png') });
    await page.close();
  });
});

describe('the Indonesian UI (Chromium --lang=id)', () => {
  let id: ChromiumWithExtension;
  beforeAll(async () => {
    id = await launchChromium({ extraArgs: [SITE_HOST_RULES, '--lang=id'] });
    await resetSettings(id);
  });
  afterAll(async () => id?.close());

  it('the reader, its panels and the options page speak Indonesian', async () => {
    const page = await openReader(articleUrl(), id);
    const bar = await inReader(page, (r) => (r.querySelector('.toolbar') as HTMLElement).innerText);
    expect(bar).toContain('Keluar');
    expect(bar).toContain('Dengarkan');
    expect(await readerText(page)).toMatch(/\d+ menit baca/);
    await page.locator('[data-panel-toggle="appearance"]').click();
    const panel = await inReader(page, (r) => (r.querySelector('[data-panel="appearance"]') as HTMLElement).innerText);
    for (const s of ['Tema', 'Huruf', 'Ukuran teks', 'Jarak baris', 'Lebar kolom', 'Kontras tinggi', 'Ramah disleksia', 'Tampilkan gambar']) expect(panel).toContain(s);
    await page.screenshot({ path: join(ARTIFACTS, 'features-id-appearance.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    expect(await inReader(page, (r) => (r.querySelector('[data-panel="help"]') as HTMLElement).innerText)).toContain('Pintasan papan ketik');
    await page.close();
    const options = await id.context.newPage();
    await options.goto(`chrome-extension://${id.extensionId}/options.html`);
    expect(await options.locator('h1').innerText()).not.toBe('Jernih settings');
    expect(await options.locator('#rules-h').innerText()).toBe('Aturan situs Anda');
    await options.close();
  });
});
