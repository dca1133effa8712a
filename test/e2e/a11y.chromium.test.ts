/**
 * Accessibility of the built extension in Chromium: axe-core (pinned npm package) runs on the reader's shadow
 * root in every theme, at desktop and phone widths, with its panels and fix bar open, and on the options page.
 * Any serious or critical violation fails. Screenshots of every theme at both widths go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, SITE_HOST_RULES, type TestServer } from './helpers/server';
import { SITE_RULES } from '../../utils/extract/sites';
import { THEMES } from '../../utils/settings';
import { launchChromium, waitForReader, type ChromiumWithExtension } from './helpers/chromium';
import { ARTICLE_PATH, articleHtml, startImageServer } from './helpers/reader-pages';

const ARTIFACTS = resolve(import.meta.dirname, '..', '..', 'test-results');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server: TestServer;
let images: Awaited<ReturnType<typeof startImageServer>>;
let browser: ChromiumWithExtension;
let url = '';

interface Violation { id: string; impact: string | null; help: string; nodes: { target: unknown; failureSummary?: string }[] }

/** Runs axe on the reader (the shadow host and everything in its open shadow root), or on the whole page. */
async function axe(page: Page, scope: 'reader' | 'page'): Promise<Violation[]> {
  // Evaluated over CDP: extension pages forbid inline scripts (CSP), and this bypasses that.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(async (s) => {
    const context = s === 'reader' ? { include: [['#jernih-reader']] } : document;
    const r = await (window as any).axe.run(context, { resultTypes: ['violations'] });
    (window as any).__axeChecked = r.passes.reduce((n: number, p: any) => n + p.nodes.length, 0) + r.incomplete.length;
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, scope);
  return result as Violation[];
}

const serious = (vs: Violation[]) =>
  vs.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} @ ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))} ${v.nodes[0]?.failureSummary ?? ''}`);

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
          // axe checks colour contrast only for what is in view inside the reader's scroller: top, middle, end.
          for (const at of [0.5, 1, 0]) {
            await page.evaluate((f) => {
              const s = document.body.shadowRoot!.querySelector('.reader') as HTMLElement;
              s.scrollTo(0, (s.scrollHeight - s.clientHeight) * f);
            }, at);
            await page.waitForTimeout(120);
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
