/**
 * Keeps the two search indexes (search.ts) in step with the library and persists them, so that opening the popup
 * loads a snapshot instead of re-reading 10,000 bodies.
 *
 * How they stay in step: every write transaction of the library bumps meta.generation and stamps the records it
 * writes with that number (`rev`, indexed). A snapshot remembers the generation it reflects. On load, and before
 * every query (one cheap read), an index that is behind re-reads only the records whose rev is newer, drops ids
 * that are no longer in the library (deleted in another tab, purged) and adds live ids it lacks. Writes made by
 * this page are applied directly when the index is exactly one generation behind. A snapshot that is missing, of
 * another format or corrupt is rebuilt from the stores.
 */
import type { SavedArticle, SummaryRecord } from './types';
import { inTransaction, req } from './idb';
import { summaryOf } from './records';
import { GENERATION_KEY, I, S } from './schema';
import { TextIndex, type IndexKind } from './search';

const SNAPSHOT_KEY: Record<IndexKind, string> = { heads: 'search:heads', body: 'search:body' };
/** Records read per transaction when the body index is rebuilt. */
const REBUILD_PAGE = 250;
/**
 * The body snapshot is tens of MB: serializing it costs about a second on 10,000 articles, so it is written only
 * after this many changes (or a rebuild, or flush()); fewer changes are cheaper to catch up on the next load.
 */
const BODY_PERSIST_AFTER = 25;
/** A catch-up this large is persisted at once, so the next page does not repeat it. */
const PERSIST_NOW_AFTER = 200;

export interface SearchStoreEnv {
  db: () => Promise<IDBDatabase>;
  keyRange: typeof IDBKeyRange;
  /** Debounce for writing snapshots (ms); 0 writes only on flush(). */
  persistDelayMs: number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (t: unknown) => void;
}

interface Slot {
  loading: Promise<TextIndex> | null;
  ready: TextIndex | null;
  /** Serializes catch-ups of one index. */
  lock: Promise<unknown>;
  changesSincePersist: number;
}

export class SearchStore {
  private slots: Record<IndexKind, Slot> = {
    heads: { loading: null, ready: null, lock: Promise.resolve(), changesSincePersist: 0 },
    body: { loading: null, ready: null, lock: Promise.resolve(), changesSincePersist: 0 },
  };
  private timer: unknown = null;
  /** How each index was obtained the last time (for tests and the bench): snapshot or rebuild. */
  readonly lastLoad: Partial<Record<IndexKind, 'snapshot' | 'rebuilt'>> = {};

  constructor(private env: SearchStoreEnv) {}

  /** The index, loaded (or rebuilt) once, then brought up to date. */
  async index(kind: IndexKind): Promise<TextIndex> {
    const slot = this.slots[kind];
    slot.loading ??= this.load(kind).then(
      (ix) => (slot.ready = ix),
      (e) => {
        slot.loading = null;
        throw e;
      },
    );
    const ix = await slot.loading;
    await this.fresh(kind, ix);
    return ix;
  }

  /** The body index if it is loaded, without waiting; starts loading it otherwise. */
  bodyIfReady(): TextIndex | null {
    if (!this.slots.body.loading) this.index('body').catch(() => undefined);
    return this.slots.body.ready;
  }

  loaded(kind: IndexKind): TextIndex | null {
    return this.slots[kind].ready;
  }

  /** Brings a loaded index up to date when another page (or this one, through a pending load) wrote since. */
  async fresh(kind: IndexKind, ix: TextIndex): Promise<void> {
    const slot = this.slots[kind];
    const run = slot.lock.then(async () => {
      const db = await this.env.db();
      const gen = await readGeneration(db);
      if (gen !== ix.generation) await this.catchUp(kind, ix);
    });
    slot.lock = run.catch(() => undefined);
    await run;
  }

  /**
   * Called by the library after one of its write transactions committed (generation `gen`): applies the change
   * to loaded indexes that are exactly one generation behind; others catch up before their next query.
   */
  afterWrite(gen: number, records: SavedArticle[], removedIds: string[]): void {
    for (const kind of ['heads', 'body'] as const) {
      const ix = this.slots[kind].ready;
      if (!ix || ix.generation !== gen - 1) continue;
      for (const r of records) {
        if (r.deletedAt !== null) ix.remove(r.id);
        else ix.upsert(kind === 'heads' ? summaryOf(r) : r);
      }
      for (const id of removedIds) ix.remove(id);
      ix.generation = gen;
      this.slots[kind].changesSincePersist += records.length + removedIds.length;
    }
    this.schedulePersist();
  }

  /** Writes the snapshots that changed. `all` also writes a body index with few changes (closing, bench). */
  async flush(all = true): Promise<void> {
    if (this.timer !== null) {
      this.env.clearTimer(this.timer);
      this.timer = null;
    }
    for (const kind of ['heads', 'body'] as const) {
      const slot = this.slots[kind];
      const ix = slot.ready;
      if (!ix || !ix.dirty) continue;
      if (kind === 'body' && !all && slot.changesSincePersist < BODY_PERSIST_AFTER) continue;
      await this.persist(kind, ix);
    }
  }

  /** Forgets the loaded indexes (tests use it to simulate a new popup on the same database). */
  cancel(): void {
    if (this.timer !== null) this.env.clearTimer(this.timer);
    this.timer = null;
  }

  private schedulePersist(): void {
    if (this.env.persistDelayMs <= 0 || this.timer !== null) return;
    this.timer = this.env.setTimer(() => {
      this.timer = null;
      this.flush(false).catch(() => undefined);
    }, this.env.persistDelayMs);
  }

  private async persist(kind: IndexKind, ix: TextIndex): Promise<void> {
    const snap = ix.snapshot(SNAPSHOT_KEY[kind]);
    const db = await this.env.db();
    await inTransaction(db, [S.meta], 'readwrite', async (tx) => {
      const meta = tx.objectStore(S.meta);
      const current = (await req(meta.get(snap.key))) as { generation?: number } | undefined;
      // Two pages may persist at once: never replace a newer snapshot with an older one.
      if (!current || !(typeof current.generation === 'number' && current.generation > snap.generation)) meta.put(snap);
    });
    ix.dirty = false;
    this.slots[kind].changesSincePersist = 0;
  }

  private async load(kind: IndexKind): Promise<TextIndex> {
    const db = await this.env.db();
    const tx = db.transaction([S.meta], 'readonly');
    const snap = await req(tx.objectStore(S.meta).get(SNAPSHOT_KEY[kind])).catch(() => undefined);
    try {
      const ix = await TextIndex.fromSnapshot(kind, snap);
      this.lastLoad[kind] = 'snapshot';
      return ix;
    } catch {
      // Missing (first use, just migrated), of an older format, or corrupt: rebuild from the stores.
      const ix = await this.rebuild(kind);
      this.lastLoad[kind] = 'rebuilt';
      return ix;
    }
  }

  private async rebuild(kind: IndexKind): Promise<TextIndex> {
    const db = await this.env.db();
    const ix = new TextIndex(kind);
    if (kind === 'heads') {
      // Summaries are small: one transaction reads them all.
      const tx = db.transaction([S.meta, S.summaries], 'readonly');
      const gen = await readGeneration(db, tx);
      const live = (await req(
        tx.objectStore(S.summaries).index(I.bySaved).getAll(this.env.keyRange.bound([0, -Infinity], [0, Infinity])),
      )) as SummaryRecord[];
      for (const s of live) ix.upsert(s);
      ix.generation = gen;
    } else {
      // Bodies are large: read them a page at a time, then catch up on what changed meanwhile.
      ix.generation = await readGeneration(db);
      let after: string | null = null;
      for (;;) {
        const range: IDBKeyRange | undefined = after === null ? undefined : this.env.keyRange.lowerBound(after, true);
        const page = (await req(db.transaction([S.articles], 'readonly').objectStore(S.articles).getAll(range, REBUILD_PAGE))) as SavedArticle[];
        for (const r of page) if (r.deletedAt === null) ix.upsert(r);
        if (page.length < REBUILD_PAGE) break;
        after = page[page.length - 1].id;
      }
      await this.catchUp(kind, ix);
    }
    ix.dirty = true;
    // Best effort: a snapshot that cannot be written (full quota) only means the next page rebuilds again.
    await this.persist(kind, ix).catch(() => undefined);
    return ix;
  }

  private async catchUp(kind: IndexKind, ix: TextIndex): Promise<void> {
    const db = await this.env.db();
    const stores = kind === 'heads' ? [S.meta, S.summaries] : [S.meta, S.summaries, S.articles];
    const tx = db.transaction(stores, 'readonly');
    const gen = await readGeneration(db, tx);
    const newer = this.env.keyRange.lowerBound(ix.generation, true);
    const changed = (await req(
      kind === 'heads' ? tx.objectStore(S.summaries).index(I.rev).getAll(newer) : tx.objectStore(S.articles).index(I.rev).getAll(newer),
    )) as (SummaryRecord | SavedArticle)[];
    const liveIds = new Set(
      (await req(tx.objectStore(S.summaries).index(I.bySaved).getAllKeys(this.env.keyRange.bound([0, -Infinity], [0, Infinity])))) as string[],
    );
    let n = 0;
    for (const r of changed) {
      if (!liveIds.has(r.id)) ix.remove(r.id);
      else ix.upsert(r);
      n++;
    }
    for (const id of [...ix.ids]) {
      if (!liveIds.has(id)) {
        ix.remove(id);
        n++;
      }
    }
    const missing = [...liveIds].filter((id) => !ix.ids.has(id));
    if (missing.length) {
      const tx2 = db.transaction([kind === 'heads' ? S.summaries : S.articles], 'readonly');
      const store = tx2.objectStore(kind === 'heads' ? S.summaries : S.articles);
      const found = await Promise.all(missing.map((id) => req(store.get(id))));
      for (const r of found) if (r) ix.upsert(r as SummaryRecord | SavedArticle);
      n += missing.length;
    }
    ix.generation = gen;
    this.slots[kind].changesSincePersist += n;
    if (this.slots[kind].changesSincePersist >= PERSIST_NOW_AFTER) await this.persist(kind, ix).catch(() => undefined);
    else if (n) this.schedulePersist();
  }
}

export async function readGeneration(db: IDBDatabase, tx?: IDBTransaction): Promise<number> {
  const t = tx ?? db.transaction([S.meta], 'readonly');
  const rec = (await req(t.objectStore(S.meta).get(GENERATION_KEY))) as { value?: number } | undefined;
  return typeof rec?.value === 'number' ? rec.value : 0;
}
