/**
 * Pathological nesting (found by npm run fuzz): long chains of empty wrappers are shortened before Readability,
 * without losing a word, and the text fields the engine hands out never carry markup.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';
import { collapseWrapperChains, LONGEST_CHAIN } from '@/utils/extract/wrappers';
import { plainText } from '@/utils/sanitize';

const PROSE = Array.from({ length: 6 }, (_, i) =>
  `<p>Paragraf ${i + 1}: pemerintah daerah mengumumkan rencana baru untuk memperbaiki jalan desa, dan warga menyambutnya dengan rapat terbuka di balai desa pada hari Minggu.</p>`).join('');

function depthOf(root: Element): number {
  let deepest = 0;
  const todo: [Element, number][] = [[root, 0]];
  while (todo.length) {
    const [el, d] = todo.pop()!;
    deepest = Math.max(deepest, d);
    for (const c of Array.from(el.children)) todo.push([c, d + 1]);
  }
  return deepest;
}

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html lang="id"><head><title>Jalan desa diperbaiki</title></head><body>${body}</body></html>`, 'text/html');
}

describe('wrapper chains', () => {
  it('a thousand nested <div>s around an article become a short chain, with every word in its place', () => {
    const doc = page(`<header><a href="/">Beranda</a></header>${'<div>\n'.repeat(1000)}${PROSE}${'</div>'.repeat(1000)}<footer>Hak cipta</footer>`);
    const before = doc.body.textContent!.replace(/\s+/g, ' ').trim();
    const dropped = collapseWrapperChains(doc.body);
    expect(dropped).toBeGreaterThan(900);
    expect(depthOf(doc.body)).toBeLessThanOrEqual(LONGEST_CHAIN);
    expect(doc.body.textContent!.replace(/\s+/g, ' ').trim()).toBe(before);
    expect(doc.querySelectorAll('p')).toHaveLength(6);
  });

  it('chains of other elements keep the links right above the content (a <td> stays in its row)', () => {
    const doc = page(`${'<table><tr><td>'.repeat(300)}${PROSE}${'</td></tr></table>'.repeat(300)}`);
    const before = doc.body.textContent;
    collapseWrapperChains(doc.body);
    expect(doc.body.textContent).toBe(before);
    const firstP = doc.querySelector('p')!;
    expect(firstP.parentElement!.tagName).toBe('TD');
    expect(firstP.parentElement!.parentElement!.tagName).toBe('TR');
  });

  it('a page of 1 000 unclosed tags (each level with an empty copy of a link beside it) is shortened too', () => {
    const tags = ['<section>', '<blockquote>', '<b>', '<a href="/x">', '<span>'];
    const doc = page(`${Array.from({ length: 1000 }, (_, i) => tags[i % tags.length]).join('')}${PROSE}`);
    const before = doc.body.textContent!.replace(/\s+/g, ' ').trim();
    expect(depthOf(doc.body)).toBeGreaterThan(400);
    collapseWrapperChains(doc.body);
    expect(depthOf(doc.body)).toBeLessThanOrEqual(LONGEST_CHAIN);
    expect(doc.body.textContent!.replace(/\s+/g, ' ').trim()).toBe(before);
  });

  it('real pages\' short chains and wrappers that hold text are left as they are', () => {
    const html = `${'<div class="w">'.repeat(LONGEST_CHAIN)}${PROSE}${'</div>'.repeat(LONGEST_CHAIN)}<div>${'<div>x '.repeat(60)}${'</div>'.repeat(60)}</div>`;
    const doc = page(html);
    const serialized = doc.body.innerHTML;
    expect(collapseWrapperChains(doc.body)).toBe(0);
    expect(doc.body.innerHTML).toBe(serialized);
  });

  it('the engine reads an article buried under 1 000 wrappers, whole', () => {
    const doc = page(`${'<div>'.repeat(1000)}<article><h1>Jalan desa diperbaiki</h1>${PROSE}</article>${'</div>'.repeat(1000)}`);
    const article = extractArticle(doc, { url: 'https://example.com/berita/jalan-desa' });
    expect(article).not.toBeNull();
    for (let i = 1; i <= 6; i++) expect(article!.textContent).toContain(`Paragraf ${i}:`);
    // The page itself is not changed: the engine works on a copy.
    expect(depthOf(doc.body)).toBeGreaterThan(1000);
  });
});

describe('text fields carry no markup', () => {
  it('tags go; a "<" that starts no tag is text and stays', () => {
    expect(plainText('Harga naik <b>5%</b> pekan ini')).toBe('Harga naik 5% pekan ini');
    expect(plainText('Suhu 5 < 6 derajat, kata BMKG')).toBe('Suhu 5 < 6 derajat, kata BMKG');
    expect(plainText('a <script>alert(1)</script> b')).toBe('a b');
    expect(plainText('x <!-- note --> y')).toBe('x y');
  });

  it('the excerpt from the body has no markup, even when the page writes tags as text', () => {
    const doc = page(`<article><h1>Tag HTML</h1><p>Di halaman ini tertulis &lt;script&gt;alert(1)&lt;/script&gt; sebagai teks, dan paragraf ini cukup panjang untuk menjadi ringkasan sebuah artikel berita.</p>${PROSE}</article>`);
    const article = extractArticle(doc, { url: 'https://example.com/berita/tag-html' })!;
    expect(article.excerpt).not.toMatch(/<[a-z/!?]/i);
    // The body keeps the words as the page showed them.
    expect(article.textContent).toContain('<script>alert(1)</script>');
  });
});
