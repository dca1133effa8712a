/**
 * The cheap "is there an article here?" check behind the toolbar badge: URL patterns of the site rules, JSON-LD
 * and OpenGraph article types, then Readability's isProbablyReaderable. Never the full extraction.
 */
import { findRule } from './sites';
import { probablyReadable } from './readability';
import { byTag } from './dom';

const ARTICLE_LD = /"@type"\s*:\s*(\[[^\]]*)?"(NewsArticle|Article|BlogPosting|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|TechArticle|LiveBlogPosting)"/;

export function looksLikeArticle(doc: Document, url: string): boolean {
  if (findRule(url)) return true;
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.toLowerCase();
  if (og === 'article') return true;
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    if (ARTICLE_LD.test(s.textContent ?? '')) return true;
  }
  // A home or section page declares itself a website and lists teasers whose headings are links.
  if (og === 'website') return false;
  let linkedHeadings = 0;
  for (const tag of ['h2', 'h3']) {
    for (const h of byTag(doc, tag)) if (h.getElementsByTagName('a').length && ++linkedHeadings >= 6) return false;
  }
  return probablyReadable(doc);
}
