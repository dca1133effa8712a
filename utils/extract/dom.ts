/** Small DOM helpers shared by the extraction modules. Pure: they only read and edit the nodes they are given. */

export const normalizeSpace = (s: string | null | undefined): string =>
  (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();

export const textOf = (el: Element | null | undefined): string => normalizeSpace(el?.textContent);

export const wordCount = (text: string): number => {
  const t = normalizeSpace(text);
  return t ? t.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length : 0;
};

/** Share of an element's text that sits inside links (0..1). */
export function linkDensity(el: Element): number {
  const total = textOf(el).length;
  if (!total) return 0;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += textOf(a).length;
  return Math.min(1, linked / total);
}

export function firstMatch(root: ParentNode, selectors: readonly string[] | undefined): Element | null {
  for (const sel of selectors ?? []) {
    try {
      const el = root.querySelector(sel);
      if (el) return el;
    } catch {
      // An invalid selector in a rule is a rule bug; the meta-tests catch it. Skip it here.
    }
  }
  return null;
}

export function removeAll(root: ParentNode, selectors: readonly string[] | undefined): void {
  if (!selectors?.length) return;
  // One query for the whole list; only when a selector is invalid, one query each (skipping the bad one).
  try {
    for (const el of Array.from(root.querySelectorAll(selectors.join(', ')))) el.remove();
    return;
  } catch {
    // fall through
  }
  for (const sel of selectors) {
    let found: Element[] = [];
    try {
      found = Array.from(root.querySelectorAll(sel));
    } catch {
      continue;
    }
    for (const el of found) el.remove();
  }
}

/** Removes `marker` and everything after it, up to (not including) `container`. */
export function cutFrom(marker: Element, container: Element): void {
  let node: Element | null = marker;
  while (node && node !== container) {
    while (node.nextSibling) node.nextSibling.remove();
    const parent: Element | null = node.parentElement;
    if (node === marker) node.remove();
    node = parent;
  }
}

/** Content elements that make a block worth keeping even without text. */
export const MEDIA_SELECTOR = 'img, picture, video, audio, iframe, svg, table, pre, hr, math, canvas';

export function isEmptyBlock(el: Element): boolean {
  return !textOf(el) && !el.querySelector(MEDIA_SELECTOR) && !el.matches(MEDIA_SELECTOR);
}

/**
 * Every element under `root`, in document order. getElementsByTagName('*') is the fastest walk in browsers and
 * jsdom; linkedom does not support '*' there, so an empty answer from a non-empty root falls back to a query.
 */
export function allElements(root: Element | Document): Element[] {
  const fast = root.getElementsByTagName('*');
  if (fast.length || !root.firstElementChild) return Array.from(fast);
  return Array.from(root.querySelectorAll('*'));
}
