/**
 * Declared for the supported news sites only, at document_start on every one of their pages, and registered at run
 * time for sites the user adds: so it is small (issue 15, ≤ 8 KB gzipped; npm run bench). It hides an article page
 * at once, asks the background (which injects the reader there only), and opens the reader, with no flash of the page.
 */
import { browser } from 'wxt/browser';
import { SITE_ADDRESSES } from '@/utils/extract/sites/addresses';
import { sitePatterns } from '@/utils/extract/site-patterns';
import { autoClean, type AutoCleanPrepared } from '@/utils/reader/autoclean';
import { AUTOCLEAN_PREPARE } from '@/utils/messages';
import { setAutoCleanResult, waitForReaderScript } from '@/utils/reader/instance';

export default defineContentScript({
  matches: sitePatterns(SITE_ADDRESSES),
  runAt: 'document_start',
  main() {
    // Waiting from the start: the reader the background injects for this page hands itself over (utils/reader/instance.ts).
    const waiting = waitForReaderScript(globalThis);
    void autoClean({
      doc: document,
      url: location.href,
      prepare: () => browser.runtime.sendMessage({ type: AUTOCLEAN_PREPARE }) as Promise<AutoCleanPrepared>,
      reader: () => waiting.reader.then((boot) => boot()),
    })
      .then((result) => setAutoCleanResult(globalThis, result))
      .finally(waiting.stop);
  },
});
