import { describe, expect, it, vi } from 'vitest';
import { autoClean, hidePage, HIDE_LIMIT_MS, LATE_LIMIT_MS } from '@/utils/reader/autoclean';
import { siteFor } from '@/utils/reader/site-switch';
import { migrateSettings } from '@/utils/settings';
import type { ReaderController } from '@/utils/reader/controller';
import type { AutoCleanPrepared } from '@/utils/reader/autoclean';
import { prepareAutoClean } from '@/utils/background/autoclean';
import { handToAutoClean, waitForReaderScript } from '@/utils/reader/instance';
import { findSite, SITE_ADDRESSES } from '@/utils/extract/sites/addresses';
import { findRule, SITE_RULES } from '@/utils/extract/sites';

const KOMPAS_ARTICLE = 'https://nasional.kompas.com/read/2024/02/10/10150071/judul-berita';

function fakeReader(state: 'opened' | 'no-article' = 'opened') {
  return { open: vi.fn().mockResolvedValue({ state }), toggle: vi.fn(), close: vi.fn(), isOpen: false } as unknown as ReaderController & { open: ReturnType<typeof vi.fn> };
}

const hidden = () => getComputedStyle(document.documentElement).visibility === 'hidden';

describe('auto-clean', () => {
  it('knows which switch governs a page', () => {
    expect(siteFor(KOMPAS_ARTICLE, null)).toEqual({ site: 'kompas', label: 'kompas.com' });
    expect(siteFor('https://www.kompas.com/', null)).toBeNull(); // home page: never cleaned
    const s = migrateSettings({ userSites: ['tribunjateng.com'] });
    expect(siteFor('https://www.tribunjateng.com/read/1', s)).toEqual({ site: 'tribunjateng.com', label: 'tribunjateng.com' });
    expect(siteFor('https://example.org/a', s)).toBeNull();
  });

  it('hides the page without adding to its DOM, and shows it again', () => {
    // jsdom has no adoptedStyleSheets: this runs the fallback (a <style> removed again); browsers adopt a sheet.
    const before = document.documentElement.outerHTML;
    const h = hidePage(document);
    expect(hidden()).toBe(true);
    h.show();
    expect(hidden()).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  const KOMPAS = { site: 'kompas', label: 'kompas.com' };
  const injected = (): Promise<AutoCleanPrepared> => Promise.resolve({ site: KOMPAS });

  it('opens the reader on an article URL of a supported site, once the background injected it', async () => {
    const reader = fakeReader();
    const result = await autoClean({ doc: document, url: KOMPAS_ARTICLE, prepare: injected, reader: async () => reader });
    expect(result).toBe('opened');
    expect(reader.open).toHaveBeenCalledWith({ auto: KOMPAS });
    expect(hidden(), 'page shown again').toBe(false);
  });

  it('hides a built-in site\'s article at once, before the background answers; never a page it cannot know yet', async () => {
    let answer: (p: AutoCleanPrepared) => void = () => undefined;
    const asked = () => new Promise<AutoCleanPrepared>((ok) => (answer = ok));
    const pending = autoClean({ doc: document, url: KOMPAS_ARTICLE, prepare: asked, reader: async () => fakeReader(), setTimeout: () => undefined });
    expect(hidden(), 'hidden while the background decides').toBe(true);
    answer({ site: KOMPAS });
    expect(await pending).toBe('opened');
    expect(hidden()).toBe(false);
    // A site the user added is known only to the background (its settings): its page is not hidden meanwhile.
    const user = autoClean({ doc: document, url: 'https://www.tribunjateng.com/read/1', prepare: asked, reader: async () => fakeReader(), setTimeout: () => undefined });
    expect(hidden()).toBe(false);
    answer({ site: { site: 'tribunjateng.com', label: 'tribunjateng.com' } });
    expect(await user).toBe('opened');
  });

  it('leaves home pages alone, and sites switched off, as the background says', async () => {
    const reader = fakeReader();
    expect(await autoClean({ doc: document, url: 'https://www.kompas.com/', prepare: async () => ({ skip: 'not-article-url' }), reader: async () => reader })).toBe('not-article-url');
    expect(await autoClean({ doc: document, url: KOMPAS_ARTICLE, prepare: async () => ({ skip: 'switched-off' }), reader: async () => reader })).toBe('switched-off');
    expect(reader.open).not.toHaveBeenCalled();
    expect(hidden()).toBe(false);
  });

  it('shows the page when the background cannot be asked, or the reader never arrives', async () => {
    const reader = fakeReader();
    expect(await autoClean({ doc: document, url: KOMPAS_ARTICLE, prepare: () => Promise.reject(new Error('no receiver')), reader: async () => reader })).toBe('error');
    expect(hidden()).toBe(false);
    // The background answered, but its injection failed: nothing arrives, and the time limit gives the page back.
    const t = clock();
    const pending = autoClean({ doc: document, url: KOMPAS_ARTICLE, prepare: injected, reader: () => new Promise(() => undefined), setTimeout: t.setTimeout });
    await tick();
    expect(hidden(), 'hidden while the reader is on its way').toBe(true);
    t.at(HIDE_LIMIT_MS);
    expect(hidden(), 'shown after the blank-page limit').toBe(false);
    t.at(LATE_LIMIT_MS);
    expect(await pending).toBe('too-slow');
    expect(hidden()).toBe(false);
    expect(reader.open).not.toHaveBeenCalled();
  });

  it('says no-article when the reader finds none, and shows the page', async () => {
    expect(await autoClean({ doc: document, url: KOMPAS_ARTICLE, prepare: injected, reader: async () => fakeReader('no-article') })).toBe('no-article');
    expect(hidden()).toBe(false);
  });

  /** A clock the test moves: `at(ms)` runs what was set for that time. */
  function clock() {
    const timers = new Map<number, () => void>();
    return { setTimeout: (fn: () => void, ms: number) => void timers.set(ms, fn), at: (ms: number) => timers.get(ms)!(), has: (ms: number) => timers.has(ms) };
  }
  const tick = () => new Promise((ok) => setTimeout(ok, 0));

  it('keeps the page blank for at most HIDE_LIMIT_MS, then shows it and still opens the reader when it is ready', async () => {
    const reader = fakeReader();
    const t = clock();
    let arrive: (r: ReaderController) => void = () => undefined;
    const pending = autoClean({ doc: document, url: KOMPAS_ARTICLE, prepare: injected, reader: () => new Promise((ok) => (arrive = ok)), setTimeout: t.setTimeout });
    expect(t.has(HIDE_LIMIT_MS) && t.has(LATE_LIMIT_MS)).toBe(true);
    await tick();
    expect(hidden(), 'hidden while waiting').toBe(true);
    t.at(HIDE_LIMIT_MS); // 1.5 s passed: nobody stares at a blank tab
    expect(hidden(), 'the page shows').toBe(false);
    arrive(reader); // a large page, parsed at last
    expect(await pending).toBe('opened-late');
    expect(reader.open).toHaveBeenCalledWith({ auto: KOMPAS });
  });

  it('leaves the page to the person once they use it, and gives up at LATE_LIMIT_MS', async () => {
    for (const input of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
      const reader = fakeReader();
      const t = clock();
      let arrive: (r: ReaderController) => void = () => undefined;
      const pending = autoClean({ doc: document, url: KOMPAS_ARTICLE, prepare: injected, reader: () => new Promise((ok) => (arrive = ok)), setTimeout: t.setTimeout });
      await tick();
      // A key pressed on the blank page is not reading it: still waiting.
      document.dispatchEvent(new Event('keydown'));
      await tick();
      expect(hidden(), `${input}: still hidden`).toBe(true);
      t.at(HIDE_LIMIT_MS);
      document.dispatchEvent(new Event(input));
      arrive(reader);
      expect(await pending, input).toBe('in-use');
      expect(reader.open).not.toHaveBeenCalled();
      expect(hidden()).toBe(false);
    }
    const reader = fakeReader();
    const t = clock();
    let settle: (p: AutoCleanPrepared) => void = () => undefined;
    const pending = autoClean({ doc: document, url: KOMPAS_ARTICLE, prepare: () => new Promise((ok) => (settle = ok)), reader: async () => reader, setTimeout: t.setTimeout });
    t.at(HIDE_LIMIT_MS);
    t.at(LATE_LIMIT_MS);
    settle({ site: KOMPAS });
    expect(await pending).toBe('too-slow');
    expect(reader.open).not.toHaveBeenCalled();
    expect(hidden()).toBe(false);
  });

  it('stops listening to the page when it is done', async () => {
    const remove = vi.spyOn(document, 'removeEventListener');
    expect(await autoClean({ doc: document, url: KOMPAS_ARTICLE, prepare: injected, reader: async () => fakeReader(), setTimeout: clock().setTimeout })).toBe('opened');
    expect(remove.mock.calls.map((c) => c[0]).sort()).toEqual(['keydown', 'pointerdown', 'touchstart', 'wheel']);
    remove.mockRestore();
  });
});

describe('auto-clean, the background\'s half', () => {
  const defaults = async () => migrateSettings(undefined);
  const injector = () => vi.fn().mockResolvedValue(undefined);

  it('injects the reader only for an article of a site switched on, judged by the page\'s own address', async () => {
    const inject = injector();
    expect(await prepareAutoClean(KOMPAS_ARTICLE, { loadSettings: defaults, injectReader: inject })).toEqual({ site: { site: 'kompas', label: 'kompas.com' } });
    expect(inject).toHaveBeenCalledTimes(1);
    expect(await prepareAutoClean('https://www.kompas.com/', { loadSettings: defaults, injectReader: inject })).toEqual({ skip: 'not-article-url' });
    expect(await prepareAutoClean(undefined, { loadSettings: defaults, injectReader: inject })).toEqual({ skip: 'not-article-url' });
    const off = async () => migrateSettings({ autoCleanOff: ['kompas'] });
    expect(await prepareAutoClean(KOMPAS_ARTICLE, { loadSettings: off, injectReader: inject })).toEqual({ skip: 'switched-off' });
    expect(inject, 'home page, no address, switched off: nothing loaded').toHaveBeenCalledTimes(1);
  });

  it('serves the sites the user added, and refuses when settings cannot be read or injection fails', async () => {
    const inject = injector();
    const mine = async () => migrateSettings({ userSites: ['tribunjateng.com'] });
    expect(await prepareAutoClean('https://www.tribunjateng.com/read/1', { loadSettings: mine, injectReader: inject })).toEqual({ site: { site: 'tribunjateng.com', label: 'tribunjateng.com' } });
    expect(await prepareAutoClean(KOMPAS_ARTICLE, { loadSettings: () => Promise.reject(new Error('storage')), injectReader: inject })).toEqual({ skip: 'switched-off' });
    // Answered before the injection ends: a failed one leaves the script's time limit to show the page.
    const failing = vi.fn().mockRejectedValue(new Error('Cannot access contents of the page'));
    expect(await prepareAutoClean(KOMPAS_ARTICLE, { loadSettings: defaults, injectReader: failing })).toEqual({ site: { site: 'kompas', label: 'kompas.com' } });
    expect(failing).toHaveBeenCalledTimes(1);
  });
});

describe('the auto-clean script and the reader script it waits for (one isolated world)', () => {
  it('the reader script hands its boot over instead of opening, once, and only while the script waits', async () => {
    const world = {};
    const boot = vi.fn();
    expect(handToAutoClean(world, boot), 'nobody waits: the reader opens as on a click').toBe(false);
    const waiting = waitForReaderScript(world);
    expect(handToAutoClean(world, boot)).toBe(true);
    expect(await waiting.reader).toBe(boot);
    expect(handToAutoClean(world, boot), 'a second injection (a click later) opens normally').toBe(false);
    const again = waitForReaderScript(world);
    again.stop();
    expect(handToAutoClean(world, boot), 'after the script stopped waiting').toBe(false);
    expect(boot).not.toHaveBeenCalled();
  });
});

describe('the sites\' addresses (what the auto-clean script knows)', () => {
  it('list every rule, in the registry\'s order, each rule spreading its own address', () => {
    expect(SITE_ADDRESSES.map((a) => a.id)).toEqual(SITE_RULES.map((r) => r.id));
    SITE_RULES.forEach((rule, i) => {
      const address = SITE_ADDRESSES[i];
      expect(rule.hosts).toBe(address.hosts);
      expect(rule.articleUrl).toBe(address.articleUrl);
      expect(rule.matches).toBe(address.matches);
      expect(rule.name).toBe(address.name);
    });
  });

  it('find the same site as the rules for any address', () => {
    const urls = [KOMPAS_ARTICLE, 'https://www.kompas.com/', 'https://news.detik.com/berita/d-7000000/judul', 'https://www.bbc.com/indonesia/articles/c4nn3dx0e9qo', 'https://www.bbc.com/news/world-1', 'https://example.org/a'];
    for (const url of urls) expect(findSite(url, SITE_ADDRESSES)?.id ?? null, url).toBe(findRule(url)?.id ?? null);
  });
});
