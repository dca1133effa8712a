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
import { until } from './wait';

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
  /**
   * One of the extension's own pages (e.g. '/library.html?view=tab'), opened in a new tab by the extension. WebDriver
   * BiDi refuses to navigate to a moz-extension:// URL, and a web page may not link to one that is not
   * web-accessible, so the tab is opened from the welcome page the extension shows on install (see `home`).
   * Puppeteer keeps such a page's url() at about:blank: ask the page for location.href.
   */
  extensionPage(path: string): Promise<Page>;
  /**
   * The welcome tab the extension opened when it was installed: an extension page, always there, where a test
   * can call the WebExtension API (browser.storage.local, browser.windows...) as the extension's pages do.
   */
  home(): Promise<Page>;
  close(): Promise<void>;
}

/** Firefox's own language packs: Debian's firefox-esr-l10n-<lang> puts them here (the application scope). */
export const hasLangpack = (lang: string): boolean => existsSync(`/usr/lib/firefox-esr/browser/extensions/langpack-${lang}@firefox-esr.mozilla.org.xpi`);

export interface LaunchOptions {
  /**
   * The app locale (Firefox's UI language, which browser.i18n follows): 'en-US' unless said. Another one needs its
   * language pack installed in the application (Debian: firefox-esr-l10n-<lang>, see hasLangpack); puppeteer's
   * profile enables that scope (extensions.enabledScopes 5), so intl.locale.requested alone switches.
   */
  locale?: string;
  /** The unpacked add-on to install: the e2e build unless said (FIREFOX_EXT is the build people install). */
  extension?: string;
  /** More Firefox preferences for this run (e.g. a phone's pointer: phone.firefox.test.ts). */
  prefs?: Record<string, string | number | boolean>;
}

/** A page's own address (puppeteer's url() stays about:blank for pages the extension opened), or '' while it is changing. */
export const hrefOf = (page: Page): Promise<string> => page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');

/** The first open page whose own address passes `test` and has finished loading (see hrefOf), waited for up to `ms`. */
export async function findPage(browser: Browser, test: (href: string) => boolean, what: string, ms = 30_000, skip: ReadonlySet<Page> = new Set()): Promise<Page> {
  const found = await until(
    async () => {
      for (const page of await browser.pages()) {
        if (!skip.has(page) && !page.isClosed() && test(await hrefOf(page))) return page;
      }
      return null;
    },
    (page) => page !== null,
    ms,
    what,
  );
  return found!;
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxWithExtension> {
  const extension = options.extension ?? FIREFOX_E2E_EXT;
  const locale = options.locale ?? 'en-US';
  const manifestPath = join(extension, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`Build the Firefox add-on first (npx wxt build -b firefox --mode e2e, or -b firefox): ${extension} is missing`);
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
      'intl.locale.requested': locale,
      'intl.accept_languages': locale === 'en-US' ? 'en-US, en' : `${locale}, en`,
      // Offline and quiet: no first-run pages, no update or telemetry pings.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      ...options.prefs,
    },
  });
  try {
    const installed = await browser.installExtension(extension);
    if (installed !== addonId) throw new Error(`installed add-on ${installed}, expected ${addonId}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${uuid}`;
  let welcome: Page | undefined;
  const home = async () => {
    if (!welcome || welcome.isClosed()) welcome = await findPage(browser, (href) => href === `${origin}/welcome.html`, 'the welcome page the extension opens on install');
    return welcome;
  };
  return {
    browser,
    addonId,
    uuid,
    newPage: () => browser.newPage(),
    home,
    async extensionPage(path) {
      const url = `${origin}${path}`;
      const from = await home();
      const before = new Set(await browser.pages());
      await from.evaluate((u) => (globalThis as unknown as { browser: { tabs: { create(o: { url: string }): Promise<unknown> } } }).browser.tabs.create({ url: u }).then(() => null), url);
      const page = await findPage(browser, (href) => href === url, `the extension page ${path}`, 30_000, before);
      // The same size as the pages a test opens itself (a tab the extension opens gets the window's size).
      await page.setViewport({ width: 1280, height: 900 });
      return page;
    },
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

/** Waits for the reader to be open (or closed); 30 s, as in Chromium: a first open on a loaded machine can take over 10 s. */
export async function waitForReader(page: Page, open = true, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (want) => (document.body?.id === 'jernih-reader' && !!document.body.shadowRoot?.querySelector('.reader .body')) === want,
    { timeout, polling: 100 },
    open,
  );
}
