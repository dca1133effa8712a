/**
 * The reader, injected on demand (toolbar button, Alt+Shift+R, context menu) through activeTab: never declared
 * for any site. The first injection opens the reader; later toggles arrive as messages.
 */
import { browser } from 'wxt/browser';
import { createReaderController } from '@/utils/reader/controller';
import { loadSettings, saveSettings, watchSettings } from '@/utils/settings';
import { isBackgroundToReader } from '@/utils/messages';

const INSTANCE = Symbol.for('jernih.reader');

export default defineContentScript({
  registration: 'runtime',
  main() {
    const w = window as unknown as Record<symbol, unknown>;
    if (w[INSTANCE]) return; // injected twice into one document: the first instance answers messages.
    const area = browser.storage.local;
    const reader = createReaderController({
      doc: document,
      win: window,
      t: (key, subs) => browser.i18n.getMessage(key as never, subs) || key,
      locale: browser.i18n.getUILanguage(),
      loadSettings: () => loadSettings(area),
      saveSettings: (patch) => saveSettings(area, patch),
      watchSettings: (cb) => watchSettings(browser.storage.onChanged, cb),
    });
    w[INSTANCE] = reader;
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      // Only the extension itself talks to the reader (sender.tab is set for messages from other pages' scripts).
      if (sender.id !== browser.runtime.id || sender.tab || !isBackgroundToReader(message)) return undefined;
      return message.type === 'reader:toggle' ? reader.toggle() : Promise.resolve(reader.close());
    });
    return reader.open();
  },
});
