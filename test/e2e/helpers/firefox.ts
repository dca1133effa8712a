/**
 * Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi (no geckodriver; recipe:
 * shared/notes/toolchain.md §6), with the e2e Firefox build installed as a temporary add-on.
 *
 * Firefox gives a test no way to press the toolbar button, and activeTab needs that gesture, so the toggle goes
 * through the TEST-ONLY trigger of the e2e build (`wxt build -b firefox --mode e2e`): a page event that the
 * e2e content script turns into the background's own toggle(tabId). Normal builds have no such trigger.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const OUTPUT = resolve(import.meta.dirname, '..', '..', '..', '.output');
/** The e2e build: the normal Firefox build plus the test trigger and host permissions for the test hosts. */
export const FIREFOX_E2E_EXT = join(OUTPUT, 'firefox-mv2-e2e');
/** The build people install (what web-ext lint checks). */
export const FIREFOX_EXT = join(OUTPUT, 'firefox-mv2');

export interface FirefoxWithExtension {
  browser: Browser;
  addonId: string;
  /** The moz-extension:// host, fixed through extensions.webextensions.uuids. */
  uuid: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxWithExtension> {
  const manifestPath = join(FIREFOX_E2E_EXT, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`Build the e2e Firefox add-on first (npx wxt build -b firefox --mode e2e): ${FIREFOX_E2E_EXT} is missing`);
  const addonId: string = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      // Every host name resolves to this machine: the site fixtures load under their real host names (like
      // Chromium's SITE_HOST_RULES), and nothing reaches the web. It also makes pages that reference outside
      // images load in ~0.2 s instead of waiting ~5 s for DNS to fail.
      'network.dns.forceResolve': '127.0.0.1',
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US, en',
      // Offline and quiet: no first-run pages, no update or telemetry pings.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  try {
    const installed = await browser.installExtension(FIREFOX_E2E_EXT);
    if (installed !== addonId) throw new Error(`installed add-on ${installed}, expected ${addonId}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    addonId,
    uuid,
    newPage: () => browser.newPage(),
    close: () => browser.close(),
  };
}

/** What the background's toggle answered (ReaderReply), e.g. { state: 'opened' }. */
export type ToggleReply = { state: string; message?: string } | null;

/**
 * The same toggle the toolbar button, Alt+Shift+R and the context menu run, for this page's tab: through the
 * e2e build's page event, answered by 'jernih:e2e-toggled'.
 */
export async function toggleReader(page: Page): Promise<ToggleReply> {
  const detail = await page.evaluate(
    () =>
      new Promise<string>((ok, fail) => {
        const timer = setTimeout(() => fail(new Error('no answer to jernih:e2e-toggle: is this the e2e build?')), 10_000);
        window.addEventListener(
          'jernih:e2e-toggled',
          (event) => {
            clearTimeout(timer);
            ok(String((event as CustomEvent).detail));
          },
          { once: true },
        );
        window.dispatchEvent(new CustomEvent('jernih:e2e-toggle'));
      }),
  );
  return JSON.parse(detail) as ToggleReply;
}

/** sha256 of the page's whole DOM, hashed in Node (http pages on 127.0.0.1 may lack crypto.subtle). */
export async function domDigest(page: Page): Promise<string> {
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  return createHash('sha256').update(html).digest('hex');
}

/** Text of the reader view (inside the shadow root), or null when the reader is not open. */
export async function readerText(page: Page, part: '.reader' | '.body' = '.reader'): Promise<string | null> {
  return page.evaluate((sel) => {
    const host = document.body;
    if (host?.id !== 'jernih-reader' || !host.shadowRoot) return null;
    return (host.shadowRoot.querySelector(sel) as HTMLElement | null)?.innerText ?? null;
  }, part);
}

export async function waitForReader(page: Page, open = true): Promise<void> {
  await page.waitForFunction(
    (want) => (document.body?.id === 'jernih-reader' && !!document.body.shadowRoot?.querySelector('.reader .body')) === want,
    { timeout: 10_000, polling: 100 },
    open,
  );
}
