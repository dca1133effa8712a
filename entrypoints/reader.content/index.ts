/**
 * The reader, injected on demand (toolbar button, Alt+Shift+R, context menu) through activeTab: never declared
 * for any site. The first injection opens the reader; later toggles arrive as messages. Injected to save a page
 * ("Save to Jernih", the popup's "Save this page"), the background sets a flag first: then it only gets ready to
 * answer `reader:extract`, and the page stays as it is.
 */
import { getReader } from '@/utils/reader/boot';

const INJECT_MODE = Symbol.for('jernih.inject-mode');

export default defineContentScript({
  registration: 'runtime',
  main() {
    const w = globalThis as Record<symbol, unknown>;
    const mode = w[INJECT_MODE];
    delete w[INJECT_MODE];
    const reader = getReader();
    return mode === 'extract' ? { state: reader.isOpen ? 'opened' : 'closed' } : reader.open();
  },
});
