// @vitest-environment node
/**
 * Exports show an article's date as every view does (issue 13, point 3): the EPUB's line under each title in the
 * UI's language at the time the page stated, and the Markdown front matter keeps the zone beside the ISO time.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { domDocument, fakeImages, makeArticle, newLibrary } from '../helpers/library';
import { exportEpub, exportMarkdownZip } from '../../utils/library/export';

const kompasTime = { publishedTime: '2023-09-14T14:54:00+07:00', publishedZone: 'WIB' };

async function oneSaved() {
  const { lib } = newLibrary(fakeImages());
  await lib.save(makeArticle(1, { ...kompasTime, byline: 'Penulis Satu', siteName: 'Kompas.com' }));
  return lib;
}

describe('exports format dates like the views', () => {
  it('EPUB: the date line in Indonesian, in WIB', async () => {
    const bytes = await exportEpub(await oneSaved(), { doc: domDocument(), locale: 'id' });
    const xhtml = Object.entries(unzipSync(bytes)).find(([name]) => /OEBPS\/.*\.xhtml$/.test(name) && !name.endsWith('nav.xhtml'))!;
    expect(strFromU8(xhtml[1]).replace(/[\u00a0\u202f]/g, ' ')).toContain('Kompas.com · Penulis Satu · 14 September 2023, 14.54 WIB');
  });
  it('EPUB: in English when the UI is English', async () => {
    const bytes = await exportEpub(await oneSaved(), { doc: domDocument(), locale: 'en-US' });
    const xhtml = Object.entries(unzipSync(bytes)).find(([name]) => /OEBPS\/.*\.xhtml$/.test(name) && !name.endsWith('nav.xhtml'))!;
    expect(strFromU8(xhtml[1]).replace(/[\u00a0\u202f]/g, ' ')).toContain('September 14, 2023, 2:54 PM WIB');
  });
  it('Markdown: the zone beside the ISO time', async () => {
    const files = unzipSync(await exportMarkdownZip(await oneSaved(), { doc: domDocument() }));
    const md = strFromU8(Object.entries(files).find(([name]) => name.endsWith('.md'))![1]);
    expect(md).toContain('published: "2023-09-14T14:54:00+07:00"\npublished_zone: "WIB"\n');
  });
});
