/**
 * Thin: routes the toolbar button, Alt+Shift+R and the context menu to the reader toggle; keeps the scripts of
 * user-added sites and of "detect everywhere" in step with settings; shows the detector's badge.
 */
import { browser } from 'wxt/browser';
import { READER_SCRIPT, toggleReaderInTab } from '@/utils/background/toggle';
import { syncRegisteredScripts } from '@/utils/background/user-sites';
import { loadSettings, watchSettings } from '@/utils/settings';
import { isDetectResult } from '@/utils/messages';

const MENU_ID = 'jernih-read';
const NOTICE_PAGE = '/notice.html';
// Firefox MV2 names it browserAction.
const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

let lastTabId: number | undefined;

async function toggle(tabId: number | undefined) {
  if (tabId === undefined) return;
  lastTabId = tabId;
  await action.setBadgeText({ tabId, text: '' });
  return toggleReaderInTab(tabId, {
    sendMessage: (id, message) => browser.tabs.sendMessage(id, message),
    injectReader: async (id) =>
      (await browser.scripting.executeScript({ target: { tabId: id }, files: [READER_SCRIPT] })).map((r) => r.result),
    showCannotRun: async (id) => {
      // No notifications permission: the badge and the button's tooltip carry the message.
      await action.setBadgeBackgroundColor({ tabId: id, color: '#b3261e' });
      await action.setBadgeText({ tabId: id, text: '!' });
      await action.setTitle({ tabId: id, title: browser.i18n.getMessage('cannotRun') });
      // And say it where the person is looking: the toolbar popup, for this tab only, until it navigates.
      await action.setPopup({ tabId: id, popup: NOTICE_PAGE });
      await action.openPopup?.().catch(() => undefined);
    },
  });
}

function syncScripts() {
  void loadSettings(browser.storage.local)
    .then((s) => syncRegisteredScripts(s, browser.scripting as never, browser.permissions))
    .catch((e) => console.warn('Jernih: could not register site scripts', e));
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: browser.i18n.getMessage('contextMenuRead'), contexts: ['page', 'selection', 'image'] });
    syncScripts();
  });
  browser.runtime.onStartup.addListener(syncScripts);
  watchSettings(browser.storage.onChanged, syncScripts);
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || !isDetectResult(message)) return undefined;
    const tabId = sender.tab.id;
    void action.setBadgeBackgroundColor({ tabId, color: '#0e7490' });
    void action.setBadgeText({ tabId, text: message.article ? '✓' : '' });
    if (message.article) void action.setTitle({ tabId, title: browser.i18n.getMessage('articleDetected') });
    return undefined;
  });
  action.onClicked.addListener((tab) => void toggle(tab.id));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-reader') void toggle(tab?.id);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void toggle(tab?.id);
  });
  // A tab that leaves a browser page gets the plain button back.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') {
      void action.setPopup({ tabId, popup: '' });
      void action.setBadgeText({ tabId, text: '' });
    }
  });
  // Test hook for the browser tests (CDP cannot press browser shortcuts): same path as a click.
  (globalThis as Record<string, unknown>).__jernih = { toggle, lastTabId: () => lastTabId };
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
