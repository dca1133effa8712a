// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { domDocument, fakeImageText, fakeImages, makeArticle, newLibrary } from '../helpers/library';
import { exportEpub, exportJson, exportMarkdownZip, slugify, type JernihExport } from '../../utils/library/export';
import { importFile } from '../../utils/library/import';
import type { Library } from '../../utils/library/library';

const FIXED = () => Date.UTC(2026, 1, 1, 12, 0, 0);

async function populated() {
  const { fetchImage } = fakeImages();
  const t = newLibrary({ fetchImage });
  const { lib } = t;
  const one = makeArticle(1);
  const a = await lib.save({ ...one, contentHtml: `${one.contentHtml}<p><img src="https://asset.kompas.com/large-1.jpg" alt="Besar"></p>` }, { tags: ['banjir', 'jakarta'] });
  const b = await lib.save(
    makeArticle(2, {
      title: 'Tabel & kode: <yang> rumit',
      leadImage: null,
      // What pages leave behind: unclosed tags, a bare &, <br>, a player, an image that was not stored, a control character.
      contentHtml:
        '<h2>Data</h2><p>Satu & dua<br>tiga\u0007<p>Empat <em>miring <strong>tebal</em></strong>' +
        '<table><tr><th>Kota</th><th>Hujan</th></tr><tr><td>Bogor</td><td>120 | mm</td></tr></table>' +
        '<pre><code class="language-ts">const a = 1 < 2;</code></pre>' +
        '<iframe src="https://www.youtube.com/embed/abc123"></iframe>' +
        '<img src="https://asset.kompas.com/body-2.png" alt="Grafik"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">' +
        '<ul><li>satu</li><li>dua<ul><li>dua.a</li></ul></li></ul><blockquote><p>Kutipan</p></blockquote><a href="/relatif">tautan</a>',
    }),
  );
  await lib.markRead(b.id);
  await lib.setPosition(a.id, { progress: 0.3, block: 2 });
  await lib.merge([{ kind: 'link', url: 'https://example.org/later', title: 'Read later', tags: ['later'], savedAt: 1_700_000_000_000, read: false }]);
  const c = await lib.save(makeArticle(3));
  await lib.delete(c.id);
  return { ...t, a: a.id, b: b.id, c: c.id };
}

async function allRecords(lib: Library, includeTrashed = false) {
  const recs = await lib.records({ includeTrashed });
  return Promise.all(
    recs.map(async ({ record, images }) => ({
      record: { ...record, rev: 0 },
      images: await Promise.all(images.map(async (i) => ({ url: i.url, type: i.blob.type, bytes: Array.from(new Uint8Array(await i.blob.arrayBuffer())) }))),
    })),
  );
}

describe('export: JSON', () => {
  it('is complete and versioned, and a round trip into an empty library gives identical records and images', async () => {
    const { lib } = await populated();
    const json = await exportJson(lib, { now: FIXED });
    const parsed = JSON.parse(json) as JernihExport;
    expect(parsed).toMatchObject({ format: 'jernih-library', version: 1, exportedAt: '2026-02-01T12:00:00.000Z', schemaVersion: 2, count: 3 });
    expect(parsed.articles.map((a) => a.article.title)).toEqual(['Tabel & kode: <yang> rumit', 'Judul berita 1', 'Read later']);
    expect(parsed.articles[1].imageData.map((i) => i.url)).toEqual([
      'https://asset.kompas.com/lead-1.jpg',
      'https://asset.kompas.com/body-1.jpg',
      'https://asset.kompas.com/large-1.jpg',
    ]);
    expect(parsed.articles[1].imageData[2].base64.length).toBe(Math.ceil(70_001 / 3) * 4);
    expect(parsed.articles[0]).not.toHaveProperty('rev');

    const empty = newLibrary().lib;
    const report = await importFile(empty, json);
    expect(report).toEqual({ format: 'jernih-json', total: 3, added: 3, updated: 0, replaced: 0, skipped: 0 });
    expect(await allRecords(empty)).toEqual(await allRecords(lib));
    // Byte for byte the same export again.
    expect(await exportJson(empty, { now: FIXED })).toBe(json);
    // Importing it once more changes nothing.
    expect(await importFile(empty, json)).toMatchObject({ added: 0, updated: 0, skipped: 3 });
  });

  it('exports a selection, and the trash only when asked', async () => {
    const { lib, a, c } = await populated();
    const one = JSON.parse(await exportJson(lib, { ids: [a] })) as JernihExport;
    expect(one.articles.map((x) => x.id)).toEqual([a]);
    const withTrash = JSON.parse(await exportJson(lib, { includeTrashed: true })) as JernihExport;
    expect(withTrash.count).toBe(4);
    const empty = newLibrary().lib;
    await importFile(empty, JSON.stringify(withTrash));
    expect(await allRecords(empty, true)).toEqual(await allRecords(lib, true));
    expect((await empty.get(c))!.deletedAt).not.toBeNull();
  });

  it('a newer copy in the file updates an older copy in the library; an older one only adds tags', async () => {
    const { lib, a } = await populated();
    const json = JSON.parse(await exportJson(lib, { ids: [a] })) as JernihExport;
    const other = newLibrary().lib;
    await importFile(other, JSON.stringify(json));
    json.articles[0].article.title = 'Judul diperbarui';
    json.articles[0].updatedAt += 1000;
    expect(await importFile(other, JSON.stringify(json))).toMatchObject({ added: 0, updated: 0, replaced: 1, skipped: 0 });
    expect((await other.get(a))!.article.title).toBe('Judul diperbarui');
    json.articles[0].article.title = 'Judul lama';
    json.articles[0].updatedAt -= 5000;
    json.articles[0].tags.push('baru');
    expect(await importFile(other, JSON.stringify(json))).toMatchObject({ updated: 1 });
    const r = (await other.get(a))!;
    expect(r.article.title).toBe('Judul diperbarui');
    expect(r.tags).toContain('baru');
  });
});

describe('export: Markdown zip', () => {
  it('writes one .md per article with YAML front matter, and the images beside them', async () => {
    const { lib } = await populated();
    const files = unzipSync(await exportMarkdownZip(lib, { doc: domDocument(), now: FIXED }));
    const names = Object.keys(files).sort();
    const mds = names.filter((n) => n.endsWith('.md'));
    expect(mds).toHaveLength(3);
    expect(names.filter((n) => n.startsWith('images/'))).toHaveLength(4);

    const md1 = strFromU8(files[mds.find((n) => n.includes('judul-berita-1'))!]);
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(md1)![1];
    const fields = Object.fromEntries(fm.split('\n').map((l) => [l.slice(0, l.indexOf(':')), JSON.parse(l.slice(l.indexOf(':') + 1))]));
    expect(fields).toMatchObject({
      title: 'Judul berita 1',
      url: makeArticle(1).url,
      site: 'Kompas.com',
      tags: ['banjir', 'jakarta'],
      read: false,
      lang: 'id',
      link_only: false,
    });
    expect(md1).toContain('# Judul berita 1');
    expect(md1).toMatch(/!\[Foto 1\]\(images\/[\w-]+-1\.jpg\)/);
    expect(md1).toMatch(/!\[Gambar 1\]\(images\/[\w-]+-2\.jpg\)/);
    expect(md1).toContain('*Gambar 1*');
    expect(md1).toContain('Paragraf kedua 1 & penutup.');

    const md2 = strFromU8(files[mds.find((n) => n.includes('tabel'))!]);
    expect(md2).toContain('## Data');
    expect(md2).toContain('Satu & dua  \ntiga\n\nEmpat *miring **tebal***');
    expect(md2).toContain('| Kota | Hujan |');
    expect(md2).toContain('| Bogor | 120 \\| mm |');
    expect(md2).toContain('```ts\nconst a = 1 < 2;\n```');
    expect(md2).toContain('\n\n[Video](https://www.youtube.com/embed/abc123)\n\n');
    expect(md2).toContain('- dua\n  - dua.a');
    expect(md2).toContain('> Kutipan');
    expect(md2).toContain('[tautan](https://www.kompas.com/relatif)');

    const link = strFromU8(files[mds.find((n) => n.includes('read-later'))!]);
    expect(link).toContain('link_only: true');
    expect(link).toContain('[https://example.org/later](https://example.org/later)');
  });

  it('makes safe, unique file names', () => {
    expect(slugify('Bénédicte: Ça va? / 100%!')).toBe('benedicte-ca-va-100');
    expect(slugify('日本語')).toBe('article');
  });
});

describe('export: EPUB 3', () => {
  it('is a valid container: mimetype first and stored, container.xml, OPF with manifest and spine, nav, one XHTML per article, images', async () => {
    const { lib } = await populated();
    const bytes = await exportEpub(lib, { doc: domDocument(), now: FIXED, identifier: 'urn:uuid:00000000-0000-4000-8000-000000000000' });

    // The first local file header: name "mimetype", method 0 (stored), no extra field, then the bytes themselves.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0);
    expect(view.getUint16(26, true)).toBe(8);
    expect(view.getUint16(28, true)).toBe(0);
    expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype');
    expect(strFromU8(bytes.subarray(38, 58))).toBe('application/epub+zip');

    const files = unzipSync(bytes);
    const win = domDocument().defaultView!;
    const parseXml = (name: string, type: DOMParserSupportedType = 'application/xml') => {
      expect(files[name], name).toBeDefined();
      const d = new win.DOMParser().parseFromString(strFromU8(files[name]), type);
      expect(d.getElementsByTagName('parsererror').length, `${name} is well-formed`).toBe(0);
      return d;
    };
    const container = parseXml('META-INF/container.xml');
    expect(container.querySelector('rootfile')!.getAttribute('full-path')).toBe('OEBPS/content.opf');

    const opf = parseXml('OEBPS/content.opf');
    expect(opf.documentElement.getAttribute('version')).toBe('3.0');
    expect(opf.getElementsByTagName('dc:identifier')[0].textContent).toBe('urn:uuid:00000000-0000-4000-8000-000000000000');
    expect(opf.querySelector('meta[property="dcterms:modified"]')!.textContent).toBe('2026-02-01T12:00:00Z');
    const items = Array.from(opf.getElementsByTagName('item'));
    // Every file of the book is in the manifest, and every manifest entry is in the zip.
    const inZip = Object.keys(files).filter((n) => n.startsWith('OEBPS/') && n !== 'OEBPS/content.opf').sort();
    expect(items.map((i) => `OEBPS/${i.getAttribute('href')}`).sort()).toEqual(inZip);
    expect(items.find((i) => i.getAttribute('properties') === 'nav')!.getAttribute('href')).toBe('nav.xhtml');
    const spine = Array.from(opf.getElementsByTagName('itemref')).map((r) => r.getAttribute('idref'));
    expect(spine).toEqual(['nav', 'a1', 'a2', 'a3']);
    expect(items.filter((i) => i.getAttribute('media-type') === 'image/jpeg')).toHaveLength(3);
    expect(items.filter((i) => i.getAttribute('media-type') === 'image/png')).toHaveLength(1);

    const nav = parseXml('OEBPS/nav.xhtml', 'application/xhtml+xml');
    expect(nav.querySelector('nav')!.getAttribute('epub:type')).toBe('toc');
    expect(Array.from(nav.querySelectorAll('nav li a')).map((a) => a.textContent)).toEqual(['Tabel & kode: <yang> rumit', 'Judul berita 1', 'Read later']);

    for (const n of [1, 2, 3]) parseXml(`OEBPS/a${n}.xhtml`, 'application/xhtml+xml');
    const a1 = parseXml('OEBPS/a1.xhtml', 'application/xhtml+xml');
    const tricky = strFromU8(files['OEBPS/a1.xhtml']);
    expect(tricky.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"')).toBe(true);
    expect(a1.querySelector('h1')!.textContent).toBe('Tabel & kode: <yang> rumit');
    expect(tricky).toContain('Satu &amp; dua<br />tiga');
    expect(tricky).not.toContain('\u0007');
    expect(tricky).not.toContain('<iframe');
    expect(tricky).toContain('href="https://www.youtube.com/embed/abc123"');
    expect(tricky).toContain('href="https://www.kompas.com/relatif"');
    expect(tricky).not.toMatch(/loading=|decoding=/);
    // The stored image is in the book; data: images are inline already; nothing points at the web.
    const srcs = Array.from(a1.querySelectorAll('img')).map((i) => i.getAttribute('src'));
    expect(srcs.filter((s) => !s!.startsWith('data:'))).toEqual(['images/a1-1.png']);
    expect(fakeImageText(files['OEBPS/images/a1-1.png'])).toBe('img:https://asset.kompas.com/body-2.png');

    const a2 = parseXml('OEBPS/a2.xhtml', 'application/xhtml+xml');
    expect(Array.from(a2.querySelectorAll('img')).map((i) => i.getAttribute('src'))).toEqual(['images/a2-1.jpg', 'images/a2-2.jpg', 'images/a2-3.jpg']);
    expect(files['OEBPS/images/a2-3.jpg']).toHaveLength(70_001);
    expect(a2.documentElement.getAttribute('xml:lang')).toBe('id');
  });
});
