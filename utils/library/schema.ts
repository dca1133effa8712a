/**
 * The IndexedDB schema and its migrations. Steps are append-only: step N turns a version N-1 database into version
 * N, and a database of any earlier version is upgraded by running every later step in order, inside the one
 * `versionchange` transaction (so an upgrade interrupted by a closing browser leaves the old version intact).
 * Every earlier version has a stored dump in test/fixtures-library/db/ that the tests upgrade.
 *
 * v1 (first release): articles (unique canonicalUrl index), summaries (savedAt index), images.
 * v2: the trash (deletedAt, undo of delete), link-only entries (needsContent), tags on summaries with a multiEntry
 *     index, list indexes that skip the trash and can list unread only, a change counter (`rev` + meta.generation)
 *     that lets a persisted search index catch up, and the meta store that holds it.
 */
import type { SavedArticle } from './types';
import { normalizeTags, summaryOf } from './records';

export const DB_NAME = 'jernih-library';
export const DB_VERSION = 2;

export const S = { articles: 'articles', summaries: 'summaries', images: 'images', meta: 'meta' } as const;

/** Index names, with the key each one orders by. */
export const I = {
  /** articles: canonicalUrl (unique): the dedupe key. */
  url: 'canonicalUrl',
  /** articles and summaries: rev, to find what changed since a search snapshot. */
  rev: 'rev',
  /** summaries: [trashed, savedAt]: the library (trashed = 0) or the trash (1), newest first when read backwards. */
  bySaved: 'bySaved',
  /** summaries: [trashed, unread, savedAt]: unread articles, newest first. */
  byUnread: 'byUnread',
  /** summaries: tags (multiEntry): the articles with a tag, and the tag counts. */
  tags: 'tags',
  /** images: articleId. */
  imagesOf: 'articleId',
} as const;

export const GENERATION_KEY = 'generation';

/** `fail` aborts the upgrade with a reason (errors inside request callbacks cannot be thrown to the opener). */
type Step = (db: IDBDatabase, tx: IDBTransaction, fail: (e: unknown) => void) => void;

/**
 * Visits every record of a store inside the upgrade transaction. Callback style on purpose: the versionchange
 * transaction must not wait on anything but its own requests.
 */
function eachRecord(
  tx: IDBTransaction,
  store: string,
  fail: (e: unknown) => void,
  visit: (value: any, cursor: IDBCursorWithValue) => void,
): void {
  const r = tx.objectStore(store).openCursor();
  r.onsuccess = () => {
    const c = r.result;
    if (!c) return;
    try {
      visit(c.value, c);
    } catch (e) {
      fail(e);
      return;
    }
    c.continue();
  };
}

export const MIGRATIONS: Record<number, Step> = {
  1: (db) => {
    const articles = db.createObjectStore(S.articles, { keyPath: 'id' });
    articles.createIndex(I.url, 'canonicalUrl', { unique: true });
    const summaries = db.createObjectStore(S.summaries, { keyPath: 'id' });
    summaries.createIndex('savedAt', 'savedAt');
    const images = db.createObjectStore(S.images, { keyPath: ['articleId', 'url'] });
    images.createIndex(I.imagesOf, 'articleId');
  },
  2: (db, tx, fail) => {
    const meta = db.createObjectStore(S.meta, { keyPath: 'key' });
    // Every record migrated gets rev 1, so generation 1 is "the migrated library"; search snapshots start empty.
    meta.put({ key: GENERATION_KEY, value: 1 });
    const articles = tx.objectStore(S.articles);
    articles.createIndex(I.rev, 'rev');
    const summaries = tx.objectStore(S.summaries);
    summaries.deleteIndex('savedAt');
    summaries.createIndex(I.bySaved, ['trashed', 'savedAt']);
    summaries.createIndex(I.byUnread, ['trashed', 'unread', 'savedAt']);
    summaries.createIndex(I.tags, 'tags', { multiEntry: true });
    summaries.createIndex(I.rev, 'rev');
    eachRecord(tx, S.articles, fail, (old, cursor) => {
      const record: SavedArticle = {
        id: old.id,
        canonicalUrl: old.canonicalUrl,
        article: old.article,
        savedAt: old.savedAt,
        updatedAt: old.updatedAt ?? old.savedAt,
        read: old.read === true,
        position: old.position ?? { progress: 0, block: 0 },
        // v1 stored tags as typed ("Politik", " politik"); v2 indexes them, so they must be one spelling.
        tags: normalizeTags(old.tags),
        images: Array.isArray(old.images) ? old.images : [],
        needsContent: !old.article?.contentHtml,
        deletedAt: null,
        rev: 1,
      };
      cursor.update(record);
      // v1 summaries lacked tags, url and the index fields: write them anew from the article.
      summaries.put(summaryOf(record));
    });
  },
};

export function upgrade(
  db: IDBDatabase,
  tx: IDBTransaction,
  oldVersion: number,
  fail: (e: unknown) => void,
  target = DB_VERSION,
): void {
  for (let v = oldVersion + 1; v <= target; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`library schema: no migration to version ${v}`);
    step(db, tx, fail);
  }
}
