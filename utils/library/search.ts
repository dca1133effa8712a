/**
 * Full-text search with MiniSearch, in two indexes:
 * - heads: title, site, tags and byline of every article. Small (a few MB for 10,000 articles), so the popup
 *   loads it at once and answers the first keystrokes from it. (The excerpt is body text: it made this index
 *   several times larger and its common words slowed every short prefix.)
 * - body: the same fields plus the body text. Large (tens of MB for 10,000 articles), so it loads in the
 *   background; a query counts a term found in any field, so "jokowi banjir" finds a title with one and a body
 *   with the other.
 * Both are plain data here (no IndexedDB): search-store.ts persists them and keeps them in step with the library.
 */
import MiniSearch, { type Options, type SearchOptions as MsSearchOptions } from 'minisearch';
import type { SavedArticle, SummaryRecord } from './types';
import { displayHost } from './canonical';
import { searchText } from './records';

/** Bump when fields, tokenizing or term processing change: older snapshots are then rebuilt, never misread. */
export const SEARCH_FORMAT = 1;

/**
 * Shortest word being typed that matches as a prefix. One letter is skipped (it matches most of the vocabulary
 * and costs tens of ms on 10,000 articles for nothing a person can use); in bodies a prefix starts at four
 * letters, since three ("har") already reach words found in nearly every article ("hari").
 */
export const MIN_PREFIX = { heads: 2, body: 4 } as const;

export type IndexKind = 'heads' | 'body';

/**
 * Words too common to find anything (Indonesian and English). Left out of the body index only: they are most of
 * its postings and match nearly every article, which would make each keystroke score thousands of documents.
 */
export const STOP_WORDS = new Set(
  ('yang dan di ke dari ini itu dengan untuk pada dalam tidak akan juga ada adalah atau oleh karena saat sudah telah ' +
    'bisa dapat lebih para tersebut kata hal jika agar namun tetapi serta masih harus sebagai secara bahwa setelah ' +
    'sebelum hingga antara kami kita mereka saya ia dia nya pun lagi sangat hanya seperti bagi per maka yaitu ' +
    'the of and to in is that for it as was with be by on not this are or from at which but have an they you were ' +
    'has had been its their there would will can if so no what about into than them only other some could these ' +
    'may then do any such over also after most many before through where much your should because each just those ' +
    'how very here between both under while might since its our out up who when all one we he she his her').split(' '),
);

/** A term as both indexes store it and as queries are compared (the row highlight uses it too: highlight.ts). */
export function fold(term: string): string {
  // "Bénédicte" matches "benedicte": people type without diacritics.
  return term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const headsTerm = (t: string): string | null => {
  const s = fold(t);
  return s ? s : null;
};
const bodyTerm = (t: string): string | null => {
  const s = fold(t);
  return s.length < 2 || STOP_WORDS.has(s) ? null : s;
};

interface HeadsDoc {
  id: string;
  title: string;
  site: string;
  tags: string;
  byline: string;
}
interface BodyDoc {
  id: string;
  title: string;
  site: string;
  tags: string;
  byline: string;
  text: string;
}

const OPTIONS: { heads: Options<HeadsDoc>; body: Options<BodyDoc> } = {
  heads: { idField: 'id', fields: ['title', 'site', 'tags', 'byline'], storeFields: [], processTerm: headsTerm },
  body: { idField: 'id', fields: ['title', 'site', 'tags', 'byline', 'text'], storeFields: [], processTerm: bodyTerm },
};

export function headsDoc(s: SummaryRecord): HeadsDoc {
  return {
    id: s.id,
    title: s.title,
    site: [s.siteName ?? '', displayHost(s.url) ?? ''].filter(Boolean).join(' '),
    tags: s.tags.join(' '),
    byline: s.byline ?? '',
  };
}

export function bodyDoc(r: SavedArticle): BodyDoc {
  return { id: r.id, ...searchText(r) };
}

/** What filters need, kept beside the heads index so filtering never touches the database. */
export interface Facet {
  read: boolean;
  tags: string[];
}

export interface IndexSnapshot {
  key: string;
  format: number;
  generation: number;
  ids: string[];
  json: string;
  /** heads only: [id, read, tags]. */
  facets?: [string, boolean, string[]][];
}

export class TextIndex {
  readonly ms: MiniSearch<any>;
  readonly ids: Set<string>;
  readonly facets = new Map<string, Facet>();
  /** The library generation this index reflects (see search-store.ts). */
  generation: number;
  /** Changed since it was last persisted. */
  dirty = false;

  constructor(
    readonly kind: IndexKind,
    ms?: MiniSearch<any>,
    ids?: Iterable<string>,
    generation = 0,
  ) {
    this.ms = ms ?? new MiniSearch<any>(OPTIONS[kind] as Options<any>);
    this.ids = new Set(ids);
    this.generation = generation;
  }

  get size(): number {
    return this.ids.size;
  }

  /** heads: a summary; body: a full record. Replaces the document when it is there already. */
  upsert(doc: SummaryRecord | SavedArticle): void {
    const id = doc.id;
    if (this.ids.has(id)) this.ms.discard(id);
    if (this.kind === 'heads') {
      const s = doc as SummaryRecord;
      this.ms.add(headsDoc(s));
      this.facets.set(id, { read: s.unread === 0, tags: [...s.tags] });
    } else {
      this.ms.add(bodyDoc(doc as SavedArticle));
    }
    this.ids.add(id);
    this.dirty = true;
  }

  remove(id: string): void {
    if (!this.ids.has(id)) return;
    this.ms.discard(id);
    this.ids.delete(id);
    this.facets.delete(id);
    this.dirty = true;
  }

  snapshot(key: string): IndexSnapshot {
    const snap: IndexSnapshot = {
      key,
      format: SEARCH_FORMAT,
      generation: this.generation,
      ids: [...this.ids],
      json: JSON.stringify(this.ms),
    };
    if (this.kind === 'heads') snap.facets = [...this.facets].map(([id, f]) => [id, f.read, f.tags]);
    return snap;
  }

  /** Throws on anything that is not a snapshot of this format and kind (the caller rebuilds then). */
  static async fromSnapshot(kind: IndexKind, snap: unknown): Promise<TextIndex> {
    const s = snap as IndexSnapshot | undefined;
    if (!s || s.format !== SEARCH_FORMAT || typeof s.json !== 'string' || !Array.isArray(s.ids) || !Number.isInteger(s.generation)) {
      throw new Error('search snapshot missing or of another format');
    }
    // The body index loads in chunks (loadJSONAsync yields between them) so the popup stays responsive; the heads
    // index is small and wanted at once, and the chunked load is about five times slower (~450 vs ~90 ms at 10,000).
    const ms =
      kind === 'body'
        ? await MiniSearch.loadJSONAsync<any>(s.json, OPTIONS[kind] as Options<any>)
        : MiniSearch.loadJSON<any>(s.json, OPTIONS[kind] as Options<any>);
    if (ms.documentCount !== s.ids.length) throw new Error('search snapshot does not match its id list');
    const ix = new TextIndex(kind, ms, s.ids, s.generation);
    if (kind === 'heads') {
      if (!Array.isArray(s.facets) || s.facets.length !== s.ids.length) throw new Error('search snapshot without facets');
      for (const [id, read, tags] of s.facets) ix.facets.set(id, { read: !!read, tags: Array.isArray(tags) ? tags : [] });
    }
    return ix;
  }
}

export interface QueryFilter {
  unread?: boolean;
  tag?: string;
}

function termsOf(query: string): string[] {
  return query.split(/[\s\p{P}]+/u).filter(Boolean);
}

/**
 * The words of a query as typed so far that are searched, or null when it is too short to search (one letter).
 * "harga b": search "harga" until the next word has a second letter, rather than flash an empty list.
 */
export function searchWords(query: string): string[] | null {
  let words = termsOf(query);
  if (words.length > 1 && words[words.length - 1].length < 2) words = words.slice(0, -1);
  return !words.length || (words.length === 1 && words[0].length < 2) ? null : words;
}

/**
 * Ranked ids for a query typed so far, or null when it is too short to search (one letter: the caller lists
 * instead). The last word is still being typed, so it matches as a prefix (see MIN_PREFIX); finished words may
 * be misspelt by one letter (in bodies only words of six letters or more: fuzzy terms over a large vocabulary
 * cost more than a keystroke may).
 */
export function queryIndexes(
  heads: TextIndex,
  body: TextIndex | null,
  query: string,
  filter: QueryFilter,
): { id: string; score: number }[] | null {
  const words = searchWords(query);
  if (!words) return null;
  const pass = (id: string): boolean => {
    const f = heads.facets.get(id);
    // No facet yet (the heads index is behind the body index): let it through; the caller checks the summary.
    if (!f) return true;
    if (filter.unread && f.read) return false;
    if (filter.tag && !f.tags.includes(filter.tag)) return false;
    return true;
  };
  const last = words.length - 1;
  const headOpts: MsSearchOptions = {
    combineWith: 'AND',
    prefix: (t, i) => i === last && t.length >= MIN_PREFIX.heads,
    fuzzy: (t) => (t.length >= 5 ? 0.2 : false),
    boost: { title: 3, tags: 2, site: 1.5, byline: 1.5 },
    filter: (r) => pass(r.id),
  };
  const scores = new Map<string, number>();
  // Title matches count twice: heads results are what a person scanning the list looks for first.
  for (const r of heads.ms.search(words.join(' '), headOpts)) scores.set(r.id, 2 * r.score);
  if (body) {
    const bodyOpts: MsSearchOptions = {
      combineWith: 'AND',
      prefix: (t, i) => i === last && t.length >= MIN_PREFIX.body,
      fuzzy: (t, i) => (i !== last && t.length >= 6 ? 1 : false),
      boost: { title: 3, tags: 2, site: 1.5, byline: 1.5 },
      filter: (r) => pass(r.id),
    };
    for (const r of body.ms.search(words.join(' '), bodyOpts)) scores.set(r.id, (scores.get(r.id) ?? 0) + r.score);
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
