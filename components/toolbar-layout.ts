/**
 * What the reader's toolbar shows, and what moves into More when the bar is too narrow for it (issue 13: on a
 * 320–414 px phone the bar overflowed and More went off-screen). The bar measures itself (ReaderToolbar) and asks
 * for one more item in More until it fits; this module only decides which item goes next.
 */
import type { ComponentChildren } from 'preact';

/** A control of the bar that may move into More (Exit and More itself never move). */
export interface BarItem {
  /** Stable key: the action's id ('save', 'translate'…) or 'panel:<name>' for a panel toggle. */
  key: string;
  /** Where it sits on the bar: the actions on the article, or the view. */
  group: 'actions' | 'view';
  label: string;
  icon?: ComponentChildren;
  /** The keyboard shortcut, shown in the tooltip and beside the item in More. */
  shortcut?: string;
  /** The panel this item opens (data-panel-toggle, aria-expanded) … */
  panel?: string;
  expanded?: boolean;
  /** … or the action it runs (data-action, aria-pressed). */
  action?: string;
  pressed?: boolean;
  disabled?: boolean;
  /** Something is going on (reading aloud): the icon shows it. */
  active?: boolean;
  /** The label is shown beside the icon when the bar has room for labels (wide screens). */
  labelled?: boolean;
  onClick: () => void;
}

/**
 * Which items leave the bar first, least needed while reading on a phone first: the way to the library, then
 * translation, contents, saving, listening; Appearance ("Aa") last. Items not listed (added later by an embedder)
 * leave before all of these.
 */
export const OVERFLOW_ORDER = ['library', 'translate', 'panel:contents', 'save', 'panel:speech', 'panel:appearance'];

/** The items in the order they leave the bar. */
export function overflowSequence(items: readonly BarItem[]): BarItem[] {
  const rank = (item: BarItem) => {
    const i = OVERFLOW_ORDER.indexOf(item.key);
    return i < 0 ? -1 : i;
  };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || b.index - a.index)
    .map((x) => x.item);
}

/**
 * Splits the items between the bar and More, `overflow` of them in More. Both keep the bar's order, so More reads
 * in the same order as the bar it continues.
 */
export function splitBar(items: readonly BarItem[], overflow: number): { bar: BarItem[]; more: BarItem[] } {
  const moved = new Set(overflowSequence(items).slice(0, Math.max(0, Math.min(overflow, items.length))));
  return { bar: items.filter((i) => !moved.has(i)), more: items.filter((i) => moved.has(i)) };
}
