// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '@/utils/sanitize';

describe('the sanitizer and inline data addresses (found by npm run fuzz)', () => {
  it('keeps inline raster pictures and drops inline documents on every media address', () => {
    const PNG = 'data:image/png;base64,iVBORw0KGgo=';
    const kept = sanitizeHtml(`<p><img src="${PNG}" alt="a"></p>`);
    expect(kept).toContain(PNG);
    const hostile = [
      '<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" alt="x">',
      '<img src=" data:text/html,<script>alert(1)</script>" alt="x">',
      '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="x">',
      '<video><source src="data:text/html;base64,AAAA"></video>',
      '<picture><source srcset="https://x.org/a.webp 1x, data:text/html;base64,AAAA 2x"><img src="https://x.org/a.jpg" alt=""></picture>',
      '<video poster="data:text/html,x" src="https://x.org/v.mp4"></video>',
      '<audio src="data:application/xhtml+xml,x"></audio>',
    ];
    for (const html of hostile) {
      const out = sanitizeHtml(html);
      expect(out, html).not.toMatch(/data:(?!image\/(png|jpe?g|gif|webp|avif|bmp))/i);
    }
  });
});

describe('a page with a doctype jsdom cannot clone (found by npm run fuzz)', () => {
  it('is read, not thrown on', async () => {
    const { JSDOM } = await import('jsdom');
    const { extractArticle } = await import('@/utils/extract');
    const para = 'Warga di kawasan itu bergotong royong membersihkan lumpur sejak pagi, sementara petugas memompa air dari permukiman di sekitar sungai.';
    for (const doctype of ['<!DOCTYPE <select>', '<!DOCTYPE h\u0085tml>']) {
      const dom = new JSDOM(`${doctype}<html><head><title>Judul berita</title></head><body><article><h1>Judul berita</h1>${`<p>${para}</p>`.repeat(6)}</article></body></html>`, { url: 'https://example.id/berita/1' });
      const article = extractArticle(dom.window.document, { url: 'https://example.id/berita/1' });
      expect(article?.textContent, doctype).toContain('bergotong royong');
      dom.window.close();
    }
  });
});

describe('the excerpt is what the reader shows (found by npm run fuzz)', () => {
  it('text of what the sanitizer removes from the body never reaches the excerpt', async () => {
    const { JSDOM } = await import('jsdom');
    const { extractArticle } = await import('@/utils/extract');
    const para = 'Warga di kawasan itu bergotong royong membersihkan lumpur sejak pagi, sementara petugas memompa air dari permukiman di sekitar sungai.';
    const hidden = '<title>&lt;article/onerror=alert(1)&gt; judul palsu</title><textarea>&lt;iframe srcdoc=x&gt; isian formulir</textarea>';
    const dom = new JSDOM(`<!doctype html><html><head><title>Judul berita</title></head><body><article><h1>Judul berita</h1><p>${hidden}${para}</p>${`<p>${para}</p>`.repeat(5)}</article></body></html>`, { url: 'https://example.id/berita/2' });
    const article = extractArticle(dom.window.document, { url: 'https://example.id/berita/2' })!;
    expect(article.excerpt).not.toMatch(/onerror|srcdoc|judul palsu|isian formulir/);
    expect(article.excerpt).toContain('bergotong royong');
    dom.window.close();
  });
});
