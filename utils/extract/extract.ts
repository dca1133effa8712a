/**
 * extractArticle(document, { url }): the reader's engine. Pure and synchronous: it never changes the page (it
 * reads it, and works on a copy: the rule's body alone when a site rule finds it, else a clone of the page),
 * reads no browser globals, and runs the same in the content script and in Node tests.
 *
 * Pipeline: metadata (read from the page) -> site rule narrows and cleans -> lazy images and absolute URLs ->
 * structural clutter -> Readability -> text clutter -> headline de-duplication -> DOMPurify.
 */
import type { Article, ExtractOptions } from './types';
import { findRule, type SiteRule } from './sites';
import { readMetadata, type PageMetadata } from './metadata';
import { absolutizeUrls, baseUrlOf, resolveLazyImages } from './images';
import { holdsProse, normalizeDeskCode, removeClutterText, removeFurniture, removeRepeatedHeadline } from './cleaners';
import { probablyReadable, runReadability } from './readability';
import { cutFrom, firstMatch, linkDensity, normalizeSpace, removeAll, textOf, wordCount } from './dom';
import { plainText, sanitizeElementToHtml } from '../sanitize';



/** What a user's body selector narrows with on a site that has no built-in rule. */
const USER_RULE_BASE: SiteRule = { id: 'user', name: 'user', hosts: [], body: [] };

/** Fewer words than this is not an article (a teaser, a login box, an error page). */
const MIN_WORDS = 70;
/** Reading speed for the reading-time estimate (words a minute; about right for Indonesian and English news). */
const WORDS_PER_MINUTE = 220;

export function extractArticle(document: Document, { url, userRule }: ExtractOptions): Article | null {
  if (!document.documentElement || !document.body) return null;
  const rule = findRule(url);
  // Metadata is only read, so it comes from the page itself, before anything is copied or changed.
  const meta = readMetadata(document, url, rule);
  // A built-in rule that finds its body: copy just that body into a fresh document (a fraction of the page),
  // instead of cloning the whole page. The user's rule keeps the whole-page path: its selectors may be paths
  // from the top of the page.
  const work = (!userRule && rule && copyRuleBody(document, rule)) || (document.cloneNode(true) as Document);
  const fast = work.body?.getAttribute('data-jernih-rule') === rule?.id && !!rule;
  // The user's rule first, on the document as the page built it (its selectors were taken from the live page):
  // their removals, then their body, which narrows like a site rule's body and still gets the site's own
  // clutter rules. If their body is gone from the page, the built-in rule (or the generic path) takes over.
  if (userRule?.remove?.length) removeAll(work.body, userRule.remove);
  const userBodyRule: SiteRule | null = userRule?.body ? { ...(rule ?? USER_RULE_BASE), body: [userRule.body] } : null;
  resolveLazyImages(work);
  // Before Readability: it resolves relative links against the document's baseURI, which for a parsed page (a
  // fetched page 2, a test) is not the page's address.
  absolutizeUrls(work, baseUrlOf(document, url));

  const narrowed = fast || (userBodyRule && applyRule(work, userBodyRule)) || (rule ? applyRule(work, rule) : false);
  // After the rule: its selectors must see the site's own markup, not the figures made here.
  normalizeFigures(work);
  if (!narrowed && isNotAnArticle(work, meta)) return null;
  removeFurniture(work.body);

  const parsed = runReadability(work, narrowed ? 100 : 500);
  if (!parsed) return null;
  const content = parsed.content;

  removeClutterText(content);
  const title = cleanTitle(meta.title || parsed.title || meta.firstHeading || '', meta.siteName, rule, document);
  removeRepeatedHeadline(content, title);
  dropBylineLines(content, meta.byline);
  restoreFragmentLinks(content, [url, baseUrlOf(document, url)]);
  normalizeDeskCode(content);

  const textContent = normalizeSpace(content.textContent);
  const words = wordCount(textContent);
  if (!title || words < (narrowed || meta.declaresArticle ? MIN_WORDS / 2 : MIN_WORDS)) return null;
  if (!narrowed && looksLikeListing(content)) return null;

  const contentHtml = sanitizeElementToHtml(content, document);
  const leadImage = meta.leadImage
    ? { ...meta.leadImage, inBody: contentShowsImage(contentHtml, meta.leadImage.src) }
    : null;
  const lang = meta.lang || primary(parsed.lang);
  const firstParagraph = textOf(Array.from(content.querySelectorAll('p')).find((p) => wordCount(textOf(p)) >= 8));
  return {
    url: meta.canonicalUrl ?? url,
    title,
    byline: meta.byline ?? (parsed.byline ? plainText(parsed.byline) || null : null),
    siteName: meta.siteName ?? (parsed.siteName ? plainText(parsed.siteName) : null),
    publishedTime: meta.publishedTime,
    lang,
    dir: meta.dir ?? (parsed.dir === 'rtl' ? 'rtl' : 'ltr'),
    leadImage,
    contentHtml,
    textContent,
    excerpt: meta.excerpt ?? truncate(firstParagraph || textContent, 220),
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
    ruleId: rule?.id ?? null,
  };
}

/** Narrows the working document to the rule's body and cleans it. False when the body is not found. */
function applyRule(work: Document, rule: SiteRule): boolean {
  const body = firstMatch(work, rule.body);
  if (!body) return false;
  cleanRuleBody(body, rule);
  wrapAsArticle(work, body);
  return true;
}

/**
 * The rule's body, copied alone into a new document (the page is never touched) and cleaned there; null when the
 * page has no such body. The copy's <body> is marked with the rule's id so the caller knows it is narrowed.
 */
function copyRuleBody(page: Document, rule: SiteRule): Document | null {
  const found = firstMatch(page, rule.body);
  // linkedom has no DOMImplementation: the whole-page path then.
  if (!found || typeof page.implementation?.createHTMLDocument !== 'function') return null;
  const doc = page.implementation.createHTMLDocument('');
  const body = doc.importNode(found, true) as Element;
  doc.body.append(body);
  cleanRuleBody(body, rule);
  wrapAsArticle(doc, body);
  doc.body.setAttribute('data-jernih-rule', rule.id);
  return doc;
}

function cleanRuleBody(body: Element, rule: SiteRule): void {
  for (const sel of rule.removeParagraphsWith ?? []) {
    for (const el of Array.from(body.querySelectorAll(sel))) (el.closest('p, li, div, h2, h3, h4') ?? el).remove();
  }
  const end = firstMatch(body, rule.endBefore);
  if (end) cutFrom(end, body);
  removeAll(body, rule.remove);
  if (rule.stopPhrases?.length) cutAtPhrases(body, rule.stopPhrases);
  rule.clean?.(body);
}

/** A <div> inside an <article>: Readability turns loose text and <br><br> runs into paragraphs only in divs. */
function wrapAsArticle(work: Document, body: Element): void {
  const article = work.createElement('article');
  const inner = work.createElement('div');
  inner.append(...Array.from(body.childNodes));
  article.append(inner);
  work.body.replaceChildren(article);
}

function cutAtPhrases(body: Element, phrases: readonly string[]): void {
  const lower = phrases.map((p) => p.toLowerCase());
  // Walk the text, not every element: the first text that holds a phrase names the block where the tail starts.
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = normalizeSpace(node.nodeValue).toLowerCase();
    if (!data || !lower.some((p) => data.includes(p.slice(0, Math.min(p.length, 24))))) continue;
    const block = (node.parentElement?.closest('p, li, h2, h3, h4, div, section, aside') ?? null) as Element | null;
    if (!block || !body.contains(block) || block === body) continue;
    const text = textOf(block).toLowerCase();
    if (lower.some((p) => text.startsWith(p) || (text.length < 200 && text.includes(p)))) {
      cutFrom(block, body);
      return;
    }
  }
}

/**
 * Pages that are not articles: home pages, listings, search results, login and error pages. Cheap signs first;
 * the listing check runs again on Readability's choice.
 */
function isNotAnArticle(doc: Document, meta: PageMetadata): boolean {
  if (!meta.declaresArticle && !probablyReadable(doc)) return true;
  const hasPassword = !!doc.querySelector('input[type="password" i]');
  if (hasPassword && !meta.declaresArticle) {
    const prose = Array.from(doc.querySelectorAll('p')).filter((p) => wordCount(textOf(p)) >= 25).length;
    if (prose < 4) return true;
  }
  return false;
}

/** Teaser lists: most headings are links, or most paragraphs are link-heavy teasers. */
function looksLikeListing(content: Element): boolean {
  const headings = Array.from(content.querySelectorAll('h2, h3, h4'));
  const linkedHeadings = headings.filter((h) => h.querySelector('a') && linkDensity(h) > 0.6).length;
  if (linkedHeadings >= 4 && linkedHeadings >= headings.length * 0.6) return true;
  const articles = content.querySelectorAll('article').length;
  if (articles >= 4) return true;
  if (linkDensity(content) > 0.45) return true;
  return false;
}

function cleanTitle(raw: string, siteName: string | null, rule: SiteRule | null, doc: Document): string {
  let title = plainText(raw);
  for (const re of rule?.titleStrip ?? []) title = title.replace(re, '').trim();
  if (siteName) {
    const esc = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    title = title.replace(new RegExp(`\\s+[|\\-–—:·•]\\s+${esc}\\s*$`, 'i'), '').trim();
    title = title.replace(new RegExp(`^${esc}\\s+[|\\-–—:·•]\\s+`, 'i'), '').trim();
  }
  // "Headline | Site" where the page's single <h1> is the headline.
  const h1s = Array.from(doc.querySelectorAll('h1')).map(textOf).filter(Boolean);
  const h1 = h1s.find((h) => title.startsWith(h) && /^\s*[|\-–—:·•]\s+\S/.test(title.slice(h.length)));
  if (h1) title = h1;
  return title;
}

/**
 * The byline and dateline the page prints above the body ("Oleh Budi · Selasa, 3 September 2024 · 2 komentar"):
 * the reader shows them in its header already.
 */
function dropBylineLines(content: Element, byline: string | null): void {
  const name = byline?.toLowerCase() ?? null;
  const blocks = Array.from(content.querySelectorAll('p, div, span')).filter((el) => !el.querySelector('p, div'));
  for (const el of blocks.slice(0, 5)) {
    const text = textOf(el);
    const lower = text.toLowerCase().replace(/^(by|oleh)\s+/, '');
    const words = wordCount(text);
    if (!text || words > 25 || holdsProse(el)) continue;
    const namesAuthor = !!name && (lower === name || (lower.startsWith(name) && /[·|•—–-]/.test(text)));
    const bylineShape = /^(by|oleh)\s+\p{Lu}/iu.test(text) && /(\d{4}|·|\||•)/.test(text);
    if (namesAuthor || bylineShape) el.remove();
  }
}

/**
 * Readability resolves "#note-1" against <base href>, which may be another document; in-page links must stay
 * in-page, so the reader can scroll to the note instead of leaving.
 */
function restoreFragmentLinks(content: Element, pageUrls: string[]): void {
  const pages = new Set(pageUrls.map((u) => u.replace(/#.*$/, '')));
  for (const a of Array.from(content.querySelectorAll('a[href*="#"]'))) {
    const href = a.getAttribute('href')!;
    const hash = href.slice(href.indexOf('#'));
    if (hash.length > 1 && pages.has(href.slice(0, href.indexOf('#'))) && content.querySelector(`[id="${CSS_escape(hash.slice(1))}"], [name="${CSS_escape(hash.slice(1))}"]`)) {
      a.setAttribute('href', hash);
    }
  }
}

const CSS_escape = (s: string): string => s.replace(/["\\]/g, '\\$&');

/**
 * Image + caption pairs that sites build from divs (WordPress .wp-caption, Kompas .photo) become real
 * figure/figcaption, so Readability keeps them together and the caption does not pass for a paragraph.
 */
function normalizeFigures(doc: Document): void {
  // One walk over the images (few) instead of attribute-substring selectors over the whole page.
  for (const img of Array.from(doc.getElementsByTagName('img'))) {
    if (!img.isConnected && !doc.contains(img)) continue;
    if (img.closest('figure')) continue;
    const media = img.closest('picture') ?? img;
    const holder = media.parentElement?.tagName === 'A' ? media.parentElement : media;
    const box = holder.parentElement;
    if (!box || box === doc.body || box.tagName === 'ARTICLE') continue;
    // (1) A site's own caption element next to the image (WordPress .wp-caption-text, Kompas .photo__caption).
    const cap = Array.from(box.children).find((c) => c !== holder && /caption|keterangan/i.test(c.getAttribute('class') ?? ''));
    if (cap && box.getElementsByTagName('img').length === 1 && wordCount(textOf(box)) <= 80) {
      wrapFigure(doc, box, media, cap);
      continue;
    }
    // (2) A box holding just the image (maybe in a link) and one short line of text under it (Tribun).
    if (box.tagName !== 'DIV' || box.children.length !== 2) continue;
    const [first, second] = Array.from(box.children);
    if (!first.contains(img) || second.querySelector('img, p, div') || second.tagName === 'P') continue;
    const words = wordCount(textOf(second));
    if (words < 2 || words > 50) continue;
    wrapFigure(doc, box, img, second);
  }
}

function wrapFigure(doc: Document, box: Element, media: Element, caption: Element): void {
  const figure = doc.createElement('figure');
  const figcaption = doc.createElement('figcaption');
  figcaption.append(...Array.from(caption.childNodes));
  figure.append(media, figcaption);
  box.replaceWith(figure);
}

function contentShowsImage(html: string, src: string): boolean {
  const file = src.replace(/[?#].*$/, '').split('/').pop();
  return !!file && file.length > 4 && html.includes(file);
}

const primary = (lang: string | null): string | null => lang?.match(/^[a-z]{2,3}/i)?.[0].toLowerCase() ?? null;

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)}…`;
}
