// @vitest-environment node
// (Node's Blob can be stored in fake-indexeddb; jsdom's cannot be structured-cloned. See test/helpers/library.ts.)
import { describe, expect, it } from 'vitest';
import { fakeImageText, fakeImages, makeArticle, newLibrary } from '../helpers/library';
import { LibraryError } from '../../utils/library/types';
import { applyOfflineImages, objectUrls } from '../../utils/library/images';
import { JSDOM } from 'jsdom';
import { sanitizeHtml, toFragment } from '../../utils/sanitize';

describe('library: save, get, dedupe', () => {
  it('saves an article with its images in one record and finds it by id and by any spelling of its URL', async () => {
    const { fetchImage, calls } = fakeImages();
    const { lib } = newLibrary({ fetchImage });
    const res = await lib.save(makeArticle(1), { tags: ['Banjir', ' banjir ', 'Jakarta'] });
    expect(res.created).toBe(true);
    expect(res.images).toEqual({ stored: 2, failed: 0 });
    expect(calls).toEqual(['https://asset.kompas.com/lead-1.jpg', 'https://asset.kompas.com/body-1.jpg']);

    const r = (await lib.get(res.id))!;
    expect(r.canonicalUrl).toBe('https://kompas.com/read/2026/01/01/berita-1');
    expect(r.article).toEqual(makeArticle(1));
    expect(r.tags).toEqual(['banjir', 'jakarta']);
    expect(r.read).toBe(false);
    expect(r.position).toEqual({ progress: 0, block: 0 });
    expect(r.needsContent).toBe(false);
    expect(r.deletedAt).toBeNull();
    expect(r.savedAt).toBe(r.updatedAt);
    expect(r.images).toEqual(['https://asset.kompas.com/lead-1.jpg', 'https://asset.kompas.com/body-1.jpg']);

    const viaOtherUrl = await lib.getByUrl('http://m.kompas.com/read/2026/01/01/berita-1/?fbclid=x#comments');
    expect(viaOtherUrl?.id).toBe(res.id);
    const blobs = await lib.images(res.id);
    expect(fakeImageText(new Uint8Array(await blobs.get('https://asset.kompas.com/body-1.jpg')!.arrayBuffer()))).toBe('img:https://asset.kompas.com/body-1.jpg');
  });

  it('saving the same page again updates the record (same id, first savedAt, tags added) and never duplicates', async () => {
    const { fetchImage, calls } = fakeImages();
    const { lib } = newLibrary({ fetchImage });
    const first = await lib.save(makeArticle(1), { tags: ['a'] });
    await lib.markRead(first.id);
    await lib.setPosition(first.id, { progress: 0.5, block: 4 });
    const before = (await lib.get(first.id))!;
    const again = await lib.save(makeArticle(1, { url: 'https://amp.kompas.com/read/2026/01/01/berita-1?utm_medium=x', title: 'Judul baru' }), { tags: ['b'] });
    expect(again).toEqual({ id: first.id, created: false, images: { stored: 2, failed: 0 } });
    // Images already stored are not fetched again.
    expect(calls).toHaveLength(2);
    const after = (await lib.get(first.id))!;
    expect(after.article.title).toBe('Judul baru');
    expect(after.savedAt).toBe(before.savedAt);
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt);
    expect(after.tags).toEqual(['a', 'b']);
    expect(after.read).toBe(true);
    // Same body: the reading position stays.
    expect(after.position).toEqual({ progress: 0.5, block: 4 });
    expect(await lib.count()).toBe(1);

    await lib.save(makeArticle(1, { contentHtml: '<p>Isi yang berubah.</p>', leadImage: null }));
    const changed = (await lib.get(first.id))!;
    expect(changed.position).toEqual({ progress: 0, block: 0 });
    // Images the new body no longer shows are removed with it.
    expect(changed.images).toEqual([]);
    expect((await lib.images(first.id)).size).toBe(0);
  });

  it('keeps going when images fail, and stores none when the setting is off', async () => {
    const { fetchImage } = fakeImages({ fail: (u) => u.includes('lead') });
    const { lib } = newLibrary({ fetchImage });
    const r = await lib.save(makeArticle(2));
    expect(r.images).toEqual({ stored: 1, failed: 1 });
    expect((await lib.get(r.id))!.images).toEqual(['https://asset.kompas.com/body-2.jpg']);

    const off = newLibrary({ fetchImage, storeImages: false });
    const r2 = await off.lib.save(makeArticle(3));
    expect(r2.images).toEqual({ stored: 0, failed: 0 });
    expect((await off.lib.images(r2.id)).size).toBe(0);
    // Per save, too; and turning it off for a re-save frees the stored images.
    const r3 = await lib.save(makeArticle(2), { storeImages: false });
    expect((await lib.images(r3.id)).size).toBe(0);
  });

  it('refuses pages that are not on the web', async () => {
    const { lib } = newLibrary();
    await expect(lib.save(makeArticle(1, { url: 'about:reader?url=x' }))).rejects.toMatchObject({ code: 'invalid-url' });
    await expect(lib.save(makeArticle(1, { url: 'file:///home/a.html' }))).rejects.toBeInstanceOf(LibraryError);
    expect(await lib.count()).toBe(0);
  });
});

describe('library: list, count, paging', () => {
  it('lists newest first, in pages, from summaries only, with unread and tag filters', async () => {
    const { lib } = newLibrary();
    const ids: string[] = [];
    for (let n = 1; n <= 7; n++) ids.push((await lib.save(makeArticle(n), { tags: n % 2 ? ['odd'] : ['even'] })).id);
    await lib.markRead(ids[6]);
    await lib.markRead(ids[0]);

    const p1 = await lib.list({ limit: 3 });
    expect(p1.items.map((s) => s.title)).toEqual(['Judul berita 7', 'Judul berita 6', 'Judul berita 5']);
    expect(p1.next).not.toBeNull();
    const p2 = await lib.list({ limit: 3, after: p1.next });
    const p3 = await lib.list({ limit: 3, after: p2.next });
    expect([...p2.items, ...p3.items].map((s) => s.title)).toEqual(['Judul berita 4', 'Judul berita 3', 'Judul berita 2', 'Judul berita 1']);
    expect(p3.next).toBeNull();

    const s = p1.items[0];
    expect(s).toEqual({
      id: ids[6],
      url: makeArticle(7).url,
      title: 'Judul berita 7',
      siteName: 'Kompas.com',
      byline: 'Penulis Kompas',
      publishedTime: '2026-01-05T10:00:00+07:00',
      publishedZone: null,
      savedAt: s.savedAt,
      updatedAt: s.updatedAt,
      readingMinutes: 1,
      excerpt: 'Berita nomor 7 tentang banjir.',
      leadImageUrl: 'https://asset.kompas.com/lead-7.jpg',
      read: true,
      tags: ['odd'],
      needsContent: false,
      progress: 0,
      trashed: false,
    });
    expect(s).not.toHaveProperty('contentHtml');

    const unread = await lib.list({ unread: true });
    expect(unread.items.map((x) => x.title)).toEqual(['Judul berita 6', 'Judul berita 5', 'Judul berita 4', 'Judul berita 3', 'Judul berita 2']);
    const odd = await lib.list({ tag: 'ODD', limit: 2 });
    expect(odd.items.map((x) => x.title)).toEqual(['Judul berita 7', 'Judul berita 5']);
    const odd2 = await lib.list({ tag: 'odd', limit: 2, after: odd.next });
    expect(odd2.items.map((x) => x.title)).toEqual(['Judul berita 3', 'Judul berita 1']);
    expect((await lib.list({ tag: 'odd', unread: true })).items.map((x) => x.title)).toEqual(['Judul berita 5', 'Judul berita 3']);

    expect(await lib.count()).toBe(7);
    expect(await lib.count({ unread: true })).toBe(5);
    expect(await lib.tags()).toEqual([
      { tag: 'odd', count: 4 },
      { tag: 'even', count: 3 },
    ]);
  });

  it('pages correctly through articles saved in the same millisecond', async () => {
    const { lib } = newLibrary({ now: () => 1_700_000_000_000 });
    for (let n = 1; n <= 5; n++) await lib.save(makeArticle(n));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await lib.list({ limit: 2, after });
      seen.push(...page.items.map((s) => s.id));
      after = page.next;
    } while (after);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });
});

describe('library: read state, tags, position', () => {
  it('marks read and unread, adds and removes tags, sets the reading position', async () => {
    const { lib } = newLibrary();
    const { id } = await lib.save(makeArticle(1));
    expect((await lib.markRead(id)).read).toBe(true);
    expect((await lib.list()).items[0].read).toBe(true);
    expect((await lib.markRead(id, false)).read).toBe(false);

    await lib.addTag(id, 'Politik');
    await lib.addTag(id, 'politik ');
    await lib.addTag(id, 'Jakarta');
    expect((await lib.get(id))!.tags).toEqual(['politik', 'jakarta']);
    await lib.removeTag(id, 'POLITIK');
    expect((await lib.get(id))!.tags).toEqual(['jakarta']);
    expect((await lib.list({ tag: 'politik' })).items).toEqual([]);

    await lib.setPosition(id, { progress: 0.42, block: 7 });
    expect((await lib.get(id))!.position).toEqual({ progress: 0.42, block: 7 });
    expect((await lib.list()).items[0].progress).toBe(0.42);
    await lib.setPosition(id, { progress: 3, block: -2.5 });
    expect((await lib.get(id))!.position).toEqual({ progress: 1, block: 0 });

    await expect(lib.markRead('nope')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('library: delete with undo, trash, purge', () => {
  it('moves to the trash, undoes, and purges with the images', async () => {
    const { fetchImage } = fakeImages();
    const { lib } = newLibrary({ fetchImage });
    const a = await lib.save(makeArticle(1), { tags: ['x'] });
    const b = await lib.save(makeArticle(2));
    const before = (await lib.get(a.id))!;

    const { undo } = await lib.delete(a.id);
    expect(await lib.count()).toBe(1);
    expect((await lib.list()).items.map((s) => s.id)).toEqual([b.id]);
    expect((await lib.list({ tag: 'x' })).items).toEqual([]);
    expect(await lib.tags()).toEqual([]);
    expect((await lib.list({ trashed: true })).items.map((s) => [s.id, s.trashed])).toEqual([[a.id, true]]);
    expect(await lib.count({ trashed: true })).toBe(1);
    expect((await lib.get(a.id))!.deletedAt).not.toBeNull();

    const restored = await undo();
    expect({ ...restored, rev: 0 }).toEqual({ ...before, rev: 0 });
    expect(await lib.count()).toBe(2);

    await lib.delete(a.id);
    // Saving a trashed page again brings it back.
    await lib.save(makeArticle(1));
    expect(await lib.count()).toBe(2);

    await lib.delete(b.id);
    expect(await lib.purge({ olderThanMs: 60 * 60 * 1000 })).toBe(0);
    expect(await lib.purge()).toBe(1);
    expect(await lib.get(b.id)).toBeNull();
    expect((await lib.images(b.id)).size).toBe(0);
    expect((await lib.images(a.id)).size).toBe(2);
    expect(await lib.count({ trashed: true })).toBe(0);
  });
});

describe('library: offline images', () => {
  it('gives object URLs for stored images and points an already sanitized body at them', async () => {
    const { fetchImage } = fakeImages();
    const { lib } = newLibrary({ fetchImage });
    const { id } = await lib.save(makeArticle(1));
    const blobs = await lib.images(id);
    const made: string[] = [];
    const revoked: string[] = [];
    const { urls, revoke } = objectUrls(blobs, {
      createObjectURL: () => {
        made.push(`blob:test/${made.length}`);
        return made[made.length - 1];
      },
      revokeObjectURL: (u) => revoked.push(u),
    });
    const doc = new JSDOM('<body><p><img src="/body-1.jpg" srcset="/x.jpg 2x"><img src="https://elsewhere.example/y.png"></p></body>', {
      url: 'https://asset.kompas.com/page',
    }).window.document;
    expect(applyOfflineImages(doc.body, urls, 'https://asset.kompas.com/page')).toBe(1);
    const [first, second] = Array.from(doc.querySelectorAll<HTMLImageElement>('img'));
    expect(first.getAttribute('src')).toBe(urls.get('https://asset.kompas.com/body-1.jpg'));
    expect(first.hasAttribute('srcset')).toBe(false);
    expect(second.getAttribute('src')).toBe('https://elsewhere.example/y.png');
    revoke();
    expect(revoked).toEqual(made);
  });

  it('blob: URLs must be set after sanitizing: the sanitizer drops them from HTML strings', async () => {
    const { fetchImage } = fakeImages();
    const { lib } = newLibrary({ fetchImage });
    const { id } = await lib.save(makeArticle(4));
    const saved = (await lib.get(id))!;
    const win = new JSDOM('<body></body>').window;
    expect(sanitizeHtml('<img src="blob:chrome-extension://abc/123" alt="x">', win.document)).not.toContain('blob:');
    // The reader's path: sanitize the stored body into DOM, then point its images at the stored blobs.
    const frag = toFragment(saved.article.contentHtml, win.document);
    const { urls } = objectUrls(await lib.images(id), { createObjectURL: () => 'blob:chrome-extension://abc/1', revokeObjectURL: () => undefined });
    expect(applyOfflineImages(frag, urls, saved.article.url)).toBe(1);
    expect(frag.querySelector('img')!.getAttribute('src')).toBe('blob:chrome-extension://abc/1');
  });
});
