/** The in-page reader's swap and restore, with the environment injected (jsdom, no browser). */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReaderController, type ReaderEnv } from '@/utils/reader/controller';
import { DEFAULT_SETTINGS, migrateSettings, type Settings } from '@/utils/settings';
import { FakeSpeech } from '../helpers/fake-speech';
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

// Preact runs effects after paint, with a 100 ms timer where there are no animation frames; the last test's
// timers must fire while this file's jsdom window still exists (after it, cancelAnimationFrame is gone and the
// timer throws). A drain of pending timers, not a wait for anything the tests assert.
afterAll(() => new Promise<void>((done) => setTimeout(done, 250)));

function env(url: string, overrides: Partial<ReaderEnv> = {}, initial: Partial<Settings> = {}) {
  let stored: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const listeners: ((s: Settings) => void)[] = [];
  window.scrollTo = vi.fn() as never;
  const e: ReaderEnv = {
    doc: document,
    win: window,
    t: (key, subs) => (subs ? `${key}:${subs}` : key),
    loadSettings: async () => stored,
    saveSettings: async (patch) => {
      stored = migrateSettings({ ...stored, ...(typeof patch === 'function' ? patch(stored) : patch) });
      listeners.forEach((l) => l(stored));
      return stored;
    },
    watchSettings: (cb) => {
      listeners.push(cb);
      return () => listeners.splice(listeners.indexOf(cb), 1);
    },
    extract: undefined,
    // jsdom's events are all synthetic; the extension drops those (trusted-input.ts).
    acceptSyntheticEvents: true,
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
    (root.querySelector('[data-panel-toggle="appearance"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    (root.querySelector('[data-theme-option="sepia"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    (root.querySelector('[data-action="font-larger"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(root.querySelector('.reader')!.getAttribute('data-theme')).toBe('sepia');
    expect(ctx.stored).toMatchObject({ theme: 'sepia', fontSize: DEFAULT_SETTINGS.fontSize + 1 });
    expect(root.querySelector('[data-theme-option="sepia"]')!.getAttribute('aria-checked')).toBe('true');
    (root.querySelector('[data-action="exit"]') as HTMLButtonElement).click();
    expect(reader.isOpen).toBe(false);
  });

  it('a page with no article gets a notice that stays, offers the next steps, closes on Esc, and leaves the page as it was', async () => {
    vi.useFakeTimers();
    const url = loadPage('non-article/app-shell');
    const { extractArticle } = await import('@/utils/extract');
    const openLibrary = vi.fn();
    const { env: e } = env(url, { extract: (doc) => extractArticle(doc, { url }), openLibrary });
    const before = document.documentElement.outerHTML;
    const reader = createReaderController(e);
    expect(await reader.open()).toEqual({ state: 'no-article' });
    const notice = document.querySelector('jernih-notice');
    const root = notice?.shadowRoot;
    expect(root?.textContent).toContain('noArticle');
    expect(root?.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby')).toBe('jernih-no-article-title');
    expect(Array.from(root?.querySelectorAll('button') ?? []).map((b) => b.dataset.action)).toEqual(['no-article-pick', 'no-article-library', 'no-article-close']);
    // The next steps are one key away: the focus is on Pick.
    expect(root?.activeElement?.getAttribute('data-action')).toBe('no-article-pick');
    // It no longer fades: still there long after a toast would have gone.
    vi.advanceTimersByTime(60_000);
    expect(document.querySelector('jernih-notice')).toBe(notice);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector('jernih-notice')).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);

    // Saved articles: the library opens and the notice goes. The button again dismisses a notice that is up.
    await reader.open();
    (document.querySelector('jernih-notice')!.shadowRoot!.querySelector('[data-action="no-article-library"]') as HTMLButtonElement).click();
    expect(openLibrary).toHaveBeenCalledTimes(1);
    expect(document.querySelector('jernih-notice')).toBeNull();
    await reader.open();
    expect(await reader.toggle()).toEqual({ state: 'closed' });
    expect(document.querySelector('jernih-notice')).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('the no-article notice ignores what the page fakes: synthetic clicks and keys', async () => {
    const url = loadPage('non-article/app-shell');
    const { extractArticle } = await import('@/utils/extract');
    const openLibrary = vi.fn();
    const { env: e } = env(url, { extract: (doc) => extractArticle(doc, { url }), openLibrary, acceptSyntheticEvents: false });
    const reader = createReaderController(e);
    expect(await reader.open()).toEqual({ state: 'no-article' });
    const root = document.querySelector('jernih-notice')!.shadowRoot!;
    for (const action of ['no-article-pick', 'no-article-library', 'no-article-close']) (root.querySelector(`[data-action="${action}"]`) as HTMLButtonElement).click();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(openLibrary).not.toHaveBeenCalled();
    expect(document.querySelector('jernih-picker')).toBeNull();
    expect(document.querySelector('jernih-notice')).not.toBeNull();
    await reader.toggle();
    expect(document.querySelector('jernih-notice')).toBeNull();
  });

  it('Pick from the no-article notice picks a block on the page and opens the reader with it', async () => {
    document.open();
    document.write(`<!doctype html><html lang="en"><head><title>Harbour Ferries</title></head><body><div id="site" aria-hidden="true">
<div class="notes"><h2>Notes for passengers</h2><p>Ferries leave the north pier every hour from six in the morning. Tickets are sold at the pier and on board, and children under five travel free with an adult.</p>
<p>Bicycles are carried on every crossing, dogs on a lead too. Please arrive ten minutes early so the crew can load the cars first and leave on time.</p></div></div></body></html>`);
    document.close();
    const url = 'https://ferry.example.org/notes';
    const { extractArticle } = await import('@/utils/extract');
    const { env: e } = env(url, { extract: (doc, u, rule, gate) => extractArticle(doc, { url, userRule: rule, gate }) });
    const reader = createReaderController(e);
    expect(await reader.open()).toEqual({ state: 'no-article' });
    (document.querySelector('jernih-notice')!.shadowRoot!.querySelector('[data-action="no-article-pick"]') as HTMLButtonElement).click();
    expect(document.querySelector('jernih-notice')).toBeNull();
    const picker = document.querySelector('jernih-picker');
    expect(picker).not.toBeNull();
    // A click on the block picks it (jsdom has no layout: elementFromPoint says which block is under the pointer).
    const notes = document.querySelector('.notes')!;
    document.elementFromPoint = () => notes;
    notes.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    await vi.waitFor(() => expect(document.body.id).toBe('jernih-reader'));
    expect(reader.isOpen).toBe(true);
    expect(document.body.shadowRoot!.querySelector('.body')!.textContent).toContain('Bicycles are carried');
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

const tick = () => new Promise((r) => setTimeout(r, 0));
const key = (k: string, init: KeyboardEventInit = {}) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }));
const q = <T extends Element = HTMLElement>(sel: string) => document.body.shadowRoot!.querySelector(sel) as T | null;

async function openOn(id: string, overrides: Partial<ReaderEnv> = {}, initial: Partial<Settings> = {}) {
  const url = loadPage(id);
  const { extractArticle } = await import('@/utils/extract');
  const ctx = env(url, { extract: (doc, u, userRule) => extractArticle(doc, { url: u, userRule }), ...overrides }, initial);
  const reader = createReaderController(ctx.env);
  expect(await reader.open()).toEqual({ state: 'opened' });
  await tick();
  return { reader, ctx, url };
}

describe('reader features (jsdom)', () => {
  beforeEach(() => vi.useRealTimers());

  it('keyboard: size, width, theme, images; "?" lists the shortcuts; Esc closes the panel first, then the reader', async () => {
    const { reader, ctx } = await openOn('en-news/wire-story');
    key('+');
    key(']');
    key('t');
    key('i');
    await tick();
    expect(ctx.stored).toMatchObject({ fontSize: DEFAULT_SETTINGS.fontSize + 1, columnWidth: DEFAULT_SETTINGS.columnWidth + 5, theme: 'light', showImages: false });
    expect(q('.reader')!.getAttribute('data-images')).toBe('off');
    expect(q('.reader')!.style.getPropertyValue('--measure')).toBe('75ch');
    key('?');
    await tick();
    expect(q('[data-panel="help"]')?.textContent).toContain('shortcutListen');
    expect(q('[data-shortcut="save"]'), 'save is listed only once saving exists').toBeNull();
    key('Escape');
    await tick();
    expect(q('[data-panel="help"]')).toBeNull();
    expect(reader.isOpen).toBe(true);
    key('Escape');
    expect(reader.isOpen).toBe(false);
  });

  it('shortcuts are not taken from text fields; focus goes into a panel and back where it was', async () => {
    const engine = new FakeSpeech([{ name: 'English', lang: 'en-GB', voiceURI: 'en-1', default: true }]);
    const { reader, ctx } = await openOn('en-news/wire-story', { speech: () => engine });
    const toggle = q<HTMLButtonElement>('[data-panel-toggle="appearance"]')!;
    toggle.focus();
    toggle.click();
    await tick();
    const root = document.body.shadowRoot!;
    expect(root.activeElement?.closest('[data-panel="appearance"]')).not.toBeNull();
    key('Escape');
    await tick();
    expect(root.activeElement).toBe(toggle);
    key('v'); // nothing
    (q('[data-panel-toggle="speech"]') as HTMLButtonElement).click();
    await tick();
    const select = q<HTMLSelectElement>('select[data-setting="voice"]')!;
    select.focus();
    select.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true, composed: true }));
    await tick();
    expect(ctx.stored.fontSize, 'a key typed into a field is not a shortcut').toBe(DEFAULT_SETTINGS.fontSize);
    reader.close();
  });

  it('read aloud with a fake engine: starts at the title, highlights the paragraph and the word, pauses, resumes, stops', async () => {
    const engine = new FakeSpeech([{ name: 'English', lang: 'en-GB', voiceURI: 'en-1', default: true }]);
    const { reader, ctx } = await openOn('en-news/wire-story', { speech: () => engine });
    // Listen opens the Listen panel (play, stop, voice, speed); its first button reads.
    (q('.toolbar [data-panel-toggle="speech"]') as HTMLButtonElement).click();
    await tick();
    (q('[data-panel="speech"] [data-action="listen"]') as HTMLButtonElement).click();
    await tick();
    expect(engine.last.text).toContain('Thames Barrier');
    expect(q('#jernih-title')!.classList.contains('speaking')).toBe(true);
    engine.end();
    const first = q('.body p')!;
    expect(first.classList.contains('speaking')).toBe(true);
    expect(engine.last.text).toContain('LONDON');
    engine.word('LONDON');
    expect(first.getAttribute('data-word')).toBe('LONDON');
    expect(q('[data-action="listen"]')!.getAttribute('aria-label')).toBe('listenPause');
    key('l');
    await tick();
    expect(q('[data-action="listen"]')!.getAttribute('aria-label')).toBe('listenResume');
    key('l');
    await tick();
    expect(engine.last.text.startsWith('LONDON')).toBe(true);
    // A click on another paragraph reads from there.
    const third = document.body.shadowRoot!.querySelectorAll('.body p')[2] as HTMLElement;
    third.click();
    expect(third.classList.contains('speaking')).toBe(true);
    // The rate is the reader's own and applies at once (the Listen panel is still open).
    expect(q('[data-panel="speech"]')).not.toBeNull();
    (q('[data-action="rate-more"]') as HTMLButtonElement).click();
    await tick();
    expect(ctx.stored.speechRate).toBe(1.1);
    expect(engine.last.rate).toBe(1.1);
    key('L', { shiftKey: true });
    await tick();
    expect(q('.speaking')).toBeNull();
    expect(q('[data-action="listen-stop"]')).toBeNull();
    reader.close();
  });

  it('tells the reader when no voice speaks the article language', async () => {
    const engine = new FakeSpeech([{ name: 'English', lang: 'en-US', voiceURI: 'en-1', default: true }]);
    const { reader } = await openOn('kompas/seed-putin-kim', { speech: () => engine, locale: 'en' });
    key('l');
    await new Promise((r) => setTimeout(r, 10));
    expect(engine.spoken).toHaveLength(0);
    expect(q('[data-no-voice]')?.textContent).toContain('noVoice:Indonesian');
    reader.close();
  });

  it('remove blocks: click removes, undo restores, "remember" stores a selector of the original page for the site', async () => {
    const { reader, ctx, url } = await openOn('en-news/wire-story');
    key('x');
    await tick();
    expect(q('.fixbar')?.getAttribute('data-fix')).toBe('removing');
    const paras = Array.from(document.body.shadowRoot!.querySelectorAll('.body p')) as HTMLElement[];
    paras[1].click();
    paras[2].click();
    await tick();
    expect(paras[1].hidden && paras[2].hidden).toBe(true);
    key('u');
    await tick();
    expect(paras[2].hidden).toBe(false);
    (q('[data-action="remember"]') as HTMLButtonElement).click();
    await tick();
    const rule = ctx.stored.userRules[0];
    // The reader keeps rules by the host it runs on (jsdom: localhost).
    expect(rule.host).toBe(new URL(window.location.href).hostname.replace(/^www\./, ''));
    expect(url).toMatch(/^https?:/);
    expect(rule.remove).toHaveLength(1);
    // The selector finds that paragraph in the page itself.
    reader.close();
    const matched = document.querySelector(rule.remove[0]);
    expect(matched?.textContent?.replace(/\s+/g, ' ').trim()).toBe(paras[1].textContent!.replace(/\s+/g, ' ').trim());
    // Next time the block is gone before the reader shows, and the rule can be forgotten from the menu.
    await reader.open();
    await tick();
    expect(document.body.shadowRoot!.querySelector('.body')!.textContent).not.toContain(paras[1].textContent!.trim().slice(0, 40));
    key('m');
    await tick();
    expect(q('[data-action="forget-rule"]')).not.toBeNull();
    (q('[data-action="forget-rule"]') as HTMLButtonElement).click();
    await tick();
    expect(ctx.stored.userRules).toEqual([]);
    reader.close();
  });

  it('remove blocks by keyboard alone: blocks take focus, Delete removes and moves on, Esc leaves the mode', async () => {
    const { reader } = await openOn('en-news/wire-story');
    key('x');
    await tick();
    const stops = Array.from(document.body.shadowRoot!.querySelectorAll('.body [tabindex="0"]')) as HTMLElement[];
    expect(stops.length).toBeGreaterThan(3);
    stops[0].focus();
    stops[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, composed: true }));
    await tick();
    expect(stops[0].hidden).toBe(true);
    expect(document.body.shadowRoot!.activeElement).toBe(stops[1]);
    expect(q('.fixbar .count')?.textContent).toBe('removedCount:1');
    key('Escape');
    await tick();
    expect(q('.fixbar')).toBeNull();
    expect(document.body.shadowRoot!.querySelectorAll('.body [tabindex="0"]')).toHaveLength(0);
    expect(reader.isOpen).toBe(true);
    reader.close();
  });

  it('a stored rule with a body shapes the extraction at open', async () => {
    const url = loadPage('en-news/wire-story');
    const calls: unknown[] = [];
    const { extractArticle } = await import('@/utils/extract');
    const host = new URL(window.location.href).hostname;
    const ctx = env(url, { extract: (doc, u, userRule) => (calls.push(userRule), extractArticle(doc, { url: u, userRule })) }, {
      userRules: [{ host, body: 'article', remove: ['.nothing'], updated: new Date(0).toISOString() }],
    });
    const reader = createReaderController(ctx.env);
    await reader.open();
    expect(calls).toEqual([{ body: 'article', remove: ['.nothing'] }]);
    reader.close();
  });

  it('report a problem copies compact JSON inside the click and shows it', async () => {
    const copied: string[] = [];
    const { reader } = await openOn('en-news/wire-story', { copyText: async (text) => (copied.push(text), true), version: '9.9.9' });
    key('m');
    await tick();
    (q('[data-action="report"]') as HTMLButtonElement).click();
    expect(copied).toHaveLength(1);
    const report = JSON.parse(copied[0]);
    expect(report).toMatchObject({ jernih: '9.9.9', rule: 'generic', removed: { byYouInThisView: 0 } });
    expect(report.firstParagraph).toContain('LONDON');
    expect(report.kept.words).toBeGreaterThan(100);
    await tick();
    expect(q('[data-report-status]')?.getAttribute('data-report-status')).toBe('copied');
    expect((q('textarea[data-report]') as HTMLTextAreaElement).value).toBe(copied[0]);
    reader.close();
  });

  it('the reader is an article landmark with a labelled heading; every button has a name', async () => {
    const { reader } = await openOn('en-news/longform-magazine');
    const article = q('article')!;
    expect(article.getAttribute('aria-labelledby')).toBe('jernih-title');
    for (const b of Array.from(document.body.shadowRoot!.querySelectorAll('button'))) {
      expect(b.getAttribute('aria-label') || b.textContent?.trim(), b.outerHTML.slice(0, 80)).toBeTruthy();
    }
    reader.close();
  });

  it('"Report a problem" carries the engine\'s trace: the rule, what Readability found, what was removed and why', async () => {
    let copied = '';
    const { reader } = await openOn('id-generic/regional-tribun', { copyText: async (text) => ((copied = text), true) });
    (q('[data-panel-toggle="more"]') as HTMLButtonElement).click();
    await tick();
    const button = q('[data-action="report"]') as HTMLButtonElement;
    expect(button).not.toBeNull();
    button.click();
    await tick();
    const report = JSON.parse(copied) as { why: string[] };
    expect(report.why[0]).toBe('rule: none: the generic path');
    expect(report.why).toContainEqual(expect.stringMatching(/^readability: \d+ words$/));
    expect(report.why).toContainEqual(expect.stringMatching(/^text: removed <p> \(read-also, label or promo\) "Baca juga/i));
    expect(report.why.at(-1)).toMatch(/^result: \d+ words \(generic\)$/);
    reader.close();
  });
});
