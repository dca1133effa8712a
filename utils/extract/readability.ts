/** The one module that imports Readability (DESIGN.md): everything else goes through these two functions. */
import { Readability, isProbablyReaderable } from '@mozilla/readability';

export interface ReadabilityResult {
  title: string | null;
  byline: string | null;
  content: Element;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
}

/** Readability's own class-and-id patterns (kept on its prototype), so our code never keeps a copy of them. */
const PATTERNS = (Readability.prototype as unknown as { REGEXPS: Record<'unlikelyCandidates' | 'okMaybeItsACandidate' | 'shareElements' | 'byline', RegExp> }).REGEXPS;
const BYLINE = PATTERNS.byline;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Whether any text under `node` is more than white space: textContent.trim() !== '', stopping at the first word. */
function holdsNonSpace(node: Node): boolean {
  let at: Node | null = node.firstChild;
  while (at) {
    if (at.nodeType === TEXT_NODE || at.nodeType === CDATA_SECTION_NODE) {
      // \S is what String.prototype.trim keeps: the same white space and line terminators.
      if (/\S/.test((at as CharacterData).data)) return true;
    } else if (at.firstChild) {
      at = at.firstChild;
      continue;
    }
    while (at && !at.nextSibling) {
      at = at.parentNode;
      if (at === node) return false;
    }
    at = at?.nextSibling ?? null;
  }
  return false;
}

/**
 * Readability with three of its per-element checks answered the same way at less cost. It asks them of every
 * element of the page, and each read the text of the element's whole subtree or built its style object first;
 * on a large page that was a tenth of its time (more in jsdom, where reading text walks the tree in script). Each
 * answer is the one the original gives: test/unit/readability.test.ts compares them element by element.
 */
export class LeanReadability<T> extends Readability<T> {
  /** Readability's: an element with no text but white space, and no children but <br>s and <hr>s. */
  _isElementWithoutContent(node: Element): boolean {
    return (
      node.nodeType === ELEMENT_NODE &&
      !holdsNonSpace(node) &&
      (!node.children.length || node.children.length === node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length)
    );
  }

  /** Readability's, with the text's length read only for an element that names an author. */
  _isValidByline(node: Element, matchString: string): boolean {
    const itemprop = node.getAttribute('itemprop');
    const namesAuthor = node.getAttribute('rel') === 'author' || !!itemprop?.includes('author') || BYLINE.test(matchString);
    if (!namesAuthor) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < 100;
  }

  /** Readability's, with the inline style read only where the element has a style attribute (else it says nothing). */
  _isProbablyVisible(node: Element): boolean {
    if (node.hasAttribute('style')) {
      const style = (node as HTMLElement).style;
      if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
    }
    if (node.hasAttribute('hidden')) return false;
    if (node.getAttribute('aria-hidden') !== 'true') return true;
    const className = node.className as unknown;
    return typeof className === 'string' && className.includes('fallback-image');
  }
}

/** Runs Readability on `doc` (which it mutates: pass a clone). */
export function runReadability(doc: Document, charThreshold = 500): ReadabilityResult | null {
  const parsed = new LeanReadability<Element>(doc, {
    charThreshold,
    // Metadata comes from utils/extract/metadata.ts (which knows a publisher is not an author).
    disableJSONLD: true,
    keepClasses: true,
    serializer: (node) => node as Element,
  }).parse();
  if (!parsed?.content) return null;
  return {
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    content: parsed.content,
    excerpt: parsed.excerpt ?? null,
    siteName: parsed.siteName ?? null,
    publishedTime: parsed.publishedTime ?? null,
    lang: parsed.lang ?? null,
    dir: parsed.dir ?? null,
  };
}

export function probablyReadable(doc: Document): boolean {
  return isProbablyReaderable(doc, { minContentLength: 140, minScore: 20, visibilityChecker: (node) => !(node as Element).hasAttribute?.('hidden') });
}

/**
 * True when Readability drops an element for its class and id words alone, whatever it holds: its "unlikely
 * candidate" pattern (unless a content word saves it) and its share-widget pattern.
 */
export function readabilityDropsByName(classAndId: string): boolean {
  return (PATTERNS.unlikelyCandidates.test(classAndId) && !PATTERNS.okMaybeItsACandidate.test(classAndId)) || PATTERNS.shareElements.test(classAndId);
}
