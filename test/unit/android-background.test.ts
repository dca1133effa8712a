/**
 * Firefox for Android has no menus, no keyboard shortcuts and no windows (MDN browser-compat-data:
 * webextensions.api.menus, .commands and .windows are firefox_android false): the APIs are absent, not empty. The
 * background must start there all the same, and what opens a small window elsewhere opens a tab (issue 15, part 3).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSmallWindow } from '@/utils/background/small-window';

describe('openSmallWindow', () => {
  const size = { width: 440, height: 300 };

  it('opens a popup window of the size asked where there are windows', async () => {
    const windows = { create: vi.fn(async () => ({})) };
    const tabs = { create: vi.fn(async () => ({})) };
    expect(await openSmallWindow({ windows, tabs }, 'moz-extension://x/picture-window.html?id=1', size)).toBe('window');
    expect(windows.create).toHaveBeenCalledWith({ url: 'moz-extension://x/picture-window.html?id=1', type: 'popup', width: 440, height: 300 });
    expect(tabs.create).not.toHaveBeenCalled();
  });

  it('opens a tab where there is no windows API (Firefox for Android)', async () => {
    const tabs = { create: vi.fn(async () => ({})) };
    expect(await openSmallWindow({ tabs }, 'moz-extension://x/picture-window.html?id=2', size)).toBe('tab');
    expect(tabs.create).toHaveBeenCalledWith({ url: 'moz-extension://x/picture-window.html?id=2' });
  });

  it('opens a tab when the browser refuses the window', async () => {
    const windows = { create: vi.fn(async () => Promise.reject(new Error('no normal window'))) };
    const tabs = { create: vi.fn(async () => ({})) };
    expect(await openSmallWindow({ windows, tabs }, 'u', size)).toBe('tab');
    expect(tabs.create).toHaveBeenCalledWith({ url: 'u' });
  });
});

describe('the background on Firefox for Android', () => {
  const fake = fakeBrowser as unknown as Record<string, unknown>;
  const MISSING = ['contextMenus', 'menus', 'commands', 'windows'] as const;
  const saved = new Map<string, unknown>();

  beforeEach(() => {
    fakeBrowser.reset();
    for (const name of MISSING) {
      saved.set(name, fake[name]);
      fake[name] = undefined;
    }
    // Storage and IndexedDB failures are logged, not thrown; keep the test output quiet.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Not in the fake: the translation port (present on Android).
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
  });
  afterEach(() => {
    for (const [name, api] of saved) fake[name] = api;
    vi.restoreAllMocks();
    delete (globalThis as Record<string, unknown>).__jernih;
  });

  it('starts without menus, shortcuts or windows, installs, and opens the library in a tab', async () => {
    const background = (await import('@/entrypoints/background')).default as unknown as { main: () => void };
    expect(() => background.main()).not.toThrow();
    // The test hook is set last of all: the whole start ran, past the missing APIs.
    const hook = (globalThis as Record<string, unknown>).__jernih as { openLibraryPopup: (tabId?: number) => Promise<void>; installs: () => { reason: string; welcomed: boolean }[] };
    expect(hook).toBeDefined();

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(hook.installs()).toEqual([{ reason: 'install', welcomed: true }]));

    // No popup opens here (as outside a click), and there is no window: a tab instead.
    vi.spyOn(fakeBrowser.action, 'getPopup').mockResolvedValue('');
    vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'openPopup').mockRejectedValue(new Error('openPopup requires a user action'));
    await hook.openLibraryPopup(7);
    const urls = (await fakeBrowser.tabs.query({})).map((tab) => tab.url ?? '');
    expect(urls.some((u) => u.endsWith('/library.html?tab=7')), urls.join(' ')).toBe(true);
  });
});
