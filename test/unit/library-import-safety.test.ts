// @vitest-environment node
/**
 * Issue #14 (library parts): an imported file is hostile until checked. What an import will do is planned and
 * shown before anything is written; it never trashes a live article, its dates are clamped, every field is
 * checked (web addresses only, unknown keys dropped, `__proto__` inert), stored pictures are raster images whose
 * bytes say so, and a zip is measured from its directory before anything is inflated.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { domDocument, dumpDatabase, fakeImageBytes, fakeImages, fixture, makeArticle, newLibrary } from '../helpers/library';
import { applyImport, importFile, parseImport, prepareImport, IMPORT_LIMITS } from '../../utils/library/import';
import { exportJson, type JernihExport } from '../../utils/library/export';
import { fetchImages, sniffImageType } from '../../utils/library/images';
import { bytesToBase64 } from '../../utils/library/base64';
import { LibraryImportError, type MergeItem } from '../../utils/library/types';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 1, 1);
const doc = domDocument();
const opts = { doc, now: () => NOW };

/** A library whose clock stands still at NOW (so "now + 1 day" is known), with one saved article. */
async function libraryWithOne() {
  const { fetchImage } = fakeImages();
  const t = newLibrary({ fetchImage, now: () => NOW });
  const saved = await t.lib.save(makeArticle(1), { tags: ['keep'] });
  return { ...t, saved };
}

/** A Jernih export of articles 1..n, from another library (with their pictures). */
async function exportOf(...ns: number[]): Promise<JernihExport> {
  const { fetchImage } = fakeImages();
  let clock = NOW - DAY;
  // A moving clock: the export lists newest first, so the order of the file is known.
  const { lib } = newLibrary({ fetchImage, now: () => (clock += 1000) });
  for (const n of ns) await lib.save(makeArticle(n));
  return JSON.parse(await exportJson(lib)) as JernihExport;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const GIF = strToU8('GIF89a\x01\x00\x01\x00');
const WEBP = strToU8('RIFF\x24\x00\x00\x00WEBPVP8 ');
const AVIF = new Uint8Array([0, 0, 0, 0x1c, ...strToU8('ftypavif'), 0, 0, 0, 0, ...strToU8('avifmif1miaf')]);
const SVG = strToU8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const HTML = strToU8('<!doctype html><script>alert(document.cookie)</script>');

describe('import #14.1: a plan first, then only what was confirmed', () => {
  it('planMerge says what will be added, updated (tags), replaced and skipped, with titles, and writes nothing', async () => {
    const { lib, factory, env, saved } = await libraryWithOne();
    const b = await lib.save(makeArticle(2));
    const file = await exportOf(1, 2, 3);
    // 1: a newer copy (replaces the saved one), 2: an older copy with a new tag (tags only), 3: new.
    const one = file.articles.find((a) => a.article.title === 'Judul berita 1')!;
    one.updatedAt = NOW + 1000;
    one.article.title = 'Judul berita 1, versi berkas';
    const two = file.articles.find((a) => a.article.title === 'Judul berita 2')!;
    two.updatedAt = 1;
    two.tags = ['dari-berkas'];
    const parsed = parseImport(JSON.stringify(file), opts);
    const link: MergeItem = { kind: 'link', url: makeArticle(2).url, title: 'x', tags: [], savedAt: 1, read: false };
    const items = [...parsed.items, link];

    const before = await dumpDatabase(factory, env.name!);
    const plan = await lib.planMerge(items);
    expect(await dumpDatabase(factory, env.name!)).toEqual(before);
    expect({ added: plan.added, updated: plan.updated, replaced: plan.replaced, skipped: plan.skipped }).toEqual({ added: 1, updated: 1, replaced: 1, skipped: 1 });
    // Titles as the library knows them: the person recognises what they are about to lose.
    expect(plan.steps.filter((s) => s.action === 'replace').map((s) => [s.id, s.title])).toEqual([[saved.id, 'Judul berita 1']]);
    expect(plan.steps.filter((s) => s.action === 'update').map((s) => [s.id, s.title])).toEqual([[b.id, 'Judul berita 2']]);
    expect(plan.steps.map((s) => s.action)).toEqual(['add', 'update', 'replace', 'skip']);

    // Applying the confirmed plan does exactly that.
    const report = await lib.merge(items, { confirmed: plan });
    expect(report).toEqual({ added: 1, updated: 1, replaced: 1, skipped: 1 });
    expect((await lib.get(saved.id))!.article.title).toBe('Judul berita 1, versi berkas');
    expect((await lib.get(b.id))!.tags).toEqual(['dari-berkas']);
  });

  it('a plan that no longer matches the library (changed in another tab) is refused and changes nothing', async () => {
    const { lib, factory, env } = await libraryWithOne();
    const items = parseImport(JSON.stringify(await exportOf(2, 3)), opts).items;
    const plan = await lib.planMerge(items);
    expect(plan.added).toBe(2);
    await lib.save(makeArticle(3), { tags: ['other-tab'] });
    const before = await dumpDatabase(factory, env.name!);
    const err = await lib.merge(items, { confirmed: plan }).catch((e) => e);
    expect(err).toBeInstanceOf(LibraryImportError);
    expect(err.message).toMatch(/library changed/);
    expect(await dumpDatabase(factory, env.name!)).toEqual(before);
  });

  it('prepareImport reads and plans without writing; applyImport writes what was planned', async () => {
    const { lib, factory, env } = await libraryWithOne();
    const before = await dumpDatabase(factory, env.name!);
    const prepared = await prepareImport(lib, fixture('pocket', 'part_000000.csv'), opts);
    expect(prepared.plan).toMatchObject({ added: 3, updated: 0, replaced: 0, skipped: 0 });
    expect(prepared.skipped).toBe(1);
    expect(await dumpDatabase(factory, env.name!)).toEqual(before);
    expect(await applyImport(lib, prepared)).toEqual({ format: 'pocket-csv', total: 4, added: 3, updated: 0, replaced: 0, skipped: 1 });
    expect(await lib.count()).toBe(4);
  });

  it('never applies deletedAt from a file over a live article, and a trashed entry in a file stays out of the list', async () => {
    const { lib, saved } = await libraryWithOne();
    const file = await exportOf(1, 2);
    for (const a of file.articles) {
      a.deletedAt = NOW - 3 * DAY;
      a.updatedAt = NOW + 1000;
    }
    const report = await importFile(lib, JSON.stringify(file), opts);
    expect(report).toMatchObject({ added: 1, replaced: 1 });
    expect((await lib.get(saved.id))!.deletedAt).toBeNull();
    // The purge of old trash (what the library page runs) leaves the live article alone.
    expect(await lib.purge({ olderThanMs: DAY })).toBe(1);
    expect((await lib.get(saved.id))!.article.title).toBe('Judul berita 1');
    expect(await lib.count()).toBe(1);
  });

  it('clamps every imported date to [0, now + 1 day]: Jernih JSON, Pocket, Instapaper, Omnivore', async () => {
    const { lib, saved } = await libraryWithOne();
    const file = await exportOf(1, 2);
    for (const a of file.articles) {
      a.savedAt = 9e15;
      a.updatedAt = 9e15;
    }
    file.articles[0].deletedAt = 9e15;
    await importFile(lib, JSON.stringify(file), opts);
    const replaced = (await lib.get(saved.id))!;
    expect(replaced.updatedAt).toBe(NOW + DAY);
    expect(replaced.savedAt).toBe(NOW + DAY);
    const added = (await lib.records({ includeTrashed: true })).map((r) => r.record);
    for (const r of added) {
      for (const t of [r.savedAt, r.updatedAt, r.deletedAt ?? 0]) {
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(NOW + DAY);
      }
    }
    // Once the clock passes the clamp, a save is newer again (9e15 would have won for 285,000 years).
    let clock = NOW;
    const later = newLibrary({ now: () => clock });
    await importFile(later.lib, JSON.stringify(file), opts);
    clock = NOW + 2 * DAY;
    const again = await later.lib.save(makeArticle(1, { title: 'Disimpan lagi' }));
    expect((await later.lib.get(again.id))!.updatedAt).toBe(NOW + 2 * DAY);

    const pocket = '<html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul>' +
      '<li><a href="https://a.example/future" time_added="99999999999" tags="">Future</a></li>' +
      '<li><a href="https://a.example/ms" time_added="99999999999999" tags="">Far future</a></li></ul></body></html>';
    const csv = 'URL,Title,Selection,Folder,Timestamp\nhttps://b.example/x,X,,Unread,99999999999\n';
    const omnivore = JSON.stringify([
      { url: 'https://c.example/x', title: 'X', savedAt: '9999-12-31T00:00:00Z', state: 'SUCCEEDED' },
      { url: 'https://c.example/y', title: 'Y', savedAt: '1900-01-01T00:00:00Z', state: 'SUCCEEDED' },
    ]);
    for (const data of [pocket, csv, omnivore]) {
      for (const item of parseImport(data, opts).items) {
        const savedAt = (item as Extract<MergeItem, { kind: 'link' }>).savedAt;
        expect(savedAt).toBeGreaterThanOrEqual(0);
        expect(savedAt).toBeLessThanOrEqual(NOW + DAY);
      }
    }
    // And merge itself clamps (defence in depth: it is public, not only reached through parseImport).
    const direct = newLibrary({ now: () => NOW }).lib;
    await direct.merge([{ kind: 'link', url: 'https://d.example/x', title: 'X', tags: [], savedAt: 9e15, read: false }]);
    expect((await direct.getByUrl('https://d.example/x'))!.savedAt).toBe(NOW + DAY);
  });
});

describe('import #14.2: every field checked', () => {
  async function refused(json: unknown, message: RegExp) {
    const { lib, factory, env } = await libraryWithOne();
    const before = await dumpDatabase(factory, env.name!);
    const err = await importFile(lib, typeof json === 'string' ? json : JSON.stringify(json), opts).catch((e) => e);
    expect(err, String(message)).toBeInstanceOf(LibraryImportError);
    expect(err.message).toMatch(message);
    expect(await dumpDatabase(factory, env.name!)).toEqual(before);
  }

  it('refuses addresses that are not http or https anywhere in a record', async () => {
    const file = await exportOf(1);
    const edits: [(a: any) => void, RegExp][] = [
      [(a) => (a.article.url = 'javascript:alert(1)'), /article\.url is not a web address/],
      [(a) => (a.canonicalUrl = 'file:///etc/passwd'), /canonicalUrl is not a web address/],
      [(a) => (a.article.leadImage.src = 'javascript:alert(1)'), /article\.leadImage\.src is not a web address/],
      [(a) => (a.article.leadImage.src = 'data:image/svg+xml;base64,PHN2Zz4='), /article\.leadImage\.src is not a web address/],
      [
        (a) => {
          a.images[0] = 'data:image/png;base64,AAAA';
          a.imageData[0].url = 'data:image/png;base64,AAAA';
        },
        /images\[0\] is not a web address/,
      ],
      [(a) => (a.imageData[1].url = 'blob:https://x/1'), /imageData\[1\]\.url is not a web address|do not match/],
      [(a) => (a.article.pages = { joined: 1, total: 2, missing: [{ page: 2, url: 'javascript:x', reason: 'x' }] }), /article\.pages\.missing\[0\]\.url is not a web address/],
      [(a) => (a.article.pages = 'all'), /article\.pages is missing/],
    ];
    for (const [edit, message] of edits) {
      const f = structuredClone(file);
      edit(f.articles[0]);
      await refused(f, message);
    }
  });

  it('drops unknown keys at every level and keeps __proto__ and constructor keys inert', async () => {
    const file = await exportOf(5);
    const a = file.articles[0] as any;
    a.extra = 'x';
    a.article.extra = 'x';
    a.article.leadImage.extra = 'x';
    a.position.extra = 'x';
    a.article.pages = { joined: 1, total: 1, missing: [], extra: 'x' };
    // JSON text, so the keys are real own "__proto__" keys as JSON.parse makes them.
    const text = JSON.stringify(file)
      .replace('{"format"', '{"__proto__":{"polluted":"top"},"constructor":{"prototype":{"polluted":"ctor"}},"format"')
      .replace('"article":{', '"__proto__":{"polluted":"record"},"article":{"__proto__":{"polluted":"article"},"constructor":{"prototype":{"polluted":"x"}},')
      .replace('"leadImage":{', '"leadImage":{"__proto__":{"polluted":"lead"},')
      .replace('"imageData":[{', '"imageData":[{"__proto__":{"polluted":"image"},');
    expect(text.match(/__proto__/g)).toHaveLength(5);
    const { lib } = await libraryWithOne();
    expect(await importFile(lib, text, opts)).toMatchObject({ added: 1 });
    expect(({} as any).polluted).toBeUndefined();
    expect((Object.prototype as any).polluted).toBeUndefined();
    const r = (await lib.getByUrl(makeArticle(5).url))!;
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(Object.keys(r).sort()).toEqual(['article', 'canonicalUrl', 'deletedAt', 'id', 'images', 'needsContent', 'position', 'read', 'rev', 'savedAt', 'tags', 'updatedAt']);
    expect(Object.keys(r.article).sort()).toEqual(
      ['byline', 'contentHtml', 'dir', 'excerpt', 'lang', 'leadImage', 'pages', 'publishedTime', 'readingMinutes', 'ruleId', 'siteName', 'textContent', 'title', 'url', 'wordCount'],
    );
    expect(Object.keys(r.article.leadImage!).sort()).toEqual(['alt', 'caption', 'inBody', 'src']);
    expect(Object.keys(r.position).sort()).toEqual(['block', 'progress']);
    expect(r.article.pages).toEqual({ joined: 1, total: 1, missing: [] });
    expect((r as any).polluted).toBeUndefined();
    expect((r.article as any).polluted).toBeUndefined();

    // Link-only formats build their entries field by field.
    const omnivore = '[{"url":"https://e.example/x","__proto__":{"polluted":"o"},"title":"X","savedAt":"2025-01-01","state":"SUCCEEDED","labels":[{"__proto__":{"name":"evil"},"name":"ok"}]}]';
    const items = parseImport(omnivore, opts).items;
    expect(items).toHaveLength(1);
    expect(({} as any).polluted).toBeUndefined();
    expect(Object.keys(items[0]).every((k) => ['kind', 'url', 'title', 'tags', 'read', 'savedAt', 'excerpt', 'byline', 'publishedTime', 'progress', 'leadImageUrl'].includes(k))).toBe(true);
  });

  it('keeps an exported id only when it is a plain id (it ends up in the reader page address)', async () => {
    const file = await exportOf(6);
    file.articles[0].id = '../options.html?x=<script>';
    const { lib } = await libraryWithOne();
    await importFile(lib, JSON.stringify(file), opts);
    const r = (await lib.getByUrl(makeArticle(6).url))!;
    expect(r.id).not.toBe('../options.html?x=<script>');
    expect(r.id).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
  });

  it('refuses a file larger than the limit, and a file with more entries than the limit', async () => {
    const { lib } = await libraryWithOne();
    const big = JSON.stringify(await exportOf(1, 2, 3));
    const small = { ...opts, limits: { maxFileBytes: 1000 } };
    await expect(importFile(lib, big, small)).rejects.toThrow(/too large/);
    await expect(importFile(lib, strToU8(big), small)).rejects.toThrow(/too large/);
    await expect(importFile(lib, big, { ...opts, limits: { maxEntries: 2 } })).rejects.toThrow(/more than 2 entries/);
    expect(IMPORT_LIMITS.maxFileBytes).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    expect(await lib.count()).toBe(1);
  });
});

describe('import and save #14.3: only raster pictures are stored, by their bytes', () => {
  it('sniffs png, jpeg, gif, webp and avif from magic numbers, and nothing else', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(GIF)).toBe('image/gif');
    expect(sniffImageType(WEBP)).toBe('image/webp');
    expect(sniffImageType(AVIF)).toBe('image/avif');
    for (const bad of [SVG, HTML, strToU8('RIFF\x24\x00\x00\x00WAVEfmt '), strToU8('GIF8'), new Uint8Array(0), strToU8('%PDF-1.7'), strToU8('\x00\x00\x00\x1cftypmp42')]) {
      expect(sniffImageType(bad)).toBeNull();
    }
  });

  it('an imported text/html or SVG "picture" is dropped; a raster one is kept with the type its bytes say', async () => {
    const file = await exportOf(1);
    const a = file.articles[0];
    const [lead, body] = a.imageData;
    lead.type = 'text/html';
    lead.base64 = bytesToBase64(HTML);
    body.type = 'image/png';
    body.base64 = bytesToBase64(SVG);
    a.images.push('https://asset.kompas.com/extra.webp');
    a.imageData.push({ url: 'https://asset.kompas.com/extra.webp', type: 'text/plain', base64: bytesToBase64(WEBP) });
    const { lib } = newLibrary({ now: () => NOW });
    await importFile(lib, JSON.stringify(file), opts);
    const r = (await lib.getByUrl(makeArticle(1).url))!;
    // The dropped pictures stay online (their URLs are still in the body); they are not listed as kept.
    expect(r.images).toEqual(['https://asset.kompas.com/extra.webp']);
    const stored = await lib.images(r.id);
    expect([...stored.keys()]).toEqual(['https://asset.kompas.com/extra.webp']);
    expect(stored.get('https://asset.kompas.com/extra.webp')!.type).toBe('image/webp');
  });

  it('a fetched SVG or HTML page is not stored; a fetched raster is re-typed from its bytes', async () => {
    const answers: Record<string, Blob> = {
      'https://i.example/a.svg': new Blob([SVG as BlobPart], { type: 'image/svg+xml' }),
      'https://i.example/b.jpg': new Blob([HTML as BlobPart], { type: 'image/jpeg' }),
      'https://i.example/c.png': new Blob([JPEG as BlobPart], { type: 'image/png' }),
      'https://i.example/d': new Blob([GIF as BlobPart], { type: 'application/octet-stream' }),
    };
    const r = await fetchImages(Object.keys(answers), async (u) => answers[u]);
    expect(r.failed).toBe(2);
    expect([...r.stored].map(([u, b]) => [u, b.type]).sort()).toEqual([
      ['https://i.example/c.png', 'image/jpeg'],
      ['https://i.example/d', 'image/gif'],
    ]);

    // Through a save: the SVG lead picture is left online.
    const { lib } = newLibrary({
      fetchImage: async (u) => (u.includes('lead') ? new Blob([SVG as BlobPart], { type: 'image/svg+xml' }) : new Blob([fakeImageBytes(u) as BlobPart], { type: 'image/jpeg' })),
    });
    const saved = await lib.save(makeArticle(3));
    expect(saved.images).toEqual({ stored: 1, failed: 1 });
    expect([...(await lib.images(saved.id)).values()].map((b) => b.type)).toEqual(['image/jpeg']);
  });
});

/** A zip whose directory (and local header) claims `declared` bytes for every entry; the data stays small. */
function lyingZip(files: Record<string, Uint8Array>, declared: number): Uint8Array {
  const zip = zipSync(files, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, declared, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, declared, true);
  }
  return zip;
}

describe('import #14.4: a zip is measured before it is inflated', () => {
  it('refuses a small zip that declares 200 MB, from its directory, without inflating it', async () => {
    const { lib, factory, env } = await libraryWithOne();
    const before = await dumpDatabase(factory, env.name!);
    const bomb = lyingZip({ 'metadata_0_to_1.json': strToU8('[{"url":"https://a.example/x","title":"x","savedAt":"2025-01-01"}]') }, 200 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024);
    const err = await importFile(lib, bomb, opts).catch((e) => e);
    expect(err).toBeInstanceOf(LibraryImportError);
    expect(err.message).toMatch(/would unpack to 200 MB.*at most \d+ MB/);
    expect(await dumpDatabase(factory, env.name!)).toEqual(before);
  });

  it('refuses a real bomb (highly compressible data) over the total cap, counting every file it would read', async () => {
    const { lib } = await libraryWithOne();
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const bomb = zipSync({ 'part_000000.csv': zeros, 'part_000001.csv': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(30 * 1024);
    await expect(importFile(lib, bomb, { ...opts, limits: { maxUnzippedBytes: 5 * 1024 * 1024 } })).rejects.toThrow(/would unpack to 6 MB/);
  });

  it('does not inflate or count what it does not read: the content/ files of an Omnivore export', async () => {
    const { lib } = await libraryWithOne();
    // 2 MB of article bodies beside the metadata, with a 1 MB cap: only the metadata is unpacked.
    const omnivore = zipSync({ 'metadata_0_to_3.json': strToU8(fixture('omnivore', 'metadata_0_to_3.json')), 'content/a.html': new Uint8Array(2 * 1024 * 1024) });
    expect(await importFile(lib, omnivore, { ...opts, limits: { maxUnzippedBytes: 1024 * 1024 } })).toMatchObject({ format: 'omnivore' });
    // A content/ file claiming 300 MB is never unpacked: the file is refused for what it holds, not for its size.
    await expect(importFile(lib, lyingZip({ 'content/huge.html': strToU8('<p>x</p>') }, 300 * 1024 * 1024), opts)).rejects.toThrow(/not an export Jernih can read/);
  });
});

describe('import #14.5: a hostile file changes nothing, or only what was confirmed', () => {
  type Case = { name: string; data: (file: JernihExport, text: string) => string | Uint8Array; refused?: RegExp; limits?: Partial<typeof IMPORT_LIMITS> };
  const edit = (f: JernihExport, change: (a: any, f: any) => void) => {
    const c = structuredClone(f);
    change(c.articles[0], c);
    return JSON.stringify(c);
  };
  const cases: Case[] = [
    // Truncated.
    { name: 'JSON cut at 70%', data: (_, t) => t.slice(0, Math.floor(t.length * 0.7)), refused: /damaged or incomplete/ },
    { name: 'JSON cut to one byte', data: (_, t) => t.slice(0, 1), refused: /damaged or incomplete/ },
    { name: 'zip cut in half', data: () => { const z = zipSync({ 'part_000000.csv': strToU8(fixture('pocket', 'part_000000.csv')) }); return z.slice(0, z.length >> 1); }, refused: /zip file is damaged/ },
    { name: 'Pocket HTML cut off', data: () => fixture('pocket', 'ril_export.html').slice(0, 300), refused: /cut off/ },
    { name: 'CSV row cut off', data: () => fixture('pocket', 'part_000000.csv').slice(0, fixture('pocket', 'part_000000.csv').indexOf(',longread')), refused: /has 3 fields/ },
    { name: 'articles dropped (count mismatch)', data: (f) => JSON.stringify({ ...f, articles: f.articles.slice(1) }), refused: /incomplete/ },
    // Huge.
    { name: 'file over the size limit', data: (_, t) => t, limits: { maxFileBytes: 512 }, refused: /too large/ },
    { name: 'zip declaring 200 MB', data: () => lyingZip({ 'part_000000.csv': strToU8(fixture('pocket', 'part_000000.csv')) }, 200 * 1024 * 1024), refused: /would unpack to 200 MB/ },
    { name: 'zip bomb over the cap', data: () => zipSync({ 'part_000000.csv': new Uint8Array(2 * 1024 * 1024) }, { level: 9 }), limits: { maxUnzippedBytes: 1024 * 1024 }, refused: /would unpack to 2 MB/ },
    { name: 'too many entries', data: (_, t) => t, limits: { maxEntries: 1 }, refused: /more than 1 entries/ },
    // Wrong types.
    { name: 'articles is an object', data: (f) => JSON.stringify({ ...f, articles: {} }), refused: /no list of articles/ },
    { name: 'a record is a number', data: (f) => JSON.stringify({ ...f, articles: [1, ...f.articles.slice(1)] }), refused: /the record is missing/ },
    { name: 'title is a number', data: (f) => edit(f, (a) => (a.article.title = 42)), refused: /article\.title is not text/ },
    { name: 'tags is a string', data: (f) => edit(f, (a) => (a.tags = 'a,b')), refused: /tags is not a list of text/ },
    { name: 'savedAt is text', data: (f) => edit(f, (a) => (a.savedAt = '2026-01-01')), refused: /savedAt is not a number/ },
    { name: 'deletedAt is text', data: (f) => edit(f, (a) => (a.deletedAt = 'yesterday')), refused: /deletedAt is not a number/ },
    { name: 'position is null', data: (f) => edit(f, (a) => (a.position = null)), refused: /position is missing/ },
    { name: 'read is text', data: (f) => edit(f, (a) => (a.read = 'yes')), refused: /read is not true or false/ },
    { name: 'dir is up', data: (f) => edit(f, (a) => (a.article.dir = 'up')), refused: /article\.dir/ },
    { name: 'leadImage is text', data: (f) => edit(f, (a) => (a.article.leadImage = 'https://x/y.jpg')), refused: /article\.leadImage is missing/ },
    { name: 'imageData is not a list', data: (f) => edit(f, (a) => (a.imageData = { 0: 1 })), refused: /imageData is not a list/ },
    { name: 'image data not base64', data: (f) => edit(f, (a) => (a.imageData[0].base64 = '!!')), refused: /not valid base64/ },
    { name: 'a number where the file should be', data: () => '12345', refused: /not a Pocket export|not a Jernih export|CSV/ },
    // Addresses.
    { name: 'javascript: page', data: (f) => edit(f, (a) => (a.article.url = 'javascript:alert(1)')), refused: /article\.url is not a web address/ },
    { name: 'file: canonical URL', data: (f) => edit(f, (a) => (a.canonicalUrl = 'file:///etc/passwd')), refused: /canonicalUrl is not a web address/ },
    { name: 'data: lead picture', data: (f) => edit(f, (a) => (a.article.leadImage.src = 'data:image/svg+xml,<svg onload=alert(1)>')), refused: /leadImage\.src is not a web address/ },
    { name: 'javascript: missing page', data: (f) => edit(f, (a) => (a.article.pages = { joined: 1, total: 2, missing: [{ page: 2, url: 'javascript:1', reason: '' }] })), refused: /missing\[0\]\.url is not a web address/ },
    // Prototype keys.
    { name: '__proto__ as the whole file', data: () => '{"__proto__":{"format":"jernih-library","version":1,"count":0,"articles":[]}}', refused: /not a Jernih export/ },
    { name: '__proto__ and constructor inside a record', data: (_, t) => t.replace('"article":{', '"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"article":{"__proto__":{"polluted":1},') },
    { name: '__proto__ inside an Omnivore entry', data: () => '[{"url":"https://o.example/a","__proto__":{"polluted":1},"savedAt":"2025-01-01","labels":[{"__proto__":{"polluted":1},"name":"x"}]}]' },
    // Accepted, but never more than the plan: a trash mark over a live article, far-future dates, a page as a picture.
    { name: 'deletedAt over a live article, dates in 287,000 AD, an HTML "picture"', data: (f) => edit(f, (a, all) => {
      for (const x of all.articles) Object.assign(x, { deletedAt: NOW, updatedAt: 9e15, savedAt: 9e15 });
      a.imageData[0] = { ...a.imageData[0], type: 'image/png', base64: bytesToBase64(HTML) };
    }) },
  ];

  it(`${cases.length} hostile files: refused with a message and nothing changed, or only what the plan said`, async () => {
    const file = await exportOf(1, 2);
    const text = JSON.stringify(file);
    let refusals = 0;
    let accepted = 0;
    for (const c of cases) {
      const { lib, factory, env, saved } = await libraryWithOne();
      const before = await dumpDatabase(factory, env.name!);
      const data = c.data(file, text);
      const o = { ...opts, limits: c.limits };
      if (c.refused) {
        const err = await prepareImport(lib, data, o).then((p) => applyImport(lib, p)).catch((e) => e);
        expect(err, c.name).toBeInstanceOf(LibraryImportError);
        expect(err.message, c.name).toMatch(c.refused);
        expect(err.message, c.name).toMatch(/Nothing was imported\.$/);
        expect(await dumpDatabase(factory, env.name!), c.name).toEqual(before);
        refusals++;
        continue;
      }
      const prepared = await prepareImport(lib, data, o);
      expect(await dumpDatabase(factory, env.name!), `${c.name}: planning wrote`).toEqual(before);
      const report = await applyImport(lib, prepared);
      const { plan } = prepared;
      expect([report.added, report.updated, report.replaced], c.name).toEqual([plan.added, plan.updated, plan.replaced]);
      expect(await lib.count({}) + (await lib.count({ trashed: true })), c.name).toBe(1 + plan.added);
      // The saved article is live, whatever the file said, and nothing got a prototype.
      expect((await lib.get(saved.id))!.deletedAt, c.name).toBeNull();
      expect(({} as any).polluted, c.name).toBeUndefined();
      for (const { record } of await lib.records({ includeTrashed: true })) {
        expect(record.updatedAt, c.name).toBeLessThanOrEqual(NOW + DAY);
        expect(Object.getPrototypeOf(record.article), c.name).toBe(Object.prototype);
        for (const b of (await lib.images(record.id)).values()) expect(sniffImageType(new Uint8Array(await b.arrayBuffer())), c.name).toBe(b.type);
      }
      accepted++;
    }
    expect({ refusals, accepted }).toEqual({ refusals: 28, accepted: 3 });
  });
});
