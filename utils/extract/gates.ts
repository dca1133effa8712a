/**
 * The "is this an article?" gates' tests (extract.ts applies them only with `gate: true`: auto-clean and
 * detection). Each looks at the page or at the extracted body, never changes either.
 */
import type { PageMetadata } from './metadata';
import { linkDensity, textOf, wordCount } from './dom';

/**
 * The front page of a site: its address has no path (or only an index file) and no query but tracking tags.
 * A lead story's long teaser there passes for a short article; the page is the site's, not the story's.
 */
export function isFrontPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!/^\/(index\.(html?|php))?$/i.test(parsed.pathname)) return false;
  return Array.from(parsed.searchParams.keys()).every((key) => /^utm_/i.test(key));
}

/** A sign-in page: a password field, no article declared, and hardly any running text. */
export function isSignInPage(doc: Document, meta: PageMetadata): boolean {
  if (meta.declaresArticle || !doc.querySelector('input[type="password" i]')) return false;
  const prose = Array.from(doc.querySelectorAll('p')).filter((p) => wordCount(textOf(p)) >= 25).length;
  return prose < 4;
}

/** Teaser lists: most headings are links, or most paragraphs are link-heavy teasers. */
export function looksLikeListing(content: Element): boolean {
  const headings = Array.from(content.querySelectorAll('h2, h3, h4'));
  const linkedHeadings = headings.filter((h) => h.querySelector('a') && linkDensity(h) > 0.6).length;
  if (linkedHeadings >= 4 && linkedHeadings >= headings.length * 0.6) return true;
  const articles = content.querySelectorAll('article').length;
  if (articles >= 4) return true;
  if (linkDensity(content) > 0.45) return true;
  return false;
}
