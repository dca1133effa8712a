/**
 * Import: Jernih JSON, Pocket (HTML or CSV, also zipped), Instapaper CSV, Omnivore (zip or one metadata file).
 * The whole file is read and checked before anything is written: a damaged, cut-off, oversized or foreign file is
 * rejected with a message that says why, and the library does not change. A valid file is first planned
 * (prepareImport: what it would add, update, replace and skip, shown to the person), and merged only when they
 * confirm (applyImport), in one transaction (Library.merge): no duplicates, and a report of what happened.
 *
 * A file is untrusted input (issue #14): every field is checked and copied into a fresh object (unknown keys, and
 * `__proto__` with them, are left behind), addresses must be http or https, dates are clamped, pictures are kept
 * only when their bytes are a raster image, and a zip is measured from its directory before it is inflated.
 */
import { unzipSync } from 'fflate';
import type { Library } from './library';
import { LibraryImportError, type Article, type MergeItem, type MergePlan, type MergeReport, type SavedArticle } from './types';
import { base64ToBytes } from './base64';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { IMAGE_LIMITS, sniffImageType } from './images';
import { clampImportedTime, isWebUrl } from './records';
import { parseZone } from '../locale-format';
import {
  csvKind,
  looksLikeOmnivoreItems,
  looksLikePocketHtml,
  parseCsvExport,
  parseOmnivoreItems,
  parsePocketHtml,
  type Parsed,
} from './import-formats';
import { parseCsv } from './csv';

export type ImportFormat = 'jernih-json' | 'pocket-html' | 'pocket-csv' | 'instapaper-csv' | 'omnivore';

export interface ImportReport extends MergeReport {
  format: ImportFormat;
  /** Entries in the file. */
  total: number;
}

const MB = 1024 * 1024;

/**
 * How much an import reads. The file is held in memory several times over while it is checked (the bytes, the
 * text, the parsed objects, the decoded pictures: about five times its size at the peak), in a page of the
 * extension: 100 MB keeps that peak near half a gigabyte. A Jernih backup of the 10,000 articles the library is
 * built for is about 50 MB without pictures; Pocket, Instapaper and Omnivore lists of links are a few MB.
 */
export const IMPORT_LIMITS = {
  /** The file as chosen. */
  maxFileBytes: 100 * MB,
  /**
   * What the files read from a zip unpack to, together, by the sizes its directory declares (and the most that
   * can come out: the inflater writes into a buffer of the declared size). The same budget as a plain file:
   * what is unpacked is then parsed the same way. Files that are not read (Omnivore's content/) do not count.
   */
  maxUnzippedBytes: 100 * MB,
  /** Entries in one file: ten times the library's design size; more is not a reading list. */
  maxEntries: 100_000,
};

export type ImportLimits = typeof IMPORT_LIMITS;

export interface ImportOptions {
  /** A document whose window can parse HTML (Pocket's HTML export); defaults to the page's. */
  doc?: Document;
  now?: () => number;
  /** Lower limits (tests); the defaults are IMPORT_LIMITS. */
  limits?: Partial<ImportLimits>;
}

/** A file read, checked and planned: nothing written yet. applyImport() merges it. */
export interface PreparedImport extends Parsed {
  format: ImportFormat;
  plan: MergePlan;
}

const limitsOf = (opts: ImportOptions): ImportLimits => ({ ...IMPORT_LIMITS, ...opts.limits });
const megabytes = (n: number) => Math.ceil(n / MB);

/** Refuses a file too large to read, from its size alone (the page checks this before reading the file). */
export function assertImportSize(bytes: number, opts: ImportOptions = {}): void {
  const max = limitsOf(opts).maxFileBytes;
  if (bytes > max) {
    throw new LibraryImportError(`This file is too large to import (${megabytes(bytes)} MB; at most ${megabytes(max)} MB).`);
  }
}

/** Reads and checks a file; throws LibraryImportError, writes nothing. */
export function parseImport(data: Uint8Array | string, opts: ImportOptions = {}): { format: ImportFormat } & Parsed {
  const limits = limitsOf(opts);
  // A string's length in UTF-16 units: at most its UTF-8 size, so text that passes here may be up to 3x larger in
  // bytes; it is already in memory, and the entry limit below bounds what is built from it.
  assertImportSize(data.length, opts);
  const parsed = parseData(data, opts, limits);
  if (parsed.items.length + parsed.skipped > limits.maxEntries) {
    throw new LibraryImportError(`This file holds more than ${limits.maxEntries} entries.`);
  }
  return parsed;
}

function parseData(data: Uint8Array | string, opts: ImportOptions, limits: ImportLimits): { format: ImportFormat } & Parsed {
  const now = (opts.now ?? Date.now)();
  if (typeof data !== 'string' && isZip(data)) return parseZip(data, now, limits);
  const text = typeof data === 'string' ? data : decodeText(data);
  const t = text.replace(/^\uFEFF/, '').trim();
  if (!t) throw new LibraryImportError('The file is empty.');
  if (t[0] === '{' || t[0] === '[') return parseJson(t, now, limits);
  if (t[0] === '<') {
    if (!looksLikePocketHtml(t)) throw new LibraryImportError('This HTML file is not a Pocket export.');
    const doc = opts.doc ?? globalThis.document;
    if (!doc) throw new LibraryImportError('Pocket HTML files can only be read in a page of the extension.');
    return { format: 'pocket-html', ...parsePocketHtml(t, doc, now) };
  }
  const { kind, ...parsed } = parseCsvExport(t, now);
  return { format: kind, ...parsed };
}

/** Reads, checks and plans a file; writes nothing. Throws LibraryImportError (or a LibraryError of the library). */
export async function prepareImport(lib: Library, data: Uint8Array | string, opts: ImportOptions = {}): Promise<PreparedImport> {
  const parsed = parseImport(data, opts);
  return { ...parsed, plan: await lib.planMerge(parsed.items) };
}

/**
 * Merges a prepared file: what its plan said, or nothing (LibraryImportError) when the library changed since it
 * was planned.
 */
export async function applyImport(lib: Library, prepared: PreparedImport): Promise<ImportReport> {
  const merged = await lib.merge(prepared.items, { confirmed: prepared.plan });
  return {
    format: prepared.format,
    total: prepared.items.length + prepared.skipped,
    added: merged.added,
    updated: merged.updated,
    replaced: merged.replaced,
    skipped: merged.skipped + prepared.skipped,
  };
}

/** Checks, then merges without asking (scripts and tests; the library page asks first). */
export async function importFile(lib: Library, data: Uint8Array | string, opts: ImportOptions = {}): Promise<ImportReport> {
  return applyImport(lib, await prepareImport(lib, data, opts));
}

// --- containers ---------------------------------------------------------------------------------------------------

function isZip(b: Uint8Array): boolean {
  // Local file header, or the end record of an empty zip.
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

function decodeText(b: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    throw new LibraryImportError('This file is not text (or not UTF-8): it is not an export Jernih can read.');
  }
}

/** A file of a zip that an import may read; the rest (Omnivore's content/ and highlights/) is never inflated. */
function readableInZip(name: string): boolean {
  return !name.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(name) && /\.(json|csv)$/i.test(name);
}

function parseZip(data: Uint8Array, now: number, limits: ImportLimits): { format: ImportFormat } & Parsed {
  let files: Record<string, Uint8Array>;
  try {
    // First pass: the central directory only (the filter refuses every file, so nothing is inflated). A zip of a
    // few hundred KB can declare gigabytes; they are counted here, before any memory is given to them.
    let declared = 0;
    unzipSync(data, {
      filter: (f) => {
        if (readableInZip(f.name)) declared += Math.max(f.originalSize, f.size);
        return false;
      },
    });
    if (declared > limits.maxUnzippedBytes) {
      throw new LibraryImportError(`This zip would unpack to ${megabytes(declared)} MB; Jernih reads at most ${megabytes(limits.maxUnzippedBytes)} MB from a zip.`);
    }
    // Second pass: the files to read. Each is inflated into a buffer of its declared size, which does not grow.
    files = unzipSync(data, { filter: (f) => readableInZip(f.name) });
  } catch (e) {
    if (e instanceof LibraryImportError) throw e;
    throw new LibraryImportError(`The zip file is damaged or incomplete (${(e as Error).message}).`);
  }
  const names = Object.keys(files);
  const text = (n: string) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(files[n]);
    } catch {
      throw new LibraryImportError(`${n} in the zip is not UTF-8 text.`);
    }
  };
  const metadata = names.filter((n) => /(^|\/)metadata_[^/]*\.json$/i.test(n)).sort(naturalOrder);
  if (metadata.length) {
    const arrays = metadata.map((n) => {
      try {
        return { name: n, items: JSON.parse(text(n)) as unknown };
      } catch (e) {
        if (e instanceof LibraryImportError) throw e;
        throw new LibraryImportError(`${n} in this Omnivore export is damaged or incomplete.`);
      }
    });
    return { format: 'omnivore', ...parseOmnivoreItems(arrays, now) };
  }
  const csvs = names.filter((n) => /\.csv$/i.test(n)).sort(naturalOrder);
  const pocket = csvs.filter((n) => {
    try {
      return csvKind(parseCsv(text(n).split(/\r?\n/, 1)[0] ?? '')[0] ?? []) === 'pocket-csv';
    } catch {
      return false;
    }
  });
  if (pocket.length) {
    const out: Parsed = { items: [], skipped: 0 };
    for (const n of pocket) {
      const p = parseCsvExport(text(n), now);
      out.items.push(...p.items);
      out.skipped += p.skipped;
    }
    return { format: 'pocket-csv', ...out };
  }
  const json = names.filter((n) => /\.json$/i.test(n));
  if (json.length === 1) return parseJson(text(json[0]), now, limits);
  throw new LibraryImportError('This zip is not an export Jernih can read (an Omnivore export, or a Pocket CSV export).');
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

// --- JSON ---------------------------------------------------------------------------------------------------------

function parseJson(text: string, now: number, limits: ImportLimits): { format: ImportFormat } & Parsed {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new LibraryImportError('This JSON file is damaged or incomplete (it does not parse).');
  }
  if (looksLikeOmnivoreItems(v)) return { format: 'omnivore', ...parseOmnivoreItems([{ name: 'This file', items: v }], now) };
  const o = v as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || Array.isArray(o) || o.format !== EXPORT_FORMAT) {
    throw new LibraryImportError('This JSON file is not a Jernih export.');
  }
  if (typeof o.version !== 'number' || !Number.isInteger(o.version) || o.version < 1) {
    throw new LibraryImportError('This Jernih export has no valid version number.');
  }
  if (o.version > EXPORT_VERSION) {
    throw new LibraryImportError('This export was made by a newer version of Jernih. Update Jernih, then import it.');
  }
  if (!Array.isArray(o.articles)) throw new LibraryImportError('This Jernih export has no list of articles.');
  if (o.count !== o.articles.length) {
    throw new LibraryImportError(`This Jernih export is incomplete: it says ${String(o.count)} articles but holds ${o.articles.length}.`);
  }
  if (o.articles.length > limits.maxEntries) throw new LibraryImportError(`This file holds more than ${limits.maxEntries} entries.`);
  const items = o.articles.map((a, i) => recordItem(a, i, now));
  return { format: 'jernih-json', items, skipped: 0 };
}

/**
 * The known fields of `src` with their checked values, in the file's order (so a re-export gives the same text).
 * Anything else is left behind; the result is a fresh object, so a key named `__proto__` or `constructor` in the
 * file never reaches a prototype.
 */
function known<T>(src: Record<string, unknown>, checked: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(src)) {
    if (Object.hasOwn(checked, k)) Object.defineProperty(out, k, { value: checked[k], enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}

/** Checks one exported article field by field and builds it anew; the message names the first problem. */
function recordItem(raw: unknown, index: number, now: number): MergeItem {
  const where = `Article ${index + 1} of this Jernih export`;
  const bad = (what: string): never => {
    throw new LibraryImportError(`${where} is damaged (${what}).`);
  };
  const obj = (v: unknown, name: string) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : bad(`${name} is missing`));
  const str = (v: unknown, name: string) => (typeof v === 'string' ? v : bad(`${name} is not text`));
  const strOrNull = (v: unknown, name: string) => (v === null || typeof v === 'string' ? v : bad(`${name} is not text`));
  const num = (v: unknown, name: string) => (typeof v === 'number' && Number.isFinite(v) ? v : bad(`${name} is not a number`));
  const bool = (v: unknown, name: string) => (typeof v === 'boolean' ? v : bad(`${name} is not true or false`));
  const strings = (v: unknown, name: string) =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : bad(`${name} is not a list of text`);
  const list = (v: unknown, name: string) => (Array.isArray(v) ? (v as unknown[]) : bad(`${name} is not a list`));
  // Pages and pictures are opened and fetched from these: web addresses only (no javascript:, data:, file:...).
  const web = (v: unknown, name: string) => (isWebUrl(str(v, name)) ? (v as string) : bad(`${name} is not a web address (http or https)`));
  const time = (v: unknown, name: string) => clampImportedTime(num(v, name), now);

  const r = obj(raw, 'the record');
  const a = obj(r.article, 'article');
  const checkedArticle: Record<string, unknown> = {
    url: web(a.url, 'article.url'),
    title: str(a.title, 'article.title'),
    contentHtml: str(a.contentHtml, 'article.contentHtml'),
    textContent: str(a.textContent, 'article.textContent'),
    excerpt: str(a.excerpt, 'article.excerpt'),
    byline: strOrNull(a.byline, 'article.byline'),
    siteName: strOrNull(a.siteName, 'article.siteName'),
    publishedTime: strOrNull(a.publishedTime, 'article.publishedTime'),
    // A zone this version cannot show is dropped, not refused: the time is then shown in the reader's own zone.
    publishedZone: typeof a.publishedZone === 'string' && parseZone(a.publishedZone) ? a.publishedZone : null,
    lang: strOrNull(a.lang, 'article.lang'),
    ruleId: strOrNull(a.ruleId, 'article.ruleId'),
    dir: a.dir === 'ltr' || a.dir === 'rtl' ? a.dir : bad('article.dir is not ltr or rtl'),
    wordCount: num(a.wordCount, 'article.wordCount'),
    readingMinutes: num(a.readingMinutes, 'article.readingMinutes'),
    leadImage: null,
  };
  if (a.leadImage !== null) {
    const li = obj(a.leadImage, 'article.leadImage');
    checkedArticle.leadImage = known(li, {
      src: web(li.src, 'article.leadImage.src'),
      alt: str(li.alt, 'article.leadImage.alt'),
      caption: strOrNull(li.caption, 'article.leadImage.caption'),
      inBody: bool(li.inBody, 'article.leadImage.inBody'),
    });
  }
  if (a.pages !== undefined) {
    const p = obj(a.pages, 'article.pages');
    checkedArticle.pages = known(p, {
      joined: num(p.joined, 'article.pages.joined'),
      total: num(p.total, 'article.pages.total'),
      missing: list(p.missing, 'article.pages.missing').map((m, k) => {
        const name = `article.pages.missing[${k}]`;
        const o = obj(m, name);
        return known(o, { page: num(o.page, `${name}.page`), url: web(o.url, `${name}.url`), reason: str(o.reason, `${name}.reason`) });
      }),
    });
  }
  const article = known<Article>(a, checkedArticle);

  const id = str(r.id, 'id');
  if (!id) bad('id is empty');
  const position = obj(r.position, 'position');
  const imageUrls = strings(r.images, 'images').map((u, k) => web(u, `images[${k}]`));
  const imageData = list(r.imageData, 'imageData');
  if (imageData.length !== imageUrls.length) bad('its image list and its image data do not match');
  const images: { url: string; blob: Blob }[] = [];
  imageData.forEach((d, k) => {
    const img = obj(d, `imageData[${k}]`);
    const url = web(img.url, `imageData[${k}].url`);
    if (url !== imageUrls[k]) bad('its image list and its image data do not match');
    str(img.type, `imageData[${k}].type`);
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(str(img.base64, `imageData[${k}].base64`));
    } catch (e) {
      if (e instanceof LibraryImportError) throw e;
      return bad(`the data of image ${k + 1} is not valid base64`);
    }
    // Stored pictures are raster images by their bytes, whatever `type` says (an HTML page or an SVG would run
    // script when opened from a blob: URL of the extension). Others are left out: the article shows them online.
    const type = sniffImageType(bytes);
    if (type && bytes.length <= IMAGE_LIMITS.maxBytes) images.push({ url, blob: new Blob([bytes as BlobPart], { type }) });
  });
  const record = known<Omit<SavedArticle, 'rev'>>(r, {
    id,
    canonicalUrl: web(r.canonicalUrl, 'canonicalUrl'),
    article,
    savedAt: time(r.savedAt, 'savedAt'),
    updatedAt: time(r.updatedAt, 'updatedAt'),
    read: bool(r.read, 'read'),
    position: known(position, { progress: num(position.progress, 'position.progress'), block: num(position.block, 'position.block') }),
    tags: strings(r.tags, 'tags'),
    images: images.map((i) => i.url),
    needsContent: bool(r.needsContent, 'needsContent'),
    deletedAt: r.deletedAt === null ? null : time(r.deletedAt, 'deletedAt'),
  });
  return { kind: 'record', record, images };
}
