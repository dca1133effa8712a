/**
 * One reader per document, whichever content script comes first: the on-demand one (toolbar, shortcut, menu)
 * or the auto-clean one declared for supported sites. Both share the extension's isolated world, so a symbol on
 * the window finds the instance the other made.
 */
import { h } from 'preact';
import { t, uiLocale } from '../i18n';
import { browser } from 'wxt/browser';
import { createReaderController, showNotice, type ReaderController } from './controller';
import { loadSettings, saveSettings, watchSettings } from '../settings';
import { isBackgroundToReader, type ExtractReply } from '../messages';
import { browserSpeechEngine } from './speech';
import { saveActions } from './save-action';
import { showPictureAsk } from './picture-ask-frame';
import { IconLibrary, IconSave } from '@/components/library-icons';
import { IconTranslate } from '@/components/icons';
import { createReaderTranslation, type ReaderPort } from './translate';
import { TRANSLATE_PORT } from '../background/translate-service';

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
  const actions = saveActions({
    t,
    send: (message) => browser.runtime.sendMessage(message),
    readArticle: () => reader.readArticle(),
    icons: { save: (saved) => h(IconSave, { filled: saved }), library: () => h(IconLibrary, null) },
    // Firefox: the background opens the question in a window (no web-accessible pages there, issue #14).
    askPictures: import.meta.env.FIREFOX
      ? undefined
      : (id) => void showPictureAsk(document, (path) => browser.runtime.getURL(path as never), id, t('pictureAskFrameTitle')),
  });
  const translation = createReaderTranslation({
    uiLang: browser.i18n.getUILanguage(),
    connect: () => browser.runtime.connect({ name: TRANSLATE_PORT }) as unknown as ReaderPort,
    detectLanguage: (text) => browser.i18n.detectLanguage(text),
    // Chrome's on-device translator runs here, in the page, from the reader's click (it needs the gesture).
    scope: window,
    // TEST-ONLY (e2e build): a short download time limit, set by the browser test on the page.
    downloadTimeoutMs: () =>
      import.meta.env.MODE === 'e2e' ? Number(document.documentElement.getAttribute('data-jernih-e2e-download-timeout')) || undefined : undefined,
    openOptions: (setUp) => void browser.runtime.sendMessage({ type: 'translate:open-options', ...(setUp ? { setUp } : {}) }).catch(() => undefined),
    // A service picked in the Translate panel becomes the reader's choice.
    saveProvider: (provider) => saveSettings(area, (cur) => ({ translation: { ...cur.translation, provider } })),
  });
  const reader: ReaderController = createReaderController({
    doc: document,
    win: window,
    t,
    locale: uiLocale(),
    loadSettings: () => loadSettings(area),
    saveSettings: (patch) => saveSettings(area, patch),
    watchSettings: (cb) => watchSettings(browser.storage.onChanged, cb),
    fetchPage: pageFetch,
    // Read when reading starts, not now: the engine is the page window's own.
    speech: () => browserSpeechEngine(window),
    fonts: { FontFace: window.FontFace, url: (path) => browser.runtime.getURL(path as never) },
    version: browser.runtime.getManifest().version,
    actions,
    translation,
    translateIcon: () => h(IconTranslate, null),
    openLibrary: () => void browser.runtime.sendMessage({ type: 'library:open' }).catch(() => undefined),
  });
  w[INSTANCE] = reader;
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only the extension's background talks to the reader (messages from its pages carry no tab).
    if (sender.id !== browser.runtime.id || sender.tab || !isBackgroundToReader(message)) return undefined;
    switch (message.type) {
      case 'reader:toggle':
        return reader.toggle();
      case 'reader:close':
        return Promise.resolve(reader.close());
      case 'reader:extract':
        return reader.readArticle().then(
          (article): ExtractReply => ({ type: 'reader:article', article }),
          (error): ExtractReply => ({ type: 'reader:article', article: null, error: error instanceof Error ? error.message : String(error) }),
        );
      case 'reader:notice':
        showNotice(document, message.text, 5000);
        return Promise.resolve(true);
    }
  });
  return reader;
}
