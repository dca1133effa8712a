/**
 * Debian's Chromium, headless, with the built extension loaded (recipe: shared/notes/toolchain.md §5).
 * The toolbar button is pressed for real through CDP Extensions.triggerAction.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { exposeClosedShadowRoots, refreshClosedShadowRoots } from './closed-shadow';
import { e2eTempSubdir } from './temp';

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
  /**
   * A tab as a web page sees it: without the test hook that lets the other tests into the reader's closed shadow
   * roots (closed-shadow.ts). For tests that play the hostile page.
   */
  rawPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(
  opts: {
    extraArgs?: string[];
    colorScheme?: 'light' | 'dark';
    headless?: boolean;
    extension?: string;
    /** A phone: touch events, and pages laid out by their meta viewport. */
    phone?: boolean;
    /** Leave the welcome page that the install opens (by default it is closed before the test starts). */
    keepWelcome?: boolean;
  } = {},
): Promise<ChromiumWithExtension> {
  const ext = opts.extension ?? CHROME_EXT;
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`Build the extension first (npm run build): ${ext} is missing`);
  const profile = e2eTempSubdir('chromium-profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    ...(opts.phone ? { hasTouch: true, isMobile: true } : {}),
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--lang=en-US',
      ...(opts.extraArgs ?? []),
    ],
  });
  // Every tab a test opens can reach the reader's closed shadow roots, except those asked for raw.
  let nextIsRaw = false;
  const hook = (page: Page) => {
    if (!nextIsRaw) void exposeClosedShadowRoots(page).catch(() => undefined);
  };
  context.pages().forEach(hook);
  context.on('page', hook);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // Every launch is a fresh install, and an install opens the welcome page in a tab of its own
  // (utils/background/welcome.ts). Closed here, once it is there, so it takes no test's focus or active tab.
  if (!opts.keepWelcome && existsSync(join(ext, 'welcome.html'))) await closeWelcomePage(context, extensionId);
  const cdp = await context.browser()!.newBrowserCDPSession();
  return {
    context,
    worker,
    extensionId,
    async clickAction(page: Page) {
      // The tab in front, as a person's click is on the tab they look at; with the page's address, so a second
      // tab showing the same page is never the one pressed.
      await page.bringToFront();
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
        targetInfos: { targetId: string; url: string; embedderData?: { tabActive?: boolean } }[];
      };
      const url = page.url();
      const same = targetInfos.filter((t) => t.url === url);
      const tab = same.find((t) => t.embedderData?.tabActive) ?? (same.length === 1 ? same[0] : undefined);
      if (!tab) throw new Error(`no single tab target for ${url}: ${targetInfos.map((t) => `${t.url}${t.embedderData?.tabActive ? ' (active)' : ''}`).join(', ')}`);
      const trigger = () => cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
      // Where a tab has a popup (a notice on a browser page, the library opened from the icon), the click opens
      // it instead of firing onClicked: nothing to count. (Tab URLs are hidden from the extension without host
      // access, so any tab with a popup counts.)
      const popup = await worker
        .evaluate(async () => {
          const c = (globalThis as any).chrome;
          const popups = await Promise.all((await c.tabs.query({})).map((t: { id: number }) => c.action.getPopup({ tabId: t.id })));
          return popups.find((p: string) => p) ?? '';
        })
        .catch(() => '');
      if (popup) return trigger();
      const hook = () => currentWorker(context, worker);
      // -1: could not be read; never taken for a click that arrived.
      const clicks = () => hook().evaluate(() => ((globalThis as any).__jernih?.actionClicks?.() as number) ?? -1).catch(() => -1);
      const lastToggle = () =>
        hook()
          .evaluate(() => ((globalThis as any).__jernih?.toggles?.() ?? []).at(-1) ?? { n: 0 })
          .catch(() => null) as Promise<{ n: number; tabId?: number; state?: string; message?: string } | null>;
      for (let press = 0; press < 3; press++) {
        let before = await clicks();
        for (const end = Date.now() + 10_000; before < 0 && Date.now() < end; ) {
          await new Promise((r) => setTimeout(r, 100));
          before = await clicks();
        }
        const toggledBefore = (await lastToggle())?.n ?? 0;
        // On a loaded 2-core machine a triggered click has been lost on its way to action.onClicked. Confirm that
        // it arrived, and press again only when it did not.
        let arrived = false;
        for (let attempt = 0; attempt < 3 && !arrived; attempt++) {
          await trigger();
          for (const end = Date.now() + 8_000; Date.now() < end; ) {
            if ((arrived = (await clicks()) > before)) break;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        if (!arrived) throw new Error('the toolbar click never reached the extension (action.onClicked), three times');
        // And what it did. A click that arrived without the temporary access a real click always grants (seen now
        // and then with CDP's triggered click: "Cannot access contents of the page") is the harness's, not the
        // extension's: the notice it set is taken off and the button pressed again. Any other outcome, a failure
        // included, is the test's to judge.
        let outcome: Awaited<ReturnType<typeof lastToggle>> = null;
        for (const end = Date.now() + 30_000; Date.now() < end; ) {
          outcome = await lastToggle();
          if (outcome && outcome.n > toggledBefore) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        if (!(outcome && outcome.n > toggledBefore && outcome.state === 'error' && /Cannot access contents/.test(outcome.message ?? ''))) return;
        console.warn(`clickAction: the triggered click came without activeTab (${outcome.message}); pressing again`);
        await hook()
          .evaluate(async (tabId) => {
            const c = (globalThis as any).chrome;
            await c.action.setPopup({ tabId, popup: '' });
            await c.action.setBadgeText({ tabId, text: '' });
          }, outcome.tabId!)
          .catch(() => undefined);
      }
      throw new Error('three toolbar clicks arrived without activeTab');
    },
    async rawPage() {
      nextIsRaw = true;
      try {
        return await context.newPage();
      } finally {
        nextIsRaw = false;
      }
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker as it is now (a stopped worker comes back as a new one), else the first seen. */
function currentWorker(context: BrowserContext, first: Worker): Worker {
  const id = new URL(first.url()).host;
  return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`)) ?? first;
}

/** The welcome page the install opened: waited for (it opens a moment after the worker starts), then closed. */
export async function closeWelcomePage(context: BrowserContext, extensionId: string, timeout = 30_000): Promise<void> {
  const isWelcome = (p: Page) => p.url() === `chrome-extension://${extensionId}/welcome.html`;
  for (const end = Date.now() + timeout; ; ) {
    const welcome = context.pages().find(isWelcome);
    if (welcome) return welcome.close();
    if (Date.now() > end) throw new Error(`the install did not open the welcome page within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
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
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await page.waitForFunction(
        (want) => (document.body?.id === 'jernih-reader' && !!document.body.shadowRoot?.querySelector('.reader .body')) === want,
        open,
        // Background tabs get no animation frames: poll on a timer. In slices: see below.
        { timeout: Math.max(100, Math.min(3_000, deadline - Date.now())), polling: 100 },
      );
      return;
    } catch (error) {
      const seen = await page
        .evaluate(() => ({ host: document.body?.id === 'jernih-reader', root: !!document.body?.shadowRoot }))
        .catch(() => ({ host: false, root: false }));
      if (Date.now() >= deadline) {
        const toggles = await extensionToggles(page);
        throw new Error(
          `waitForReader(${open ? 'open' : 'closed'}): not so after ${timeout} ms (reader host in the page: ${seen.host}; its root reachable by the test: ${seen.root}; the extension's last toggles: ${toggles})`,
          { cause: error },
        );
      }
      // The reader's host is there but the test hook has not exposed its closed root yet: read the document again.
      if (open && seen.host && !seen.root) await refreshClosedShadowRoots(page);
    }
  }
}

export const READER_TIMEOUT_MS = 30_000;

/** What the background's last toggles ended in (entrypoints/background.ts), for a failure message; Chromium only. */
async function extensionToggles(page: Page): Promise<string> {
  const worker = page.context().serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) return 'no extension worker';
  return worker
    .evaluate(() => JSON.stringify((globalThis as any).__jernih?.toggles?.() ?? null))
    .catch((e: unknown) => `unreadable (${String(e).split('\n')[0]})`);
}
