/**
 * Reading the reader and the extension's state in Firefox ESR tests (puppeteer-core over WebDriver BiDi). The e2e
 * build opens the reader's shadow root to tests (document.body.shadowRoot); the build people install keeps it closed.
 */
import { afterAll, beforeAll } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { FIREFOX, type FirefoxWithExtension } from './firefox';
import { startServer, type TestServer } from './server';

export const ARTIFACTS = resolve(import.meta.dirname, '..', '..', '..', 'test-results');

/**
 * For a Firefox test file: whether this machine has Firefox (warns when the file's tests will be skipped), and the
 * test server started before its tests and stopped after them (given to `onStart`).
 */
export function firefoxTestServer(file: string, onStart: (server: TestServer) => void): boolean {
  const hasFirefox = existsSync(FIREFOX);
  if (!hasFirefox) console.warn(`[${file}] SKIPPED: ${FIREFOX} not found (apt-get install firefox-esr, or set FIREFOX_PATH)`);
  let server: TestServer | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    if (hasFirefox) onStart((server = await startServer()));
  });
  afterAll(async () => {
    await server?.close();
  });
  return hasFirefox;
}

export const poll = { polling: 100, timeout: 30_000 } as const;

/** Text with the narrow and no-break spaces that Intl puts in dates made plain, so they compare as written. */
export const spaces = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

// --- in the reader (its UI is in the shadow root on document.body) ----------------------------------------------

export const bylineDate = (page: Page) =>
  page.evaluate(() => {
    const time = document.body.shadowRoot?.querySelector('time.date');
    return { text: time?.textContent ?? null, datetime: time?.getAttribute('datetime') ?? null };
  });

export const readerInnerText = (page: Page) => page.evaluate(() => (document.body.shadowRoot!.querySelector('.reader') as HTMLElement).innerText);

/** Clicks a control in the reader's shadow root with the pointer, as a person does. */
export async function clickInReader(page: Page, selector: string): Promise<void> {
  const handle = (await page.waitForFunction((sel) => document.body.shadowRoot?.querySelector(sel) ?? null, poll, selector)) as ElementHandle<Element>;
  await handle.click();
  await handle.dispose();
}

export const countInReader = (page: Page, selector: string) => page.evaluate((sel) => document.body.shadowRoot?.querySelectorAll(sel).length ?? 0, selector);

/**
 * Read aloud (L), with the voices this machine has: Firefox's speech engine cannot be stubbed for the reader (the
 * stub of the Chromium tests goes into the reader's world over CDP; here the reader is a content script behind
 * Xray wrappers, which never see a page's own objects). So the real engine answers: the no-voice message (what a
 * machine without an Indonesian voice says, e.g. one without speech-dispatcher, as here), or reading starts.
 */
export async function listenOutcome(page: Page): Promise<{ noVoice: string } | { reading: true }> {
  await page.keyboard.press('l');
  const handle = await page.waitForFunction(
    () => {
      const root = document.body.shadowRoot!;
      const message = root.querySelector('[data-no-voice]') as HTMLElement | null;
      if (message) return { noVoice: message.innerText };
      return root.querySelector('[data-action="listen-stop"]') ? { reading: true } : null;
    },
    poll,
  );
  return (await handle.jsonValue()) as { noVoice: string } | { reading: true };
}

// --- extension pages -------------------------------------------------------------------------------------------

/** The WebExtension API as an extension page sees it (the welcome page, fx.home()). */
export type Ext = { browser: { storage: { local: { get(k: string): Promise<Record<string, any>> } }; i18n: { getUILanguage(): string; getMessage(k: string): string } } };

export const storedSettings = async (fx: FirefoxWithExtension): Promise<Record<string, any> | null> =>
  (await fx.home()).evaluate(async () => ((await (globalThis as unknown as Ext).browser.storage.local.get('settings')).settings ?? null) as Record<string, any> | null);
