/**
 * The library page: the toolbar popup (opened from the icon's menu, Alt+Shift+L or the reader's Library button)
 * and, with ?view=tab, the same page in a tab. Glue only: utils/library-ui/page.tsx has the logic.
 */
import { safeUrl } from '@/utils/safe-url';
import { earlyLibrary } from './open-early';
import { t, uiLocale } from '@/utils/i18n';
import '@/components/library.css';
import { browser } from 'wxt/browser';
import { startLibraryPage } from '@/utils/library-ui/page';
import { download } from '@/utils/library-ui/download';
import { loadSettings, saveSettings, watchSettings } from '@/utils/settings';
import { isSaveReply, type PageToBackground, type SaveReply } from '@/utils/messages';

const params = new URLSearchParams(location.search);
const mode = params.get('view') === 'tab' ? 'tab' : 'popup';
// The page the popup is about: the active tab, or the one named (the library opened in a window of its own).
const tabParam = Number(params.get('tab') ?? NaN);
const area = browser.storage.local;
const page = (path: string) => browser.runtime.getURL(path as never);
const send = (message: PageToBackground) => browser.runtime.sendMessage(message);
document.documentElement.lang = uiLocale();
document.documentElement.dataset.mode = mode;

startLibraryPage({
  doc: document,
  win: window,
  root: document.getElementById('app')!,
  t,
  locale: uiLocale(),
  mode,
  openLibrary: () => earlyLibrary,
  loadSettings: () => loadSettings(area),
  saveSettings: (patch) => saveSettings(area, patch),
  watchSettings: (cb) => watchSettings(browser.storage.onChanged, cb),
  currentTab:
    mode === 'popup'
      ? async () => {
          const tab = Number.isInteger(tabParam) ? await browser.tabs.get(tabParam) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
          return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
        }
      : undefined,
  saveTab: async (tabId) => {
    const reply = await send({ type: 'library:save-tab', tabId });
    return isSaveReply(reply) ? reply : ({ ok: false, code: 'error', message: String(reply) } satisfies SaveReply);
  },
  readTab: (tabId) => send({ type: 'library:read-tab', tabId }),
  savedUrl: (id) => `${page('/saved.html')}?id=${encodeURIComponent(id)}`,
  open: (url, newTab) => {
    // Saved addresses may come from an imported file: only web addresses and the extension's own pages open.
    const safe = safeUrl(url, { base: location.href });
    if (!safe) return;
    if (newTab) void browser.tabs.create({ url: safe });
    else location.href = safe;
  },
  openTab: (query) => void browser.tabs.create({ url: `${page('/library.html')}?view=tab${query ? `&${query}` : ''}` }),
  openOptions: () => void browser.runtime.openOptionsPage(),
  close: () => mode === 'popup' && window.close(),
  download: (name, data, type) => download(document, name, data, type),
  initialPanel: params.get('panel') === 'import' ? 'import' : params.get('panel') === 'export' ? 'export' : undefined,
});
