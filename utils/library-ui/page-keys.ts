/**
 * The library page's keys outside the list (the list has its own): Escape closes the panel, else clears the
 * search, else ends the selection; Ctrl/Cmd+Z undoes the last delete; "/" goes to the search box.
 */
import type { PageContext } from './page-context';

export interface KeyActions {
  /** Closes the panel open (cancelling an import's plan). */
  closePanel: () => void;
  refreshItems: () => Promise<void>;
  canUndo: () => boolean;
  runUndo: () => Promise<void>;
}

const typing = (el: EventTarget | null) => {
  const e = el as HTMLElement | null;
  return !!e && (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA' || e.tagName === 'SELECT' || e.isContentEditable);
};

export function pageKeys({ env, state, paint, track }: PageContext, actions: KeyActions): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.defaultPrevented) return;
    if (e.key === 'Escape') {
      if (state.panel) {
        e.preventDefault();
        return actions.closePanel();
      }
      if (state.query) {
        e.preventDefault();
        state.query = '';
        paint();
        void track(actions.refreshItems());
        return;
      }
      if (state.selecting) {
        e.preventDefault();
        state.selecting = false;
        state.selected.clear();
        return paint();
      }
      return;
    }
    if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z') && !typing(e.target) && actions.canUndo()) {
      e.preventDefault();
      void track(actions.runUndo());
      return;
    }
    if (e.key === '/' && !typing(e.target) && !state.panel) {
      e.preventDefault();
      (env.root.querySelector('[data-action="search"]') as HTMLElement | null)?.focus();
    }
  };
}
