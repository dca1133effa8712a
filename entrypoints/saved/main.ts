/** A saved article, offline (saved.html?id=…). Glue only: utils/library-ui/saved.ts has the logic. */
import { browser } from 'wxt/browser';
import { t, uiLocale } from '@/utils/i18n';
import { openLibrary } from '@/utils/library';
import { startSavedPage } from '@/utils/library-ui/saved';
import { loadSettings, saveSettings, watchSettings } from '@/utils/settings';
import { browserSpeechEngine } from '@/utils/reader/speech';
import { createReaderTranslation } from '@/utils/reader/translate';
import { openTranslationCache, type TranslationCache } from '@/utils/translate/cache';
import { setUpHash } from '@/utils/translate/choice';
import { openSecretStore, type SecretStore } from '@/utils/secrets';
import { IconTranslate } from '@/components/icons';
import { h } from 'preact';
import type { KeepPicturesReply } from '@/utils/background/library';

const area = browser.storage.local;
let cache: Promise<TranslationCache> | undefined;
let secrets: SecretStore | undefined;
void startSavedPage({
  doc: document,
  win: window,
  t,
  locale: uiLocale(),
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
    direct: {
      providerEnv: { fetch: (u, init) => fetch(u, init) },
      cache: () => (cache ??= openTranslationCache({ indexedDB })),
      secrets: () => (secrets ??= openSecretStore({ indexedDB })),
    },
    detectLanguage: (text) => browser.i18n.detectLanguage(text),
    scope: window,
    openOptions: (setUp) =>
      void (setUp ? browser.tabs.create({ url: `${browser.runtime.getURL('/options.html' as never)}${setUpHash(setUp)}` }) : browser.runtime.openOptionsPage()),
    saveProvider: (provider) => saveSettings(area, (cur) => ({ translation: { ...cur.translation, provider } })),
  }),
  translateIcon: () => h(IconTranslate, null),
  pictures: {
    request: (origins) => browser.permissions.request({ origins }),
    contains: (origins) => browser.permissions.contains({ origins }),
    onAdded: (listener) => {
      browser.permissions.onAdded.addListener(listener);
      return () => browser.permissions.onAdded.removeListener(listener);
    },
    keep: (id) => browser.runtime.sendMessage({ type: 'library:keep-pictures', id }) as Promise<KeepPicturesReply>,
  },
});
