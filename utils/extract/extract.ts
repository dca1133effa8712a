/**
 * extractArticle(document, { url }): the reader's engine. Pure and synchronous: it works on a clone of the
 * document, reads no browser globals, and runs the same in the content script and in Node tests.
 *
 * Pipeline: metadata (before anything changes the page) -> lazy images and absolute URLs -> site rule narrows
 * and cleans -> structural clutter -> Readability -> text clutter -> headline de-duplication -> DOMPurify.
 */
import type { Article, ExtractOptions } from './types';
import { findRule, type SiteRule } from './sites';
import { readMetadata, type PageMetadata } from './metadata';
import { absolutizeUrls, baseUrlOf, resolveLazyImages } from './images';
import { holdsProse, normalizeDeskCode, removeClutterText, removeFurniture, removeRepeatedHeadline } from './cleaners';
import { probablyReadable, runReadability } from './readability';
import { cutFrom, firstMatch, linkDensity, normalizeSpace, removeAll, textOf, wordCount } from './dom';
import { plainText, sanitizeHtml } from '../sanitize';



/** Fewer words than this is not an article (a teaser, a login box, an error page). */
const MIN_WORDS = 70;
/** Reading speed for the reading-time estimate (words a minute; about right for Indonesian and English news). */
const WORDS_PER_MINUTE = 220;

export function extractArticle(document: Document, { url }: ExtractOptions): Article | null {
  const work = document.cloneNode(true) as Document;
  if (!work.documentElement || !work.body) return null;

  const rule = findRule(url);
  const meta = readMetadata(work, url, rule);
  resolveLazyImages(work);
  absolutizeUrls(work, baseUrlOf(work, url));

  const narrowed = rule ? applyRule(work, rule) : false;
  // After the rule: its selectors must see the site's own markup, not the figures made here.
  normalizeFigures(work);
  if (!narrowed && isNotAnArticle(work, meta)) return null;
  removeFurniture(work.body);

  const parsed = runReadability(work, narrowed ? 100 : 500);
  if (!parsed) return null;
  const content = parsed.content;

  removeClutterText(content);
  const title = cleanTitle(meta.title || parsed.title || meta.firstHeading || '', meta.siteName, rule, work);
  removeRepeatedHeadline(content, title);
  dropBylineLines(content, meta.byline);
  restoreFragmentLinks(content, [url, baseUrlOf(document, url)]);
  normalizeDeskCode(content);

  const textContent = normalizeSpace(content.textContent);
  const words = wordCount(textContent);
  if (!title || words < (narrowed || meta.declaresArticle ? MIN_WORDS / 2 : MIN_WORDS)) return null;
  if (!narrowed && looksLikeListing(content)) return null;

  const contentHtml = sanitizeHtml(content.innerHTML, document);
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
  for (const sel of rule.removeParagraphsWith ?? []) {
    for (const el of Array.from(body.querySelectorAll(sel))) (el.closest('p, li, div, h2, h3, h4') ?? el).remove();
  }
  const end = firstMatch(body, rule.endBefore);
  if (end) cutFrom(end, body);
  removeAll(body, rule.remove);
  if (rule.stopPhrases?.length) cutAtPhrases(body, rule.stopPhrases);
  rule.clean?.(body);
  // A <div> inside the <article>: Readability turns loose text and <br><br> runs into paragraphs only in divs.
  const article = work.createElement('article');
  const inner = work.createElement('div');
  inner.append(...Array.from(body.childNodes));
  article.append(inner);
  work.body.replaceChildren(article);
  return true;
}

function cutAtPhrases(body: Element, phrases: readonly string[]): void {
  const lower = phrases.map((p) => p.toLowerCase());
  for (const el of Array.from(body.querySelectorAll('p, div, section, aside, span, h2, h3, h4'))) {
    if (!body.contains(el) || el.querySelector('p, div')) continue;
    const text = textOf(el).toLowerCase();
    if (lower.some((p) => text.startsWith(p) || (text.length < 200 && text.includes(p)))) {
      cutFrom(el, body);
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
  const captions = doc.querySelectorAll('[class*="caption" i]:not(figcaption), [class*="keterangan" i]');
  for (const cap of Array.from(captions)) {
    const box = cap.parentElement;
    if (!box || box.closest('figure') || box === doc.body) continue;
    const imgs = box.querySelectorAll('img');
    if (imgs.length !== 1 || cap.contains(imgs[0]) || wordCount(textOf(box)) > 80) continue;
    const figure = doc.createElement('figure');
    const media = imgs[0].closest('picture') ?? imgs[0];
    const figcaption = doc.createElement('figcaption');
    figcaption.append(...Array.from(cap.childNodes));
    figure.append(media, figcaption);
    box.replaceWith(figure);
  }
  // A box holding just an image (maybe in a link) and one short line of text under it (Tribun, many CMSes).
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    if (img.closest('figure')) continue;
    const box = img.parentElement?.tagName === 'A' ? img.parentElement.parentElement : img.parentElement;
    if (!box || box.tagName !== 'DIV' || box.children.length !== 2) continue;
    const [first, second] = Array.from(box.children);
    if (!first.contains(img) || second.querySelector('img, p, div') || second.tagName === 'P') continue;
    const words = wordCount(textOf(second));
    if (words < 2 || words > 50) continue;
    const figure = doc.createElement('figure');
    const figcaption = doc.createElement('figcaption');
    figcaption.append(...Array.from(second.childNodes));
    figure.append(img, figcaption);
    box.replaceWith(figure);
  }
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
