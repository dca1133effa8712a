import { describe, expect, it, vi } from 'vitest';
import { autoClean, hidePage, HIDE_LIMIT_MS } from '@/utils/reader/autoclean';
import { siteFor } from '@/utils/reader/site-switch';
import { migrateSettings, type Settings } from '@/utils/settings';
import type { ReaderController } from '@/utils/reader/controller';

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

  it('opens the reader on an article URL of a supported site', async () => {
    const reader = fakeReader();
    const result = await autoClean({ doc: document, url: KOMPAS_ARTICLE, loadSettings: async () => migrateSettings(undefined), getReader: () => reader });
    expect(result).toBe('opened');
    expect(reader.open).toHaveBeenCalledWith({ auto: { site: 'kompas', label: 'kompas.com' } });
    expect(hidden(), 'page shown again').toBe(false);
  });

  it('leaves home pages alone, and sites switched off', async () => {
    const reader = fakeReader();
    expect(await autoClean({ doc: document, url: 'https://www.kompas.com/', loadSettings: async () => migrateSettings(undefined), getReader: () => reader })).toBe('not-article-url');
    const off: Settings = migrateSettings({ autoCleanOff: ['kompas'] });
    expect(await autoClean({ doc: document, url: KOMPAS_ARTICLE, loadSettings: async () => off, getReader: () => reader })).toBe('switched-off');
    expect(reader.open).not.toHaveBeenCalled();
    expect(hidden()).toBe(false);
  });

  it('gives up and shows the original page when it takes too long', async () => {
    const reader = fakeReader();
    let fire: () => void = () => undefined;
    let settle: (s: Settings) => void = () => undefined;
    const pending = autoClean({
      doc: document,
      url: KOMPAS_ARTICLE,
      loadSettings: () => new Promise((ok) => (settle = ok)),
      getReader: () => reader,
      setTimeout: (fn, ms) => {
        expect(ms).toBe(HIDE_LIMIT_MS);
        fire = fn;
      },
    });
    expect(hidden(), 'hidden while waiting').toBe(true);
    fire(); // 1.5 s passed
    expect(hidden(), 'original page shows').toBe(false);
    settle(migrateSettings(undefined));
    expect(await pending).toBe('too-slow');
    expect(reader.open).not.toHaveBeenCalled();

  });
});
