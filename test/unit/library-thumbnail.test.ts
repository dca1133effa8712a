// @vitest-environment node
/**
 * Row thumbnails (issue 13): which stored picture is the thumbnail, reading it from the library (also from a
 * library upgraded from schema v1: no migration is needed, the lead picture's key is computed), and the source that
 * hands rows blob: URLs (shrunk once, cached, released and revoked, skipped when the row left before its turn).
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { leadImageKey, pickThumbnail } from '../../utils/library/thumbnail';
import { imageUrlsOf } from '../../utils/library/images';
import { thumbnailSource, type ThumbnailEnv } from '../../utils/library-ui/thumbnails';
import type { ArticleSummary } from '../../utils/library/types';
import { fakeImageText, fakeImages, fixture, makeArticle, newLibrary, restoreDump, type DatabaseDump } from '../helpers/library';

const pic = (url: string, size: number) => ({ url, blob: { size } });

describe('which stored picture is the thumbnail', () => {
  it('the lead picture, keyed as saving stored it (imageUrlsOf: absolute)', () => {
    expect(leadImageKey({ url: 'https://www.kompas.com/read/1', leadImageUrl: 'https://asset.kompas.com/a.jpg' })).toBe('https://asset.kompas.com/a.jpg');
    expect(leadImageKey({ url: 'https://www.kompas.com/read/1', leadImageUrl: '/foto/a.jpg?w=1' })).toBe('https://www.kompas.com/foto/a.jpg?w=1');
    const article = makeArticle(4, { leadImage: { src: '../lead.jpg', alt: '', caption: null, inBody: false } });
    expect(leadImageKey({ url: article.url, leadImageUrl: article.leadImage!.src })).toBe(imageUrlsOf(article)[0]);
    expect(leadImageKey({ url: 'https://www.kompas.com/read/1', leadImageUrl: null })).toBeNull();
    // Not a web picture (inline data, a script address): never a stored key.
    expect(leadImageKey({ url: 'https://www.kompas.com/read/1', leadImageUrl: 'data:image/png;base64,AAAA' })).toBeNull();
    expect(leadImageKey({ url: 'https://www.kompas.com/read/1', leadImageUrl: 'javascript:alert(1)' })).toBeNull();
  });

  it('the lead when it was stored, else the largest stored picture, else none', () => {
    const stored = [pic('https://a/icon.png', 900), pic('https://a/lead.jpg', 20_000), pic('https://a/body.jpg', 80_000)];
    expect(pickThumbnail('https://a/lead.jpg', stored)?.url).toBe('https://a/lead.jpg');
    // The lead was not kept (another site's picture): the largest one of the article stands in, not the icon.
    expect(pickThumbnail('https://cdn/lead.jpg', stored)?.url).toBe('https://a/body.jpg');
    expect(pickThumbnail(null, stored)?.url).toBe('https://a/body.jpg');
    expect(pickThumbnail('https://a/lead.jpg', [])).toBeNull();
  });
});

describe('Library.thumbnail', () => {
  it('reads the stored lead picture of a saved article, the largest picture without one, and nothing for a link', async () => {
    const { fetchImage } = fakeImages();
    const { lib } = newLibrary({ fetchImage });
    const withLead = await lib.save(makeArticle(1));
    const noLead = await lib.save(makeArticle(2, { leadImage: null }));
    const none = await lib.save(makeArticle(3, { leadImage: null, contentHtml: '<p>Tanpa gambar.</p>' }));
    const list = (await lib.list()).items;
    const summary = (id: string) => list.find((s) => s.id === id)!;

    const lead = await lib.thumbnail(summary(withLead.id));
    expect(fakeImageText(new Uint8Array(await lead!.arrayBuffer()))).toBe('img:https://asset.kompas.com/lead-1.jpg');
    const body = await lib.thumbnail(summary(noLead.id));
    expect(fakeImageText(new Uint8Array(await body!.arrayBuffer()))).toBe('img:https://asset.kompas.com/body-2.jpg');
    expect(await lib.thumbnail(summary(none.id))).toBeNull();
    await lib.close();
  });

  it('works on a library upgraded from schema v1 (no migration needed: every version kept the lead address)', async () => {
    const factory = new IDBFactory();
    await restoreDump(factory, JSON.parse(fixture('db', 'v1-dump.json')) as DatabaseDump, 'v1');
    const { lib } = newLibrary({ factory, indexedDB: factory, name: 'v1' });
    const items = (await lib.list()).items;
    const kompas = items.find((s) => s.id === '0b6f2d1e-4c55-4f0e-9d8a-1f3c2a7b9e01')!;
    const blob = await lib.thumbnail(kompas);
    expect(await blob!.text()).toBe('img:https://asset.kompas.com/crops/rob-utara.jpg');
    for (const other of items.filter((s) => s !== kompas)) expect(await lib.thumbnail(other)).toBeNull();
    await lib.close();
  });
});

// --- the source the rows ask --------------------------------------------------------------------------------------

const summary = (id: string, updatedAt = 1): ArticleSummary => ({
  id, url: `https://a/${id}`, title: id, siteName: null, byline: null, publishedTime: null, savedAt: 1, updatedAt, readingMinutes: 1,
  excerpt: '', leadImageUrl: null, read: false, tags: [], needsContent: false, progress: 0, trashed: false,
});

function fakeEnv(over: Partial<ThumbnailEnv> = {}) {
  const calls = { read: [] as string[], shrink: 0, created: [] as string[], revoked: [] as string[] };
  let n = 0;
  const env: ThumbnailEnv = {
    read: async (item) => {
      calls.read.push(item.id);
      return item.id.startsWith('none') ? null : new Blob([`big:${item.id}`]);
    },
    shrink: async (blob, px) => {
      calls.shrink++;
      const text = await blob.text();
      if (text.includes('broken')) throw new Error('does not decode');
      return new Blob([`small${px}:${text}`]);
    },
    createObjectURL: () => {
      const url = `blob:test/${++n}`;
      calls.created.push(url);
      return url;
    },
    revokeObjectURL: (url) => void calls.revoked.push(url),
    px: 112,
    ...over,
  };
  return { env, calls };
}

describe('thumbnailSource', () => {
  it('hands out a URL of the shrunk picture, each its own, and revokes each one when released', async () => {
    const { env, calls } = fakeEnv();
    const source = thumbnailSource(env);
    const a = await source.acquire(summary('a'));
    const b = await source.acquire(summary('a'));
    expect(a).toMatch(/^blob:/);
    expect(b).not.toBe(a);
    // Read and shrunk once; the second row of the same article used the small copy.
    expect(calls.read).toEqual(['a']);
    expect(calls.shrink).toBe(1);
    source.release(a!);
    source.release(a!);
    expect(calls.revoked).toEqual([a]);
    source.release(b!);
    expect(calls.revoked).toEqual([a, b]);
    // A URL it did not make is not its to revoke.
    source.release('blob:someone-else');
    expect(calls.revoked).toHaveLength(2);
  });

  it('gives null, and no URL, for an article with no stored picture or one that does not decode', async () => {
    const { env, calls } = fakeEnv();
    const source = thumbnailSource(env);
    expect(await source.acquire(summary('none-1'))).toBeNull();
    expect(await source.acquire(summary('broken-1'))).toBeNull();
    expect(await source.acquire(summary('broken-1'))).toBeNull();
    expect(calls.created).toEqual([]);
    // Remembered: the broken picture is not decoded again.
    expect(calls.shrink).toBe(1);
  });

  it('a saved-again article (new updatedAt) gets a new thumbnail', async () => {
    const { env, calls } = fakeEnv();
    const source = thumbnailSource(env);
    await source.acquire(summary('a', 1));
    await source.acquire(summary('a', 2));
    expect(calls.read).toEqual(['a', 'a']);
  });

  it('a row gone before its turn costs nothing, and a row still there is served', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { env, calls } = fakeEnv({ concurrency: 1 });
    const slowRead = env.read;
    env.read = async (item) => {
      if (item.id === 'first') await gate;
      return slowRead(item);
    };
    const source = thumbnailSource(env);
    const first = source.acquire(summary('first'));
    const gone = new AbortController();
    const skipped = source.acquire(summary('skipped'), gone.signal);
    const kept = source.acquire(summary('kept'));
    gone.abort();
    release();
    expect(await first).toMatch(/^blob:/);
    expect(await skipped).toBeNull();
    expect(await kept).toMatch(/^blob:/);
    expect(calls.read).toEqual(['first', 'kept']);
    // An aborted request is not remembered as "no picture": the row coming back gets it.
    expect(await source.acquire(summary('skipped'))).toMatch(/^blob:/);
  });

  it('keeps at most cacheSize small copies', async () => {
    const { env, calls } = fakeEnv({ cacheSize: 2 });
    const source = thumbnailSource(env);
    for (const id of ['a', 'b', 'c', 'a']) await source.acquire(summary(id));
    expect(calls.read).toEqual(['a', 'b', 'c', 'a']);
  });
});
