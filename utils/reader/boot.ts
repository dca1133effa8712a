/**
 * One reader per document, whichever content script comes first: the on-demand one (toolbar, shortcut, menu)
 * or the auto-clean one declared for supported sites. Both share the extension's isolated world, so a symbol on
 * the window finds the instance the other made.
 */
import { browser } from 'wxt/browser';
import { createReaderController, type ReaderController } from './controller';
import { loadSettings, saveSettings, watchSettings } from '../settings';
import { isBackgroundToReader } from '../messages';
import { browserSpeechEngine } from './speech';

const INSTANCE = Symbol.for('jernih.reader');

/** Same-origin fetch with the page's cookies, as the page itself would make it (Firefox: content.fetch). */
function pageFetch(url: string): Promise<string> {
  const f = (globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch ?? fetch;
  return f(url, { credentials: 'include', redirect: 'follow' }).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.text();
  });
}

export function getReader(): ReaderController {
  const w = window as unknown as Record<symbol, ReaderController | undefined>;
  const existing = w[INSTANCE];
  if (existing) return existing;
  const area = browser.storage.local;
  const reader = createReaderController({
    doc: document,
    win: window,
    t: (key, subs) => browser.i18n.getMessage(key as never, subs) || key,
    locale: browser.i18n.getUILanguage(),
    loadSettings: () => loadSettings(area),
    saveSettings: (patch) => saveSettings(area, patch),
    watchSettings: (cb) => watchSettings(browser.storage.onChanged, cb),
    fetchPage: pageFetch,
    // Read when reading starts, not now: the engine is the page window's own.
    speech: () => browserSpeechEngine(window),
    fonts: { FontFace: window.FontFace, url: (path) => browser.runtime.getURL(path as never) },
    version: browser.runtime.getManifest().version,
  });
  w[INSTANCE] = reader;
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only the extension's background talks to the reader (messages from its pages carry no tab).
    if (sender.id !== browser.runtime.id || sender.tab || !isBackgroundToReader(message)) return undefined;
    return message.type === 'reader:toggle' ? reader.toggle() : Promise.resolve(reader.close());
  });
  return reader;
}
