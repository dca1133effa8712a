// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { dumpDatabase, failingFactory, fakeImages, makeArticle, newLibrary } from '../helpers/library';
import { LibraryError, LibraryQuotaError } from '../../utils/library/types';
import { toLibraryError } from '../../utils/library/idb';
import { Library } from '../../utils/library/library';
import type { FetchImage } from '../../utils/library/images';
import { DB_VERSION } from '../../utils/library/schema';
import { exportJson } from '../../utils/library/export';
import { applyImport, importFile, prepareImport } from '../../utils/library/import';

describe('library: a full disk', () => {
  it('a QuotaExceededError while writing images gives a typed error and leaves nothing half-written', async () => {
    const inner = new IDBFactory();
    const switchOn = { on: false };
    const { fetchImage } = fakeImages();
    const { lib, env } = newLibrary({ factory: inner, indexedDB: failingFactory(inner, 'images', 'quota', switchOn), fetchImage });
    const kept = await lib.save(makeArticle(1));
    const before = await dumpDatabase(inner, env.name!);

    switchOn.on = true;
    const err = await lib.save(makeArticle(2)).catch((e) => e);
    expect(err).toBeInstanceOf(LibraryQuotaError);
    expect(err).toBeInstanceOf(LibraryError);
    expect(err.code).toBe('quota');
    expect(err.message).toMatch(/not enough storage space.*Nothing was changed/i);
    // Updating an existing article fails the same way, and the old copy stays as it was.
    await expect(lib.save(makeArticle(1, { title: 'changed', contentHtml: '<p>x</p><img src="https://a.example/new.jpg">' }))).rejects.toBeInstanceOf(
      LibraryQuotaError,
    );
    // The database is byte for byte what it was before the two failed saves (articles, summaries, images, meta).
    expect(await dumpDatabase(inner, env.name!)).toEqual(before);
    expect((await lib.get(kept.id))!.article.title).toBe('Judul berita 1');

    // And the library still works once there is room again.
    switchOn.on = false;
    await lib.save(makeArticle(2));
    expect(await lib.count()).toBe(2);
  });

  it('a quota failure in the summaries store (no images at all) is reported the same way', async () => {
    const inner = new IDBFactory();
    const { lib } = newLibrary({ factory: inner, indexedDB: failingFactory(inner, 'summaries') });
    await expect(lib.save(makeArticle(1))).rejects.toBeInstanceOf(LibraryQuotaError);
    expect(await lib.count()).toBe(0);
    expect(await lib.getByUrl(makeArticle(1).url)).toBeNull();
  });

  it('maps the names browsers use for a full quota', () => {
    expect(toLibraryError(new DOMException('x', 'QuotaExceededError'))).toBeInstanceOf(LibraryQuotaError);
    expect(toLibraryError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBeInstanceOf(LibraryQuotaError);
    expect(toLibraryError(new DOMException('x', 'AbortError')).code).toBe('aborted');
    expect(toLibraryError(new Error('disk on fire')).code).toBe('storage');
  });
});

describe('library: the browser closing in the middle of a save', () => {
  it('an aborted transaction writes nothing: no article, no summary, no orphan images', async () => {
    const inner = new IDBFactory();
    const crash = { on: true };
    const { fetchImage } = fakeImages();
    // The transaction dies when it reaches the summaries store: the article and the images were already put.
    const { lib, env } = newLibrary({ factory: inner, indexedDB: failingFactory(inner, 'summaries', 'crash', crash), fetchImage });
    await expect(lib.save(makeArticle(1))).rejects.toMatchObject({ code: 'aborted' });
    const dump = await dumpDatabase(inner, env.name!);
    expect(dump.stores.articles).toEqual([]);
    expect(dump.stores.images).toEqual([]);
    expect(dump.stores.summaries).toEqual([]);
    // A new page after the "restart" sees a consistent, empty library and can save.
    crash.on = false;
    const fresh = new Library({ ...env, indexedDB: inner });
    expect(await fresh.count()).toBe(0);
    await fresh.save(makeArticle(1));
    expect(await fresh.count()).toBe(1);
  });
});

describe('library: two tabs at once', () => {
  it('the same page saved twice at the same moment ends as one record', async () => {
    const { fetchImage } = fakeImages({ delayMs: () => Math.floor(Math.random() * 5) });
    const t = newLibrary({ fetchImage });
    const tabA = t.lib;
    const tabB = t.reopen();
    const results = await Promise.all([
      tabA.save(makeArticle(1), { tags: ['from-a'] }),
      tabB.save(makeArticle(1, { url: 'https://m.kompas.com/read/2026/01/01/berita-1' }), { tags: ['from-b'] }),
      tabA.save(makeArticle(1)),
      tabB.save(makeArticle(1)),
    ]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await tabA.count()).toBe(1);
    expect(await tabB.count()).toBe(1);
    const r = (await tabA.get(results[0].id))!;
    expect(r.tags.sort()).toEqual(['from-a', 'from-b']);
    expect((await tabB.images(r.id)).size).toBe(2);
  });

  it('many different saves, tag changes and deletes from two tabs all land', async () => {
    const t = newLibrary();
    const tabA = t.lib;
    const tabB = t.reopen();
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? tabA : tabB).save(makeArticle(i + 1))),
    );
    await Promise.all([
      ...saves.slice(0, 5).map((s) => tabA.delete(s.id)),
      ...saves.slice(5, 10).map((s) => tabB.addTag(s.id, 'later')),
      ...saves.slice(5, 10).map((s) => tabA.markRead(s.id)),
    ]);
    expect(await tabB.count()).toBe(15);
    expect(await tabA.count({ unread: true })).toBe(10);
    const tagged = await tabA.list({ tag: 'later' });
    expect(tagged.items).toHaveLength(5);
    expect(tagged.items.every((s) => s.read)).toBe(true);
  });
});

describe('library: an extension update while a page is open', () => {
  it('an open page closes its connection when a newer schema asks, so the upgrade is not blocked', async () => {
    const { lib, factory, env } = newLibrary();
    await lib.save(makeArticle(1));
    // A newer Jernih (one schema version up, no changes) opens the same database.
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = factory.open(env.name!, DB_VERSION + 1);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    expect(upgraded.version).toBe(DB_VERSION + 1);
    upgraded.close();
    // The old page cannot open a database newer than itself: it says so instead of damaging it.
    await expect(lib.count()).rejects.toMatchObject({ code: 'storage', message: expect.stringMatching(/newer version of Jernih/) });
  });
});

describe('library: faults at every write (issue #14)', () => {
  /** A library on `inner` (database `name`) whose next put into `store`, after `after` good ones, fails. */
  const faulty = (inner: IDBFactory, name: string, store: string, mode: 'quota' | 'crash', after: number, fetchImage?: FetchImage) =>
    newLibrary({ factory: inner, indexedDB: failingFactory(inner, store, mode, { on: true, after }), name, fetchImage }).lib;

  it('a save that fails at any of its writes (thrown or aborted) leaves the saved copy exactly as it was', async () => {
    const inner = new IDBFactory();
    const { fetchImage } = fakeImages();
    const { lib, env } = newLibrary({ factory: inner, fetchImage });
    await lib.save(makeArticle(1), { tags: ['keep'] });
    const before = await dumpDatabase(inner, env.name!);
    // The update writes: the generation (meta), two new pictures, the article, its summary.
    const changed = makeArticle(1, {
      title: 'changed',
      contentHtml: '<p>x</p><img src="https://a.example/new-1.jpg"><img src="https://a.example/new-2.jpg">',
    });
    const points: [string, number][] = [['meta', 0], ['images', 0], ['images', 1], ['articles', 0], ['summaries', 0]];
    let faults = 0;
    for (const mode of ['quota', 'crash'] as const) {
      for (const [store, after] of points) {
        const broken = faulty(inner, env.name!, store, mode, after, fetchImage);
        const err = await broken.save(changed).catch((e) => e);
        expect(err, `${mode} at ${store}#${after}`).toBeInstanceOf(LibraryError);
        expect(err.code).toBe(mode === 'quota' ? 'quota' : 'aborted');
        await broken.close();
        expect(await dumpDatabase(inner, env.name!), `${mode} at ${store}#${after}`).toEqual(before);
        faults++;
      }
    }
    expect(faults).toBe(10);
    // Nothing was left locked or half-done: the same save then succeeds.
    await lib.save(changed);
    expect((await lib.getByUrl(changed.url))!.article.title).toBe('changed');
  });

  it('a confirmed import that fails at any of its writes writes none of it, and a full disk says so', async () => {
    const inner = new IDBFactory();
    const { fetchImage } = fakeImages();
    const source = newLibrary({ fetchImage }).lib;
    for (let n = 1; n <= 4; n++) await source.save(makeArticle(n + 10));
    const file = await exportJson(source);
    const { lib, env } = newLibrary({ factory: inner, fetchImage });
    await lib.save(makeArticle(1));
    const before = await dumpDatabase(inner, env.name!);
    // Four new articles: the generation, 8 pictures, 4 articles, 4 summaries.
    const points: [string, number][] = [['meta', 0], ...[0, 1, 2, 3, 4, 5, 6, 7].map((k) => ['images', k] as [string, number]), ...[0, 1, 2, 3].flatMap((k) => [['articles', k], ['summaries', k]] as [string, number][])];
    let faults = 0;
    for (const mode of ['quota', 'crash'] as const) {
      for (const [store, after] of points) {
        const broken = faulty(inner, env.name!, store, mode, after);
        const prepared = await prepareImport(broken, file);
        expect(prepared.plan.added).toBe(4);
        const err = await applyImport(broken, prepared).catch((e) => e);
        if (mode === 'quota') {
          expect(err, `quota at ${store}#${after}`).toBeInstanceOf(LibraryQuotaError);
          expect(err.message).toMatch(/Nothing was changed/);
        } else expect(err.code, `crash at ${store}#${after}`).toBe('aborted');
        await broken.close();
        expect(await dumpDatabase(inner, env.name!), `${mode} at ${store}#${after}`).toEqual(before);
        faults++;
      }
    }
    expect(faults).toBe(34);
    expect(await importFile(lib, file)).toMatchObject({ added: 4 });
  });
});

describe('library: ten saves of one page at once', () => {
  it('10 concurrent saves of one URL (three tabs, different spellings of it) give one record with every tag', async () => {
    const { fetchImage } = fakeImages({ delayMs: () => Math.floor(Math.random() * 8) });
    const t = newLibrary({ fetchImage });
    const tabs = [t.lib, t.reopen(), t.reopen()];
    const spellings = [
      'https://www.kompas.com/read/2026/01/01/berita-1',
      'https://m.kompas.com/read/2026/01/01/berita-1?utm_source=x',
      'http://kompas.com/read/2026/01/01/berita-1/#komentar',
      'https://amp.kompas.com/read/2026/01/01/berita-1?fbclid=y',
    ];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => tabs[i % 3].save(makeArticle(1, { url: spellings[i % spellings.length] }), { tags: [`tab-${i}`] })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    for (const tab of tabs) expect(await tab.count()).toBe(1);
    const r = (await t.lib.get(results[0].id))!;
    expect([...r.tags].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `tab-${i}`).sort());
    expect((await t.lib.images(r.id)).size).toBe(2);
  });
});
