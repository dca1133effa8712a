/**
 * XSS corpus in the real browser: the payloads are live in the page itself (many fire on load), and once the
 * flag is cleared, opening the reader must fire none of them; the reader's DOM keeps no handler or script URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type TestServer } from './helpers/server';
import { launchChromium, waitForReader, type ChromiumWithExtension } from './helpers/chromium';
import { POLL, framesRendered, until } from './helpers/wait';
import { XSS_VECTORS } from '../helpers/xss-vectors';

/**
 * Live payloads left in a DOM, as "TAG attr=value": event-handler attributes, script URLs and, with `tags`,
 * elements that run or load code. Runs in the page, on the root the expression names.
 */
const LIVE_PAYLOADS = (root: ParentNode, tags: boolean): string[] => {
  const bad: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (attr.name.startsWith('on')) bad.push(`${el.tagName} ${attr.name}`);
      if (/^(javascript|vbscript|data:text\/html)/.test(value)) bad.push(`${el.tagName} ${attr.name}=${attr.value}`);
    }
    if (tags && /^(SCRIPT|OBJECT|EMBED|BASE|META|FORM)$/.test(el.tagName) && !el.closest('style')) bad.push(el.tagName);
  }
  return bad;
};
const livePayloads = (page: Page, rootExpression: string, tags: boolean): Promise<string[]> =>
  page.evaluate(`(${LIVE_PAYLOADS.toString()})(${rootExpression}, ${tags})`) as Promise<string[]>;

/**
 * Whether every picture and media element under `root` is done loading (their load and error events, the late
 * payloads, come with that): pictures complete, loaded or broken (a lazy one out of view loads only when scrolled
 * to), media no longer fetching (loaded, suspended, or given up on all their sources). Runs in the page.
 */
const LOADS_DONE = (root: ParentNode): boolean =>
  (Array.from(root.querySelectorAll('img')) as HTMLImageElement[]).every((img) => img.complete || img.loading === 'lazy') &&
  (Array.from(root.querySelectorAll('video, audio')) as HTMLMediaElement[]).every((m) => m.networkState !== m.NETWORK_LOADING);

let server: TestServer;
let browser: ChromiumWithExtension;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('security in Chromium', () => {
  it(`none of the ${XSS_VECTORS.length} vectors in body and metadata runs in the reader`, async () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(40);
    const page = await browser.context.newPage();
    await page.goto(server.fixture('security/xss-article'), { waitUntil: 'load' });
    // Let the page's own payloads settle before clearing the flag: media and frame errors arrive late. Settled:
    // the page's pictures and media are done loading, and the count of payloads that ran is the same two polls in
    // a row.
    let firedByPage = -1;
    await until(async () => {
      const n = await page.evaluate(`(${LOADS_DONE.toString()})(document) ? (window.__jernihPwned ?? []).length : -1`) as number;
      const settled = n >= 0 && n === firedByPage;
      firedByPage = n;
      return settled;
    });
    expect(firedByPage, 'the payloads are live: the page itself runs some on load').toBeGreaterThan(0);
    // From now on, record who runs a payload. The original page's own elements keep firing late events
    // (media errors, frame loads, animations on the detached body); those arrive with window.event set to a
    // light-DOM event. A payload running in the reader has no window.event: the spec hides it for shadow-tree
    // targets, and a script element has none.
    await page.evaluate(() => {
      const w = window as any;
      delete w.__jernihPwned;
      w.__fromReader = [];
      w.__fromPage = [];
      let list: string[] = [];
      Object.defineProperty(w, '__jernihPwned', {
        configurable: true,
        get: () => list,
        set: (v: string[]) => {
          const id = v[v.length - 1];
          list = v;
          const e = w.event as Event | undefined;
          (e ? w.__fromPage : w.__fromReader).push(id);
        },
      });
    });

    await browser.clickAction(page);
    await waitForReader(page);
    // Give handlers every chance: load/error events (the reader's pictures and media are done loading),
    // animations and autofocus (both start in the rendering of a frame: two frames rendered), hover and focus on
    // everything.
    await page.waitForFunction(`(${LOADS_DONE.toString()})(document.body.shadowRoot)`, null, POLL);
    await framesRendered(page);
    await page.evaluate(() => {
      const root = document.body.shadowRoot!;
      // The article's nodes only: a click on the toolbar's Exit would close the reader.
      for (const el of Array.from(root.querySelectorAll('.body *, .head *, .lead *'))) {
        for (const type of ['mouseover', 'focus', 'click', 'toggle', 'animationstart']) {
          el.dispatchEvent(new Event(type, { bubbles: false }));
        }
      }
    });
    // No wait: dispatchEvent runs the listeners before it returns, so whatever these events could run has run.
    const fired = await page.evaluate(() => ({ reader: (window as any).__fromReader, page: (window as any).__fromPage }));
    expect(fired.reader, `vectors that ran in the reader: ${JSON.stringify(fired.reader)}`).toEqual([]);
    // What the detached original page still fired must be the page's own late events, never script execution.
    expect(fired.page.every((id: string) => XSS_VECTORS.some((v) => v.id === id))).toBe(true);

    const bad = await livePayloads(page, 'document.body.shadowRoot', true);
    const report = await page.evaluate(() => {
      const root = document.body.shadowRoot!;
      const frames = Array.from(root.querySelectorAll('iframe')).map((f) => f.src);
      return { frames, title: root.querySelector('h1')?.textContent ?? '' };
    });
    expect(bad).toEqual([]);
    for (const src of report.frames) expect(src).toMatch(/^https:\/\/(www\.youtube(-nocookie)?\.com\/embed\/|player\.vimeo\.com\/)/);
    expect(report.title).not.toMatch(/<|__jernihPwned/);
    await page.close();
  });
  it(`none of the ${XSS_VECTORS.length} vectors runs in the saved copy or the library, and none reaches their DOM`, async () => {
    const page = await browser.context.newPage();
    await page.goto(server.fixture('security/xss-article'), { waitUntil: 'load' });
    await browser.clickAction(page);
    await waitForReader(page);
    await page.keyboard.press('s');
    await page.waitForFunction(() => document.body.shadowRoot?.querySelector('[data-action="save"]')?.getAttribute('aria-pressed') === 'true', null, { polling: 100, timeout: 30_000 });
    await page.close();

    // Extension pages: count what runs (an init script sees every write of the flag) and what the CSP had to block
    // (a payload that reached the DOM at all, even if it could not run).
    const watch = `(() => {
      let list = [];
      Object.defineProperty(window, '__jernihPwned', { configurable: true, get: () => list, set: (v) => { list = v; } });
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI)));
    })()`;
    const library = await browser.context.newPage();
    await library.addInitScript(watch);
    await library.goto(`chrome-extension://${browser.extensionId}/library.html?view=tab`);
    const link = library.locator('a.open').first();
    await link.waitFor({ timeout: 30_000 });
    const href = (await link.getAttribute('href'))!;
    const saved = await browser.context.newPage();
    await saved.addInitScript(watch);
    await saved.goto(href);
    await waitForReader(saved);
    for (const p of [library, saved]) {
      // Hover, focus and click every node of the article and the list entry (not the toolbar: Exit would leave).
      await p.evaluate(() => {
        const root = document.body.shadowRoot ?? document;
        for (const el of Array.from(root.querySelectorAll('.body *, .head *, .lead *, li *'))) {
          for (const type of ['mouseover', 'focus', 'toggle', 'animationstart']) el.dispatchEvent(new Event(type, { bubbles: false }));
        }
      });
      // The saved copy's reader root, or the library page itself (whose own scripts and metas are its code).
      const inReader = p === saved;
      const bad = await livePayloads(p, inReader ? 'document.body.shadowRoot' : 'document', inReader);
      const seen = await p.evaluate(() => ({ fired: (window as any).__jernihPwned as string[], violations: (window as any).__violations as string[] }));
      expect(seen.fired, `vectors that ran in ${p.url()}`).toEqual([]);
      expect(seen.violations, `payloads the CSP had to stop in ${p.url()}`).toEqual([]);
      expect(bad, `live payloads in the DOM of ${p.url()}`).toEqual([]);
    }
    // The saved copy is the article: its title is there, as text.
    expect(await saved.evaluate(() => document.body.shadowRoot!.querySelector('h1')!.textContent)).not.toMatch(/<|__jernihPwned/);
    await library.close();
    await saved.close();
  });
});
