/**
 * Articles split into pages inside one document: the later pages are in the HTML, hidden (inline display:none or
 * the hidden attribute) until the reader presses "next" (Liputan6 and Fimela "N dari M halaman", Merdeka's 2021
 * mobile pages, Liputan6 Today's `detail-paging` boxes). A later page has the shape of the page that shows (same
 * tag, a class in common) and holds text. Such pages are shown and joined to the page that shows, in order, so
 * whatever reads the page next (Readability, a rule's body) reads the whole article: left as siblings, a short
 * last page (a subheading, a picture, two short paragraphs) scores too low for Readability to take it along.
 */
import { allElements, childrenOf, declaredBodies, wordCount } from './dom';
import { classWords, holdsProse } from './cleaners';

/** Fewer words than this is no page of text (an infographic's heading, an empty slot). */
const MIN_PAGE_WORDS = 20;

/**
 * Shows and joins the later pages hidden under `root`; returns how many. A page nested in the one that shows
 * (markup that leaves pages unclosed) is only shown; a page beside it moves to its end, after the pages already
 * joined, so the order is the page's own. Pagers and ads between the pages stay where they were.
 */
export function joinPagesInDocument(root: Element): number {
  let joined = 0;
  // Document order: page 2 is shown before page 3, which may be nested in it or wait for it as its sibling.
  for (const el of allElements(root)) {
    if (!isHidden(el) || !root.contains(el) || inPanelsOrDialog(el, root)) continue;
    const showing = showingPageOf(el);
    if (!showing) continue;
    show(el);
    if (!showing.contains(el)) showing.append(el);
    joined++;
  }
  return joined;
}

/**
 * Sections of one text that all show: the element the page declares as the article's body (itemprop="articleBody")
 * holding a run of boxes of one shape (same tag, same classes), each with running prose (KLY's multisection
 * bodies: one `article-content-body__item` a page, the later ones with a heading and a picture of their own).
 * Readability keeps the box with the most text and never looks at the others, the lead among them; joined into
 * the first box, in order, they are read as one. Only where the page says where its body is: elsewhere boxes of
 * one shape are as often a rail's cards or a document's nested sections, which read well as they are.
 * Returns how many were joined.
 */
export function joinSectionsOfOneText(root: Element): number {
  let joined = 0;
  for (const parent of declaredBodies(root)) {
    if (parent.childElementCount < 2) continue;
    const groups = new Map<string, Element[]>();
    for (const child of childrenOf(parent)) {
      const cls = (child.getAttribute('class') ?? '').trim();
      if (!cls || !SECTION_TAGS.has(child.tagName)) continue;
      const key = `${child.tagName} ${cls.split(/\s+/).sort().join(' ')}`;
      groups.set(key, [...(groups.get(key) ?? []), child]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const prose = group.filter((el) => holdsProse(el));
      if (prose.length < 2) continue;
      const [first, ...later] = prose;
      for (const section of later) first.append(section);
      joined += later.length;
    }
  }
  return joined;
}

const SECTION_TAGS = new Set(['DIV', 'SECTION']);

/**
 * The later pages of `page` (a rule's body as the site shows it) that stand hidden after it among its siblings,
 * in order: a rule's body selector finds the first page only.
 */
export function laterPagesBeside(page: Element): Element[] {
  const out: Element[] = [];
  for (let next = page.nextElementSibling; next; next = next.nextElementSibling) {
    if (isHidden(next) && sameShape(next, page) && wordCount(next.textContent ?? '', MIN_PAGE_WORDS) >= MIN_PAGE_WORDS) out.push(next);
  }
  return out;
}

/** Class words of the boxes whose hidden parts are a widget's, not the article's: dialogs, overlays, tabs. */
const PANEL_WORDS = new Set(['modal', 'popup', 'overlay', 'lightbox', 'dialog', 'cookie', 'cookies', 'consent', 'gdpr', 'tab', 'tabs', 'tabpanel', 'accordion']);

/**
 * A tab panel or a part of a dialog: hidden until a control shows it instead of the one that shows, never after it.
 * A cookie dialog's tabs (WordPress consent plugins) have the shape of pages; joined, they outweigh a short post
 * (trafilatura's evaluation set has one).
 */
function inPanelsOrDialog(el: Element, root: Element): boolean {
  for (let up: Element | null = el; up && up !== root; up = up.parentElement) {
    if (up.tagName === 'DIALOG' || up.getAttribute('aria-modal') === 'true') return true;
    const role = (up.getAttribute('role') ?? '').toLowerCase();
    if (role === 'dialog' || role === 'alertdialog' || role === 'tabpanel') return true;
    if ((up.hasAttribute('class') || up.hasAttribute('id')) && classWords(up).some((w) => PANEL_WORDS.has(w))) return true;
  }
  return false;
}

/** The page that shows, of which hidden `el` is a later page: an earlier sibling or an ancestor of its shape. */
function showingPageOf(el: Element): Element | null {
  if (wordCount(el.textContent ?? '', MIN_PAGE_WORDS) < MIN_PAGE_WORDS) return null;
  // An earlier sibling of the same shape (pagers and ads may stand between them), or, where a page was left
  // unclosed in the markup, an ancestor of the same shape.
  let prev = el.previousElementSibling;
  while (prev && !(sameShape(prev, el) && !isHidden(prev))) prev = prev.previousElementSibling;
  let outer: Element | null = el.parentElement;
  for (let up = 0; outer && up < 3 && !(sameShape(outer, el) && !isHidden(outer)); up++) outer = outer.parentElement;
  const showing = prev ?? (outer && sameShape(outer, el) && !isHidden(outer) ? outer : null);
  return showing && wordCount(showing.textContent ?? '', MIN_PAGE_WORDS) >= MIN_PAGE_WORDS ? showing : null;
}

/** Clears what hides a page: the hidden attribute and an inline display:none. */
export function show(el: Element): void {
  el.removeAttribute('hidden');
  const style = (el.getAttribute('style') ?? '').replace(/(^|;)\s*display\s*:\s*none\s*(!important)?\s*(?=;|$)/gi, '$1').replace(/^;+|;+$/g, '');
  if (style.trim()) el.setAttribute('style', style);
  else el.removeAttribute('style');
}

export function isHidden(el: Element): boolean {
  return el.hasAttribute('hidden') || /(^|;)\s*display\s*:\s*none/i.test(el.getAttribute('style') ?? '');
}

function sameShape(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName) return false;
  const classes = new Set((a.getAttribute('class') ?? '').split(/\s+/).filter(Boolean));
  return (b.getAttribute('class') ?? '').split(/\s+/).some((c) => classes.has(c));
}
