// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { IDBFactory } from 'fake-indexeddb';
import { FIXTURES, domDocument, dumpDatabase, failingFactory, fakeImages, fixture, fixtureBytes, makeArticle, newLibrary } from '../helpers/library';
import { importFile, parseImport } from '../../utils/library/import';
import { exportJson } from '../../utils/library/export';
import { parseCsv } from '../../utils/library/csv';
import { LibraryImportError, LibraryQuotaError } from '../../utils/library/types';

const NOW = () => Date.UTC(2026, 1, 1);
const doc = domDocument();
const opts = { doc, now: NOW };

/** A zip of a fixture folder, as the service hands it out. */
function zipFolder(dir: string): Uint8Array {
  const files: Zippable = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p)] = new Uint8Array(fixtureBytes(relative(FIXTURES, p)));
    }
  };
  walk(dir);
  return zipSync(files);
}

const omnivoreZip = () => zipFolder(join(FIXTURES, 'omnivore'));

async function summaries(lib: ReturnType<typeof newLibrary>['lib']) {
  return (await lib.list({ limit: 500 })).items;
}

describe('import: Pocket', () => {
  it('reads the HTML export: links, tags, dates, read state; link-only entries that need content', async () => {
    const { lib } = newLibrary();
    const report = await importFile(lib, fixture('pocket', 'ril_export.html'), opts);
    expect(report).toEqual({ format: 'pocket-html', total: 4, added: 3, updated: 0, replaced: 0, skipped: 1 });
    const list = await summaries(lib);
    expect(list.map((s) => [s.title, s.read, s.tags, new Date(s.savedAt).toISOString()])).toEqual([
      ['Banjir Rob Rendam Jakarta Utara', false, ['jakarta', 'banjir'], '2025-11-02T03:30:00.000Z'],
      ['Tea & Biscuits', false, [], '2023-11-14T22:13:20.000Z'],
      ['A Long Read', true, ['longread', 'essay'], '2020-09-13T12:26:40.000Z'],
    ]);
    expect(list.every((s) => s.needsContent)).toBe(true);
    const tea = (await lib.getByUrl('https://example.org/notes/tea?b=2&a=1'))!;
    expect(tea.article).toMatchObject({ url: 'https://example.org/notes/tea?a=1&b=2', title: 'Tea & Biscuits', contentHtml: '', siteName: 'example.org' });
    expect(tea.needsContent).toBe(true);
  });

  it('reads the CSV export, plain or zipped (part_000000.csv)', async () => {
    const csv = fixture('pocket', 'part_000000.csv');
    const plain = newLibrary().lib;
    expect(await importFile(plain, csv, opts)).toEqual({ format: 'pocket-csv', total: 4, added: 3, updated: 0, replaced: 0, skipped: 1 });
    const zipped = newLibrary().lib;
    expect(await importFile(zipped, zipSync({ 'part_000000.csv': strToU8(csv) }), opts)).toMatchObject({ format: 'pocket-csv', added: 3 });
    const list = await summaries(plain);
    expect(list.map((s) => [s.title, s.read, s.tags])).toEqual([
      ['Harga Beras Naik, Pedagang Mengeluh', false, ['ekonomi', 'pangan']],
      ['Quotes "inside" a title', false, []],
      ['A Long Read', true, ['longread']],
    ]);
    expect(list.map((s) => s.id)).toHaveLength(3);
  });
});

describe('import: Instapaper', () => {
  it('reads URL,Title,Selection,Folder,Timestamp: folders become tags, Archive is read, other schemes are skipped', async () => {
    const { lib } = newLibrary();
    const report = await importFile(lib, fixture('instapaper', 'instapaper-export.csv'), opts);
    expect(report).toEqual({ format: 'instapaper-csv', total: 5, added: 4, updated: 0, replaced: 0, skipped: 1 });
    const list = await summaries(lib);
    expect(list.map((s) => [s.title, s.read, s.tags])).toEqual([
      ['In Praise of Slow Reading', false, []],
      ['A World Story', true, []],
      ['Go Generics', false, ['programming']],
      ['Async Rust Explained', false, ['starred']],
    ]);
    expect(list[0].excerpt).toBe('Reading slowly is a habit worth keeping,\neven online.');
  });
});

describe('import: Omnivore', () => {
  it('reads the metadata files of the export zip: labels, state, progress; deleted items are skipped', async () => {
    const { lib } = newLibrary();
    const report = await importFile(lib, omnivoreZip(), opts);
    expect(report).toEqual({ format: 'omnivore', total: 4, added: 3, updated: 0, replaced: 0, skipped: 1 });
    const list = await summaries(lib);
    expect(list.map((s) => [s.title, s.read, s.tags, s.progress])).toEqual([
      ['Banjir Rob Rendam Jakarta Utara', false, ['jakarta', 'banjir'], 0.4],
      ['Newsletter Issue 12', false, ['newsletter'], 0],
      ['An Archived Essay', true, [], 1],
    ]);
    expect(list[0]).toMatchObject({ byline: 'Nirmala Maulana Achmad', leadImageUrl: 'https://asset.kompas.com/crops/rob-utara.jpg', needsContent: true });
    // One metadata file on its own (unzipped by the person) is read too.
    const single = newLibrary().lib;
    expect(await importFile(single, fixture('omnivore', 'metadata_3_to_4.json'), opts)).toMatchObject({ format: 'omnivore', added: 1 });
  });
});

describe('import: merging without duplicates', () => {
  it('the same page from several services is one entry; known pages only gain tags; a second import adds nothing', async () => {
    const { fetchImage } = fakeImages();
    const { lib } = newLibrary({ fetchImage });
    const saved = await lib.save({
      ...makeArticle(1),
      url: 'https://www.kompas.com/read/2025/11/02/10300061/banjir-rob-jakarta-utara',
    });
    // Pocket has it (with utm_source) with two tags: the saved article gains them.
    expect(await importFile(lib, fixture('pocket', 'ril_export.html'), opts)).toMatchObject({ added: 2, updated: 1, skipped: 1 });
    // Omnivore has it as amp.kompas.com with the same tags: nothing new for it.
    expect(await importFile(lib, omnivoreZip(), opts)).toMatchObject({ added: 2, updated: 0, skipped: 2 });
    expect(await importFile(lib, omnivoreZip(), opts)).toMatchObject({ added: 0, updated: 0, skipped: 4 });
    expect(await lib.count()).toBe(5);
    const r = (await lib.get(saved.id))!;
    // The saved article keeps its body and images: an import never replaces content with a bare link.
    expect(r.needsContent).toBe(false);
    expect(r.article.title).toBe('Judul berita 1');
    expect(r.tags).toEqual(['jakarta', 'banjir']);
    expect(r.images).toHaveLength(2);
  });

  it('saving a link-only entry later fills in its content and keeps its tags, date and read state', async () => {
    const { lib } = newLibrary();
    await importFile(lib, fixture('pocket', 'part_000000.csv'), opts);
    const link = (await lib.getByUrl('https://example.com/long-read'))!;
    const res = await lib.save(makeArticle(5, { url: 'https://www.example.com/long-read/', title: 'A Long Read, in full' }));
    expect(res).toMatchObject({ id: link.id, created: false });
    const full = (await lib.get(link.id))!;
    expect(full).toMatchObject({ needsContent: false, tags: ['longread'], savedAt: link.savedAt, read: true });
    expect(full.article.contentHtml).toContain('Berita nomor 5');
  });
});

describe('import: files that are damaged, cut off or foreign are refused and change nothing', () => {
  async function expectRefused(data: Uint8Array | string, message: RegExp) {
    const { fetchImage } = fakeImages();
    const { lib, env, factory } = newLibrary({ fetchImage });
    await lib.save(makeArticle(1), { tags: ['keep'] });
    await importFile(lib, fixture('pocket', 'part_000000.csv'), opts);
    const before = await dumpDatabase(factory, env.name!);
    const err = await importFile(lib, data, opts).catch((e) => e);
    expect(err).toBeInstanceOf(LibraryImportError);
    expect(err.code).toBe('import-invalid');
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/Nothing was imported\.$/);
    expect(await dumpDatabase(factory, env.name!)).toEqual(before);
  }

  it('Jernih JSON: cut off, missing articles, damaged image data, wrong field types, a newer version', async () => {
    const { fetchImage } = fakeImages();
    const src = newLibrary({ fetchImage }).lib;
    await src.save(makeArticle(7));
    await src.save(makeArticle(8));
    const json = await exportJson(src);
    await expectRefused(json.slice(0, Math.floor(json.length * 0.7)), /damaged or incomplete/);
    const parsed = JSON.parse(json);
    await expectRefused(JSON.stringify({ ...parsed, articles: parsed.articles.slice(1) }), /incomplete: it says 2 articles but holds 1/);
    const badImage = structuredClone(parsed);
    badImage.articles[0].imageData[0].base64 = 'not base64!';
    await expectRefused(JSON.stringify(badImage), /Article 1 .* image 1 is not valid base64/);
    const badField = structuredClone(parsed);
    badField.articles[1].article.title = 42;
    await expectRefused(JSON.stringify(badField), /Article 2 .*article\.title is not text/);
    const badUrl = structuredClone(parsed);
    badUrl.articles[1].article.url = 'javascript:alert(1)';
    await expectRefused(JSON.stringify(badUrl), /not a web address/);
    const mismatch = structuredClone(parsed);
    mismatch.articles[0].images.pop();
    await expectRefused(JSON.stringify(mismatch), /image list and its image data do not match/);
    await expectRefused(JSON.stringify({ ...parsed, version: 99 }), /newer version of Jernih/);
  });

  it('other formats: cut-off Pocket HTML and CSV, a damaged zip, foreign files, binary data, an empty file', async () => {
    const html = fixture('pocket', 'ril_export.html');
    await expectRefused(html.slice(0, html.indexOf('<h1>Read Archive')), /Pocket file looks cut off/);
    const csv = fixture('instapaper', 'instapaper-export.csv');
    await expectRefused(csv.slice(0, csv.indexOf('even online')), /quoted field is not closed/);
    const pocketCsv = fixture('pocket', 'part_000000.csv');
    await expectRefused(pocketCsv.slice(0, pocketCsv.indexOf(',longread')), /Row 3 .* has 3 fields where the header has 5/);
    const zip = omnivoreZip();
    await expectRefused(zip.slice(0, Math.floor(zip.length / 2)), /zip file is damaged or incomplete/);
    const damagedJsonInZip = zipSync({ 'metadata_0_to_1.json': strToU8('[{"url": "https://a.example/x", "ti') });
    await expectRefused(damagedJsonInZip, /metadata_0_to_1\.json in this Omnivore export is damaged/);
    await expectRefused(zipSync({ 'photo.txt': strToU8('hello') }), /zip is not an export Jernih can read/);
    await expectRefused(fixture('foreign', 'bookmarks.html'), /not a Pocket export/);
    await expectRefused(fixture('foreign', 'contacts.csv'), /not a Pocket export .* or an Instapaper export/);
    await expectRefused(fixture('foreign', 'package.json'), /not a Jernih export/);
    await expectRefused(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xc3, 0x28]), /not text/);
    await expectRefused('', /empty/);
  });

  it('a full disk during the merge writes nothing', async () => {
    const inner = new IDBFactory();
    const { lib, env } = newLibrary({ factory: inner, indexedDB: failingFactory(inner, 'summaries', 'quota', { on: false }) });
    await lib.save(makeArticle(1));
    const before = await dumpDatabase(inner, env.name!);
    const failing = newLibrary({ factory: inner, indexedDB: failingFactory(inner, 'summaries'), name: env.name }).lib;
    await expect(importFile(failing, fixture('pocket', 'part_000000.csv'), opts)).rejects.toBeInstanceOf(LibraryQuotaError);
    expect(await dumpDatabase(inner, env.name!)).toEqual(before);
    expect(await lib.count()).toBe(1);
  });
});

describe('import: reading without writing', () => {
  it('parseImport checks a file and says what it holds', () => {
    const p = parseImport(fixture('instapaper', 'instapaper-export.csv'), opts);
    expect(p.format).toBe('instapaper-csv');
    expect(p.items).toHaveLength(4);
    expect(p.skipped).toBe(1);
  });

  it('the CSV reader handles quotes, doubled quotes, line breaks in fields, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x,y","he said ""hi"""\r\n"line1\nline2",z\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['x,y', 'he said "hi"'],
      ['line1\nline2', 'z'],
    ]);
    expect(() => parseCsv('a,"b\nc')).toThrow(/not closed/);
  });
});
