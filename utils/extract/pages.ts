/**
 * Multi-page articles joined into one. readArticle(document, { url, fetchPage }) is extractArticle plus the
 * other pages: the site rule's way first (an all-pages URL, or every page already in the document), then
 * generic signs (rel=next, "Halaman selanjutnya", "Next page", numbered pagers). Fetching is injected, so the
 * tests run offline; only same-origin pages are fetched, each with a timeout, at most MAX_PAGES, never twice.
 */
import type { Article, ExtractOptions, PagesInfo } from './types';
import { extractArticle } from './extract';
import { findRule, type SiteRule } from './sites';
import { firstMatch, normalizeSpace, textOf, wordCount } from './dom';
import { parseHtmlDocument, sanitizeHtml, toFragment } from '../sanitize';

export const MAX_PAGES = 20;
const DEFAULT_TIMEOUT_MS = 8000;

export interface ReadOptions {
  url: string;
  /** Fetches another page of the article as HTML (same origin, cookies included). Omit to read one page. */
  fetchPage?: (url: string) => Promise<string>;
  maxPages?: number;
  timeoutMs?: number;
  /** The user's rule for the site (its removed blocks), applied to every page as to the first. */
  userRule?: ExtractOptions['userRule'];
  /** Gate the first page as auto-clean does (ExtractOptions.gate). The other pages are always gated. */
  gate?: boolean;
}

export type PagePlan =
  | { kind: 'single' }
  | { kind: 'all'; url: string; total: number }
  | { kind: 'list'; urls: string[]; total: number }
  | { kind: 'next'; url: string; total: number };

const stripHash = (u: string): string => u.replace(/#.*$/, '');

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function resolve(href: string | null | undefined, base: string): string | null {
  if (!href || /^(javascript|mailto|tel|data):/i.test(href.trim())) return null;
  try {
    return stripHash(new URL(href, base).href);
  } catch {
    return null;
  }
}

/** "Halaman 1/3", "1 dari 3 halaman", "Page 1 of 3" -> 3. */
function totalFromText(text: string): number | null {
  const m = text.match(/(?:halaman|page|hal\.?)\s*\d+\s*(?:\/|dari|of)\s*(\d+)/i) ?? text.match(/\b\d+\s*(?:dari|of)\s*(\d+)\s*(?:halaman|pages?)/i);
  return m ? Number(m[1]) : null;
}

/** The path of `url` with a trailing page number removed: /read/123/slug/2 -> /read/123/slug. */
const articleStem = (u: URL): string => u.pathname.replace(/\/(?:page\/)?\d{1,2}\/?$/, '').replace(/\/$/, '');

const PAGE_PARAMS = /^(page|p|pg|hal|halaman|showpage|page_num|paged)$/i;

/**
 * Could `candidate` be another page of the article at `url` (and not the next article)? Same origin, and either
 * the same path with a page parameter, or the same path plus a page number.
 */
export function isSameArticlePage(candidate: string, url: string): boolean {
  if (!sameOrigin(candidate, url)) return false;
  const c = new URL(candidate);
  const u = new URL(url);
  if (stripHash(c.href) === stripHash(u.href)) return false;
  const pageParam = Array.from(c.searchParams.keys()).some((k) => PAGE_PARAMS.test(k) && /^(\d+|all)$/i.test(c.searchParams.get(k)!));
  if (c.pathname === u.pathname && pageParam) return true;
  return articleStem(c) === articleStem(u) && /\/(?:page\/)?\d{1,2}\/?$/.test(c.pathname);
}

const NEXT_TEXT = /^(halaman\s+)?(selanjutnya|berikutnya|lanjut|next(\s+page)?|next\s*[›»→]|[›»→])\s*[›»→]?$/i;
const PAGER = '.pagination, .pager, .paging, .page-numbers, nav[aria-label*="page" i], [class*="pagination" i], [class*="paging" i], [class*="pager" i]';

/** Where the other pages are. Pure: reads only the document and the URL. */
export function planPages(doc: Document, url: string, rule: SiteRule | null = findRule(url)): PagePlan {
  const p = rule?.pagination;
  if (p?.inDocument) return { kind: 'single' };
  const pagerEl = firstMatch(doc, p?.pager) ?? doc.querySelector(PAGER);
  const pagerText = textOf(pagerEl);
  const numbered = numberedPages(doc, url, p?.pager);
  const total = Math.max(totalFromText(pagerText) ?? 0, ...numbered.map((n) => n.page), 1);

  if (p?.allPagesUrl) {
    const all = p.allPagesUrl(new URL(url));
    const looksPaged = p.pager ? !!firstMatch(doc, p.pager) : true;
    if (all && looksPaged && stripHash(all) !== stripHash(url)) return { kind: 'all', url: all, total: Math.max(total, 2) };
    if (!all) return { kind: 'single' }; // already the all-pages URL
  }
  if (numbered.length) {
    const urls = numbered.filter((n) => n.page > 1).sort((a, b) => a.page - b.page).map((n) => n.url);
    if (urls.length) return { kind: 'list', urls, total };
  }
  const next = nextLink(doc, url, rule);
  return next ? { kind: 'next', url: next, total } : { kind: 'single' };
}

/** Links "2", "3"... of a pager that lead to pages of this article. */
function numberedPages(doc: Document, url: string, pagerSelectors?: readonly string[]): { page: number; url: string }[] {
  const pagers = [...(pagerSelectors ?? []), PAGER];
  const found = new Map<number, string>();
  for (const sel of pagers) {
    let anchors: Element[] = [];
    try {
      anchors = Array.from(doc.querySelectorAll(sel.split(',').map((part) => `${part.trim()} a[href]`).join(', ')));
    } catch {
      continue;
    }
    for (const a of anchors) {
      const n = Number(textOf(a));
      const href = resolve(a.getAttribute('href'), url);
      if (Number.isInteger(n) && n >= 2 && n <= MAX_PAGES && href && (pagerSelectors?.includes(sel) ? sameOrigin(href, url) : isSameArticlePage(href, url))) {
        if (!found.has(n)) found.set(n, href);
      }
    }
    if (found.size) break;
  }
  return Array.from(found, ([page, u]) => ({ page, url: u }));
}

function nextLink(doc: Document, url: string, rule: SiteRule | null): string | null {
  const ruleNext = resolve(firstMatch(doc, rule?.pagination?.next)?.getAttribute('href'), url);
  if (ruleNext && sameOrigin(ruleNext, url)) return ruleNext;
  const candidates: (string | null)[] = [
    doc.querySelector('link[rel~="next" i]')?.getAttribute('href') ?? null,
    doc.querySelector('a[rel~="next" i]')?.getAttribute('href') ?? null,
    ...Array.from(doc.querySelectorAll('a[href]'))
      .filter((a) => NEXT_TEXT.test(textOf(a)) || NEXT_TEXT.test(normalizeSpace(a.getAttribute('aria-label'))))
      .map((a) => a.getAttribute('href')),
  ];
  for (const c of candidates) {
    const abs = resolve(c, url);
    if (abs && isSameArticlePage(abs, url)) return abs;
  }
  return null;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(timer), ok(v)),
      (e) => (clearTimeout(timer), fail(e)),
    );
  });
}

export async function readArticle(doc: Document, opts: ReadOptions): Promise<Article | null> {
  const userRule = opts.userRule;
  const first = extractArticle(doc, { url: opts.url, userRule, gate: opts.gate });
  if (!first) return null;
  const single: PagesInfo = { joined: 1, total: 1, missing: [] };
  if (!opts.fetchPage) return { ...first, pages: single };
  const plan = planPages(doc, opts.url);
  if (plan.kind === 'single') return { ...first, pages: single };

  const max = Math.min(opts.maxPages ?? MAX_PAGES, MAX_PAGES);
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchDoc = async (u: string): Promise<Document> => {
    if (!sameOrigin(u, opts.url)) throw new Error('not the same site');
    return parseHtmlDocument(await withTimeout(opts.fetchPage!(u), timeout), doc);
  };

  if (plan.kind === 'all') {
    try {
      const all = extractArticle(await fetchDoc(plan.url), { url: plan.url, userRule, gate: true });
      if (all && all.wordCount > first.wordCount) {
        // The all-pages document may lack page 1's metadata (SINDOnews ?showpage=all has no JSON-LD).
        return {
          ...all,
          url: first.url,
          title: first.title,
          byline: first.byline ?? all.byline,
          publishedTime: first.publishedTime ?? all.publishedTime,
          publishedZone: first.publishedTime ? first.publishedZone : all.publishedZone,
          leadImage: first.leadImage ?? all.leadImage,
          excerpt: first.excerpt || all.excerpt,
          siteName: first.siteName ?? all.siteName,
          lang: first.lang ?? all.lang,
          pages: { joined: plan.total, total: plan.total, missing: [] },
        };
      }
    } catch {
      // The all-pages URL failed: fall back to page by page when the pager lists the pages.
    }
    const numbered = numberedPages(doc, opts.url, findRule(opts.url)?.pagination?.pager);
    if (!numbered.length) {
      // No numbered pager: a "next" link may still lead page by page.
      const next = nextLink(doc, opts.url, findRule(opts.url));
      if (next) return followNext(first, next, plan.total, fetchDoc, max, doc, opts.url, userRule);
      return { ...first, pages: { joined: 1, total: plan.total, missing: [{ page: 2, url: plan.url, reason: 'the full article could not be loaded' }] } };
    }
    return joinPages(first, numbered.sort((a, b) => a.page - b.page).map((n) => n.url), plan.total, fetchDoc, max, doc, userRule);
  }
  if (plan.kind === 'list') return joinPages(first, plan.urls, plan.total, fetchDoc, max, doc, userRule);
  return followNext(first, plan.url, plan.total, fetchDoc, max, doc, opts.url, userRule);
}

async function joinPages(
  first: Article, urls: string[], total: number, fetchDoc: (u: string) => Promise<Document>, max: number, doc: Document,
  userRule?: ExtractOptions['userRule'],
): Promise<Article> {
  const bodies = [first.contentHtml];
  const missing: PagesInfo['missing'] = [];
  const list = urls.slice(0, max - 1);
  // Two at a time: quick without hammering the site.
  const results: (Article | Error | null)[] = new Array(list.length).fill(null);
  for (let i = 0; i < list.length; i += 2) {
    await Promise.all(
      list.slice(i, i + 2).map(async (u, j) => {
        try {
          results[i + j] = extractArticle(await fetchDoc(u), { url: u, userRule, gate: true }) ?? new Error('no article text on the page');
        } catch (e) {
          results[i + j] = e instanceof Error ? e : new Error(String(e));
        }
      }),
    );
  }
  results.forEach((r, i) => {
    if (r instanceof Error || !r) missing.push({ page: i + 2, url: list[i], reason: r instanceof Error ? r.message : 'failed' });
    else bodies.push(r.contentHtml);
  });
  return joined(first, bodies, Math.max(total, list.length + 1), missing, doc);
}

async function followNext(
  first: Article, start: string, total: number, fetchDoc: (u: string) => Promise<Document>, max: number, doc: Document, url: string,
  userRule?: ExtractOptions['userRule'],
): Promise<Article> {
  const bodies = [first.contentHtml];
  const missing: PagesInfo['missing'] = [];
  const seen = new Set([stripHash(url)]);
  let next: string | null = start;
  let page = 2;
  while (next && page <= max && !seen.has(stripHash(next))) {
    const current: string = next;
    seen.add(stripHash(current));
    try {
      const d = await fetchDoc(current);
      const art = extractArticle(d, { url: current, userRule, gate: true });
      if (!art) throw new Error('no article text on the page');
      bodies.push(art.contentHtml);
      next = nextLink(d, current, findRule(current));
    } catch (e) {
      missing.push({ page, url: current, reason: e instanceof Error ? e.message : String(e) });
      break;
    }
    page++;
  }
  return joined(first, bodies, Math.max(total, bodies.length + missing.length), missing, doc);
}

/** Bodies joined in order; paragraphs and headings an earlier page already had (repeated headers) are dropped. */
function joined(first: Article, bodies: string[], total: number, missing: PagesInfo['missing'], doc: Document): Article {
  const seen = new Set<string>();
  const container = doc.createElement('div');
  for (const html of bodies) {
    const fragment = toFragment(html, doc);
    for (const el of Array.from(fragment.querySelectorAll('p, h2, h3, h4, li, blockquote, figcaption'))) {
      const key = normalizeSpace(el.textContent).toLowerCase();
      if (wordCount(key) < 5) continue;
      if (seen.has(key)) el.remove();
      else seen.add(key);
    }
    container.append(fragment);
  }
  const contentHtml = sanitizeHtml(container.innerHTML, doc);
  const textContent = normalizeSpace(container.textContent);
  const words = wordCount(textContent);
  return {
    ...first,
    contentHtml,
    textContent,
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / 220)),
    pages: { joined: bodies.length, total: Math.max(total, bodies.length), missing },
  };
}
