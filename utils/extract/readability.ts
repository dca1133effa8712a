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

/** Runs Readability on `doc` (which it mutates: pass a clone). */
export function runReadability(doc: Document, charThreshold = 500): ReadabilityResult | null {
  const parsed = new Readability<Element>(doc, {
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

/** Readability's own class-and-id patterns (kept on its prototype), so our code never keeps a copy of them. */
const PATTERNS = (Readability.prototype as unknown as { REGEXPS: Record<'unlikelyCandidates' | 'okMaybeItsACandidate' | 'shareElements', RegExp> }).REGEXPS;

/**
 * True when Readability drops an element for its class and id words alone, whatever it holds: its "unlikely
 * candidate" pattern (unless a content word saves it) and its share-widget pattern.
 */
export function readabilityDropsByName(classAndId: string): boolean {
  return (PATTERNS.unlikelyCandidates.test(classAndId) && !PATTERNS.okMaybeItsACandidate.test(classAndId)) || PATTERNS.shareElements.test(classAndId);
}
