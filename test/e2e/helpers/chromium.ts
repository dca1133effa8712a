/**
 * Debian's Chromium, headless, with the built extension loaded (recipe: shared/notes/toolchain.md §5).
 * The toolbar button is pressed for real through CDP Extensions.triggerAction.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROME_EXT = resolve(import.meta.dirname, '..', '..', '..', '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The test-only build (`wxt build --mode e2e`): see test/e2e/extension/e2e-hosts.ts. */
export const CHROME_E2E_EXT = resolve(import.meta.dirname, '..', '..', '..', '.output', 'chrome-mv3-e2e');

export interface ChromiumWithExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Presses the toolbar button for the tab showing `page`. */
  clickAction(page: Page): Promise<void>;
  close(): Promise<void>;
}

export async function launchChromium(
  opts: { extraArgs?: string[]; colorScheme?: 'light' | 'dark'; headless?: boolean; extension?: string } = {},
): Promise<ChromiumWithExtension> {
  const ext = opts.extension ?? CHROME_EXT;
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`Build the extension first (npm run build): ${ext} is missing`);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'jernih-chromium-')), {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--lang=en-US',
      ...(opts.extraArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const cdp = await context.browser()!.newBrowserCDPSession();
  return {
    context,
    worker,
    extensionId,
    async clickAction(page: Page) {
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
        targetInfos: { targetId: string; url: string }[];
      };
      const url = page.url();
      const tab = targetInfos.find((t) => t.url === url);
      if (!tab) throw new Error(`no tab target for ${url}: ${targetInfos.map((t) => t.url).join(', ')}`);
      await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
    },
    close: () => context.close(),
  };
}

/** A stable digest of the page's DOM, to prove that restoring gives back exactly what was there. */
export async function domDigest(page: Page): Promise<string> {
  // Hashed in Node: http pages on other hosts are not a secure context, so crypto.subtle is missing there.
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  return createHash('sha256').update(html).digest('hex');
}

/** Text of the reader view (inside the shadow root), or null when the reader is not open. */
export async function readerText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.body;
    if (host?.id !== 'jernih-reader' || !host.shadowRoot) return null;
    return (host.shadowRoot.querySelector('.reader') as HTMLElement | null)?.innerText ?? null;
  });
}

/**
 * Waits for the reader to be open (or closed). The default limit is generous on purpose: on a loaded 2-core
 * machine the first open of a browser session (script injection, fonts, extraction) has taken over 10 s; a
 * test that fails only under load is a failing test.
 */
export async function waitForReader(page: Page, open = true, timeout = READER_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(
    (want) => (document.body?.id === 'jernih-reader' && !!document.body.shadowRoot?.querySelector('.reader .body')) === want,
    open,
    // Background tabs get no animation frames: poll on a timer.
    { timeout, polling: 100 },
  );
}

export const READER_TIMEOUT_MS = 30_000;
