/** The in-page reader's swap and restore, with the environment injected (jsdom, no browser). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReaderController, type ReaderEnv } from '@/utils/reader/controller';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { FIXTURES_DIR } from '../helpers/fixtures';

function loadPage(id: string) {
  const html = readFileSync(join(FIXTURES_DIR, id, 'source.html'), 'utf8');
  const url = JSON.parse(readFileSync(join(FIXTURES_DIR, id, 'expected.json'), 'utf8')).url;
  // Written through the document's own parser, as a browser would have it (the sanitizer is not involved).
  document.open();
  document.write(html);
  document.close();
  return url as string;
}

function env(url: string, overrides: Partial<ReaderEnv> = {}) {
  let stored: Settings = { ...DEFAULT_SETTINGS };
  const listeners: ((s: Settings) => void)[] = [];
  window.scrollTo = vi.fn() as never;
  const e: ReaderEnv = {
    doc: document,
    win: window,
    t: (key, subs) => (subs ? `${key}:${subs}` : key),
    loadSettings: async () => stored,
    saveSettings: async (patch) => {
      stored = { ...stored, ...patch };
      listeners.forEach((l) => l(stored));
      return stored;
    },
    watchSettings: (cb) => {
      listeners.push(cb);
      return () => listeners.splice(listeners.indexOf(cb), 1);
    },
    extract: undefined,
    ...overrides,
  };
  return { env: e, get stored() { return stored; }, url };
}

describe('reader controller', () => {
  beforeEach(() => vi.useRealTimers());

  it('swaps the body for the reader and restores the very same nodes on Esc', async () => {
    const url = loadPage('en-news/wire-story');
    const { extractArticle } = await import('@/utils/extract');
    const { env: e } = env(url, { extract: (doc) => extractArticle(doc, { url }) });
    const originalBody = document.body;
    const before = document.documentElement.outerHTML;
    const reader = createReaderController(e);
    expect(await reader.open()).toEqual({ state: 'opened' });
    expect(document.body.id).toBe('jernih-reader');
    const root = document.body.shadowRoot!;
    expect(root.querySelector('h1')!.textContent).toContain('Thames Barrier');
    expect(root.querySelector('.body')!.textContent).toContain('LONDON (Wire)');
    expect(root.querySelector('article')!.getAttribute('lang')).toBe('en');

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(reader.isOpen).toBe(false);
    expect(document.body).toBe(originalBody);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('keeps what page scripts add while open, out of sight, and gives it back on restore', async () => {
    const url = loadPage('blog/personal-blog-post');
    const { extractArticle } = await import('@/utils/extract');
    const { env: e } = env(url, { extract: (doc) => extractArticle(doc, { url }) });
    const reader = createReaderController(e);
    await reader.open();
    const ad = document.createElement('div');
    ad.id = 'late-ad';
    document.body.appendChild(ad); // a page script appending to document.body now appends to the reader host
    const overlay = document.createElement('div');
    overlay.id = 'late-overlay';
    document.documentElement.appendChild(overlay);
    await new Promise((r) => setTimeout(r, 0)); // MutationObserver delivery
    expect(overlay.parentElement?.id).toBe('jernih-reader');
    expect(document.body.shadowRoot!.getElementById('late-ad')).toBeNull();
    reader.close();
    expect(document.getElementById('late-ad')?.parentElement).toBe(document.body);
    expect(document.getElementById('late-overlay')?.parentElement).toBe(document.body);
  });

  it('theme and font size controls update the view and persist', async () => {
    const url = loadPage('en-news/wire-story');
    const { extractArticle } = await import('@/utils/extract');
    const ctx = env(url, { extract: (doc) => extractArticle(doc, { url }) });
    const reader = createReaderController(ctx.env);
    await reader.open();
    const root = document.body.shadowRoot!;
    (root.querySelector('[data-theme-option="sepia"]') as HTMLButtonElement).click();
    (root.querySelector('[data-action="font-larger"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(root.querySelector('.reader')!.getAttribute('data-theme')).toBe('sepia');
    expect(ctx.stored).toMatchObject({ theme: 'sepia', fontSize: DEFAULT_SETTINGS.fontSize + 1 });
    expect(root.querySelector('[data-theme-option="sepia"]')!.getAttribute('aria-checked')).toBe('true');
    (root.querySelector('[data-action="exit"]') as HTMLButtonElement).click();
    expect(reader.isOpen).toBe(false);
  });

  it('a page with no article gets a fading notice and stays as it was', async () => {
    vi.useFakeTimers();
    const url = loadPage('non-article/login-page');
    const { extractArticle } = await import('@/utils/extract');
    const { env: e } = env(url, { extract: (doc) => extractArticle(doc, { url }) });
    const before = document.documentElement.outerHTML;
    const reader = createReaderController(e);
    expect(await reader.open()).toEqual({ state: 'no-article' });
    const notice = document.querySelector('jernih-notice');
    expect(notice?.shadowRoot?.textContent).toContain('noArticle');
    expect(notice?.shadowRoot?.querySelector('[role="status"]')).not.toBeNull();
    vi.advanceTimersByTime(4000);
    expect(document.querySelector('jernih-notice')).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('a failing extraction is reported and the page is left alone', async () => {
    vi.useFakeTimers();
    const url = loadPage('en-news/wire-story');
    const { env: e } = env(url, { extract: () => { throw new Error('boom'); } });
    const reader = createReaderController(e);
    const reply = await reader.open();
    expect(reply.state).toBe('error');
    expect(document.body.id).not.toBe('jernih-reader');
    expect(document.querySelector('jernih-notice')?.shadowRoot?.textContent).toContain('extractError');
    vi.advanceTimersByTime(4000);
  });
});
