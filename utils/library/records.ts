/**
 * Pure functions that build and change records. No IndexedDB here: library.ts runs these inside its
 * transactions, and the tests call them directly.
 */
import type { Article, ArticleSummary, MergeAction, MergeItem, ReadingPosition, SavedArticle, SummaryRecord } from './types';
import { displayHost } from './canonical';
import { isWebUrl } from '../safe-url';

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

/** An absolute http or https address (what the library stores as a page or picture address): the UI's URL guard. */
export { isWebUrl };

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
    publishedZone: a.publishedZone ?? null,
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
    // Web addresses only (issue #14): this comes from another service's file.
    leadImage: isWebUrl(extra.leadImageUrl) ? { src: extra.leadImageUrl, alt: '', caption: null, inBody: false } : null,
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

// --- merging imported entries (issue #14) -------------------------------------------------------------------------

/**
 * How far past "now" an imported date may lie: a day covers two devices whose clocks or time zones disagree. A
 * date further on would make a file's copy "newer" than every later save (updatedAt 9e15 won for 285,000 years).
 */
export const IMPORT_CLOCK_SLACK_MS = 24 * 3600 * 1000;

/** An imported date as stored: a finite number in [0, now + 1 day]; anything else is `now`. */
export function clampImportedTime(t: unknown, now: number): number {
  const max = now + IMPORT_CLOCK_SLACK_MS;
  const v = typeof t === 'number' && Number.isFinite(t) ? t : now;
  return Math.min(Math.max(0, v), max);
}

/**
 * Ids as Jernih makes them (UUIDs) and close relatives. An id ends up in the address of the reader page
 * (saved.html?id=...) and in keys: an imported id that is anything else is replaced by a new one.
 */
export function isPlainId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(id);
}

export interface MergeContext {
  /** The id the record gets: the saved article's, else the exported one when free, else a new one. */
  id: string;
  canonicalUrl: string;
  now: number;
  rev: number;
}

export interface MergeDecision {
  action: MergeAction;
  /** The record to write, or null (skip). */
  record: SavedArticle | null;
  /** For a full record that is added or replaces one: its pictures (they replace the stored ones). */
  images: { url: string; blob: Blob }[] | null;
}

type RecordItem = Extract<MergeItem, { kind: 'record' }>;
type LinkItem = Extract<MergeItem, { kind: 'link' }>;

/**
 * What merging a full record (a Jernih export) does to the saved copy of the same page. The one place that decides
 * it: Library.planMerge (shown before an import) and Library.merge (the import) both call it.
 * - No saved copy: add it.
 * - The file's copy is newer: replace the saved one, keeping its tags (and adding the file's) and its trash state.
 * - Otherwise: only the file's tags are added (or nothing happens).
 */
export function mergeRecordEntry(existing: SavedArticle | null, item: RecordItem, ctx: MergeContext): MergeDecision {
  const inc = item.record;
  const updatedAt = clampImportedTime(inc.updatedAt, ctx.now);
  if (existing && updatedAt <= existing.updatedAt) {
    const tags = normalizeTags([...existing.tags, ...(inc.tags ?? [])]);
    if (tags.length === existing.tags.length) return { action: 'skip', record: null, images: null };
    return { action: 'update', record: { ...existing, tags, rev: ctx.rev }, images: null };
  }
  const record: SavedArticle = {
    id: ctx.id,
    canonicalUrl: ctx.canonicalUrl,
    article: inc.article,
    savedAt: clampImportedTime(inc.savedAt, ctx.now),
    updatedAt,
    read: inc.read === true,
    position: clampPosition(inc.position),
    tags: normalizeTags([...(existing?.tags ?? []), ...(inc.tags ?? [])]),
    images: item.images.map((i) => i.url),
    needsContent: inc.needsContent === true,
    // An import never moves a saved article into or out of the trash: a file that could would trash any article it
    // names, and the purge would then delete it for good. Only a new entry keeps the file's trash state.
    deletedAt: existing ? existing.deletedAt : inc.deletedAt == null ? null : clampImportedTime(inc.deletedAt, ctx.now),
    rev: ctx.rev,
  };
  return { action: existing ? 'replace' : 'add', record, images: item.images };
}

/** What merging a link-only entry (Pocket, Instapaper, Omnivore) does: add it, or only add tags to a saved page. */
export function mergeLinkEntry(existing: SavedArticle | null, item: LinkItem, ctx: MergeContext): MergeDecision {
  if (existing) {
    const tags = normalizeTags([...existing.tags, ...(item.tags ?? [])]);
    // A page the person deleted stays deleted; a page already there only gains tags.
    if (existing.deletedAt !== null || tags.length === existing.tags.length) return { action: 'skip', record: null, images: null };
    return { action: 'update', record: { ...existing, tags, rev: ctx.rev }, images: null };
  }
  const savedAt = clampImportedTime(item.savedAt, ctx.now);
  const record: SavedArticle = {
    id: ctx.id,
    canonicalUrl: ctx.canonicalUrl,
    article: linkOnlyArticle(item.url, typeof item.title === 'string' ? item.title : '', item),
    savedAt,
    updatedAt: savedAt,
    read: item.read === true,
    position: clampPosition({ progress: item.progress ?? 0, block: 0 }),
    tags: normalizeTags(item.tags),
    images: [],
    needsContent: true,
    deletedAt: null,
    rev: ctx.rev,
  };
  return { action: 'add', record, images: null };
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
