/**
 * The reader, injected on demand (toolbar button, Alt+Shift+R, context menu) through activeTab: never declared
 * for any site. The first injection opens the reader; later toggles arrive as messages.
 */
import { getReader } from '@/utils/reader/boot';

export default defineContentScript({
  registration: 'runtime',
  main() {
    return getReader().open();
  },
});
