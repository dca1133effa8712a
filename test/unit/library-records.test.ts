// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../utils/library/canonical';
import { normalizeTags, clampPosition, summaryOf, applySave } from '../../utils/library/records';
import { decodeAttr, fetchImages, imageUrlsOf, rewriteImageSrc } from '../../utils/library/images';
import { base64ToBytes, bytesToBase64 } from '../../utils/library/base64';
import { makeArticle } from '../helpers/library';

describe('canonicalUrl (the dedupe key)', () => {
  it.each([
    ['https://WWW.Kompas.com/read/1/judul', 'https://kompas.com/read/1/judul'],
    ['http://kompas.com/read/1/judul', 'https://kompas.com/read/1/judul'],
    ['https://m.detik.com/news/d-1/x', 'https://detik.com/news/d-1/x'],
    ['https://amp.kompas.com/read/1/judul', 'https://kompas.com/read/1/judul'],
    ['https://www.m.example.com/a', 'https://example.com/a'],
    ['https://kompas.com/read/1/judul/?utm_source=fb&utm_medium=social&fbclid=x&gclid=y#comments', 'https://kompas.com/read/1/judul'],
    ['https://kompas.com/read/1/judul?page=all', 'https://kompas.com/read/1/judul'],
    ['https://news.detik.com/d-1/x?single=1', 'https://news.detik.com/d-1/x'],
    // Meaningful parameters stay, in a stable order.
    ['https://example.com/view?id=42&lang=id', 'https://example.com/view?id=42&lang=id'],
    ['https://example.com/view?lang=id&id=42&utm_campaign=z', 'https://example.com/view?id=42&lang=id'],
    ['https://kompas.com/read/1/judul?page=2', 'https://kompas.com/read/1/judul?page=2'],
    ['https://example.com/', 'https://example.com/'],
    ['https://example.com:443/a', 'https://example.com/a'],
    // A host that is only "m." + a top-level domain is not a mobile edition.
    ['https://m.me/page', 'https://m.me/page'],
    ['https://user:pw@example.com/a', 'https://example.com/a'],
  ])('%s -> %s', (input, key) => {
    expect(canonicalUrl(input)).toBe(key);
  });

  it('refuses what is not a web page', () => {
    expect(() => canonicalUrl('not a url')).toThrow(/Not a web address/);
    expect(() => canonicalUrl('ftp://example.com/x')).toThrow(/Only web pages/);
  });
});

describe('records', () => {
  it('normalizes tags: trimmed, one spelling, unique, bounded', () => {
    expect(normalizeTags([' Politik', 'politik', 'Jakarta   Utara', '', 3, null, 'x'.repeat(100)])).toEqual([
      'politik',
      'jakarta utara',
      'x'.repeat(64),
    ]);
    expect(normalizeTags(Array.from({ length: 80 }, (_, i) => `t${i}`))).toHaveLength(50);
  });

  it('clamps the reading position', () => {
    expect(clampPosition({ progress: 0.25, block: 3.7 })).toEqual({ progress: 0.25, block: 3 });
    expect(clampPosition({ progress: NaN, block: Infinity })).toEqual({ progress: 0, block: 0 });
    expect(clampPosition(null)).toEqual({ progress: 0, block: 0 });
  });

  it('summaries are small: excerpt cut, no body', () => {
    const r = applySave(null, {
      id: 'x',
      canonicalUrl: 'https://kompas.com/a',
      article: makeArticle(1, { excerpt: 'kata '.repeat(200) }),
      tags: [],
      images: [],
      now: 1,
      rev: 1,
    });
    const s = summaryOf(r);
    expect(s.excerpt.length).toBeLessThanOrEqual(300);
    expect(s.excerpt.endsWith('…')).toBe(true);
    expect(JSON.stringify(s)).not.toContain('contentHtml');
    expect([s.unread, s.trashed]).toEqual([1, 0]);
  });
});

describe('images', () => {
  it('finds the lead image and body images, absolute and unique, web only', () => {
    const urls = imageUrlsOf({
      url: 'https://www.kompas.com/read/1',
      leadImage: { src: '/lead.jpg', alt: '', caption: null, inBody: true },
      contentHtml:
        '<p><img src="/lead.jpg" alt=""><img alt="x" src="https://cdn.example.com/a.jpg?w=1&amp;h=2"></p>' +
        "<img src='rel.png'><img src=\"data:image/gif;base64,AAAA\"><img data-src=\"lazy.jpg\"><picture><img loading=\"lazy\" src=\"//cdn.example.com/b.webp\"></picture>",
    });
    expect(urls).toEqual([
      'https://www.kompas.com/lead.jpg',
      'https://cdn.example.com/a.jpg?w=1&h=2',
      'https://www.kompas.com/read/rel.png',
      'https://cdn.example.com/b.webp',
    ]);
  });

  it('rewrites img src for exports and drops srcset; leaves unknown images alone', () => {
    const html = '<p><img src="https://a.example/x.jpg?a=1&amp;b=2" srcset="https://a.example/x2.jpg 2x" alt="A"><img src="https://b.example/y.jpg"></p>';
    const out = rewriteImageSrc(html, 'https://a.example/', (u) => (u === 'https://a.example/x.jpg?a=1&b=2' ? 'images/1.jpg' : null));
    expect(out).toBe('<p><img src="images/1.jpg" alt="A"><img src="https://b.example/y.jpg"></p>');
  });

  it('decodes attribute entities', () => {
    expect(decodeAttr('a&amp;b&#38;c&#x26;d&quot;&unknown;')).toBe('a&b&c&d"&unknown;');
  });

  it('fetches with a small pool and leaves out failures, huge files and non-images', async () => {
    let inFlight = 0;
    let peak = 0;
    const res = await fetchImages(['a', 'b', 'c', 'd', 'e', 'f', 'big', 'html', 'err'], async (u) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      if (u === 'err') throw new Error('404');
      if (u === 'big') return new Blob([new Uint8Array(9 * 1024 * 1024)], { type: 'image/jpeg' });
      if (u === 'html') return new Blob(['<html>'], { type: 'text/html' });
      // Real picture bytes (a PNG signature): stored pictures are raster images by their bytes (issue #14).
      return new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), u], { type: 'image/png' });
    });
    expect([...res.stored.keys()]).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(res.failed).toBe(3);
    expect(peak).toBeLessThanOrEqual(4);
  });
});

describe('base64', () => {
  it('round-trips bytes larger than one chunk and refuses damaged text', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7) & 255);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(bytesToBase64(new TextEncoder().encode('img'))).toBe(btoa('img'));
    expect(() => base64ToBytes('abc')).toThrow();
    expect(() => base64ToBytes('ab!d')).toThrow();
  });
});
