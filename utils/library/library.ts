/**
 * The saved-articles library: the one module that touches IndexedDB (DESIGN.md). Its environment is injected
 * (the IDBFactory and IDBKeyRange, the image fetch, the clock), so the same code runs in the extension's pages
 * and in Node tests with fake-indexeddb.
 *
 * Reliability, in short:
 * - Every change is one transaction: a save writes the article, its summary, its images and the generation
 *   counter together or not at all (a full quota, a crash, a closed browser leave the previous state).
 * - Work that is not IndexedDB (fetching images) happens before the transaction opens: awaiting it inside would
 *   let the transaction commit half-way.
 * - Saving is an upsert on the unique canonicalUrl index, looked up inside the write transaction; IndexedDB runs
 *   overlapping read-write transactions one after the other, so two tabs saving one page end with one record.
 * - Another page upgrading the schema (an extension update) asks open connections to close: this one does, and
 *   reopens on its next call.
 */
import type {
  Article,
  ArticleSummary,
  ImageRecord,
  ListOptions,
  ListPage,
  MergeItem,
  MergeOptions,
  MergePlan,
  MergeReport,
  ReadingPosition,
  SaveOptions,
  SaveResult,
  SavedArticle,
  SearchOptions,
  SearchResult,
  SummaryRecord,
} from './types';
import { LibraryError, LibraryImportError } from './types';
import { canonicalUrl } from './canonical';
import { inTransaction, openDatabase, req } from './idb';
import { fetchImages, imageUrlsOf, type FetchImage } from './images';
import { applySave, clampPosition, normalizeTags, summaryOf, toSummary } from './records';
import { decideMerge, planOf, rasterImagesOnly, samePlan } from './merge-plan';
import { DB_NAME, DB_VERSION, GENERATION_KEY, I, S, upgrade } from './schema';
import { queryIndexes } from './search';
import { SearchStore, readGeneration } from './search-store';
import { leadImageKey, pickThumbnail } from './thumbnail';

export interface LibraryEnv {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
  /** Database name (tests use one per case). */
  name?: string;
  /** Fetches an image for offline reading. Without it, images stay online. */
  fetchImage?: FetchImage;
  /** The "save images" setting (default on). */
  storeImages?: boolean;
  now?: () => number;
  newId?: () => string;
  /** Debounce for writing search snapshots, ms (default 3000; 0 = only on flush/close). */
  searchPersistDelayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

const ALL = [S.articles, S.summaries, S.images, S.meta];
const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

interface WriteOutcome<T> {
  result: T;
  /** Records written (for the search indexes). */
  records: SavedArticle[];
  /** Ids removed for good. */
  removed: string[];
}

export async function openLibrary(env: LibraryEnv): Promise<Library> {
  const lib = new Library(env);
  await lib.db();
  return lib;
}

export class Library {
  private dbPromise: Promise<IDBDatabase> | null = null;
  private readonly name: string;
  private readonly now: () => number;
  private readonly newId: () => string;
  readonly searchStore: SearchStore;

  constructor(private readonly env: LibraryEnv) {
    this.name = env.name ?? DB_NAME;
    this.now = env.now ?? (() => Date.now());
    this.newId = env.newId ?? (() => crypto.randomUUID());
    this.searchStore = new SearchStore({
      db: () => this.db(),
      keyRange: env.IDBKeyRange,
      persistDelayMs: env.searchPersistDelayMs ?? 3000,
      setTimer: env.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
      clearTimer: env.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>)),
    });
  }

  /** The open connection (opened, and upgraded, on first use). */
  db(): Promise<IDBDatabase> {
    this.dbPromise ??= openDatabase(this.env.indexedDB, this.name, DB_VERSION, upgrade).then(
      (db) => {
        db.onversionchange = () => {
          // A newer Jernih is upgrading the schema: let it, and reopen (at our version) on the next call.
          db.close();
          this.dbPromise = null;
        };
        return db;
      },
      (e) => {
        this.dbPromise = null;
        throw e;
      },
    );
    return this.dbPromise;
  }

  /** Writes the search snapshots and closes the connection. */
  async close(): Promise<void> {
    await this.searchStore.flush(true).catch(() => undefined);
    this.searchStore.cancel();
    const p = this.dbPromise;
    this.dbPromise = null;
    if (p) (await p.catch(() => null))?.close();
  }

  private get range(): typeof IDBKeyRange {
    return this.env.IDBKeyRange;
  }

  /** One read-write transaction that also bumps the generation (unless `bump` is false: nothing searchable changed). */
  private async write<T>(
    stores: string[],
    fn: (tx: IDBTransaction, gen: number) => Promise<WriteOutcome<T>>,
    bump = true,
  ): Promise<T> {
    const db = await this.db();
    let gen = 0;
    const out = await inTransaction(db, bump ? [...new Set([...stores, S.meta])] : stores, 'readwrite', async (tx) => {
      if (bump) {
        gen = (await readGeneration(db, tx)) + 1;
        tx.objectStore(S.meta).put({ key: GENERATION_KEY, value: gen });
      }
      return fn(tx, gen);
    });
    if (bump) this.searchStore.afterWrite(gen, out.records, out.removed);
    return out.result;
  }

  private async read<T>(stores: string[], fn: (tx: IDBTransaction) => Promise<T>): Promise<T> {
    return inTransaction(await this.db(), stores, 'readonly', fn);
  }

  // --- saving ---------------------------------------------------------------------------------------------------

  /** Saves an article (or updates the saved copy of the same page), with its images when the setting is on. */
  async save(article: Article, opts: SaveOptions = {}): Promise<SaveResult> {
    const canon = canonicalUrl(article.url);
    const fetchImage = this.env.fetchImage;
    // Setting off: keep no images (and free those stored before). On, but no fetch here (a page that cannot
    // fetch): keep the stored ones the article still shows.
    const wanted = (opts.storeImages ?? this.env.storeImages ?? true) ? imageUrlsOf(article) : [];
    let fetched = new Map<string, Blob>();
    let failed = 0;
    if (wanted.length && fetchImage) {
      // Images already stored for this page are not fetched again.
      const before = await this.getByUrl(canon);
      const have = new Set(before?.images ?? []);
      const r = await fetchImages(wanted.filter((u) => !have.has(u)), fetchImage);
      fetched = r.stored;
      failed = r.failed;
    }
    const tags = normalizeTags(opts.tags);
    return this.write(ALL, async (tx, gen) => {
      const articles = tx.objectStore(S.articles);
      const images = tx.objectStore(S.images);
      const existing = ((await req(articles.index(I.url).get(canon))) as SavedArticle | undefined) ?? null;
      const id = existing?.id ?? this.newId();
      const keep = wanted.filter((u) => fetched.has(u) || existing?.images.includes(u));
      for (const u of existing?.images ?? []) if (!keep.includes(u)) images.delete([id, u]);
      for (const u of keep) {
        const blob = fetched.get(u);
        if (blob) images.put({ articleId: id, url: u, blob } satisfies ImageRecord);
      }
      const record = applySave(existing, { id, canonicalUrl: canon, article, tags, images: keep, now: this.now(), rev: gen });
      articles.put(record);
      tx.objectStore(S.summaries).put(summaryOf(record));
      return {
        result: { id, created: !existing, images: { stored: keep.length, failed } },
        records: [record],
        removed: [],
      };
    });
  }

  // --- reading --------------------------------------------------------------------------------------------------

  /** The saved article (also when it is in the trash: see `deletedAt`), or null. */
  async get(id: string): Promise<SavedArticle | null> {
    return this.read([S.articles], async (tx) => ((await req(tx.objectStore(S.articles).get(id))) as SavedArticle | undefined) ?? null);
  }

  async getByUrl(url: string): Promise<SavedArticle | null> {
    const canon = canonicalUrl(url);
    return this.read(
      [S.articles],
      async (tx) => ((await req(tx.objectStore(S.articles).index(I.url).get(canon))) as SavedArticle | undefined) ?? null,
    );
  }

  /** Stored images of an article: original URL -> blob (see images.ts objectUrls / applyOfflineImages). */
  async images(id: string): Promise<Map<string, Blob>> {
    const recs = await this.read([S.images], async (tx) =>
      (await req(tx.objectStore(S.images).index(I.imagesOf).getAll(this.range.only(id)))) as ImageRecord[],
    );
    return new Map(recs.map((r) => [r.url, r.blob]));
  }

  /**
   * The stored picture a list row shows (thumbnail.ts: the lead picture, else the largest), or null. Reads the
   * images store only, the lead picture by its key first, so a row never loads a body.
   */
  async thumbnail(s: Pick<ArticleSummary, 'id' | 'url' | 'leadImageUrl'>): Promise<Blob | null> {
    const lead = leadImageKey(s);
    return this.read([S.images], async (tx) => {
      const store = tx.objectStore(S.images);
      const hit = lead ? ((await req(store.get([s.id, lead]))) as ImageRecord | undefined) : undefined;
      if (hit) return hit.blob;
      const all = (await req(store.index(I.imagesOf).getAll(this.range.only(s.id)))) as ImageRecord[];
      return pickThumbnail(lead, all)?.blob ?? null;
    });
  }

  /** A page of summaries, newest first. Reads the summaries store only: bodies are never loaded for the list. */
  async list(opts: ListOptions = {}): Promise<ListPage> {
    const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(opts.limit ?? DEFAULT_PAGE)));
    const t = opts.trashed ? 1 : 0;
    const after = parseCursor(opts.after);
    const tag = opts.tag ? normalizeTags([opts.tag])[0] : undefined;
    const rows = await this.read([S.summaries], async (tx) => {
      const store = tx.objectStore(S.summaries);
      if (tag) {
        const ids = (await req(store.index(I.tags).getAllKeys(this.range.only(tag)))) as string[];
        const all = (await Promise.all(ids.map((id) => req(store.get(id))))) as SummaryRecord[];
        return all
          .filter((s) => s && s.trashed === t && (!opts.unread || s.unread === 1))
          .sort(newestFirst)
          .filter((s) => !after || isAfter(s, after))
          .slice(0, limit + 1);
      }
      const top = after?.savedAt ?? Infinity;
      const range = opts.unread
        ? this.range.bound([t, 1, -Infinity], [t, 1, top])
        : this.range.bound([t, -Infinity], [t, top]);
      const index = store.index(opts.unread ? I.byUnread : I.bySaved);
      const out: SummaryRecord[] = [];
      await iterate(index.openCursor(range, 'prev'), (c: IDBCursorWithValue) => {
        const s = c.value as SummaryRecord;
        // Equal savedAt come in descending id order: skip those the previous page already had.
        if (after && !isAfter(s, after)) return true;
        out.push(s);
        return out.length <= limit;
      });
      return out;
    });
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toSummary), next: more && last ? `${last.savedAt}:${last.id}` : null };
  }

  /** Articles in the library (not the trash); with `unread`, the unread ones. */
  async count(opts: { unread?: boolean; trashed?: boolean } = {}): Promise<number> {
    const t = opts.trashed ? 1 : 0;
    return this.read([S.summaries], async (tx) => {
      const store = tx.objectStore(S.summaries);
      return opts.unread
        ? req(store.index(I.byUnread).count(this.range.bound([t, 1, -Infinity], [t, 1, Infinity])))
        : req(store.index(I.bySaved).count(this.range.bound([t, -Infinity], [t, Infinity])));
    });
  }

  /** Every tag in use (trash excluded) with its count, most used first. */
  async tags(): Promise<{ tag: string; count: number }[]> {
    const counts = new Map<string, number>();
    await this.read([S.summaries], async (tx) => {
      const store = tx.objectStore(S.summaries);
      const live = new Set((await req(store.index(I.bySaved).getAllKeys(this.range.bound([0, -Infinity], [0, Infinity])))) as string[]);
      await iterate(store.index(I.tags).openKeyCursor(), (c) => {
        if (live.has(c.primaryKey as string)) counts.set(c.key as string, (counts.get(c.key as string) ?? 0) + 1);
        return true;
      });
    });
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1));
  }

  // --- changing one article -------------------------------------------------------------------------------------

  private update(id: string, change: (r: SavedArticle) => SavedArticle, bump = true): Promise<SavedArticle> {
    return this.write(
      [S.articles, S.summaries],
      async (tx, gen) => {
        const articles = tx.objectStore(S.articles);
        const r = (await req(articles.get(id))) as SavedArticle | undefined;
        if (!r) throw new LibraryError('not-found', 'This article is no longer in the library.');
        const next = change(r);
        if (bump) next.rev = gen;
        articles.put(next);
        tx.objectStore(S.summaries).put(summaryOf(next));
        return { result: next, records: [next], removed: [] };
      },
      bump,
    );
  }

  async markRead(id: string, read = true): Promise<SavedArticle> {
    return this.update(id, (r) => ({ ...r, read, updatedAt: Math.max(this.now(), r.updatedAt) }));
  }

  async addTag(id: string, tag: string): Promise<SavedArticle> {
    return this.update(id, (r) => ({ ...r, tags: normalizeTags([...r.tags, tag]), updatedAt: Math.max(this.now(), r.updatedAt) }));
  }

  async removeTag(id: string, tag: string): Promise<SavedArticle> {
    const gone = normalizeTags([tag])[0];
    return this.update(id, (r) => ({ ...r, tags: r.tags.filter((t) => t !== gone), updatedAt: Math.max(this.now(), r.updatedAt) }));
  }

  /**
   * Where the reader is. Called often while reading, so it does not bump the generation: nothing searchable
   * changes, and the search indexes need not catch up on it.
   */
  async setPosition(id: string, position: Partial<ReadingPosition>): Promise<SavedArticle> {
    return this.update(id, (r) => ({ ...r, position: clampPosition(position) }), false);
  }

  /** Moves an article to the trash. `undo()` brings it back as it was; purge() removes it for good. */
  async delete(id: string): Promise<{ id: string; undo: () => Promise<SavedArticle> }> {
    await this.update(id, (r) => (r.deletedAt === null ? { ...r, deletedAt: this.now() } : r));
    return { id, undo: () => this.restore(id) };
  }

  async restore(id: string): Promise<SavedArticle> {
    return this.update(id, (r) => ({ ...r, deletedAt: null }));
  }

  /** Removes trashed articles (and their images) deleted at least `olderThanMs` ago; returns how many. */
  async purge(opts: { olderThanMs?: number } = {}): Promise<number> {
    const cutoff = this.now() - (opts.olderThanMs ?? 0);
    return this.write(ALL, async (tx) => {
      const summaries = tx.objectStore(S.summaries);
      const articles = tx.objectStore(S.articles);
      const images = tx.objectStore(S.images);
      const trashed = (await req(summaries.index(I.bySaved).getAllKeys(this.range.bound([1, -Infinity], [1, Infinity])))) as string[];
      const removed: string[] = [];
      for (const id of trashed) {
        const r = (await req(articles.get(id))) as SavedArticle | undefined;
        if (!r || r.deletedAt === null || r.deletedAt > cutoff) continue;
        articles.delete(id);
        summaries.delete(id);
        images.delete(this.range.bound([id, ''], [id, []]));
        removed.push(id);
      }
      return { result: removed.length, records: [], removed };
    });
  }

  // --- search ---------------------------------------------------------------------------------------------------

  /** Search as you type over titles, sites, tags and bodies; an empty query lists (with the same filters). */
  async search(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
    const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(opts.limit ?? 20)));
    const tag = opts.tag ? normalizeTags([opts.tag])[0] : undefined;
    const listed = async (): Promise<SearchResult> => {
      const page = await this.list({ limit, unread: opts.unread, tag });
      return { items: page.items, total: page.items.length, complete: true };
    };
    if (!query.trim()) return listed();
    const heads = await this.searchStore.index('heads');
    let body = opts.waitForBodies === false ? this.searchStore.bodyIfReady() : await this.searchStore.index('body');
    if (body && opts.waitForBodies === false) await this.searchStore.fresh('body', body);
    body = body ?? null;
    const ranked = queryIndexes(heads, body, query, { unread: opts.unread, tag });
    // One letter: too short to search; the list stays as it is.
    if (!ranked) return listed();
    // Facets can lag behind another tab for a moment: the summaries are the truth, so check them again.
    const want = ranked.slice(0, limit + 5);
    const found = await this.read([S.summaries], async (tx) => {
      const store = tx.objectStore(S.summaries);
      return (await Promise.all(want.map((r) => req(store.get(r.id))))) as (SummaryRecord | undefined)[];
    });
    const items = found
      .filter((s): s is SummaryRecord => !!s && s.trashed === 0 && (!opts.unread || s.unread === 1) && (!tag || s.tags.includes(tag)))
      .slice(0, limit)
      .map(toSummary);
    return { items, total: ranked.length, complete: !!body };
  }

  /** Resolves when the body index is loaded (the popup searches again then). */
  async searchReady(): Promise<void> {
    await this.searchStore.index('heads');
    await this.searchStore.index('body');
  }

  // --- import and export support --------------------------------------------------------------------------------

  /**
   * What `merge(items)` would do now, without writing anything: the import shows it and asks before merging.
   * Computed by the same code as the merge (merge-plan.ts), so the two cannot disagree.
   */
  async planMerge(items: readonly MergeItem[]): Promise<MergePlan> {
    if (!items.length) return planOf([]);
    const checked = await rasterImagesOnly(items);
    return this.read([S.articles], async (tx) => planOf(await decideMerge(tx, checked, { rev: 0, now: this.now, newId: this.newId })));
  }

  /**
   * Merges imported entries in one transaction: all of them or, on any failure, none. Full records (a Jernih
   * export) replace an older copy of the same page; link-only entries add what is new and only add tags to
   * pages already saved (records.ts mergeRecordEntry / mergeLinkEntry). Entries repeated in one file count once.
   * With `confirmed` (the plan the person saw), a library that changed since then is refused, unchanged.
   */
  async merge(items: readonly MergeItem[], opts: MergeOptions = {}): Promise<MergeReport> {
    const checked = await rasterImagesOnly(items);
    return this.write(ALL, async (tx, gen) => {
      const steps = await decideMerge(tx, checked, { rev: gen, now: this.now, newId: this.newId });
      const plan = planOf(steps);
      if (opts.confirmed && !samePlan(plan, opts.confirmed)) {
        throw new LibraryImportError(
          'The library changed while this import was waiting for your answer (another tab or window saved or deleted articles). Choose the file again to see what it would do now.',
        );
      }
      const articles = tx.objectStore(S.articles);
      const summaries = tx.objectStore(S.summaries);
      const images = tx.objectStore(S.images);
      const written = new Map<string, SavedArticle>();
      for (const step of steps) {
        const r = step.record;
        if (!r) continue;
        if (step.images) {
          // A full record brings its pictures: they replace those stored for the copy it replaces.
          for (const u of step.replacedImages) if (!r.images.includes(u)) images.delete([r.id, u]);
          for (const img of step.images) images.put({ articleId: r.id, url: img.url, blob: img.blob } satisfies ImageRecord);
        }
        articles.put(r);
        summaries.put(summaryOf(r));
        written.set(r.id, r);
      }
      const { steps: _steps, ...report } = plan;
      return { result: report, records: [...written.values()], removed: [] };
    });
  }

  /**
   * Records with their images, newest first: the given ids (in that order), or the whole library. The trash is
   * left out unless asked for.
   */
  async records(opts: { ids?: readonly string[]; includeTrashed?: boolean } = {}): Promise<{ record: SavedArticle; images: ImageRecord[] }[]> {
    return this.read([S.articles, S.images], async (tx) => {
      const articles = tx.objectStore(S.articles);
      const imagesOf = tx.objectStore(S.images).index(I.imagesOf);
      let recs: SavedArticle[];
      if (opts.ids) {
        recs = ((await Promise.all(opts.ids.map((id) => req(articles.get(id))))) as (SavedArticle | undefined)[]).filter(
          (r): r is SavedArticle => !!r,
        );
      } else {
        recs = ((await req(articles.getAll())) as SavedArticle[]).sort(newestFirst);
      }
      if (!opts.includeTrashed) recs = recs.filter((r) => r.deletedAt === null);
      const imgs = (await Promise.all(recs.map((r) => (r.images.length ? req(imagesOf.getAll(this.range.only(r.id))) : [])))) as ImageRecord[][];
      return recs.map((record, i) => ({ record, images: orderLike(imgs[i], record.images) }));
    });
  }
}

// --- helpers ------------------------------------------------------------------------------------------------------

function newestFirst(a: { savedAt: number; id: string }, b: { savedAt: number; id: string }): number {
  return b.savedAt - a.savedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function parseCursor(c: string | null | undefined): { savedAt: number; id: string } | null {
  if (!c) return null;
  const i = c.indexOf(':');
  const savedAt = Number(c.slice(0, i));
  if (i < 1 || !Number.isFinite(savedAt)) throw new LibraryError('not-found', 'This list cursor is not valid.');
  return { savedAt, id: c.slice(i + 1) };
}

/** Comes after the cursor in newest-first order. */
function isAfter(s: { savedAt: number; id: string }, c: { savedAt: number; id: string }): boolean {
  return s.savedAt < c.savedAt || (s.savedAt === c.savedAt && s.id < c.id);
}

function orderLike(images: ImageRecord[], urls: string[]): ImageRecord[] {
  const pos = new Map(urls.map((u, i) => [u, i]));
  return images.filter((i) => pos.has(i.url)).sort((a, b) => pos.get(a.url)! - pos.get(b.url)!);
}

/** Walks a cursor until `visit` returns false or the end. */
function iterate<C extends IDBCursor>(request: IDBRequest<C | null>, visit: (c: C) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => {
      const c = request.result;
      if (!c) return resolve();
      let more: boolean;
      try {
        more = visit(c);
      } catch (e) {
        reject(e);
        return;
      }
      if (more) c.continue();
      else resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

export type { ArticleSummary };
