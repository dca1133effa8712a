/**
 * Accessibility of the built extension in Chromium: axe-core (pinned npm package) runs on the reader's shadow
 * root in every theme, at desktop and phone widths, with its panels and fix bar open, and on the options page.
 * Any serious or critical violation fails. Screenshots of every theme at both widths go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, SITE_HOST_RULES, type TestServer } from './helpers/server';
import { SITE_RULES } from '../../utils/extract/sites';
import { THEMES } from '../../utils/settings';
import { launchChromium, waitForReader, type ChromiumWithExtension } from './helpers/chromium';
import { axeViolations, describeViolations, seriousOnly, type Violation } from './helpers/axe';
import { ARTICLE_PATH, articleHtml, startImageServer, toolbarFitted } from './helpers/reader-pages';
import { animationsFinished, framesRendered } from './helpers/wait';

/** The reader-feature article with linked pictures in its body, as news sites have them (issue 13, point 9). */
const LINKED_PATH = '/2024/05/03/foto-banjir-rob';
const linkedPicturesHtml = (imagePort: number) => {
  const pic = (name: string, alt?: string) => `<img src="http://foto.example.id:${imagePort}/${name}.svg"${alt === undefined ? '' : ` alt="${alt}"`} width="1200" height="675">`;
  const figures = [
    // A link to the full-size picture, with an empty alt and a caption (the Guardian's pattern).
    `<figure><a href="http://foto.example.id:${imagePort}/besar/pompa.svg">${pic('pompa', '')}</a><figcaption>Petugas memompa air dari permukiman warga.</figcaption></figure>`,
    // A link to a gallery page, the picture without alt, a caption.
    `<figure><a href="/galeri/banjir-rob">${pic('galeri')}</a><figcaption>Galeri foto banjir rob di pesisir utara.</figcaption></figure>`,
    // A link around a picture with no alt and no caption.
    `<figure><a href="/foto/dapur-umum">${pic('dapur', '')}</a></figure>`,
    // A picture whose alt names the link.
    `<figure><a href="/foto/posko">${pic('posko', 'Posko kesehatan di balai warga')}</a><figcaption>Posko kesehatan.</figcaption></figure>`,
  ];
  let n = 0;
  return articleHtml(imagePort)
    .replace(ARTICLE_PATH, LINKED_PATH)
    .replace(/<\/p><h2>/g, (m) => (n < figures.length ? `</p>${figures[n++]}<h2>` : m))
    .replace('</div></article>', `${figures.slice(n).join('')}</div></article>`);
};

interface Unnamed { role: string; html: string }

/**
 * Controls in the page's accessibility tree (Chromium's own computation, closed shadow roots included) that have
 * no accessible name: buttons, links, fields, every role a person operates.
 */
async function unnamedControls(page: Page): Promise<Unnamed[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[];
    };
    const OPERATED = /^(button|link|checkbox|switch|radio|combobox|textbox|searchbox|slider|spinbutton|menuitem|menuitemcheckbox|menuitemradio|tab|listbox|option)$/;
    const out: Unnamed[] = [];
    for (const n of nodes) {
      if (n.ignored || !OPERATED.test(n.role?.value ?? '') || (n.name?.value ?? '').trim()) continue;
      let html = '?';
      if (n.backendDOMNodeId) {
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: n.backendDOMNodeId });
        const r = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: 'function () { return this.outerHTML.slice(0, 160); }', returnByValue: true });
        html = String(r.result.value);
      }
      out.push({ role: n.role!.value, html });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

const ARTIFACTS = resolve(import.meta.dirname, '..', '..', 'test-results');
let server: TestServer;
let images: Awaited<ReturnType<typeof startImageServer>>;
let browser: ChromiumWithExtension;
let url = '';

const axe = axeViolations;
const serious = (vs: Violation[]) => describeViolations(seriousOnly(vs), true);

const setTheme = async (page: Page, theme: string) => {
  await browser.worker.evaluate(async (t) => {
    const c = (globalThis as any).chrome;
    const { settings } = await c.storage.local.get('settings');
    await c.storage.local.set({ settings: { ...settings, theme: t } });
  }, theme);
  await page.waitForFunction((t) => document.body.shadowRoot?.querySelector('.reader')?.getAttribute('data-theme') === t, theme, { polling: 100 });
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  images = await startImageServer();
  server.page(ARTICLE_PATH, articleHtml(images.port));
  server.page(LINKED_PATH, linkedPicturesHtml(images.port));
  url = `http://berita.example.id:${new URL(server.origin).port}${ARTICLE_PATH}`;
  browser = await launchChromium({ extraArgs: [SITE_HOST_RULES] });
  await browser.worker.evaluate((off) => (globalThis as any).chrome.storage.local.set({ settings: { version: 3, autoCleanOff: off } }), SITE_RULES.map((r) => r.id));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await images?.close();
});

describe('accessibility (axe-core) in Chromium', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await browser.clickAction(page);
    await waitForReader(page);
  });
  afterAll(async () => page?.close());

  for (const theme of THEMES) {
    for (const scheme of theme === 'auto' ? (['light', 'dark'] as const) : (['light'] as const)) {
      it(`the reader in the ${theme} theme${theme === 'auto' ? ` (system ${scheme})` : ''}: no serious or critical violation, desktop and phone`, async () => {
        await page.emulateMedia({ colorScheme: scheme });
        await setTheme(page, theme);
        const name = `${theme}${theme === 'auto' ? `-${scheme}` : ''}`;
        for (const [label, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]] as const) {
          await page.setViewportSize({ width, height });
          await page.waitForFunction(toolbarFitted, null, { polling: 100, timeout: 20_000 });
          // axe checks colour contrast only for what is in view inside the reader's scroller: top, middle, end.
          for (const at of [0.5, 1, 0]) {
            await page.evaluate((f) => {
              const s = document.body.shadowRoot!.querySelector('.reader') as HTMLElement;
              s.scrollTo(0, (s.scrollHeight - s.clientHeight) * f);
            }, at);
            // The reader has handled the scroll (its progress bar and contents follow in an animation frame) and
            // the progress bar's transition is over: axe reads colours from what is painted.
            await framesRendered(page);
            await animationsFinished(page);
            expect(serious(await axe(page, 'reader')), `${name} ${label} at ${at}`).toEqual([]);
          }
          expect(await page.evaluate(() => (window as any).__axeChecked), 'axe saw the shadow root').toBeGreaterThan(20);
          await page.screenshot({ path: join(ARTIFACTS, `a11y-reader-${name}-${label}.png`) });
        }
        await page.setViewportSize({ width: 1280, height: 900 });
      });
    }
  }

  it('with each panel open, in light and dark: appearance, voice, more, shortcuts, contents menu, remove-blocks bar', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    for (const theme of ['light', 'dark', 'contrast']) {
      await setTheme(page, theme);
      for (const key of ['a', 'm', '?']) {
        await page.keyboard.press(key);
        await page.waitForFunction(() => !!document.body.shadowRoot!.querySelector('[data-panel-open]'), null, { polling: 100 });
        expect(serious(await axe(page, 'reader')), `${theme} panel ${key}`).toEqual([]);
        await page.keyboard.press('Escape');
      }
      await page.locator('[data-panel-toggle="speech"]').click();
      await page.waitForSelector('[data-panel="speech"]');
      expect(serious(await axe(page, 'reader')), `${theme} voice panel`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('x');
      await page.waitForSelector('.fixbar');
      expect(serious(await axe(page, 'reader')), `${theme} remove bar`).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `a11y-remove-bar-${theme}.png`) });
      await page.keyboard.press('Escape');
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.keyboard.press('c');
    await page.waitForSelector('.toc.open');
    expect(serious(await axe(page, 'reader')), 'contents menu').toEqual([]);
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 900 });
    await setTheme(page, 'auto');
  });

  it('every control of the reader, its panels and the article has a name, at desktop and phone widths (Chromium\'s accessibility tree)', async () => {
    const linked = await browser.context.newPage();
    await linked.goto(`http://berita.example.id:${new URL(server.origin).port}${LINKED_PATH}`, { waitUntil: 'load' });
    await browser.clickAction(linked);
    await waitForReader(linked);
    expect(await linked.evaluate(() => document.body.shadowRoot!.querySelectorAll('.body a[href] img').length), 'the linked pictures reached the reader').toBeGreaterThanOrEqual(3);
    for (const [label, width, height] of [['desktop', 1280, 900], ['phone', 360, 780]] as const) {
      await linked.setViewportSize({ width, height });
      await linked.waitForFunction((w) => innerWidth === w, width, { polling: 100 });
      expect(await unnamedControls(linked), `${label}: the reader`).toEqual([]);
      for (const key of ['a', 'm', '?']) {
        await linked.keyboard.press(key);
        await linked.waitForFunction(() => !!document.body.shadowRoot!.querySelector('[data-panel-open]'), null, { polling: 100 });
        expect(await unnamedControls(linked), `${label}: panel ${key}`).toEqual([]);
        await linked.keyboard.press('Escape');
      }
      // Listen is on the bar, or in More when the bar has no room for it.
      if (await linked.evaluate(() => !!document.body.shadowRoot!.querySelector('.toolbar [data-panel-toggle="speech"]'))) {
        await linked.locator('.toolbar [data-panel-toggle="speech"]').click();
      } else {
        await linked.locator('.toolbar [data-panel-toggle="more"]').click();
        await linked.locator('[data-panel="more"] [data-panel-toggle="speech"]').click();
      }
      await linked.waitForSelector('[data-panel="speech"]');
      expect(await unnamedControls(linked), `${label}: the Listen panel`).toEqual([]);
      await linked.keyboard.press('Escape');
      // On a phone every bar control shows only its icon: its name is its tooltip (long-press, hover) as well.
      const bare = await linked.evaluate(() =>
        Array.from(document.body.shadowRoot!.querySelectorAll('.toolbar button'))
          .filter((b) => b.getClientRects().length && !(b as HTMLElement).innerText.trim() && !(b.getAttribute('title') ?? '').startsWith(b.getAttribute('aria-label') ?? '\u0000'))
          .map((b) => b.outerHTML.slice(0, 120)),
      );
      expect(bare, `${label}: icon-only bar buttons whose tooltip is not their name`).toEqual([]);
    }
    // The "Voice and speed" control is no second icon on the bar: it is part of the Listen panel.
    await linked.setViewportSize({ width: 1280, height: 900 });
    expect(await linked.evaluate(() => document.body.shadowRoot!.querySelectorAll('.toolbar [data-panel-toggle="speech"]').length)).toBe(1);
    expect(await linked.evaluate(() => document.body.shadowRoot!.querySelectorAll('.toolbar [data-action="listen"]').length), 'play is in the Listen panel').toBe(0);
    await linked.locator('.toolbar [data-panel-toggle="speech"]').click();
    await linked.waitForSelector('[data-panel="speech"] [data-action="listen"]');
    expect(await linked.locator('#panel-speech-title').innerText()).toBe('Listen');
    await linked.keyboard.press('Escape');
    // Linked pictures are no unnamed tab stops: every link in the article that takes Tab has a name.
    const stops = await linked.evaluate(() =>
      Array.from(document.body.shadowRoot!.querySelectorAll('.body a[href]'))
        .filter((a) => (a as HTMLElement).tabIndex >= 0 && a.getAttribute('aria-hidden') !== 'true')
        .map((a) => ({ name: a.getAttribute('aria-label') ?? (a as HTMLElement).innerText.trim() ?? '', alt: Array.from(a.querySelectorAll('img')).map((i) => i.alt).join(' ') }))
        .filter((x) => !x.name && !x.alt.trim()),
    );
    expect(stops, 'links in the article that take Tab and have no name').toEqual([]);
    await linked.close();
  });

  it('the options page: no serious or critical violation, light and dark', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('h1');
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      expect(serious(await axe(options, 'page')), scheme).toEqual([]);
      await options.screenshot({ path: join(ARTIFACTS, `a11y-options-${scheme}.png`), fullPage: true });
    }
    await options.close();
  });
});

const poll = { polling: 100, timeout: 20_000 } as const;

/** Two articles in the library, saved from the reader (once per browser). */
let saved = false;
async function saveTwoArticles(): Promise<void> {
  if (saved) return;
  const port = new URL(server.origin).port;
  for (const path of [ARTICLE_PATH, LINKED_PATH]) {
    const page = await browser.context.newPage();
    await page.goto(`http://berita.example.id:${port}${path}?saved`, { waitUntil: 'load' });
    await browser.clickAction(page);
    await waitForReader(page);
    await page.locator('.toolbar [data-action="save"]').click();
    await page.waitForFunction(() => document.body.shadowRoot!.querySelector('[data-action="save"]')?.getAttribute('aria-pressed') === 'true', null, poll);
    await page.close();
  }
  saved = true;
}

describe('keyboard in the library popup', () => {
  it('Tab from the first row goes through the row\'s actions and on to the next control, never to <body>', async () => {
    await saveTwoArticles();
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 590 });
    await popup.goto(`chrome-extension://${browser.extensionId}/library.html`);
    await popup.waitForFunction(() => document.querySelectorAll('.row').length >= 2, null, poll);
    await popup.locator('.row .open').first().focus();
    const where = () =>
      popup.evaluate(() => {
        const a = document.activeElement;
        if (!a || a === document.body || a === document.documentElement) return 'body';
        const row = a.closest('.row') as HTMLElement | null;
        return `${row ? `row${row.dataset.index}:` : ''}${a.getAttribute('data-action') ?? (a.classList.contains('open') ? 'open' : a.tagName.toLowerCase())}`;
      });
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await popup.keyboard.press('Tab');
      seen.push(await where());
    }
    expect(seen, 'Tab never leaves the popup for <body>').not.toContain('body');
    expect(seen.slice(0, 3).sort(), 'Tab goes through the first row\'s actions first').toEqual(['row0:delete', 'row0:tags', 'row0:toggle-read']);
    expect(seen[3].startsWith('row0:'), 'then on to the next control').toBe(false);
    // And back with Shift+Tab.
    await popup.locator('.row .open').first().focus();
    await popup.keyboard.press('Shift+Tab');
    expect(await where()).not.toBe('body');
    await popup.close();
  });
});

describe('axe: no violation of any impact (issue 13)', () => {
  const all = (vs: Violation[]) => vs.map((v) => `${v.impact} ${v.id}: ${v.help} @ ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);

  it('the reader (toolbar and More, a page with linked pictures), desktop and phone, light and dark', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://berita.example.id:${new URL(server.origin).port}${LINKED_PATH}?axe-all`, { waitUntil: 'load' });
    await browser.clickAction(page);
    await waitForReader(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [label, width, height] of [['desktop', 1280, 900], ['phone', 360, 780]] as const) {
        await page.setViewportSize({ width, height });
        await page.waitForFunction((w) => innerWidth === w, width, poll);
        await page.waitForFunction(toolbarFitted, null, poll);
        expect(all(await axe(page, 'reader')), `${scheme} ${label}`).toEqual([]);
        await page.keyboard.press('m');
        await page.waitForSelector('[data-panel="more"]');
        expect(all(await axe(page, 'reader')), `${scheme} ${label} More`).toEqual([]);
        await page.keyboard.press('Escape');
      }
    }
    await page.close();
  });

  for (const [name, path, viewport] of [
    ['the popup', 'library.html', { width: 400, height: 590 }],
    ['the library tab', 'library.html?view=tab', { width: 1280, height: 900 }],
    ['the options page', 'options.html', { width: 1280, height: 900 }],
  ] as const) {
    it(`${name}, light and dark`, async () => {
      await saveTwoArticles();
      const page = await browser.context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await page.waitForSelector(path.startsWith('library') ? '.row' : 'h1', poll);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(all(await axe(page, 'page')), `${name} ${scheme}`).toEqual([]);
      }
      await page.close();
    });
  }
});
