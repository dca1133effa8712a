/** Small DOM helpers shared by the extraction modules. Pure: they only read and edit the nodes they are given. */

/** Runs of white space as one space, and no soft hyphens (hyphenation hints inside words: see joinSoftHyphenatedWords). */
export const normalizeSpace = (s: string | null | undefined): string => {
  const spaced = (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ');
  // Most text has none: a scan, not a second replace.
  return (spaced.includes('\u00ad') ? spaced.replace(/\u00ad/g, '') : spaced).trim();
};

export const textOf = (el: Element | null | undefined): string => normalizeSpace(el?.textContent);

/** An element's class and id as one string: what class-word patterns are tested against. */
export const namesOf = (el: Element): string => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;

/**
 * A word: a run of characters between spaces (normalizeSpace's spaces) holding a letter or a digit. Each match
 * starts at a word's first letter or digit and runs to the word's end, so there is one match per word; counted
 * with exec, the text is neither copied nor split (this is called on whole articles, several times each).
 */
const WORD = /[\p{L}\p{N}][^\s\u200b]*/gu;

export const wordCount = (text: string | null | undefined, upTo = Infinity): number => {
  if (!text) return 0;
  WORD.lastIndex = 0;
  let words = 0;
  // With `upTo`, counting stops there: "at least 25 words?" of a whole page's text needs only 25.
  while (words < upTo && WORD.exec(text)) words++;
  return words;
};

/** Share of an element's text that sits inside links (0..1). */
export function linkDensity(el: Element): number {
  const total = textOf(el).length;
  if (!total) return 0;
  let linked = 0;
  for (const a of byTag(el, 'a')) linked += textOf(a).length;
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
 * A live collection (getElementsByTagName, children) as a static array, read through its own item method. In
 * jsdom every property read on a collection (an index, `length`, even `item`) first looks the name up among its
 * elements' ids and names, so Array.from or for-of over one is quadratic: 1.3 s for the 3,356 links of one
 * Wikipedia article, against 4 ms this way (npm run eval). Browsers are as fast either way.
 */
export function listOf<T extends Element>(collection: HTMLCollectionOf<T>): T[] {
  const item = collection.item;
  const out: T[] = [];
  for (let i = 0, n = collection.length; i < n; i++) out.push(item.call(collection, i) as T);
  return out;
}

/** The elements named `tag` under `root`, in document order, as a static array (see listOf). */
export function byTag<K extends keyof HTMLElementTagNameMap>(root: Element | Document, tag: K): HTMLElementTagNameMap[K][];
export function byTag(root: Element | Document, tag: string): Element[];
export function byTag(root: Element | Document, tag: string): Element[] {
  return listOf(root.getElementsByTagName(tag));
}

/** An element's child elements as a static array (see listOf). */
export const childrenOf = (el: Element): Element[] => listOf(el.children);

/**
 * Every element under `root`, in document order, as a static array. A plain walk over element children: in
 * jsdom, Array.from over the live getElementsByTagName('*') collection is quadratic (each index access walks
 * again), which made one large page take minutes; the walk is linear in every DOM (browsers, jsdom, linkedom).
 */
/** Whether the page declares `el` as the article's body: its itemprop holds "articleBody" (microdata, any case). */
export const isDeclaredBody = (el: Element): boolean => /(^|\s)articlebody(\s|$)/i.test(el.getAttribute('itemprop') ?? '');

/**
 * The elements under `root` that the page declares as the article's body. A walk: attribute selectors are slow in
 * jsdom's engine (9 ms a page even without the i flag), and a walk finds the few [itemprop] elements in 1 ms.
 */
export function declaredBodies(root: Element): Element[] {
  return allElements(root).filter(isDeclaredBody);
}

export function allElements(root: Element | Document): Element[] {
  const out: Element[] = [];
  let el: Element | null = root.firstElementChild;
  while (el) {
    out.push(el);
    if (el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    while (el && !el.nextElementSibling) {
      el = el.parentElement;
      if (el === root || !el) return out;
    }
    el = el ? el.nextElementSibling : null;
  }
  return out;
}

/** Phrasing (inline) elements: inside a sentence they carry words of that sentence. */
export const INLINE_TAGS: ReadonlySet<string> = new Set(
  'A ABBR B BDI BDO CITE CODE DATA DFN EM FONT I KBD MARK Q RUBY S SAMP SMALL SPAN STRONG SUB SUP TIME U VAR'.split(' '),
);
const BLOCK_PARENT = new Set('P LI TD TH DD DT H1 H2 H3 H4 H5 H6 BLOCKQUOTE FIGCAPTION CAPTION PRE DIV SECTION ARTICLE'.split(' '));

/**
 * True when `el` is an inline element inside running text: the block around it has words outside it. Such an
 * element is part of a sentence ("plans to reverse its position on <a>Sudan</a> and lift"), and removing it
 * would change what the sentence says, whatever its class or role says.
 */
export function isInlineInText(el: Element): boolean {
  const block = enclosingBlock(el);
  if (!block) return false;
  const own = normalizeSpace(el.textContent).length;
  return own > 0 && normalizeSpace(block.textContent).length > own + 1;
}

function enclosingBlock(el: Element): Element | null {
  if (!INLINE_TAGS.has(el.tagName.toUpperCase())) return null;
  let block = el.parentElement;
  while (block && INLINE_TAGS.has(block.tagName.toUpperCase())) block = block.parentElement;
  return block && BLOCK_PARENT.has(block.tagName.toUpperCase()) ? block : null;
}

/**
 * True when an inline element stands at the edge of its block as a label, not inside a sentence: it opens the
 * block ("Photo 1 of 6 Waves break over…") or closes it after a finished sentence ("…on Thursday. Advertisement").
 */
export function standsAtEdge(el: Element): boolean {
  const block = enclosingBlock(el);
  if (!block) return true;
  const own = normalizeSpace(el.textContent);
  const all = normalizeSpace(block.textContent);
  if (all.startsWith(own)) return true;
  return all.endsWith(own) && /[.!?:"”')\]]$/.test(all.slice(0, all.length - own.length).trimEnd());
}

/**
 * The innermost blocks with one of `tags` (no block of those tags inside them), in document order, at most
 * `limit` of them counted from the start or the end. The closing lines of an article are its last leaf blocks:
 * walking from the end finds them without asking every container what it holds.
 */
export function leafBlocks(
  root: Element, tags: ReadonlySet<string>, from: 'start' | 'end', limit: number, keep: (el: Element) => boolean = () => true,
  /** What may not be inside a leaf (default: the same tags). */
  inner: ReadonlySet<string> = tags,
): Element[] {
  const all = allElements(root);
  const out: Element[] = [];
  const isLeaf = (el: Element) => {
    for (const t of inner) if (el.getElementsByTagName(t).length) return false;
    return true;
  };
  for (let k = 0; k < all.length && out.length < limit; k++) {
    const el = all[from === 'start' ? k : all.length - 1 - k];
    if (tags.has(el.tagName.toLowerCase()) && isLeaf(el) && keep(el)) out.push(el);
  }
  return from === 'start' ? out : out.reverse();
}

/** Paragraph-like blocks: what the closing and opening lines of an article are found among. */
export const P_AND_DIV: ReadonlySet<string> = new Set(['p', 'div']);

/** A URL's host with the "www.", "m." or "amp." that sites put in front of one and the same site; null if no URL. */
export function siteHost(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^(www|m|amp)\./, '');
  } catch {
    return null;
  }
}
