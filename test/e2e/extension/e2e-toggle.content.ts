/**
 * TEST-ONLY content script, built into the e2e Firefox build alone (`wxt build -b firefox --mode e2e`, see
 * wxt.config.ts). Firefox gives a test no way to press the toolbar button, and activeTab needs that gesture, so
 * the test dispatches `window` event 'jernih:e2e-toggle'; this asks the background to run the very toggle a
 * click runs (for this tab), then answers with event 'jernih:e2e-toggled' whose detail is the reply as JSON.
 * It writes nothing to the DOM, so the page's DOM digest is the same with or without it.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { E2E_HOST_PATTERNS } from './e2e-hosts';

export default defineContentScript({
  matches: E2E_HOST_PATTERNS,
  // Listening before the page's load event: a test that waited for `load` can dispatch at once.
  runAt: 'document_start',
  main() {
    window.addEventListener('jernih:e2e-toggle', () => {
      browser.runtime
        .sendMessage({ type: 'jernih:e2e-toggle' })
        .then(
          (reply) => JSON.stringify(reply ?? null),
          (error: unknown) => JSON.stringify({ state: 'error', message: String(error) }),
        )
        .then((detail) => window.dispatchEvent(new CustomEvent('jernih:e2e-toggled', { detail })));
    });
  },
});
