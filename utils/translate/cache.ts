/**
 * Translations already paid for, keyed by provider (with its server), language pair and the block's text (its
 * marker HTML, which holds no addresses: the same paragraph in another article hits too). Entries are the
 * provider's raw output: they are sanitized by applyTranslation every time they are shown, like fresh ones.
 *
 * IndexedDB is injected. It must be the extension's own (an extension page or the background), never a
 * content script's, which would be the web page's database. In private windows, or where IndexedDB fails to
 * open (Firefox private browsing refuses it), the cache lives in memory only: nothing reaches the disk.
 * Cache failures never fail a translation: a broken cache is just a miss.
 */

export interface CacheKey {
  /** TranslationProvider.cacheId */
  provider: string;
  source: string;
  target: string;
  text: string;
}

export interface TranslationCache {
  readonly persistent: boolean;
  getMany(keys: readonly CacheKey[]): Promise<(string | undefined)[]>;
  setMany(entries: readonly (readonly [CacheKey, string])[]): Promise<void>;
  /** Drops entries unused for longer than the time limit, then the least recently used over the size limit. */
  prune(): Promise<void>;
  clear(): Promise<void>;
}

function flat(k: CacheKey): string {
  // \u0000 never occurs in language codes or provider ids, so the parts cannot run into each other.
  return `${k.provider}\u0000${k.source}\u0000${k.target}\u0000${k.text}`;
}

/** In-memory LRU (Map keeps insertion order; a hit is moved to the end). */
export function createMemoryCache(options: { maxEntries?: number } = {}): TranslationCache {
  const maxEntries = options.maxEntries ?? 5000;
  const map = new Map<string, string>();
  const trim = (): void => {
    while (map.size > maxEntries) map.delete(map.keys().next().value as string);
  };
  return {
    persistent: false,
    async getMany(keys) {
      return keys.map((k) => {
        const f = flat(k);
        const v = map.get(f);
        if (v !== undefined) {
          map.delete(f);
          map.set(f, v);
        }
        return v;
      });
    },
    async setMany(entries) {
      for (const [k, v] of entries) {
        map.delete(flat(k));
        map.set(flat(k), v);
      }
      trim();
    },
    async prune() {
      trim();
    },
    async clear() {
      map.clear();
    },
  };
}

export interface IdbCacheOptions {
  indexedDB: IDBFactory;
  name?: string;
  /** Entries unused this long are dropped (30 days). */
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  key: [string, string, string, string];
  value: string;
  createdAt: number;
  usedAt: number;
}

const STORE = 'entries';
/** Bump with a migration in `upgrade` when the entry shape changes; version 1 is the first shape. */
const DB_VERSION = 1;

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    const store = db.createObjectStore(STORE, { keyPath: 'key' });
    store.createIndex('usedAt', 'usedAt');
  }
}

function openDb(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open(name, DB_VERSION);
    r.onupgradeneeded = (e) => upgrade(r.result, e.oldVersion);
    r.onsuccess = () => {
      // Let a newer version (another tab after an update) or a deletion proceed; later calls then fail, and a
      // failing cache is only a miss.
      r.result.onversionchange = () => r.result.close();
      resolve(r.result);
    };
    r.onerror = () => reject(r.error);
    r.onblocked = () => reject(new Error('translation cache: database blocked by another version'));
  });
}

const keyOf = (k: CacheKey): Entry['key'] => [k.provider, k.source, k.target, k.text];

export async function openIdbCache(options: IdbCacheOptions): Promise<TranslationCache> {
  const { ttlMs = 30 * 24 * 3600_000, maxEntries = 50_000, now = () => Date.now() } = options;
  const db = await openDb(options.indexedDB, options.name ?? 'jernih-translation-cache');

  const cache: TranslationCache = {
    persistent: true,
    async getMany(keys) {
      if (!keys.length) return [];
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      const t = now();
      const out: (string | undefined)[] = keys.map(() => undefined);
      // Work inside the request callbacks: a transaction ends once a task passes with no request pending, so
      // nothing may wait on a promise between two requests of the same transaction.
      keys.forEach((k, i) => {
        const r = store.get(keyOf(k)) as IDBRequest<Entry | undefined>;
        r.onsuccess = () => {
          const entry = r.result;
          if (!entry) return;
          if (t - entry.usedAt > ttlMs) {
            store.delete(entry.key);
            return;
          }
          store.put({ ...entry, usedAt: t }); // recency for the LRU sweep
          out[i] = entry.value;
        };
      });
      await finished(tx);
      return out;
    },
    async setMany(entries) {
      if (!entries.length) return;
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      const t = now();
      for (const [k, value] of entries) store.put({ key: keyOf(k), value, createdAt: t, usedAt: t } satisfies Entry);
      await finished(tx);
    },
    async prune() {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      const cutoff = now() - ttlMs;
      const count = store.count();
      count.onsuccess = () => {
        let excess = count.result - maxEntries;
        const r = store.index('usedAt').openCursor(); // least recently used first
        r.onsuccess = () => {
          const cursor = r.result;
          if (!cursor) return;
          if (excess <= 0 && (cursor.value as Entry).usedAt >= cutoff) return;
          cursor.delete();
          excess--;
          cursor.continue();
        };
      };
      await finished(tx);
    },
    async clear() {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).clear();
      await finished(tx);
    },
  };
  return cache;
}

/** A memory layer in front of IndexedDB that swallows IndexedDB's failures (quota, a closed database). */
function layered(memory: TranslationCache, disk: TranslationCache): TranslationCache {
  return {
    persistent: true,
    async getMany(keys) {
      const fromMemory = await memory.getMany(keys);
      const missing = keys.filter((_, i) => fromMemory[i] === undefined);
      if (!missing.length) return fromMemory;
      const fromDisk = await disk.getMany(missing).catch(() => missing.map(() => undefined));
      let j = 0;
      return fromMemory.map((v) => v ?? fromDisk[j++]);
    },
    async setMany(entries) {
      await memory.setMany(entries);
      await disk.setMany(entries).catch(() => undefined);
    },
    async prune() {
      await memory.prune();
      await disk.prune().catch(() => undefined);
    },
    async clear() {
      await memory.clear();
      await disk.clear().catch(() => undefined);
    },
  };
}

export interface OpenCacheOptions extends Partial<IdbCacheOptions> {
  /** Private window: memory only. */
  incognito?: boolean;
}

/** The cache to use: IndexedDB with a memory layer, or memory alone when there is no usable IndexedDB. */
export async function openTranslationCache(options: OpenCacheOptions = {}): Promise<TranslationCache> {
  const memory = createMemoryCache();
  if (options.incognito || !options.indexedDB) return memory;
  try {
    const disk = await openIdbCache({ ...options, indexedDB: options.indexedDB });
    await disk.prune().catch(() => undefined);
    return layered(memory, disk);
  } catch {
    return memory;
  }
}
