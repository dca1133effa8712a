/**
 * An extension page in a small window of its own (the library when no toolbar popup can open, the pictures question
 * in Firefox), or in a tab where that is not possible. Firefox for Android has no windows API at all (MDN
 * browser-compat-data, webextensions.api.windows: firefox_android false): there `browser.windows` is undefined, and
 * a call on it would throw before any fallback could run. A desktop browser may also refuse the window.
 * Browser APIs come in as arguments.
 */

export interface SmallWindowApis {
  /** Absent in Firefox for Android. */
  windows?: { create(options: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown> };
  tabs: { create(options: { url: string }): Promise<unknown> };
}

/** Opens `url` in a popup window of `size`, or in a tab when there are no windows; says which it used. */
export async function openSmallWindow(apis: SmallWindowApis, url: string, size: { width: number; height: number }): Promise<'window' | 'tab'> {
  const windows = apis.windows;
  if (typeof windows?.create === 'function') {
    try {
      await windows.create({ url, type: 'popup', ...size });
      return 'window';
    } catch {
      // Refused (no normal window to open it from, a kiosk…): a tab says the same.
    }
  }
  await apis.tabs.create({ url });
  return 'tab';
}
