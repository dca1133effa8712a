/** The translation cache: IndexedDB (fake-indexeddb in Node) with a memory layer, and memory alone. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createMemoryCache, openIdbCache, openTranslationCache, type CacheKey } from '@/utils/translate/cache';

const key = (text: string, over: Partial<CacheKey> = {}): CacheKey => ({ provider: 'libretranslate:http://x', source: 'en', target: 'es', text, ...over });

describe('memory cache', () => {
  it('keys by provider, language pair and text', async () => {
    const c = createMemoryCache();
    await c.setMany([[key('Hello'), 'Hola']]);
    expect(await c.getMany([key('Hello'), key('Hello', { target: 'fr' }), key('Hello', { provider: 'deepl' }), key('Hello', { source: 'id' }), key('Bye')]))
      .toEqual(['Hola', undefined, undefined, undefined, undefined]);
    expect(c.persistent).toBe(false);
  });

  it('does not confuse keys whose parts run into each other', async () => {
    const c = createMemoryCache();
    await c.setMany([[key('x', { provider: 'a', source: 'b' }), '1']]);
    expect(await c.getMany([key('x', { provider: 'a\u0000b', source: '' })])).toEqual([undefined]);
  });

  it('drops the least recently used over its size', async () => {
    const c = createMemoryCache({ maxEntries: 2 });
    await c.setMany([[key('a'), 'A'], [key('b'), 'B']]);
    await c.getMany([key('a')]); // a is now the most recent
    await c.setMany([[key('c'), 'C']]);
    expect(await c.getMany([key('a'), key('b'), key('c')])).toEqual(['A', undefined, 'C']);
  });
});

describe('IndexedDB cache', () => {
  it('stores and finds translations across openings of the database', async () => {
    const indexedDB = new IDBFactory();
    const first = await openIdbCache({ indexedDB });
    await first.setMany([[key('<b id="t0">Hello</b>'), '<b id="t0">Hola</b>'], [key('World'), 'Mundo']]);
    const again = await openIdbCache({ indexedDB });
    expect(again.persistent).toBe(true);
    expect(await again.getMany([key('World'), key('<b id="t0">Hello</b>'), key('Nope')])).toEqual(['Mundo', '<b id="t0">Hola</b>', undefined]);
    await again.clear();
    expect(await again.getMany([key('World')])).toEqual([undefined]);
  });

  it('forgets entries unused for longer than the time limit', async () => {
    let t = 1_000_000;
    const indexedDB = new IDBFactory();
    const c = await openIdbCache({ indexedDB, ttlMs: 1000, now: () => t });
    await c.setMany([[key('old'), 'viejo'], [key('used'), 'usado']]);
    t += 800;
    expect(await c.getMany([key('used')])).toEqual(['usado']); // refreshes its use
    t += 800;
    expect(await c.getMany([key('old'), key('used')])).toEqual([undefined, 'usado']);
  });

  it('prunes expired entries, then the least recently used over the limit', async () => {
    let t = 0;
    const indexedDB = new IDBFactory();
    const c = await openIdbCache({ indexedDB, ttlMs: 10_000, maxEntries: 2, now: () => t });
    for (const word of ['a', 'b', 'c', 'd']) {
      t += 100;
      await c.setMany([[key(word), word.toUpperCase()]]);
    }
    t += 100;
    await c.getMany([key('a')]); // a: most recently used
    await c.prune();
    expect(await c.getMany([key('a'), key('b'), key('c'), key('d')])).toEqual(['A', undefined, undefined, 'D']);
    t += 20_000;
    await c.prune();
    const fresh = await openIdbCache({ indexedDB, now: () => t });
    expect(await fresh.getMany([key('a'), key('d')])).toEqual([undefined, undefined]);
  });
});

describe('openTranslationCache', () => {
  it('uses IndexedDB when it has one', async () => {
    const indexedDB = new IDBFactory();
    const c = await openTranslationCache({ indexedDB });
    expect(c.persistent).toBe(true);
    await c.setMany([[key('Hello'), 'Hola']]);
    expect(await (await openTranslationCache({ indexedDB })).getMany([key('Hello')])).toEqual(['Hola']);
  });

  it('keeps to memory in a private window, or without IndexedDB', async () => {
    const indexedDB = new IDBFactory();
    const incognito = await openTranslationCache({ indexedDB, incognito: true });
    expect(incognito.persistent).toBe(false);
    await incognito.setMany([[key('Hello'), 'Hola']]);
    expect(await (await openTranslationCache({ indexedDB })).getMany([key('Hello')])).toEqual([undefined]);
    expect((await openTranslationCache({})).persistent).toBe(false);
  });

  it('falls back to memory when IndexedDB refuses to open (Firefox private browsing)', async () => {
    const refusing = {
      open() {
        const request: any = { error: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError') };
        queueMicrotask(() => request.onerror?.());
        return request;
      },
    } as unknown as IDBFactory;
    const c = await openTranslationCache({ indexedDB: refusing });
    expect(c.persistent).toBe(false);
    await c.setMany([[key('Hello'), 'Hola']]);
    expect(await c.getMany([key('Hello')])).toEqual(['Hola']);
  });

  it('treats a database that fails later as a miss, never as an error', async () => {
    const indexedDB = new IDBFactory();
    const raw = await openIdbCache({ indexedDB, name: 'closing' });
    const c = await openTranslationCache({ indexedDB, name: 'closing' });
    await c.setMany([[key('Hello'), 'Hola']]);
    await new Promise((resolve, reject) => {
      const r = indexedDB.deleteDatabase('closing'); // the caches close their connections for it
      r.onsuccess = resolve;
      r.onerror = reject;
    });
    await expect(raw.setMany([[key('More'), 'Más']])).rejects.toThrow();
    await expect(c.setMany([[key('More'), 'Más']])).resolves.toBeUndefined();
    expect(await c.getMany([key('Hello'), key('Other')])).toEqual(['Hola', undefined]); // the memory layer still answers
  });
});
