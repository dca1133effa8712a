/**
 * Thin: routes the toolbar button, Alt+Shift+R and the context menu to the reader toggle; keeps the scripts of
 * user-added sites and of "detect everywhere" in step with settings; shows the detector's badge; saves articles
 * (reader toolbar, menus, popup) and opens the library popup (the icon's own menu, Alt+Shift+L, the reader).
 */
import { browser } from 'wxt/browser';
import { READER_SCRIPT, toggleReaderInTab } from '@/utils/background/toggle';
import { ALL_SITES, syncRegisteredScripts } from '@/utils/background/user-sites';
import { contentRequest, keepPictures, pageRequest, picturesToKeepOf, saveArticle, savedMessage, saveTab, type ExtractDeps, type SaveDeps } from '@/utils/background/library';
import { openLibrary } from '@/utils/library';
import { loadSettings, SETTINGS_KEY, watchSettings } from '@/utils/settings';
import { isAutoCleanPrepare, isDetectResult, isOpenOptions } from '@/utils/messages';
import { prepareAutoClean } from '@/utils/background/autoclean';
import { INJECT_MODE_KEY, type InjectMode } from '@/utils/reader/instance';
import { serveTranslatePort, TRANSLATE_PORT } from '@/utils/background/translate-service';
import { setUpHash } from '@/utils/translate/choice';
import { openTranslationCache, type TranslationCache } from '@/utils/translate/cache';
import { moveKeyOutOfSettings, openSecretStore, translationConfig, type SecretStore } from '@/utils/secrets';
import { t } from '@/utils/i18n';
import { welcomeOnInstalled } from '@/utils/background/welcome';
import { openSmallWindow } from '@/utils/background/small-window';

const MENU_ID = 'jernih-read';
const MENU_SAVE = 'jernih-save';
const MENU_ACTION_LIBRARY = 'jernih-action-library';
const MENU_ACTION_SAVE = 'jernih-action-save';
const NOTICE_PAGE = '/notice.html';
const LIBRARY_PAGE = '/library.html';
// Firefox MV2 names it browserAction.
const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

let lastTabId: number | undefined;
let actionClicks = 0;
/** What each toggle ended in, newest last (the browser tests print it when a reader they waited for never came). */
const toggles: { n: number; tabId: number; state: string; message?: string; ms: number }[] = [];
let toggleCount = 0;
/** runtime.onInstalled events seen and whether the welcome page opened (the browser tests wait for an update's). */
const installs: { reason: string; welcomed: boolean }[] = [];

async function showCannotRun(tabId: number) {
  // No notifications permission: the badge and the button's tooltip carry the message.
  await action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  await action.setBadgeText({ tabId, text: '!' });
  await action.setTitle({ tabId, title: browser.i18n.getMessage('cannotRun') });
  // And say it where the person is looking: the toolbar popup, for this tab only, until it navigates.
  await action.setPopup({ tabId, popup: NOTICE_PAGE });
  await action.openPopup?.().catch(() => undefined);
}

async function toggle(tabId: number | undefined) {
  if (tabId === undefined) return;
  lastTabId = tabId;
  const started = Date.now();
  const logged = (state: string, message?: string) => {
    toggles.push({ n: ++toggleCount, tabId, state, ...(message ? { message } : {}), ms: Date.now() - started });
    if (toggles.length > 20) toggles.shift();
  };
  await action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
  const reply = await toggleReaderInTab(tabId, {
    sendMessage: (id, message) => browser.tabs.sendMessage(id, message),
    injectReader: async (id) =>
      (await browser.scripting.executeScript({ target: { tabId: id }, files: [READER_SCRIPT] })).map((r) => r.result),
    showCannotRun,
  }).catch((error: unknown) => ({ state: 'error' as const, message: String(error) }));
  logged(reply.state, reply.message);
  return reply;
}

/** The reader script, told first (same isolated world) why it comes: to save the page, not to open the reader. */
async function injectReaderToSave(tabId: number): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId },
    func: (key: string, value: string) => void ((globalThis as Record<symbol, unknown>)[Symbol.for(key)] = value),
    args: [INJECT_MODE_KEY, 'extract' satisfies InjectMode],
  });
  await browser.scripting.executeScript({ target: { tabId }, files: [READER_SCRIPT] });
}

/** What each auto-clean decision was, newest last (the browser tests wait for it instead of guessing a time). */
const autoCleans: { tabId: number; url: string; at: number; result: string; decidedMs: number; injectedMs?: number; injectError?: string }[] = [];

/** The auto-clean script's question at document_start (utils/background/autoclean.ts). */
function onAutoCleanPrepare(message: unknown, sender: { id?: string; tab?: { id?: number }; frameId?: number; url?: string }) {
  if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || !isAutoCleanPrepare(message)) return undefined;
  const tabId = sender.tab.id;
  const started = performance.now();
  const entry: (typeof autoCleans)[number] = { tabId, url: sender.url ?? '', at: Date.now(), result: '', decidedMs: 0 };
  autoCleans.push(entry);
  if (autoCleans.length > 20) autoCleans.shift();
  return prepareAutoClean(sender.url, {
    loadSettings: () => loadSettings(browser.storage.local),
    // At once, while the page is still being parsed; the auto-clean script waits for it (utils/reader/instance.ts).
    injectReader: () =>
      browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, injectImmediately: true, files: [READER_SCRIPT] }).then(
        () => void (entry.injectedMs = Math.round(performance.now() - started)),
        (error: unknown) => {
          entry.injectError = String(error);
          throw error;
        },
      ),
  }).then((prepared) => {
    entry.result = 'skip' in prepared ? prepared.skip : 'injecting';
    entry.decidedMs = Math.round(performance.now() - started);
    return prepared;
  });
}

// --- saved articles ---------------------------------------------------------------------------------------------

/** A picture for offline reading, fetched with the extension's host access (the tab's site, or all sites if granted). */
async function fetchImage(url: string): Promise<Blob> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 15_000);
  try {
    const r = await fetch(url, { credentials: 'omit', signal: abort.signal });
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return await r.blob();
  } finally {
    clearTimeout(timer);
  }
}

const saveDeps: SaveDeps & ExtractDeps & { tabUrl: (tabId: number) => Promise<string | undefined> } = {
  openLibrary: (fetch) => openLibrary({ indexedDB, IDBKeyRange, fetchImage: fetch }),
  loadSettings: () => loadSettings(browser.storage.local),
  fetchImage,
  hasAllSites: () => browser.permissions.contains({ origins: ALL_SITES }),
  hostGranted: (origin) => browser.permissions.contains({ origins: [origin] }),
  t,
  sendMessage: (id, message) => browser.tabs.sendMessage(id, message),
  // The reader script, told first (same isolated world) to get ready without opening the reader.
  injectForExtract: injectReaderToSave,
  tabUrl: async (id) => (await browser.tabs.get(id)).url,
};

/** "Save to Jernih" (page menu) and "Save this page" (the icon's menu): save, then say so on the page. */
async function saveFromMenu(tabId: number | undefined) {
  if (tabId === undefined) return;
  lastTabId = tabId;
  const reply = await saveTab(tabId, saveDeps);
  if (!reply.ok && reply.code === 'cannot-run') await showCannotRun(tabId);
  else await browser.tabs.sendMessage(tabId, { type: 'reader:notice', text: savedMessage(reply, t) }).catch(() => undefined);
  return reply;
}

/**
 * The library popup, opened by the icon's menu, Alt+Shift+L or the reader's Library button. The toolbar button
 * itself stays the reader toggle: the popup is set for this one opening and taken off again at once.
 */
async function openLibraryPopup(tabId: number | undefined) {
  const opts = tabId === undefined ? {} : { tabId };
  const before = await action.getPopup(opts).catch(() => '');
  try {
    await action.setPopup({ ...opts, popup: LIBRARY_PAGE });
    await action.openPopup();
  } catch {
    // No openPopup here (Firefox outside a click, no focused window): the same page in a small window, about this tab.
    const url = browser.runtime.getURL(`${LIBRARY_PAGE}${tabId === undefined ? '?view=tab' : `?tab=${tabId}`}` as never);
    await openSmallWindow(browser, url, { width: 400, height: 620 });
  } finally {
    await action.setPopup({ ...opts, popup: before.endsWith(NOTICE_PAGE) ? NOTICE_PAGE : '' }).catch(() => undefined);
  }
}

/** The pictures question in a small window of its own (picture-window.html: the frame's page is web-accessible only by its per-session address). */
async function openPictureAsk(id: string) {
  const url = browser.runtime.getURL(`/picture-window.html?id=${encodeURIComponent(id)}` as never);
  await openSmallWindow(browser, url, { width: 440, height: 300 });
}

/** Library requests: content scripts may save their own tab's article or open the popup; extension pages may save or read any tab. */
function onLibraryMessage(message: unknown, sender: Parameters<typeof contentRequest>[1]): Promise<unknown> | undefined {
  const fromPage = contentRequest(message, sender, browser.runtime.id);
  if (fromPage) {
    const { request, tabId, pageUrl } = fromPage;
    if (request.type === 'library:open') return openLibraryPopup(tabId).then(() => true);
    return saveArticle(saveDeps, request.article, pageUrl).then((reply) => {
      // Issue 13: Chrome asks in place, in a frame the reader shows; Firefox cannot frame an extension page in a
      // web page without exposing its per-install address (issue #14), so the same question opens beside it.
      if (import.meta.env.FIREFOX && reply.ok && reply.images.ask) void openPictureAsk(reply.id);
      return reply;
    });
  }
  const fromExtension = pageRequest(message, sender, browser.runtime.id, browser.runtime.getURL('/' as never));
  if (fromExtension?.type === 'library:save-tab') {
    return saveTab(fromExtension.tabId, saveDeps).then((reply) => {
      // "Save this page" in the popup: the question about the pictures' hosts opens in a window of its own. A
      // browser's permission prompt closes a toolbar popup, and the answer would be lost with it.
      if (reply.ok && reply.images.ask) void openPictureAsk(reply.id);
      return reply;
    });
  }
  if (fromExtension?.type === 'library:read-tab') return toggle(fromExtension.tabId);
  if (fromExtension?.type === 'library:keep-pictures') return keepPictures(saveDeps, fromExtension.id);
  if (fromExtension?.type === 'library:pictures-to-keep') return picturesToKeepOf(saveDeps, fromExtension.id);
  return undefined;
}

// --- translation: the provider, its key and the cache live here, in the extension's origin -----------------------

let translationCache: Promise<TranslationCache> | undefined;
let privateTranslationCache: Promise<TranslationCache> | undefined;
let secretStore: SecretStore | undefined;
const secrets = () => (secretStore ??= openSecretStore({ indexedDB: globalThis.indexedDB }));

/**
 * Issue #14: a key in storage.local (an older version's, or one written there directly) moves to the secret store,
 * where content scripts cannot read it. One move at a time; run at start, on every settings change, before use.
 */
let moving: Promise<unknown> = Promise.resolve();
function moveKeys(): Promise<unknown> {
  moving = moving.then(() => moveKeyOutOfSettings(browser.storage.local, secrets())).catch((e) => console.warn('Jernih: could not move the translation key', e));
  return moving;
}

const translateDeps = {
  getConfig: async () => {
    await moveKeys();
    return translationConfig((await loadSettings(browser.storage.local)).translation.provider, secrets());
  },
  providerEnv: { fetch: (input: string, init?: RequestInit) => fetch(input, init) },
  // A private window's translations stay in memory (the extension's database would outlive the window).
  cache: (incognito: boolean) =>
    incognito ? (privateTranslationCache ??= openTranslationCache({ incognito: true })) : (translationCache ??= openTranslationCache({ indexedDB: globalThis.indexedDB })),
};

function syncScripts() {
  void loadSettings(browser.storage.local)
    .then((s) => syncRegisteredScripts(s, browser.scripting as never, browser.permissions))
    .catch((e) => console.warn('Jernih: could not register site scripts', e));
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener((details) => {
    void welcomeOnInstalled(details, { openTab: (path) => browser.tabs.create({ url: browser.runtime.getURL(path as never) }) }).then(
      (welcomed) => installs.push({ reason: details.reason, welcomed }),
      () => installs.push({ reason: details.reason, welcomed: false }),
    );
    // Firefox for Android has no menus (and no shortcuts, no windows): the API is absent there, not empty.
    const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
    if (menus) {
      menus.create({ id: MENU_ID, title: browser.i18n.getMessage('contextMenuRead'), contexts: ['page', 'selection', 'image'] });
      menus.create({ id: MENU_SAVE, title: browser.i18n.getMessage('contextMenuSave'), contexts: ['page', 'selection', 'image'] });
      // The toolbar icon's own menu (right-click on the icon): the library and saving, since a click reads.
      const onIcon = [import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action'] as ['action'];
      menus.create({ id: MENU_ACTION_LIBRARY, title: browser.i18n.getMessage('menuLibrary'), contexts: onIcon });
      menus.create({ id: MENU_ACTION_SAVE, title: browser.i18n.getMessage('menuSavePage'), contexts: onIcon });
    }
    syncScripts();
  });
  browser.runtime.onStartup.addListener(syncScripts);
  void moveKeys();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SETTINGS_KEY]) void moveKeys();
  });
  watchSettings(browser.storage.onChanged, syncScripts);
  browser.runtime.onMessage.addListener((message: unknown, sender) => onAutoCleanPrepare(message, sender));
  browser.runtime.onMessage.addListener((message: unknown, sender) => onLibraryMessage(message, sender));
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || !isDetectResult(message)) return undefined;
    const tabId = sender.tab.id;
    void action.setBadgeBackgroundColor({ tabId, color: '#0e7490' });
    void action.setBadgeText({ tabId, text: message.article ? '✓' : '' });
    if (message.article) void action.setTitle({ tabId, title: browser.i18n.getMessage('articleDetected') });
    return undefined;
  });
  // Only this extension's own content scripts and pages may translate through it.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== TRANSLATE_PORT) return;
    if (port.sender?.id !== browser.runtime.id) return port.disconnect();
    serveTranslatePort(port as never, translateDeps);
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || !isOpenOptions(message)) return undefined;
    // On one service's set-up: a tab of its own with the service picked (openOptionsPage takes no address part).
    if (message.setUp) return browser.tabs.create({ url: `${browser.runtime.getURL('/options.html' as never)}${setUpHash(message.setUp)}` }).then(() => true);
    return browser.runtime.openOptionsPage().then(() => true);
  });
  action.onClicked.addListener((tab) => {
    actionClicks++;
    void toggle(tab.id);
  });
  // Absent in Firefox for Android (see the menus above): there the toolbar button is the way in.
  (browser.commands as typeof browser.commands | undefined)?.onCommand.addListener((command, tab) => {
    if (command === 'toggle-reader') void toggle(tab?.id);
    if (command === 'open-library') void openLibraryPopup(tab?.id);
  });
  (browser.contextMenus as typeof browser.contextMenus | undefined)?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void toggle(tab?.id);
    if (info.menuItemId === MENU_SAVE || info.menuItemId === MENU_ACTION_SAVE) void saveFromMenu(tab?.id);
    if (info.menuItemId === MENU_ACTION_LIBRARY) void openLibraryPopup(tab?.id);
  });
  // A tab that leaves a browser page gets the plain button back.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') {
      void action.setPopup({ tabId, popup: '' });
      void action.setBadgeText({ tabId, text: '' });
    }
  });
  // Test hook for the browser tests (CDP cannot press browser shortcuts): same path as a click.
  // actionClicks: the browser tests check that a simulated click reached the extension.
  (globalThis as Record<string, unknown>).__jernih = { toggle, lastTabId: () => lastTabId, actionClicks: () => actionClicks, toggles: () => toggles, saveFromMenu, openLibraryPopup, installs: () => installs, autoCleans: () => autoCleans };
  // TEST-ONLY, compiled only by `wxt build -b firefox --mode e2e`: MODE is a build-time constant, so normal
  // builds drop this block. Firefox tests cannot press the button; the e2e-only content script
  // (test/e2e/extension/e2e-toggle.content.ts) asks for the same toggle a click runs, for its own tab.
  if (import.meta.env.MODE === 'e2e') {
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id || (message as { type?: unknown } | null)?.type !== 'jernih:e2e-toggle') return undefined;
      return toggle(sender.tab?.id);
    });
  }
});
