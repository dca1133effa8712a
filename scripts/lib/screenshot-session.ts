/**
 * What the screenshot scripts share (`npm run screenshots`: the README set, and its `--store` mode): the build, the
 * Indonesian article served from this machine under a made-up host (test/e2e/helpers/reader-pages.ts), the built
 * extension in headless Debian Chromium with the real toolbar button, settings written as the extension stores
 * them, and pictures taken once fonts and layout have settled.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, SITE_HOST_RULES } from '../../test/e2e/helpers/server';
import { launchChromium, waitForReader, type ChromiumWithExtension } from '../../test/e2e/helpers/chromium';
import { ARTICLE_PATH, articleHtml, startImageServer } from '../../test/e2e/helpers/reader-pages';
import type { Theme } from '../../utils/settings';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DESKTOP = { width: 1280, height: 800 } as const;

/** `npx wxt build` (Chrome), unless `--no-build` asks to reuse .output/chrome-mv3. Exits when the build fails. */
export function buildUnlessReused(argv: readonly string[] = process.argv): void {
  if (argv.includes('--no-build')) return;
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

export interface ShotSession {
  browser: ChromiumWithExtension;
  /** The Indonesian demo article ("Banjir Rob Rendam Pesisir Utara", Warta Pesisir) on its made-up host. */
  articleUrl: string;
  /** Writes the settings: `base` (of startSession) and `patch` over the defaults, as one stored object. */
  settings(patch?: Record<string, unknown>): Promise<void>;
  /** A new tab at `viewport` on the article, the toolbar button pressed, the reader painted. */
  openReader(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startSession(opts: { lang?: string; base?: Record<string, unknown> } = {}): Promise<ShotSession> {
  const server = await startServer();
  const images = await startImageServer();
  server.page(ARTICLE_PATH, articleHtml(images.port));
  const articleUrl = `http://wartapesisir.example.id:${new URL(server.origin).port}${ARTICLE_PATH}`;
  // --lang=id after the helper's --lang=en-US: the later switch wins (the Indonesian UI tests start it so too).
  const browser = await launchChromium({ extraArgs: [SITE_HOST_RULES, ...(opts.lang ? [`--lang=${opts.lang}`] : [])] });
  const base = opts.base ?? {};
  return {
    browser,
    articleUrl,
    settings: (patch = {}) =>
      // version 3: the stored shape these fields have had since then; the extension migrates it on read.
      browser.worker.evaluate((s) => (globalThis as any).chrome.storage.local.set({ settings: { version: 3, ...s } }), { ...base, ...patch }),
    async openReader(viewport = DESKTOP) {
      const page = await browser.context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(articleUrl, { waitUntil: 'load' });
      await browser.clickAction(page);
      await waitForReader(page);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await images.close();
    },
  };
}

/** Waits until the open reader shows `theme` (its data-theme; the settings change reaches it through storage). */
export async function readerShowsTheme(page: Page, theme: Theme): Promise<void> {
  await page.waitForFunction((t) => document.body.shadowRoot?.querySelector('.reader')?.getAttribute('data-theme') === t, theme, {
    polling: 100,
    timeout: 20_000,
  });
}

/**
 * Waits for what a picture must not catch half done: fonts loaded, CSS animations and transitions over (the
 * document's and the reader's shadow root's; a panel slides in; endless ones, a spinner, never end), and two
 * frames painted.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(
    () =>
      [document, document.body?.shadowRoot].every(
        (root) => !root || root.getAnimations().every((a) => a.playState === 'finished' || a.effect?.getComputedTiming().endTime === Infinity),
      ),
    null,
    { polling: 100, timeout: 20_000 },
  );
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** A settled picture of `page` at `path` (the whole page with fullPage; a part of the view with clip). */
export async function shot(
  page: Page,
  path: string | undefined,
  opts: { fullPage?: boolean; clip?: { x: number; y: number; width: number; height: number } } = {},
): Promise<Buffer> {
  await settle(page);
  return page.screenshot({ path, caret: 'initial', ...opts });
}
