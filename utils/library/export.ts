/**
 * Exports of the library (all of it, or the ids given):
 * - JSON: complete and versioned; importing it into an empty library gives the same records and image bytes
 *   (only `rev`, a local change counter, is left out). This is the backup format.
 * - Markdown: a zip with one .md file per article (YAML front matter) and its images beside it.
 * - EPUB 3: one book, one chapter per article (epub.ts).
 * Users asked for exactly this after Pocket and Omnivore closed (notes/anchors.md, users' voice #15).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Library } from './library';
import type { ImageRecord, SavedArticle } from './types';
import { bytesToBase64 } from './base64';
import { DB_VERSION } from './schema';
import { buildEpub, type EpubItem } from './epub';
import type { FrontMatter } from '../markdown';

export const EXPORT_FORMAT = 'jernih-library';
/** Version of the JSON export format (not of the database schema). Import reads this version and older ones. */
export const EXPORT_VERSION = 1;

export interface ExportedImage {
  url: string;
  type: string;
  base64: string;
}

export interface ExportedArticle extends Omit<SavedArticle, 'rev'> {
  imageData: ExportedImage[];
}

export interface JernihExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  /** Database schema the records were read from (information only). */
  schemaVersion: number;
  /** Number of articles: an import checks it, so a file cut short is noticed even when it still parses. */
  count: number;
  articles: ExportedArticle[];
}

export interface ExportOptions {
  ids?: readonly string[];
  includeTrashed?: boolean;
  now?: () => number;
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

export async function exportJson(lib: Library, opts: ExportOptions = {}): Promise<string> {
  const recs = await lib.records({ ids: opts.ids, includeTrashed: opts.includeTrashed });
  const articles: ExportedArticle[] = [];
  for (const { record, images } of recs) {
    const { rev: _rev, ...rest } = record;
    const imageData: ExportedImage[] = [];
    for (const img of images) imageData.push({ url: img.url, type: img.blob.type, base64: bytesToBase64(await bytesOf(img.blob)) });
    articles.push({ ...rest, imageData });
  }
  const doc: JernihExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date((opts.now ?? Date.now)()).toISOString(),
    schemaVersion: DB_VERSION,
    count: articles.length,
    articles,
  };
  return JSON.stringify(doc);
}

// --- Markdown ---------------------------------------------------------------------------------------------------

const IMAGE_EXT: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif', 'image/svg+xml': 'svg',
};

/** A file name from a title: ASCII letters, digits and dashes, at most 60 characters. */
export function slugify(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'article';
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

/** A saved article's record as the front matter of its Markdown file. */
function frontMatterOf(record: SavedArticle): FrontMatter {
  const a = record.article;
  return {
    title: a.title,
    url: a.url,
    site: a.siteName,
    byline: a.byline,
    published: a.publishedTime,
    // The zone the page stated ("WIB"), for a reader of the file to show the time as the page did.
    ...(a.publishedZone ? { published_zone: a.publishedZone } : {}),
    saved: isoDate(record.savedAt),
    updated: isoDate(record.updatedAt),
    lang: a.lang,
    tags: record.tags,
    read: record.read,
    reading_minutes: a.readingMinutes,
    link_only: record.needsContent,
  };
}

/** A zip of Markdown files (dated, named after the title) with their images in images/. */
export async function exportMarkdownZip(lib: Library, opts: ExportOptions & { doc?: Document } = {}): Promise<Uint8Array> {
  const doc = opts.doc ?? globalThis.document;
  // The Markdown writer (Turndown) loads for a Markdown export only: not with the other exports, and never in the
  // background, which imports the library's index (a static import would put Turndown's start-up code there).
  const { articleToMarkdown } = await import('../markdown');
  const recs = await lib.records({ ids: opts.ids, includeTrashed: opts.includeTrashed });
  const files: Zippable = {};
  const used = new Set<string>();
  for (const { record, images } of recs) {
    const base = `${isoDate(record.savedAt).slice(0, 10)}-${slugify(record.article.title)}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    const local = new Map<string, string>();
    let k = 0;
    for (const img of images) {
      const path = `images/${name}-${++k}.${IMAGE_EXT[img.blob.type] ?? 'img'}`;
      local.set(img.url, path);
      files[path] = [await bytesOf(img.blob), { level: 0 }];
    }
    const markdown = articleToMarkdown(record.article, { doc, imageSrc: (u) => local.get(u) ?? null, frontMatter: frontMatterOf(record) });
    files[`${name}.md`] = strToU8(markdown);
  }
  return zipSync(files, { mtime: new Date((opts.now ?? Date.now)()) });
}

// --- EPUB -------------------------------------------------------------------------------------------------------

async function epubItem(record: SavedArticle, images: ImageRecord[]): Promise<EpubItem> {
  const map = new Map<string, { bytes: Uint8Array; type: string }>();
  for (const img of images) map.set(img.url, { bytes: await bytesOf(img.blob), type: img.blob.type });
  return { record, images: map };
}

export async function exportEpub(
  lib: Library,
  opts: ExportOptions & { doc?: Document; title?: string; identifier?: string; locale?: string } = {},
): Promise<Uint8Array> {
  const doc = opts.doc ?? globalThis.document;
  const recs = await lib.records({ ids: opts.ids, includeTrashed: opts.includeTrashed });
  const items: EpubItem[] = [];
  for (const { record, images } of recs) items.push(await epubItem(record, images));
  const now = new Date((opts.now ?? Date.now)());
  return buildEpub(
    items,
    {
      title: opts.title ?? (items.length === 1 ? items[0].record.article.title : `Jernih: ${items.length} saved articles`),
      identifier: opts.identifier ?? `urn:uuid:${crypto.randomUUID()}`,
      modified: now,
    },
    { doc, locale: opts.locale },
  );
}

/** A download name: jernih-2026-11-26.json / .zip / .epub. */
export function exportFileName(kind: 'json' | 'markdown' | 'epub', now = Date.now()): string {
  const day = new Date(now).toISOString().slice(0, 10);
  return `jernih-${day}${kind === 'json' ? '.json' : kind === 'markdown' ? '-markdown.zip' : '.epub'}`;
}
