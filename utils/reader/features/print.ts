/** Print: the Print action, and the reader out of the top layer while printing so the article flows over pages. */
import type { ReaderCore, ReaderFeature } from './types';

export function print(core: ReaderCore): ReaderFeature {
  const { win } = core.env;

  const onBeforePrint = () => {
    // Out of the top layer while printing, so the article flows over pages like a normal document.
    try {
      core.view()?.hidePopover();
    } catch {
      // Not shown as a popover.
    }
  };
  const onAfterPrint = () => {
    try {
      core.view()?.showPopover();
    } catch {
      // Already shown, or no Popover API.
    }
  };

  return {
    events: ['print'],
    run() {
      core.panel = null;
      core.paint();
      win.print();
    },
    mounted() {
      win.addEventListener('beforeprint', onBeforePrint);
      win.addEventListener('afterprint', onAfterPrint);
    },
    unmounted() {
      win.removeEventListener('beforeprint', onBeforePrint);
      win.removeEventListener('afterprint', onAfterPrint);
    },
  };
}
