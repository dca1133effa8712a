/**
 * "Report a problem": a compact description of what the reader made of a page, for an issue report. Plain data,
 * no page HTML: the URL, which rule shaped the extraction, what was kept (words, first and last paragraph) and
 * how much of the page was left out.
 */
import type { Article } from '../extract/types';

export interface PageCounts {
  words: number;
  paragraphs: number;
  images: number;
  links: number;
  embeds: number;
}

const norm = (s: string | null | undefined): string => (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
const words = (s: string): number => (s ? s.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length : 0);

/** Counts of a page or of the reader's body (visible text only: no scripts, styles or hidden blocks). */
export function countsOf(root: Element): PageCounts {
  const clone = root.cloneNode(true) as Element;
  for (const el of Array.from(clone.querySelectorAll('script, style, noscript, template, [hidden]'))) el.remove();
  // Text node by text node: blocks' texts must not run together ("awal.Kata").
  const texts: string[] = [];
  const walker = clone.ownerDocument.createTreeWalker(clone, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push((n as Text).data);
  return {
    words: words(norm(texts.join(' '))),
    paragraphs: Array.from(clone.querySelectorAll('p')).filter((p) => words(norm(p.textContent)) >= 5).length,
    images: clone.querySelectorAll('img').length,
    links: clone.querySelectorAll('a[href]').length,
    embeds: clone.querySelectorAll('iframe, video, audio, embed, object').length,
  };
}

export interface ReportInput {
  article: Article;
  /** The page as it was (the original body). */
  page: Element;
  /** The reader's body as shown (blocks the user removed are hidden). */
  shown: Element;
  /** "user" when the user's own rule for the site applied. */
  userRule: { body?: string; remove?: string[] } | null;
  /** Blocks removed in this view and not (yet) remembered. */
  removedInView: number;
  version: string;
  userAgent?: string;
  /** The engine's decisions on this page, stage by stage (explainExtraction's trace). */
  why?: string[];
}

const clip = (s: string, n = 200): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function buildReport(input: ReportInput): Record<string, unknown> {
  const { article } = input;
  const page = countsOf(input.page);
  const kept = countsOf(input.shown);
  const paras = Array.from(input.shown.querySelectorAll('p'))
    .filter((p) => !p.closest('[hidden]'))
    .map((p) => norm(p.textContent))
    .filter((t) => words(t) >= 5);
  return {
    jernih: input.version,
    url: article.url,
    title: article.title,
    lang: article.lang,
    // The built-in rule (or the generic path); the user's own rule, when one applied, comes next to it.
    rule: article.ruleId ?? 'generic',
    ...(input.userRule ? { userRule: input.userRule } : {}),
    pages: article.pages ? { joined: article.pages.joined, total: article.pages.total, missing: article.pages.missing.length } : { joined: 1, total: 1, missing: 0 },
    kept: { words: kept.words, paragraphs: kept.paragraphs, images: kept.images, embeds: kept.embeds, links: kept.links },
    removed: {
      words: Math.max(0, page.words - kept.words),
      paragraphs: Math.max(0, page.paragraphs - kept.paragraphs),
      images: Math.max(0, page.images - kept.images),
      embeds: Math.max(0, page.embeds - kept.embeds),
      links: Math.max(0, page.links - kept.links),
      byYouInThisView: input.removedInView,
    },
    firstParagraph: clip(paras[0] ?? ''),
    lastParagraph: clip(paras.at(-1) ?? ''),
    ...(input.userAgent ? { browser: input.userAgent } : {}),
    // What each stage decided (rule, gates, what the cleaners removed, Readability's floor), clipped for an issue.
    ...(input.why?.length ? { why: input.why.slice(0, 80).map((line) => clip(line)) } : {}),
  };
}
