/**
 * Pure functions that build and change records. No IndexedDB here: library.ts runs these inside its
 * transactions, and the tests call them directly.
 */
import type { Article, ArticleSummary, ReadingPosition, SavedArticle, SummaryRecord } from './types';
import { displayHost } from './canonical';

export const SUMMARY_EXCERPT_CHARS = 300;
const MAX_TAG_CHARS = 64;
const MAX_TAGS = 50;

/** Tags as stored: trimmed, inner spaces collapsed, lower-case (Pocket and Omnivore labels differ only in case), unique. */
export function normalizeTags(tags: readonly unknown[] | null | undefined): string[] {
  const out: string[] = [];
  for (const t of tags ?? []) {
    if (typeof t !== 'string') continue;
    const tag = t.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, MAX_TAG_CHARS);
    if (tag && !out.includes(tag)) out.push(tag);
    if (out.length >= MAX_TAGS) break;
  }
  return out;
}

export function clampPosition(p: Partial<ReadingPosition> | null | undefined): ReadingPosition {
  const progress = typeof p?.progress === 'number' && Number.isFinite(p.progress) ? Math.min(1, Math.max(0, p.progress)) : 0;
  const block = typeof p?.block === 'number' && Number.isFinite(p.block) ? Math.max(0, Math.floor(p.block)) : 0;
  return { progress, block };
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

/**
 * The list record of an article. Schema step 2 writes summaries with this function too, so a later change of the
 * summary shape needs its own migration step that rewrites them (and a frozen copy of this one for step 2).
 */
export function summaryOf(r: SavedArticle): SummaryRecord {
  const a = r.article;
  return {
    id: r.id,
    url: a.url,
    title: a.title,
    siteName: a.siteName ?? null,
    byline: a.byline ?? null,
    publishedTime: a.publishedTime ?? null,
    savedAt: r.savedAt,
    updatedAt: r.updatedAt,
    readingMinutes: a.readingMinutes,
    excerpt: clip(a.excerpt ?? '', SUMMARY_EXCERPT_CHARS),
    leadImageUrl: a.leadImage?.src ?? null,
    unread: r.read ? 0 : 1,
    tags: [...r.tags],
    needsContent: r.needsContent,
    progress: r.position.progress,
    trashed: r.deletedAt === null ? 0 : 1,
    rev: r.rev,
  };
}

export function toSummary(s: SummaryRecord): ArticleSummary {
  const { unread, trashed, rev: _rev, ...rest } = s;
  return { ...rest, read: unread === 0, trashed: trashed === 1 };
}

/** The Article of a link-only entry: what an import knows (URL, title, maybe an excerpt), no body. */
export function linkOnlyArticle(
  url: string,
  title: string,
  extra: { excerpt?: string; byline?: string | null; publishedTime?: string | null; leadImageUrl?: string | null } = {},
): Article {
  return {
    url,
    title: title.trim() || url,
    byline: extra.byline ?? null,
    siteName: displayHost(url),
    publishedTime: extra.publishedTime ?? null,
    lang: null,
    dir: 'ltr',
    leadImage: extra.leadImageUrl ? { src: extra.leadImageUrl, alt: '', caption: null, inBody: false } : null,
    contentHtml: '',
    textContent: '',
    excerpt: extra.excerpt ?? '',
    wordCount: 0,
    readingMinutes: 0,
    ruleId: null,
  };
}

/**
 * The record after saving `article` at `now`. A first save starts unread at the top; saving again keeps the id,
 * the first savedAt (the list order), the read state and the tags (adding new ones), and keeps the reading
 * position only when the body did not change (a changed body moves blocks). A trashed record comes back.
 */
export function applySave(
  existing: SavedArticle | null,
  init: { id: string; canonicalUrl: string; article: Article; tags: string[]; images: string[]; now: number; rev: number },
): SavedArticle {
  const tags = normalizeTags([...(existing?.tags ?? []), ...init.tags]);
  if (!existing) {
    return {
      id: init.id,
      canonicalUrl: init.canonicalUrl,
      article: init.article,
      savedAt: init.now,
      updatedAt: init.now,
      read: false,
      position: { progress: 0, block: 0 },
      tags,
      images: init.images,
      needsContent: false,
      deletedAt: null,
      rev: init.rev,
    };
  }
  const sameBody = existing.article.contentHtml === init.article.contentHtml;
  return {
    ...existing,
    article: init.article,
    updatedAt: Math.max(init.now, existing.updatedAt),
    position: sameBody ? existing.position : { progress: 0, block: 0 },
    tags,
    images: init.images,
    needsContent: false,
    deletedAt: null,
    rev: init.rev,
  };
}

/** Text the body index holds for a record (title and site too, so a query may match across them). */
export function searchText(r: SavedArticle): { title: string; site: string; tags: string; byline: string; text: string } {
  const a = r.article;
  const host = displayHost(a.url) ?? '';
  return {
    title: a.title,
    site: [a.siteName ?? '', host].filter(Boolean).join(' '),
    tags: r.tags.join(' '),
    byline: a.byline ?? '',
    text: a.textContent || a.excerpt || '',
  };
}
