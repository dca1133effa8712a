import type { SiteAddress, SiteRule } from './types';

/**
 * Merdeka.com (KLY group): facts in shared/notes/id-news-sites.md §14 and §0.
 *
 * 2023+ pages: the text is the <p> run of `.articles-content__body`, next to an `.advertisement-placeholder`
 * ("Advertisement") and a "Baca Juga" box (`.bg-primary-50`, no <p> inside). A multi-page article is served
 * already merged, its pages split by empty `div.page-break[data-page]` markers (S1, live): `inDocument`.
 * 2021 mobile pages: h1, `div.mdk-date-reporter` and a <p> run in one parent, sub-pages inline under
 * `h2.title-dt-paging`, a hidden `p.dont-display` "Baca juga:" list, `p.read-too` "Baca Selanjutnya" links, a
 * "Halaman 1 2 3" pager, and the Sosok Merdeka / TOPIK TERKAIT / comment notice / REKOMENDASI tail.
 * The desk code "(mdk/xxx)" sits inside the last <p>; the engine moves it to its own line.
 */

/** "Halaman 1 2 3" pagers and "Halaman 2" / "2 dari 3 halaman" labels, when they are a block's whole text. */
const PAGER = /^(halaman(\s*:)?(\s*\d+)+|\d+\s*dari\s*\d+\s*halaman|halaman\s*\d+\s*(dari|\/)\s*\d+)$/i;

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const merdekaAddress: SiteAddress = {
  id: 'merdeka',
  name: 'Merdeka.com',
  // www. and m. (the 2021 mobile site); regional sections (jatim, jateng...) are path sections.
  hosts: ['merdeka.com'],
  // 2023+: /{section}/read/{numericId}/{slug}; ≤2022: /{section}[/{sub}]/{slug}.html (not index pages).
  articleUrl: /^\/[a-z0-9-]+\/(?:read\/\d+\/[a-z0-9-]+\/?|(?:[a-z0-9-]+\/)?(?!index\d*\.html)[a-z0-9-]+\.html)(?:[?#].*)?$/i,
};

export const merdeka: SiteRule = {
  ...merdekaAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://m.merdeka.com/jatim/mengenal-rujak-cingur-pasar-genteng-resep-keluarga-sejak-1970.html',
      'https://m.merdeka.com/jatim/petani-kopi-lereng-arjuno-panen-lebih-awal-harga-jual-membaik.html',
      'http://www.merdeka.com/peristiwa/kisah-penjaga-penjara-guantanamo-yang-beralih-memeluk-islam.html',
    ],
    notArticles: [
      'https://www.merdeka.com/',
      'https://www.merdeka.com/peristiwa/',
      'https://www.merdeka.com/peristiwa/index2.html',
      'https://www.merdeka.com/tag/banjir/',
      'https://www.merdeka.com/search?q=banjir',
      'https://m.merdeka.com/jatim/',
    ],
  },
  // KLY's picture host for Merdeka.
  pictureHosts: ['cdns.klimg.com'],
  body: [
    '.articles-content__body',
    // Older desktop templates (S10 2020, S11 2019, which spells it "paragpraph").
    '.mdk-body-paragraph',
    '.mdk-body-paragpraph',
    // 2021 mobile: the headline, the date line and the <p> run share one parent.
    'div:has(> .mdk-date-reporter):has(> p)',
    '.mdk-body-detail',
  ],
  remove: [
    '.advertisement-placeholder', '.advertisement-text', '[id^="div-gpt-ad"]', '.article-ad', '.channel-ad',
    '.page-break', 'p.dont-display', 'p.read-too', '.mdk-date-reporter', '.tags-articles',
    '#section_terkait', '.title-section_terkait', '#list-section_terkait', '.page-number', 'h1',
  ],
  // The 2021 mobile tail sits in the same parent as the text (saved Merdeka pages).
  stopPhrases: ['Banyak orang hebat di sekitar kita', 'TOPIK TERKAIT', 'Ingatlah untuk menjaga komentar'],
  timezone: '+07:00',
  titleStrip: [/\s+[-|]\s+merdeka\.com$/i],
  metadata: {
    title: ['h1.articles-content__title', '.mdk-dt-headline h1'],
    // JSON-LD author[0].name is null on 2023+ pages (S1); meta author names the reporter on every template.
    bylineMeta: ['author'],
    byline: ['[data-tracking="author_name"]'],
    // 2021 mobile pages carry no machine-readable date, only "JATIM | 5 Maret 2021 14:20" (WIB).
    date: ['.mdk-date-reporter > span', 'span.date-post'],
    leadImage: ['.articles-content__image img'],
  },
  pagination: { inDocument: true },
  clean(body) {
    // The "Baca Juga" box: a .bg-primary-50 div of links with no <p> (S1). A tinted box with text stays.
    for (const box of Array.from(body.querySelectorAll('.bg-primary-50'))) if (!box.querySelector('p')) box.remove();
  },
  clutterText: [PAGER],
};
