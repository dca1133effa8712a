/**
 * `npm run demo`: build the extension, open Chromium with it on the bundled demo article (a Kompas.com page
 * rebuilt around the user's example, served from this machine under its real address), and press the toolbar
 * button. With a display the browser stays open for you; without one (a server) the same flow runs headless,
 * writes a screenshot of the reader view, and says where the built extension is.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, SITE_HOST_RULES } from '../test/e2e/helpers/server';
import type { Page } from 'playwright-core';
import { CHROME_EXT, launchChromium, readerText, waitForReader } from '../test/e2e/helpers/chromium';

const DEMO = 'kompas/seed-putin-kim';
const root = resolve(import.meta.dirname, '..');
const headed = !!process.env.DISPLAY && !process.argv.includes('--headless');

const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: root, stdio: 'inherit' });

const server = await startServer();
const url = server.siteUrl(DEMO);
const browser = await launchChromium({ headless: !headed, extraArgs: [SITE_HOST_RULES] });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(url, { waitUntil: 'load' });
await openReader(page);
const shown = (await readerText(page)) ?? '';
console.log(`Reader view: ${shown.split(/\s+/).filter(Boolean).length} words on screen; headline: ${await page.evaluate(() => document.body.shadowRoot?.querySelector('h1')?.textContent?.trim() ?? '(none)')}`);

console.log(`\nDemo article: ${url}`);
console.log(`Built extension (load it by hand as an unpacked extension):\n  Chromium: ${CHROME_EXT}\n  Firefox:  ${resolve(root, '.output/firefox-mv2')} (about:debugging → Load Temporary Add-on → manifest.json)`);

if (headed) {
  console.log('\nThe reader view is open. Press Esc or the toolbar button to see the original page. Close the browser to end.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
} else {
  const dir = resolve(root, 'test-results');
  mkdirSync(dir, { recursive: true });
  const shot = resolve(dir, 'demo-reader.png');
  await page.screenshot({ path: shot, caret: 'initial' });
  const phone = resolve(dir, 'demo-reader-phone.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: phone, caret: 'initial' });
  console.log(`\nNo display: ran headless. Screenshots of the reader view:\n  ${shot}\n  ${phone}`);
  await browser.close();
}
await server.close();

/**
 * The demo article is on a supported site, so auto-clean may already have opened the reader (or may still be
 * opening it, on a busy machine); pressing the button then would close it again. So: wait until auto-clean has
 * finished (it hides the page until it is done), give a reader that is on its way a moment, and press the button
 * only when the reader is not open.
 */
async function openReader(tab: Page): Promise<void> {
  await tab.waitForFunction(() => getComputedStyle(document.documentElement).visibility !== 'hidden', null, { timeout: 30_000, polling: 100 });
  const open = await waitForReader(tab, true, 3_000).then(() => true, () => false);
  if (open) {
    console.log('Auto-clean opened the reader on this supported site by itself.');
    return;
  }
  await browser.clickAction(tab);
  await waitForReader(tab);
  console.log('Pressed the toolbar button: the reader is open.');
}
