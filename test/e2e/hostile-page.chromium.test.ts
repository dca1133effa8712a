/**
 * The page plays the attacker. On a supported site auto-clean opens the reader with no gesture, so every script
 * of that page shares the document with it. A page script must not be able to reach into the reader (its shadow
 * root is closed) nor drive it: synthetic key events and `.click()` calls start no action (no save, no setting,
 * no request to the user's translation provider, no close). Each case ends with the same action done by the user
 * (trusted input through the browser), which must work: that is what shows the guard, not a broken pipeline,
 * stopped the page.
 *
 * The e2e build (chrome-mv3-e2e) holds access to the test hosts, so the translation provider on 127.0.0.1 is
 * reachable, as it is for a user who granted it; its reader is closed like the shipped one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, SITE_HOST_RULES, type TestServer } from './helpers/server';
import { CHROME_E2E_EXT, launchChromium, waitForReader, type ChromiumWithExtension } from './helpers/chromium';
import { startTranslateServer, type TranslateServer } from '../translate-server/server';
import { SHORTCUTS } from '../../utils/reader/keymap';
import { migrateSettings } from '../../utils/settings';

let server: TestServer;
let tserver: TranslateServer;
let browser: ChromiumWithExtension;

beforeAll(async () => {
  server = await startServer();
  tserver = await startTranslateServer();
  browser = await launchChromium({ extension: CHROME_E2E_EXT, extraArgs: [SITE_HOST_RULES] });
  await browser.worker.evaluate(
    (url) =>
      new Promise<void>((ok) =>
        (globalThis as any).chrome.storage.local.get('settings', (r: any) =>
          (globalThis as any).chrome.storage.local.set(
            { settings: { ...(r.settings ?? {}), translation: { provider: { id: 'libretranslate', url }, target: 'es' } } },
            () => ok(),
          ),
        ),
      ),
    tserver.url,
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await tserver?.stop().catch(() => undefined);
});

type Snapshot = { settings: Record<string, unknown>; saved: number; providerCalls: number };

async function snapshot(): Promise<Snapshot> {
  const stored = (await browser.worker.evaluate(
    () => new Promise((ok) => (globalThis as any).chrome.storage.local.get('settings', (r: any) => ok(r.settings ?? {}))),
  )) as Record<string, unknown>;
  // Settings are stored whole at the first change; read as the extension reads them, what is missing has its default.
  const settings = migrateSettings(stored) as unknown as Record<string, unknown>;
  const saved = await browser.worker.evaluate(
    () =>
      new Promise<number>((ok) => {
        const open = indexedDB.open('jernih-library');
        open.onupgradeneeded = () => open.transaction!.abort(); // no library yet: nothing saved
        open.onerror = () => ok(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('articles')) return ok(0);
          const count = db.transaction('articles').objectStore('articles').count();
          count.onsuccess = () => {
            ok(count.result);
            db.close();
          };
        };
      }),
  );
  return { settings, saved, providerCalls: tserver.requests.length };
}

/** Every shortcut of the reader, as a page script would fake it, at every place a page can dispatch it. */
async function fakeEveryShortcut(page: Page): Promise<number> {
  const keys = SHORTCUTS.flatMap((s) => s.keys);
  return page.evaluate((list) => {
    const targets: EventTarget[] = [window, document, document.documentElement, document.body, document.activeElement ?? document.body];
    let sent = 0;
    for (const combo of list) {
      const parts = combo.split('+');
      const key = parts.length > 1 && parts[parts.length - 1] === '' ? '+' : parts[parts.length - 1];
      const named = key === 'Esc' ? 'Escape' : key;
      const shift = parts.includes('Shift') || (named.length === 1 && named !== named.toLowerCase());
      for (const target of targets) {
        for (const type of ['keydown', 'keypress', 'keyup']) {
          target.dispatchEvent(
            new KeyboardEvent(type, { key: named.length === 1 && !parts.includes('Shift') ? named.toLowerCase() : named, shiftKey: shift, ctrlKey: parts.includes('Ctrl'), bubbles: true, composed: true, cancelable: true }),
          );
          target.dispatchEvent(new KeyboardEvent(type, { key: named, shiftKey: shift, bubbles: true, composed: true, cancelable: true }));
          sent += 2;
        }
      }
    }
    return sent;
  }, keys);
}

describe('a hostile page and the reader (Chromium)', () => {
  it('cannot see into the reader that auto-clean opened, and its fake key presses do nothing', async () => {
    const page = await browser.rawPage();
    await page.goto(server.siteUrl('kompas/seed-putin-kim'), { waitUntil: 'domcontentloaded' });
    // The key handler is live from the moment the reader's body is in place.
    await page.waitForFunction(() => document.body?.id === 'jernih-reader', null, { polling: 50, timeout: 30_000 });
    const seen = await page.evaluate(() => {
      const host = document.getElementById('jernih-reader')!;
      return { shadowRoot: host.shadowRoot, children: host.children.length, text: host.innerText.trim() };
    });
    expect(seen, 'the page finds no way into the reader').toEqual({ shadowRoot: null, children: 0, text: '' });

    const before = await snapshot();
    const sent = await fakeEveryShortcut(page);
    expect(sent).toBeGreaterThanOrEqual(SHORTCUTS.length * 5 * 6);
    // The user presses one key: once its effect is stored, everything the page did before has been handled.
    await page.keyboard.press('+');
    await expect.poll(async () => ((await snapshot()).settings as any).fontSize, { timeout: 20_000 }).not.toBe((before.settings as any).fontSize);
    const after = await snapshot();
    expect(after.saved, 'no article saved').toBe(before.saved);
    expect(after.providerCalls, 'no request to the translation provider').toBe(0);
    const changed = Object.keys(after.settings).filter((k) => JSON.stringify(after.settings[k]) !== JSON.stringify(before.settings[k]));
    expect(changed, 'only the user\'s key changed a setting').toEqual(['fontSize']);
    expect(await page.evaluate(() => document.body.id), 'the fake Esc closed nothing').toBe('jernih-reader');

    // The user's own Save still works from the keyboard (Translate by the user: the next test).
    await page.keyboard.press('s');
    await expect.poll(async () => (await snapshot()).saved, { timeout: 20_000 }).toBe(before.saved + 1);
    await page.close();
  });

  it('even holding the reader (defence in depth), .click(), fake keys and form submits on its controls change nothing', async () => {
    // A page that somehow held the root: the test hook hands it over, and page script uses it.
    const page = await browser.context.newPage();
    await page.goto(server.siteUrl('kompas/seed-putin-kim'), { waitUntil: 'domcontentloaded' });
    await waitForReader(page);
    // The user opens the Appearance panel, so its controls are there for the page to reach too.
    await page.locator('[data-panel-toggle="appearance"]').click();
    await page.waitForFunction(() => !!document.body.shadowRoot!.querySelector('[data-panel-open]'), null, { polling: 50, timeout: 20_000 });
    const calls = tserver.requests.length;
    const before = await snapshot();
    const tried = await page.evaluate(() => {
      const root = document.body.shadowRoot!;
      let n = 0;
      for (const el of Array.from(root.querySelectorAll<HTMLElement>('button, [role="button"], input, a, summary'))) {
        el.click();
        n++;
      }
      for (const el of Array.from(root.querySelectorAll('form'))) {
        el.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
        n++;
      }
      return n;
    });
    expect(tried, 'the page reached the reader\'s controls').toBeGreaterThan(15);
    // The user clicks one control; once its effect is stored, the page's clicks have all been handled.
    await page.locator('[data-action="font-larger"]').click();
    await expect.poll(async () => ((await snapshot()).settings as any).fontSize, { timeout: 20_000 }).not.toBe((before.settings as any).fontSize);
    const after = await snapshot();
    expect(after.saved, 'no article saved').toBe(before.saved);
    expect(tserver.requests.length, 'no request to the translation provider').toBe(calls);
    const changed = Object.keys(after.settings).filter((k) => JSON.stringify(after.settings[k]) !== JSON.stringify(before.settings[k]));
    expect(changed).toEqual(['fontSize']);
    expect(await page.evaluate(() => document.body.id), 'no fake click closed the reader').toBe('jernih-reader');
    expect(await page.evaluate(() => document.body.shadowRoot!.querySelector('[data-panel-open]')?.getAttribute('data-panel-open')), 'the page closed or switched no panel').toBe('appearance');

    // The user's own click on Translate reaches the provider.
    await page.locator('[data-action="translate"]').click();
    await page.locator('[data-action="translate-start"]').click();
    await expect.poll(() => tserver.requests.length, { timeout: 20_000 }).toBeGreaterThan(calls);
    await page.close();
  });
});
