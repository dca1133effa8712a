/**
 * Types of the saved-articles library. A SavedArticle wraps the Article the reader shows (utils/extract/types.ts)
 * unchanged, so the reader page can show a saved article with the same code it uses for a live one.
 */
import type { Article } from '../extract/types';

export type { Article };

/** Where the reader stopped: a fraction of the article (0..1) and the index of the block at the top of the view. */
export interface ReadingPosition {
  progress: number;
  block: number;
}

/** One saved article as stored (schema v2). Times are milliseconds since the epoch (they are index keys). */
export interface SavedArticle {
  id: string;
  /** Dedupe key (canonicalUrl()): saving the same page again updates this record. `article.url` keeps the original. */
  canonicalUrl: string;
  article: Article;
  savedAt: number;
  updatedAt: number;
  read: boolean;
  position: ReadingPosition;
  /** Normalized (normalizeTags): trimmed, lower-case, unique, in the order added. */
  tags: string[];
  /** URLs of the images stored as blobs for this article (images store, key [id, url]). */
  images: string[];
  /** A link-only entry (imported from Pocket, Instapaper, Omnivore): no body yet; the UI fetches it later. */
  needsContent: boolean;
  /** Set while the article is in the trash (deleted, undo possible); null otherwise. */
  deletedAt: number | null;
  /** Local change counter (the library generation of the last write): how search indexes catch up. Not exported. */
  rev: number;
}

/** What the popup list shows: small records in their own store, so listing never loads bodies. */
export interface ArticleSummary {
  id: string;
  url: string;
  title: string;
  siteName: string | null;
  byline: string | null;
  publishedTime: string | null;
  /**
   * The zone the page stated its time in ("WIB"), so the row shows the article's day as the page did. Optional:
   * summaries written before it lack it, and their rows fall back to the time's own offset (as they did).
   */
  publishedZone?: string | null;
  savedAt: number;
  updatedAt: number;
  readingMinutes: number;
  /** At most SUMMARY_EXCERPT_CHARS characters. */
  excerpt: string;
  leadImageUrl: string | null;
  read: boolean;
  tags: string[];
  needsContent: boolean;
  progress: number;
  trashed: boolean;
}

/** Stored summary: booleans that are index keys are numbers (IndexedDB cannot index booleans). */
export interface SummaryRecord extends Omit<ArticleSummary, 'read' | 'trashed'> {
  unread: 0 | 1;
  trashed: 0 | 1;
  rev: number;
}

export interface ImageRecord {
  articleId: string;
  url: string;
  blob: Blob;
}

export interface ListOptions {
  /** Page size (default 50, at most 500). */
  limit?: number;
  /** The `next` cursor of the previous page. */
  after?: string | null;
  unread?: boolean;
  tag?: string;
  /** List the trash instead of the library. */
  trashed?: boolean;
}

export interface ListPage {
  items: ArticleSummary[];
  /** Cursor for the next page, or null at the end. */
  next: string | null;
}

export interface SearchOptions {
  limit?: number;
  unread?: boolean;
  tag?: string;
  /**
   * Wait for the body index when it is not loaded yet (default true). With false, the popup gets title/site/tag
   * matches at once (`complete: false`) and searches again when `searchReady()` resolves.
   */
  waitForBodies?: boolean;
}

export interface SearchResult {
  items: ArticleSummary[];
  /** Matches before `limit`. */
  total: number;
  /** False when bodies were not searched (their index is still loading). */
  complete: boolean;
}

export interface SaveOptions {
  tags?: string[];
  /** Overrides the library's storeImages setting for this save. */
  storeImages?: boolean;
}

export interface SaveResult {
  id: string;
  created: boolean;
  images: { stored: number; failed: number };
}

/** One entry to merge (import): a full record from a Jernih export, or a link-only entry from another service. */
export type MergeItem =
  | { kind: 'record'; record: Omit<SavedArticle, 'rev'>; images: { url: string; blob: Blob }[] }
  | {
      kind: 'link';
      url: string;
      title: string;
      tags: string[];
      savedAt: number;
      read: boolean;
      excerpt?: string;
      byline?: string | null;
      publishedTime?: string | null;
      progress?: number;
      leadImageUrl?: string | null;
    };

export interface MergeReport {
  added: number;
  /** Saved articles that only gained tags. */
  updated: number;
  /** Saved articles whose copy was replaced by the newer one in the file (body, title, read state...). */
  replaced: number;
  skipped: number;
}

/** What merging one entry does: add a new article, add tags to a saved one, replace a saved one, or nothing. */
export type MergeAction = 'add' | 'update' | 'replace' | 'skip';

export interface MergePlanStep {
  action: MergeAction;
  /** The saved article it changes (update, replace), or null. */
  id: string | null;
  /** The title the library shows for it now (update, replace), else the entry's. */
  title: string;
  url: string;
}

/**
 * What `Library.merge(items)` would do now, computed without writing (Library.planMerge): shown to the person
 * before an import, then passed back as `confirmed` so the merge refuses if the library changed meanwhile.
 */
export interface MergePlan extends MergeReport {
  /** One step per entry, in the order of the entries. */
  steps: MergePlanStep[];
}

export interface MergeOptions {
  /** The plan the person confirmed: when merging now would do anything else, nothing is written. */
  confirmed?: MergePlan;
}

export type LibraryErrorCode = 'quota' | 'invalid-url' | 'not-found' | 'import-invalid' | 'storage' | 'aborted' | 'blocked';

/** Every failure the library reports has a code the UI can switch on and a message a person can read. */
export class LibraryError extends Error {
  readonly code: LibraryErrorCode;
  constructor(code: LibraryErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LibraryError';
    this.code = code;
  }
}

/** The browser refused to store more (QuotaExceededError). The transaction was aborted: nothing was written. */
export class LibraryQuotaError extends LibraryError {
  constructor(options?: { cause?: unknown }) {
    super(
      'quota',
      'There is not enough storage space to save this. Nothing was changed. Free space by deleting saved articles ' +
        '(and emptying the trash) or by turning off "Save images", then try again.',
      options,
    );
    this.name = 'LibraryQuotaError';
  }
}

/** An import file was rejected before anything was written. */
export class LibraryImportError extends LibraryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('import-invalid', `${message} Nothing was imported.`, options);
    this.name = 'LibraryImportError';
  }
}
