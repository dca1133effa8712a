// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { FIXTURES, dumpDatabase, fixture, newLibrary, restoreDump, schemaOf, type DatabaseDump } from '../helpers/library';
import { DB_VERSION, MIGRATIONS } from '../../utils/library/schema';
import { bytesToBase64 } from '../../utils/library/base64';

const dumpOf = (v: number) => JSON.parse(fixture('db', `v${v}-dump.json`)) as DatabaseDump;

describe('library schema: migrations', () => {
  it('has a migration step for every version and a stored database dump for every earlier version', () => {
    for (let v = 1; v <= DB_VERSION; v++) expect(MIGRATIONS[v], `migration step ${v}`).toBeTypeOf('function');
    for (let v = 1; v < DB_VERSION; v++) {
      expect(existsSync(join(FIXTURES, 'db', `v${v}-dump.json`)), `test/fixtures-library/db/v${v}-dump.json`).toBe(true);
      expect(dumpOf(v).version).toBe(v);
    }
  });

  it('a migrated database has exactly the schema of a new one', async () => {
    for (let v = 1; v < DB_VERSION; v++) {
      const factory = new IDBFactory();
      await restoreDump(factory, dumpOf(v), 'old');
      const old = newLibrary({ factory, indexedDB: factory, name: 'old' }).lib;
      await old.count();
      const fresh = newLibrary({ factory, indexedDB: factory, name: 'fresh' }).lib;
      await fresh.count();
      await old.close();
      await fresh.close();
      expect(await schemaOf(factory, 'old')).toEqual(await schemaOf(factory, 'fresh'));
    }
  });

  it('upgrades the stored v1 library: records, summaries, images, lists, tags and search all work', async () => {
    const factory = new IDBFactory();
    const v1 = dumpOf(1);
    await restoreDump(factory, v1, 'v1');
    const { lib } = newLibrary({ factory, indexedDB: factory, name: 'v1' });

    expect(await lib.count()).toBe(3);
    expect(await lib.count({ unread: true })).toBe(2);
    const list = await lib.list();
    expect(list.items.map((s) => s.title)).toEqual(['In Praise of Slow Reading', 'Harga Beras Naik Jelang Natal', 'Banjir Rob Rendam Jakarta Utara, Warga Mengungsi']);

    const kompas = (await lib.get('0b6f2d1e-4c55-4f0e-9d8a-1f3c2a7b9e01'))!;
    const old = (v1.stores.articles as any[])[0];
    // Everything v1 had is kept as it was...
    expect(kompas.article).toEqual(old.article);
    expect([kompas.savedAt, kompas.updatedAt, kompas.read, kompas.position]).toEqual([old.savedAt, old.updatedAt, old.read, old.position]);
    expect(kompas.images).toEqual(old.images);
    // ...tags get their one stored spelling, and the v2 fields their values.
    expect(kompas.tags).toEqual(['politik', 'jakarta utara']);
    expect(kompas.needsContent).toBe(false);
    expect(kompas.deletedAt).toBeNull();
    expect(kompas.rev).toBe(1);

    const summary = list.items[2];
    expect(summary).toMatchObject({
      url: old.article.url,
      byline: 'Nirmala Maulana Achmad',
      tags: ['politik', 'jakarta utara'],
      read: false,
      progress: 0.4,
      leadImageUrl: 'https://asset.kompas.com/crops/rob-utara.jpg',
      trashed: false,
    });
    expect((await lib.list({ tag: 'Politik' })).items.map((s) => s.id)).toEqual([kompas.id]);
    expect(await lib.tags()).toEqual([
      { tag: 'ekonomi', count: 1 },
      { tag: 'jakarta utara', count: 1 },
      { tag: 'politik', count: 1 },
    ]);

    const images = await lib.images(kompas.id);
    expect(await images.get('https://asset.kompas.com/crops/rob-tanggul.jpg')!.text()).toBe('img:https://asset.kompas.com/crops/rob-tanggul.jpg');

    // v1 had no search snapshot: the first search builds one from the migrated records.
    const hits = await lib.search('pengungsian');
    expect(hits.items.map((s) => s.id)).toEqual([kompas.id]);
    expect(lib.searchStore.lastLoad).toEqual({ heads: 'rebuilt', body: 'rebuilt' });

    // Saving the same page again (as v2 canonicalizes it) updates the migrated record.
    const again = await lib.save({ ...old.article, url: 'https://www.kompas.com/read/2025/11/02/10300061/banjir-rob-jakarta-utara?utm_source=x' });
    expect(again).toMatchObject({ id: kompas.id, created: false });
    expect(await lib.count()).toBe(3);
  });

  it('opening an upgraded database again changes nothing', async () => {
    const factory = new IDBFactory();
    await restoreDump(factory, dumpOf(1), 'v1');
    const a = newLibrary({ factory, indexedDB: factory, name: 'v1' }).lib;
    await a.count();
    await a.close();
    const once = await dumpDatabase(factory, 'v1');
    const b = newLibrary({ factory, indexedDB: factory, name: 'v1' }).lib;
    await b.count();
    await b.close();
    expect(await dumpDatabase(factory, 'v1')).toEqual(once);
    expect(once.version).toBe(DB_VERSION);
  });
});

describe('library schema: nothing lost in any upgrade (issue #14)', () => {
  it('every record and picture of every earlier version is there after the upgrade, field for field and byte for byte', async () => {
    let checked = 0;
    for (let v = 1; v < DB_VERSION; v++) {
      const factory = new IDBFactory();
      const dump = dumpOf(v);
      await restoreDump(factory, dump, `v${v}`);
      const { lib } = newLibrary({ factory, indexedDB: factory, name: `v${v}` });
      const old = dump.stores.articles as any[];
      expect(await lib.count({ trashed: false }) + (await lib.count({ trashed: true }))).toBe(old.length);
      for (const o of old) {
        const r = (await lib.get(o.id))!;
        expect(r, `v${v} ${o.id}`).not.toBeNull();
        expect(r.article).toEqual(o.article);
        expect([r.canonicalUrl, r.savedAt, r.read, r.images]).toEqual([o.canonicalUrl, o.savedAt, o.read, o.images ?? []]);
        expect(r.updatedAt).toBe(o.updatedAt ?? o.savedAt);
        expect(r.position).toEqual(o.position ?? { progress: 0, block: 0 });
        checked++;
      }
      for (const img of dump.stores.images as any[]) {
        const blob = (await lib.images(img.articleId)).get(img.url)!;
        expect(blob.type).toBe(img.blob.$blob.type);
        expect(bytesToBase64(new Uint8Array(await blob.arrayBuffer()))).toBe(img.blob.$blob.base64);
        checked++;
      }
      await lib.close();
    }
    expect(checked).toBeGreaterThan(0);
  });
});
