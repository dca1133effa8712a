/**
 * Declared for the supported news sites only (their article URLs are checked again at run time), and
 * registered at run time for sites the user adds. Opens the reader by itself, with no flash of the page.
 */
import { browser } from 'wxt/browser';
import { SITE_RULES } from '@/utils/extract/sites';
import { sitePatterns } from '@/utils/extract/site-patterns';
import { autoClean } from '@/utils/reader/autoclean';
import { getReader } from '@/utils/reader/boot';
import { loadSettings } from '@/utils/settings';

export default defineContentScript({
  matches: sitePatterns(SITE_RULES),
  runAt: 'document_start',
  main() {
    void autoClean({ doc: document, url: location.href, loadSettings: () => loadSettings(browser.storage.local), getReader });
  },
});
