/**
 * Long chains of empty wrappers, shortened before Readability sees a page.
 *
 * A chain is a run of elements each holding nothing that shows but one element (no text of its own; any other
 * children empty, as a parser leaves them on a page of unclosed tags): `<div><div><div>…<p>text</p>…</div></div>
 * </div>`. Real pages nest a few of them; broken or hostile pages nest thousands
 * (found by npm run fuzz: a page with 1 000 nested <div>s took bare Readability 19 s in jsdom and the engine 15 s,
 * because Readability measures the text of every node's subtree again for each of its ancestors). Browsers do
 * not build such trees either (Chromium's parser stops nesting at 512 levels). The links in the middle of a long
 * chain show nothing of their own, so dropping them loses no word and no order: the top of the chain
 * and the last links above the content stay, with everything inside them.
 */

import { deeperThan } from '../sanitize';

/** A chain longer than this is shortened; real pages stay far below it, so their markup is never touched. */
export const LONGEST_CHAIN = 24;
/** How many links right above the content a shortened chain keeps (their tags may matter: a <td> in its table). */
const KEPT_ABOVE_CONTENT = 8;

/** What shows without text: a wrapper that holds one of these is not empty. */
const MEDIA = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'MATH', 'svg', 'math']);

/**
 * Which elements under `root` show something (text that is not whitespace, or a picture, video, frame...): one
 * pass from the leaves up, so asking it of every element costs one walk of the tree, not one per ancestor.
 */
function elementsWithContent(root: Element): Set<Element> {
  const order: Element[] = [];
  const todo: Element[] = [root];
  while (todo.length) {
    const el = todo.pop()!;
    order.push(el);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) todo.push(c);
  }
  const shows = new Set<Element>();
  // Children come after their parents in `order`: walking it backwards settles every child first.
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    let has = MEDIA.has(el.tagName);
    for (let n = el.firstChild; n && !has; n = n.nextSibling) {
      if (n.nodeType === 3 /* TEXT_NODE */) has = /\S/.test(n.nodeValue ?? '');
      else if (n.nodeType === 1 /* ELEMENT_NODE */) has = shows.has(n as Element);
    }
    if (has) shows.add(el);
  }
  return shows;
}

/**
 * The one element with content an element holds, when it holds nothing else with content: no text of its own,
 * and its other children empty (a broken page's parser leaves empty <a> and <span> copies beside each link).
 */
function soleContentChild(el: Element, shows: Set<Element>): Element | null {
  let only: Element | null = null;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 /* TEXT_NODE */ && /\S/.test(n.nodeValue ?? '')) return null;
    if (n.nodeType !== 1 /* ELEMENT_NODE */ || !shows.has(n as Element)) continue;
    if (only) return null;
    only = n as Element;
  }
  return only;
}

/** Shortens every wrapper chain under `root` longer than LONGEST_CHAIN; returns how many wrappers went. */
export function collapseWrapperChains(root: Element): number {
  // A tree no deeper than the longest chain allowed has none to shorten: most pages end here.
  if (!deeperThan(root, LONGEST_CHAIN)) return 0;
  const shows = elementsWithContent(root);
  let dropped = 0;
  // Iterative: a recursive walk of a 5 000-level tree would exhaust the stack.
  const todo: Element[] = [root];
  while (todo.length) {
    const top = todo.pop()!;
    const links: Element[] = [];
    for (let next = soleContentChild(top, shows); next; next = soleContentChild(next, shows)) links.push(next);
    if (links.length > LONGEST_CHAIN) {
      const keep = links[links.length - KEPT_ABOVE_CONTENT];
      // The kept link moves up to the top; the wrappers in between (nothing in them shows but it) go, with their
      // empty side branches and whitespace.
      top.replaceChildren(keep);
      dropped += links.length - KEPT_ABOVE_CONTENT;
    }
    const bottom = links.length ? links[links.length - 1] : top;
    for (let child = bottom.lastElementChild; child; child = child.previousElementSibling) todo.push(child);
  }
  return dropped;
}
