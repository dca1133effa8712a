/**
 * "Detect articles everywhere" (off by default): registered at run time for all sites only while the mode is
 * on. Tells the background whether this page holds an article, so the toolbar icon can show a badge.
 */
import { browser } from 'wxt/browser';
import { looksLikeArticle } from '@/utils/extract/detect';

export default defineContentScript({
  registration: 'runtime',
  main() {
    const article = looksLikeArticle(document, location.href);
    void browser.runtime.sendMessage({ type: 'detect:result', article }).catch(() => undefined);
  },
});
