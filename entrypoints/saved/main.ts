/** A saved article, offline (saved.html?id=…). Glue only: utils/library-ui/saved.ts has the logic. */
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { openLibrary } from '@/utils/library';
import { startSavedPage } from '@/utils/library-ui/saved';
import { loadSettings, saveSettings, watchSettings } from '@/utils/settings';
import { browserSpeechEngine } from '@/utils/reader/speech';
import { createReaderTranslation } from '@/utils/reader/translate';
import { openTranslationCache, type TranslationCache } from '@/utils/translate/cache';
import { IconTranslate } from '@/components/icons';
import { h } from 'preact';

const area = browser.storage.local;
let cache: Promise<TranslationCache> | undefined;
void startSavedPage({
  doc: document,
  win: window,
  t,
  locale: browser.i18n.getUILanguage(),
  id: new URLSearchParams(location.search).get('id'),
  openLibrary: () => openLibrary({ indexedDB, IDBKeyRange }),
  libraryUrl: `${browser.runtime.getURL('/library.html' as never)}?view=tab`,
  loadSettings: () => loadSettings(area),
  saveSettings: (patch) => saveSettings(area, patch),
  watchSettings: (cb) => watchSettings(browser.storage.onChanged, cb),
  speech: () => browserSpeechEngine(window),
  fonts: { FontFace: window.FontFace, url: (path) => browser.runtime.getURL(path as never) },
  version: browser.runtime.getManifest().version,
  translation: createReaderTranslation({
    uiLang: browser.i18n.getUILanguage(),
    direct: { providerEnv: { fetch: (u, init) => fetch(u, init) }, cache: () => (cache ??= openTranslationCache({ indexedDB })) },
    detectLanguage: (text) => browser.i18n.detectLanguage(text),
    scope: window,
    openOptions: () => void browser.runtime.openOptionsPage(),
  }),
  translateIcon: () => h(IconTranslate, null),
});
