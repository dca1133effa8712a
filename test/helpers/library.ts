/**
 * Helpers for the library tests: a fresh fake-indexeddb per test (injected, never a global), articles, a fake
 * image fetch, a factory wrapper that fails writes like a full disk, and database dumps (the stored fixtures of
 * earlier schema versions are in this format).
 *
 * The library tests run in Vitest's node environment: jsdom's Blob cannot be structured-cloned into IndexedDB
 * by Node, so DOM work (sanitizing, XHTML) uses a jsdom window passed in explicitly, as the extension passes its
 * page's document.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../utils/extract/types';
import { Library, type LibraryEnv } from '../../utils/library/library';
import { req } from '../../utils/library/idb';
import { upgrade } from '../../utils/library/schema';
import { base64ToBytes, bytesToBase64 } from '../../utils/library/base64';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures-library');

export function fixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8');
}

export function fixtureBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, ...parts)));
}

export function domDocument(): Document {
  return new JSDOM('<!doctype html><html><head></head><body></body></html>').window.document;
}

let seq = 0;
/** A small but complete article; `n` makes title, URL and text distinct. */
export function makeArticle(n: number, over: Partial<Article> = {}): Article {
  const url = over.url ?? `https://www.kompas.com/read/2026/01/${String(n).padStart(2, '0')}/berita-${n}?utm_source=feed`;
  const words = `Berita nomor ${n} tentang banjir di Jakarta dan harga beras yang naik`;
  return {
    url,
    title: `Judul berita ${n}`,
    byline: 'Penulis Kompas',
    siteName: 'Kompas.com',
    publishedTime: '2026-01-05T10:00:00+07:00',
    lang: 'id',
    dir: 'ltr',
    leadImage: { src: `https://asset.kompas.com/lead-${n}.jpg`, alt: `Foto ${n}`, caption: `Keterangan foto ${n}`, inBody: false },
    contentHtml: `<p>${words}.</p><figure><img src="https://asset.kompas.com/body-${n}.jpg" alt="Gambar ${n}"><figcaption>Gambar ${n}</figcaption></figure><p>Paragraf kedua ${n} &amp; penutup.</p>`,
    textContent: `${words}. Paragraf kedua ${n} & penutup.`,
    excerpt: `Berita nomor ${n} tentang banjir.`,
    wordCount: 20,
    readingMinutes: 1,
    ruleId: 'kompas',
    ...over,
  };
}

/** The first bytes of real image files: stored pictures must be raster images by their bytes (issue #14). */
const SIGNATURES: Record<string, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** Bytes of a fake picture: the signature of `type`, then "img:<url>" (so tests can check the right blob was stored). */
export function fakeImageBytes(url: string, type: 'image/jpeg' | 'image/png' = 'image/jpeg'): Uint8Array<ArrayBuffer> {
  const text = new TextEncoder().encode(`img:${url}`);
  const sig = SIGNATURES[type];
  const out = new Uint8Array(sig.length + text.length);
  out.set(sig);
  out.set(text, sig.length);
  return out;
}

/** The "img:<url>" part of a fake picture's bytes. */
export function fakeImageText(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes);
  return text.slice(text.indexOf('img:'));
}

/** Image bytes that say which URL they came from (so tests can check the right blob was stored). */
export function fakeImages(opts: { fail?: (url: string) => boolean; delayMs?: () => number } = {}) {
  const calls: string[] = [];
  const fetchImage = async (url: string): Promise<Blob> => {
    calls.push(url);
    const d = opts.delayMs?.() ?? 0;
    if (d) await new Promise((r) => setTimeout(r, d));
    if (opts.fail?.(url)) throw new Error(`fetch failed: ${url}`);
    const type = url.endsWith('.png') ? 'image/png' : 'image/jpeg';
    // "large" images are bigger than one base64 chunk of the JSON export.
    if (url.includes('large')) {
      const large = new Uint8Array(70_001).map((_, i) => (i * 31) & 255);
      large.set(SIGNATURES[type]);
      return new Blob([large], { type });
    }
    return new Blob([fakeImageBytes(url, type) as BlobPart], { type });
  };
  return { fetchImage, calls };
}

export interface TestLib {
  lib: Library;
  factory: IDBFactory;
  env: LibraryEnv;
  /** A second page (another tab, or the popup opened later) on the same database. */
  reopen: (over?: Partial<LibraryEnv>) => Library;
}

export function newLibrary(over: Partial<LibraryEnv> & { factory?: IDBFactory } = {}): TestLib {
  const factory = over.factory ?? new IDBFactory();
  let clock = Date.UTC(2026, 0, 10, 8, 0, 0);
  const env: LibraryEnv = {
    indexedDB: factory,
    IDBKeyRange,
    name: `lib-${++seq}`,
    now: () => (clock += 1000),
    searchPersistDelayMs: 0,
    ...over,
  };
  return { lib: new Library(env), factory, env, reopen: (o = {}) => new Library({ ...env, ...o }) };
}

/**
 * Wraps a factory so that `put` into `store` fails as a full disk does (QuotaExceededError), or, with
 * mode 'crash', aborts the transaction as if the browser closed in the middle of the save. With `enabled.after`,
 * the first `after` puts into that store succeed and the next one fails (a fault in the middle of a write).
 */
export function failingFactory(
  inner: IDBFactory,
  store: string,
  mode: 'quota' | 'crash' = 'quota',
  enabled: { on: boolean; after?: number } = { on: true },
): IDBFactory {
  const bindAll = <T extends object>(target: T, get: (key: PropertyKey) => unknown): T =>
    new Proxy(target, {
      get(t, key) {
        const special = get(key);
        if (special !== undefined) return special;
        const v = Reflect.get(t, key, t);
        return typeof v === 'function' ? v.bind(t) : v;
      },
      set(t, key, value) {
        return Reflect.set(t, key, value, t);
      },
    });
  const wrapStore = (s: IDBObjectStore, tx: IDBTransaction): IDBObjectStore =>
    bindAll(s, (key) =>
      key === 'put'
        ? (...args: Parameters<IDBObjectStore['put']>) => {
            if (enabled.on && s.name === store && (enabled.after ?? 0) > 0) enabled.after!--;
            else if (enabled.on && s.name === store) {
              if (mode === 'crash') {
                tx.abort();
                throw new DOMException('The transaction was aborted.', 'AbortError');
              }
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            }
            return s.put(...args);
          }
        : undefined,
    );
  const wrapTx = (tx: IDBTransaction): IDBTransaction =>
    bindAll(tx, (key) => (key === 'objectStore' ? (name: string) => wrapStore(tx.objectStore(name), tx) : undefined));
  const wrapDb = (db: IDBDatabase): IDBDatabase =>
    bindAll(db, (key) => (key === 'transaction' ? (...args: Parameters<IDBDatabase['transaction']>) => wrapTx(db.transaction(...args)) : undefined));
  return bindAll(inner, (key) =>
    key === 'open'
      ? (name: string, version?: number) => {
          const r = inner.open(name, version);
          return bindAll(r, (k) => (k === 'result' && r.readyState === 'done' && r.result ? wrapDb(r.result) : undefined));
        }
      : undefined,
  );
}

// --- dumps --------------------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface DatabaseDump {
  name: string;
  version: number;
  stores: Record<string, Json[]>;
}

/** Blobs become {"$blob": {type, base64}} so a dump is plain JSON. */
async function encode(v: unknown): Promise<Json> {
  if (v instanceof Blob) return { $blob: { type: v.type, base64: bytesToBase64(new Uint8Array(await v.arrayBuffer())) } };
  if (Array.isArray(v)) return Promise.all(v.map(encode));
  if (v && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) out[k] = await encode(x);
    return out;
  }
  return v as Json;
}

function decode(v: Json): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object') {
    const b = (v as { $blob?: { type: string; base64: string } }).$blob;
    if (b) return new Blob([base64ToBytes(b.base64) as BlobPart], { type: b.type });
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

function openRaw(factory: IDBFactory, name: string, version?: number, onUpgrade?: (db: IDBDatabase, tx: IDBTransaction, old: number) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = version === undefined ? factory.open(name) : factory.open(name, version);
    r.onupgradeneeded = (ev) => onUpgrade?.(r.result, r.transaction!, ev.oldVersion);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export async function dumpDatabase(factory: IDBFactory, name: string): Promise<DatabaseDump> {
  const db = await openRaw(factory, name);
  const stores: Record<string, Json[]> = {};
  for (const s of Array.from(db.objectStoreNames)) {
    const all = await req(db.transaction(s).objectStore(s).getAll());
    stores[s] = (await encode(all)) as Json[];
  }
  const dump = { name, version: db.version, stores };
  db.close();
  return dump;
}

/** Creates the database as the schema of `dump.version` made it (the migration steps up to it), with its records. */
export async function restoreDump(factory: IDBFactory, dump: DatabaseDump, name = dump.name): Promise<void> {
  const db = await openRaw(factory, name, dump.version, (d, tx, old) =>
    upgrade(d, tx, old, (e) => {
      throw e;
    }, dump.version),
  );
  const names = Object.keys(dump.stores);
  const tx = db.transaction(names, 'readwrite');
  for (const s of names) for (const rec of dump.stores[s]) tx.objectStore(s).put(decode(rec));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

/** Stores and indexes of a database, to compare a migrated schema with a fresh one. */
export async function schemaOf(factory: IDBFactory, name: string) {
  const db = await openRaw(factory, name);
  const names = Array.from(db.objectStoreNames).sort();
  const tx = db.transaction(names);
  const out = names.map((n) => {
    const s = tx.objectStore(n);
    return {
      name: n,
      keyPath: s.keyPath,
      autoIncrement: s.autoIncrement,
      indexes: Array.from(s.indexNames)
        .sort()
        .map((i) => {
          const ix = s.index(i);
          return { name: i, keyPath: ix.keyPath, unique: ix.unique, multiEntry: ix.multiEntry };
        }),
    };
  });
  db.close();
  return { version: db.version, stores: out };
}
