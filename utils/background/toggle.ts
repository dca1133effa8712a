/**
 * What the toolbar button, the shortcut and the context menu do: toggle the reader in the tab. Browser APIs come
 * in as arguments so the decision logic is unit-tested without a browser.
 */
import type { ReaderReply } from '../messages';
import { isReaderReply } from '../messages';

export interface ToggleDeps {
  sendMessage: (tabId: number, message: unknown) => Promise<unknown>;
  injectReader: (tabId: number) => Promise<unknown[]>;
  /** Tell the person the page can't be read (browser pages, the web store). */
  showCannotRun: (tabId: number, reason: string) => Promise<void>;
}

export const READER_SCRIPT = '/content-scripts/reader.js';

export async function toggleReaderInTab(tabId: number, deps: ToggleDeps): Promise<ReaderReply> {
  // A reader already injected in this document answers the message; otherwise there is no receiver.
  try {
    const reply = await deps.sendMessage(tabId, { type: 'reader:toggle' });
    if (isReaderReply(reply)) return reply;
  } catch {
    // No content script yet (or the page navigated since): inject it below.
  }
  try {
    const results = await deps.injectReader(tabId);
    const reply = results.find(isReaderReply);
    return reply ?? { state: 'opened' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await deps.showCannotRun(tabId, reason);
    return { state: 'error', message: reason };
  }
}
