import type { SiteAddress, SiteRule } from './types';
import { normalizeSpace, textOf } from '../dom';

/**
 * JPNN.com (www, m. and the regional {sub}.jpnn.com sites): facts in shared/notes/id-news-sites.md §17 and §0.1.
 * Body div[itemprop=articleBody] on desktop, .page-content on mobile (S2, S3, S4); author in
 * meta[name=jpnncom_news_author] (S4); clutter .baca-juga, .pagination and text lines starting "Baca juga",
 * "Baca berita", "Silakan baca", "JPNN.com", "{sub}.jpnn.com" (S3, S4); long articles are split into ?page=N
 * pages, merged page by page (S2, S3: there is no all-pages URL).
 */

/**
 * "jpnn.com, JAKARTA -" / "jabar.jpnn.com, BANDUNG -": the dateline. S4 drops every line starting with
 * "JPNN.com" or "{sub}.jpnn.com", which would drop the first paragraph with it; datelines stay (brief), so only
 * lines that are not a dateline are clutter.
 */
const DATELINE = /^([a-z0-9-]+\.)?jpnn\.com\s*,\s*[\p{Lu}][\p{Lu} .'-]*\s*[-–—]/iu;
/** Lines that are never article text (S3, S4 COMMON_TEXT_EXCLUDES). */
const CLUTTER_LINE = /^(baca juga|baca berita|silakan baca|([a-z0-9-]+\.)?jpnn\.com)\b/i;

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const jpnnAddress: SiteAddress = {
  id: 'jpnn',
  name: 'JPNN.com',
  hosts: ['jpnn.com'],
  // www.jpnn.com/news/{slug} and m.jpnn.com/news/{slug}; regional {sub}.jpnn.com/{kanal}/{id}/{slug} (S2 path
  // regex /(news|[a-z-]+\/\d+)\/.+/); pages 2.. add ?page=N. Tag, kanal and index pages have no slug after an id.
  articleUrl: /^\/(?:amp\/)?(?:news\/[a-z0-9-]+|[a-z0-9-]+\/\d+\/[a-z0-9-]+)\/?(?:\?.*)?$/i,
};

export const jpnn: SiteRule = {
  ...jpnnAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://www.jpnn.com/news/kemenkes-targetkan-2000-puskesmas-punya-layanan-skrining-jantung-tahun-ini',
      'https://m.jpnn.com/news/persebaya-tambah-dua-pemain-asing-jelang-putaran-kedua-liga-1',
      'https://www.jpnn.com/news/kamrussamad-ppkm-darurat-dihentikan-angka-kematian-berpotensi-tembus-5000-per-hari',
    ],
    notArticles: [
      'https://www.jpnn.com/',
      'https://www.jpnn.com/politik',
      'https://www.jpnn.com/tag/banjir',
      'https://www.jpnn.com/search?q=banjir',
      'https://www.jpnn.com/indeks',
    ],
  },
  body: ['div[itemprop="articleBody"]', '[itemprop="articleBody"]', '.page-content'],
  remove: [
    '.baca-juga', '.pagination', '[id^="div-gpt-ad"]', '[class^="ads-"]', '[class*=" ads-"]', '.ads',
  ],
  timezone: '+07:00',
  titleStrip: [/\s+[-|–]\s+JPNN(\.com)?(\s+[A-Z][a-z]+)?\s*$/],
  metadata: {
    bylineMeta: ['jpnncom_news_author'],
  },
  // ?page=N pages: the .pagination list links every page ("li:nth-last-of-type(3) a" is the last number, S2).
  pagination: {
    pager: ['.pagination'],
    next: ['.pagination a[rel="next"]', '.pagination li.next a'],
  },
  clean(body) {
    for (const el of Array.from(body.querySelectorAll('p, div, li, span'))) {
      if (!body.contains(el) || el.querySelector('p, div')) continue;
      const text = textOf(el);
      if (!text) continue;
      if (DATELINE.test(text)) {
        // A dateline standing alone in its own block opens the first paragraph.
        if (text.replace(DATELINE, '').trim() === '') foldIntoNext(el);
        continue;
      }
      if (CLUTTER_LINE.test(text) && text.length < 200) el.remove();
    }
  },
};

/** Moves a dateline-only block to the start of the next paragraph. */
function foldIntoNext(el: Element): void {
  let next = el.nextElementSibling;
  while (next && !normalizeSpace(next.textContent)) next = next.nextElementSibling;
  if (!next || next.tagName !== 'P') return;
  next.prepend(...Array.from(el.childNodes), el.ownerDocument.createTextNode(' '));
  el.remove();
}
