/**
 * Import: Jernih JSON, Pocket (HTML or CSV, also zipped), Instapaper CSV, Omnivore (zip or one metadata file).
 * The whole file is read and checked before anything is written: a damaged, cut-off or foreign file is rejected
 * with a message that says why, and the library does not change. A valid file is merged in one transaction
 * (Library.merge): no duplicates, and a report of what was added, updated and skipped.
 */
import { unzipSync } from 'fflate';
import type { Library } from './library';
import { LibraryImportError, type MergeItem, type MergeReport, type SavedArticle } from './types';
import { base64ToBytes } from './base64';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
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

export interface ImportOptions {
  /** A document whose window can parse HTML (Pocket's HTML export); defaults to the page's. */
  doc?: Document;
  now?: () => number;
}

/** Reads and checks a file; throws LibraryImportError, writes nothing. */
export function parseImport(data: Uint8Array | string, opts: ImportOptions = {}): { format: ImportFormat } & Parsed {
  const now = (opts.now ?? Date.now)();
  if (typeof data !== 'string' && isZip(data)) return parseZip(data, now);
  const text = typeof data === 'string' ? data : decodeText(data);
  const t = text.replace(/^\uFEFF/, '').trim();
  if (!t) throw new LibraryImportError('The file is empty.');
  if (t[0] === '{' || t[0] === '[') return parseJson(t, now);
  if (t[0] === '<') {
    if (!looksLikePocketHtml(t)) throw new LibraryImportError('This HTML file is not a Pocket export.');
    const doc = opts.doc ?? globalThis.document;
    if (!doc) throw new LibraryImportError('Pocket HTML files can only be read in a page of the extension.');
    return { format: 'pocket-html', ...parsePocketHtml(t, doc, now) };
  }
  const { kind, ...parsed } = parseCsvExport(t, now);
  return { format: kind, ...parsed };
}

/** Checks, then merges. Returns what happened; throws LibraryImportError (nothing changed) or a LibraryError. */
export async function importFile(lib: Library, data: Uint8Array | string, opts: ImportOptions = {}): Promise<ImportReport> {
  const parsed = parseImport(data, opts);
  const merged = await lib.merge(parsed.items);
  return {
    format: parsed.format,
    total: parsed.items.length + parsed.skipped,
    added: merged.added,
    updated: merged.updated,
    skipped: merged.skipped + parsed.skipped,
  };
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

function parseZip(data: Uint8Array, now: number): { format: ImportFormat } & Parsed {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data);
  } catch (e) {
    throw new LibraryImportError(`The zip file is damaged or incomplete (${(e as Error).message}).`);
  }
  const names = Object.keys(files).filter((n) => !n.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(n));
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
  if (json.length === 1) return parseJson(text(json[0]), now);
  throw new LibraryImportError('This zip is not an export Jernih can read (an Omnivore export, or a Pocket CSV export).');
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

// --- JSON ---------------------------------------------------------------------------------------------------------

function parseJson(text: string, now: number): { format: ImportFormat } & Parsed {
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
  const items = o.articles.map((a, i) => recordItem(a, i));
  return { format: 'jernih-json', items, skipped: 0 };
}

const RECORD_KEYS = new Set(['id', 'canonicalUrl', 'article', 'savedAt', 'updatedAt', 'read', 'position', 'tags', 'images', 'needsContent', 'deletedAt']);

/** Checks one exported article field by field; the message names the first problem. */
function recordItem(raw: unknown, index: number): MergeItem {
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

  const r = obj(raw, 'the record');
  const a = obj(r.article, 'article');
  const url = str(a.url, 'article.url');
  try {
    const p = new URL(url).protocol;
    if (p !== 'http:' && p !== 'https:') bad('article.url is not a web address');
  } catch {
    bad('article.url is not a web address');
  }
  str(a.title, 'article.title');
  str(a.contentHtml, 'article.contentHtml');
  str(a.textContent, 'article.textContent');
  str(a.excerpt, 'article.excerpt');
  for (const k of ['byline', 'siteName', 'publishedTime', 'lang', 'ruleId']) strOrNull(a[k], `article.${k}`);
  if (a.dir !== 'ltr' && a.dir !== 'rtl') bad('article.dir is not ltr or rtl');
  num(a.wordCount, 'article.wordCount');
  num(a.readingMinutes, 'article.readingMinutes');
  if (a.leadImage !== null) {
    const li = obj(a.leadImage, 'article.leadImage');
    str(li.src, 'article.leadImage.src');
    str(li.alt, 'article.leadImage.alt');
    strOrNull(li.caption, 'article.leadImage.caption');
    bool(li.inBody, 'article.leadImage.inBody');
  }
  const id = str(r.id, 'id');
  if (!id) bad('id is empty');
  const position = obj(r.position, 'position');
  num(position.progress, 'position.progress');
  num(position.block, 'position.block');
  if (r.deletedAt !== null) num(r.deletedAt, 'deletedAt');
  const imageUrls = strings(r.images, 'images');
  if (!Array.isArray(r.imageData)) bad('imageData is missing');
  const images = (r.imageData as unknown[]).map((d, k) => {
    const img = obj(d, `imageData[${k}]`);
    const type = str(img.type, `imageData[${k}].type`);
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(str(img.base64, `imageData[${k}].base64`));
    } catch (e) {
      if (e instanceof LibraryImportError) throw e;
      return bad(`the data of image ${k + 1} is not valid base64`);
    }
    return { url: str(img.url, `imageData[${k}].url`), blob: new Blob([bytes as BlobPart], { type }) };
  });
  if (images.length !== imageUrls.length || images.some((img, k) => img.url !== imageUrls[k])) {
    bad('its image list and its image data do not match');
  }
  // Known fields only, in the file's order (so a re-export gives the same text); anything else is dropped.
  const rest = Object.fromEntries(Object.keys(r).filter((k) => RECORD_KEYS.has(k)).map((k) => [k, r[k]]));
  const record = {
    ...rest,
    id,
    canonicalUrl: str(r.canonicalUrl, 'canonicalUrl'),
    savedAt: num(r.savedAt, 'savedAt'),
    updatedAt: num(r.updatedAt, 'updatedAt'),
    read: bool(r.read, 'read'),
    tags: strings(r.tags, 'tags'),
    needsContent: bool(r.needsContent, 'needsContent'),
  } as unknown as Omit<SavedArticle, 'rev'>;
  return { kind: 'record', record, images };
}
