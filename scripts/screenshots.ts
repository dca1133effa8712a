/**
 * `npm run screenshots`: PNGs of the built extension for the README, written to docs/screenshots/: the reader in
 * every theme at desktop (1280) and phone (390) widths, the appearance panel, the contents menu on a phone, and
 * the options page. Headless Debian Chromium, the real toolbar button, an Indonesian article served from this
 * machine (test/e2e/helpers/reader-pages.ts). `--no-build` reuses .output/chrome-mv3.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, SITE_HOST_RULES } from '../test/e2e/helpers/server';
import { launchChromium, waitForReader } from '../test/e2e/helpers/chromium';
import { ARTICLE_PATH, articleHtml, startImageServer } from '../test/e2e/helpers/reader-pages';
import { SITE_RULES } from '../utils/extract/sites';
import { THEMES, type Theme } from '../utils/settings';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'docs', 'screenshots');
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
mkdirSync(out, { recursive: true });

const server = await startServer();
const images = await startImageServer();
server.page(ARTICLE_PATH, articleHtml(images.port));
const url = `http://wartapesisir.example.id:${new URL(server.origin).port}${ARTICLE_PATH}`;
const browser = await launchChromium({ extraArgs: [SITE_HOST_RULES] });
const written: string[] = [];

const settings = (patch: Record<string, unknown>) =>
  browser.worker.evaluate(
    (p) => (globalThis as any).chrome.storage.local.set({ settings: { version: 3, autoCleanOff: p.off, ...p.patch } }),
    { off: SITE_RULES.map((r) => r.id), patch },
  );

async function shot(page: Page, name: string, fullPage = false) {
  const path = join(out, `${name}.png`);
  // Let fonts and the settled layout paint before the picture.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  await page.screenshot({ path, fullPage, caret: 'initial' });
  written.push(path);
}

try {
  await settings({});
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await browser.clickAction(page);
  await waitForReader(page);
  for (const theme of THEMES as readonly Theme[]) {
    // Auto follows the system: shown under a dark system preference (light looks like the light theme).
    await page.emulateMedia({ colorScheme: theme === 'auto' ? 'dark' : 'light' });
    await settings({ theme });
    await page.waitForFunction((t) => document.body.shadowRoot?.querySelector('.reader')?.getAttribute('data-theme') === t, theme, { polling: 100 });
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      await shot(page, `reader-${theme}-${size}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await settings({ theme: 'sepia' });
  await page.setViewportSize(SIZES.desktop);
  await page.locator('[data-panel-toggle="appearance"]').click();
  await shot(page, 'reader-appearance-panel');
  await page.keyboard.press('Escape');
  await page.setViewportSize(SIZES.phone);
  await page.keyboard.press('c');
  await page.waitForSelector('.toc.open');
  await shot(page, 'reader-contents-phone');
  await page.keyboard.press('Escape');
  await settings({});
  await page.close();

  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 1000, height: 800 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.waitForSelector('h1');
  await shot(options, 'options', true);
  await options.close();
} finally {
  await browser.close();
  await server.close();
  await images.close();
}
console.log(`${written.length} screenshots in ${out}:\n${written.map((p) => `  ${p.slice(root.length + 1)}`).join('\n')}`);
