/**
 * The reader, never declared for any site: injected on demand (toolbar button, Alt+Shift+R, context menu) through
 * activeTab, and by the background for auto-clean on an article of a supported site. The first injection on demand
 * opens the reader; later toggles arrive as messages. Injected to save a page ("Save to Jernih", the popup's "Save
 * this page"), it only gets ready to answer `reader:extract`, and the page stays as it is. Injected for auto-clean
 * (maybe before the document is parsed), it only hands its boot to the auto-clean script (utils/reader/instance.ts).
 */
import { getReader } from '@/utils/reader/boot';
import { handToAutoClean, takeInjectMode } from '@/utils/reader/instance';

export default defineContentScript({
  registration: 'runtime',
  main() {
    const mode = takeInjectMode(globalThis);
    // Injected for the auto-clean script, maybe before the document is parsed: it opens the reader when it can.
    if (handToAutoClean(globalThis, getReader)) return { state: 'closed' };
    const reader = getReader();
    return mode === 'extract' ? { state: reader.isOpen ? 'opened' : 'closed' } : reader.open();
  },
});
