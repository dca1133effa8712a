/**
 * Readers of other services' exports. Each one turns a file into link-only entries (URL, title, tags, date, read
 * state) or throws a LibraryImportError that says what is wrong with the file. The sample files in
 * test/fixtures-library/ were written by hand from the documented layouts:
 * - Pocket HTML: <h1>Unread</h1><ul><li><a href time_added tags>title</a></li></ul>, then <h1>Read Archive</h1>.
 * - Pocket CSV (2024-2025): title,url,time_added,tags,status; tags joined by "|"; status unread or archive; in a
 *   zip as part_000000.csv, ... .
 * - Instapaper CSV: URL,Title,Selection,Folder,Timestamp (newer files add Tags); Folder Unread, Archive, Starred
 *   or a folder name.
 * - Omnivore: a zip of metadata_<from>_to_<to>.json arrays ({url, title, labels, savedAt, state, ...}) beside
 *   content/ and highlights/ folders.
 */
import { parseHtmlDocument } from '../sanitize';
import { parseCsv } from './csv';
import { LibraryImportError, type MergeItem } from './types';
import { clampImportedTime } from './records';

type LinkItem = Extract<MergeItem, { kind: 'link' }>;

export interface Parsed {
  items: MergeItem[];
  /** Entries left out while reading (not a web address, deleted in the other service). */
  skipped: number;
}

function webUrl(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  try {
    const u = new URL(s.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Unix seconds (Pocket, Instapaper) or an ISO date (Omnivore) -> ms; `now` when missing or nonsense. Clamped to
 * [0, now + 1 day] (issue #14): a date far ahead would sort first for ever and outrank every later change.
 */
function timeOf(v: unknown, now: number): number {
  return clampImportedTime(rawTimeOf(v, now), now);
}

function rawTimeOf(v: unknown, fallback: number): number {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v < 1e11 ? v * 1000 : v;
  if (typeof v === 'string' && v.trim()) {
    const t = v.trim();
    if (/^\d+$/.test(t)) return rawTimeOf(Number(t), fallback);
    const ms = Date.parse(t);
    if (Number.isFinite(ms)) return ms;
  }
  return fallback;
}

function link(url: string, title: string, extra: Partial<LinkItem> & { savedAt: number }): LinkItem {
  return { kind: 'link', url, title: title.trim(), tags: [], read: false, ...extra };
}

// --- Pocket HTML --------------------------------------------------------------------------------------------------

export function looksLikePocketHtml(text: string): boolean {
  return /<title>\s*Pocket Export\s*<\/title>/i.test(text) || /<a\b[^>]*\btime_added\s*=/i.test(text);
}

export function parsePocketHtml(text: string, doc: Document, now: number): Parsed {
  // Pocket's file always ends with </html>; without it the file was cut off and would import only in part.
  if (!/<\/html>\s*$/i.test(text)) throw new LibraryImportError('This Pocket file looks cut off (it does not end with </html>).');
  const parsed = parseHtmlDocument(text, doc);
  const items: MergeItem[] = [];
  let skipped = 0;
  let read = false;
  for (const el of Array.from(parsed.body.querySelectorAll('h1, a'))) {
    if (el.tagName === 'H1') {
      // "Unread" then "Read Archive": everything after the second heading was read.
      read = /archive/i.test(el.textContent ?? '');
      continue;
    }
    const url = webUrl(el.getAttribute('href'));
    if (!url) {
      skipped++;
      continue;
    }
    const tags = (el.getAttribute('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    items.push(link(url, el.textContent ?? '', { savedAt: timeOf(el.getAttribute('time_added'), now), tags, read }));
  }
  return { items, skipped };
}

// --- CSV (Pocket, Instapaper) -----------------------------------------------------------------------------------

const POCKET_COLS = ['title', 'url', 'time_added'];
const INSTAPAPER_COLS = ['url', 'title', 'selection', 'folder', 'timestamp'];

export type CsvKind = 'pocket-csv' | 'instapaper-csv';

export function csvKind(header: string[]): CsvKind | null {
  const h = header.map((c) => c.trim().toLowerCase());
  if (INSTAPAPER_COLS.every((c, i) => h[i] === c)) return 'instapaper-csv';
  if (POCKET_COLS.every((c) => h.includes(c))) return 'pocket-csv';
  return null;
}

function rowsOf(text: string, what: string): string[][] {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (e) {
    throw new LibraryImportError(`This ${what} file is damaged: ${(e as Error).message}.`);
  }
  if (!rows.length) throw new LibraryImportError(`This ${what} file is empty.`);
  const width = rows[0].length;
  rows.forEach((r, i) => {
    if (r.length !== width) {
      throw new LibraryImportError(
        `Row ${i + 1} of this ${what} file has ${r.length} fields where the header has ${width}: the file is damaged or cut off.`,
      );
    }
  });
  return rows;
}

/** Instapaper's newer Tags column holds a JSON list ("[""a"",""b""]"); older tools wrote "a, b". */
function tagList(v: string | undefined, sep: RegExp): string[] {
  const s = (v ?? '').trim();
  if (!s) return [];
  if (s.startsWith('[')) {
    try {
      const arr = JSON.parse(s);
      if (Array.isArray(arr)) return arr.map((t) => (typeof t === 'string' ? t : (t as { name?: string })?.name ?? '')).filter(Boolean);
    } catch {
      // not JSON: split below
    }
  }
  return s.split(sep).map((t) => t.trim()).filter(Boolean);
}

export function parseCsvExport(text: string, now: number): Parsed & { kind: CsvKind } {
  const rows = rowsOf(text, 'CSV');
  const kind = csvKind(rows[0]);
  if (!kind) {
    throw new LibraryImportError(
      'This CSV file is not a Pocket export (title,url,time_added,tags,status) or an Instapaper export (URL,Title,Selection,Folder,Timestamp).',
    );
  }
  const h = rows[0].map((c) => c.trim().toLowerCase());
  const col = (name: string) => h.indexOf(name);
  const items: MergeItem[] = [];
  let skipped = 0;
  for (const r of rows.slice(1)) {
    if (kind === 'pocket-csv') {
      const url = webUrl(r[col('url')]);
      if (!url) {
        skipped++;
        continue;
      }
      const status = (r[col('status')] ?? '').trim().toLowerCase();
      items.push(
        link(url, r[col('title')] ?? '', {
          savedAt: timeOf(r[col('time_added')], now),
          tags: tagList(r[col('tags')], /\|/),
          read: status === 'archive' || status === 'archived' || status === 'read',
        }),
      );
    } else {
      const url = webUrl(r[0]);
      if (!url) {
        skipped++;
        continue;
      }
      const folder = (r[3] ?? '').trim();
      const tags = tagList(r[col('tags')], /,/);
      // Starred and custom folders are how Instapaper users sorted things: keep them as tags.
      if (folder && !/^(unread|archive)$/i.test(folder)) tags.push(folder);
      items.push(
        link(url, r[1] ?? '', { savedAt: timeOf(r[4], now), tags, read: /^archive$/i.test(folder), excerpt: (r[2] ?? '').trim() }),
      );
    }
  }
  return { items, skipped, kind };
}

// --- Omnivore -----------------------------------------------------------------------------------------------------

export function looksLikeOmnivoreItems(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.every((x) => x && typeof x === 'object' && !Array.isArray(x)) &&
    v.some((x) => typeof (x as { url?: unknown }).url === 'string' && ('savedAt' in x || 'slug' in x || 'state' in x))
  );
}

export function parseOmnivoreItems(arrays: { name: string; items: unknown }[], now: number): Parsed {
  const items: MergeItem[] = [];
  let skipped = 0;
  for (const { name, items: arr } of arrays) {
    if (!Array.isArray(arr)) throw new LibraryImportError(`${name} in this Omnivore export is not a list of articles.`);
    for (const raw of arr) {
      const o = (raw ?? {}) as Record<string, unknown>;
      const url = webUrl(o.url);
      const state = typeof o.state === 'string' ? o.state.toUpperCase() : '';
      if (!url || state === 'DELETED') {
        skipped++;
        continue;
      }
      const labels = Array.isArray(o.labels) ? o.labels : [];
      const progress = typeof o.readingProgress === 'number' ? o.readingProgress / 100 : 0;
      items.push(
        link(url, typeof o.title === 'string' ? o.title : '', {
          savedAt: timeOf(o.savedAt, now),
          tags: labels.map((l) => (typeof l === 'string' ? l : (l as { name?: string })?.name ?? '')).filter(Boolean),
          read: state === 'ARCHIVED',
          excerpt: typeof o.description === 'string' ? o.description : '',
          byline: typeof o.author === 'string' && o.author ? o.author : null,
          publishedTime: typeof o.publishedAt === 'string' && o.publishedAt ? o.publishedAt : null,
          progress,
          leadImageUrl: webUrl(o.thumbnail),
        }),
      );
    }
  }
  return { items, skipped };
}
