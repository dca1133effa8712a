import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const suaraAddress: SiteAddress = {
  id: 'suara',
  name: 'Suara.com',
  hosts: ['suara.com'],
  // /foto/ and /video/ galleries share the dated shape but are not text articles (S1); /tag/, /indeks are listings.
  articleUrl: /^\/(?!foto\/|video\/)[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/\d{6}\/[^/?#]+/,
};

/**
 * Suara.com: facts in shared/notes/id-news-sites.md §9. Articles are /{kanal}/YYYY/MM/DD/HHMMSS/{slug} on www and
 * /read/YYYY/MM/DD/HHMMSS/{slug} on the regional hosts (jabar., jatim., ...: S2's notes). Body .article-content
 * (2026, S1), article.content-article on the 2019 template (S11). Clutter inside the body: ad slots
 * ([id*="div-ad"], .placeholder_belt, .placeholder_read_body), the .ten-second "Baca 10 detik" summary (repeated
 * on every page), the .article-read "Baca Juga" box, and on the 2019 template div.new_bacajuga (S1, S11).
 * Pages: ?page=all holds the whole article (S2, S3, U8); S1 merges ?page=2, 3… from .pagination-custom: both work,
 * the reader falls back to the pager's links when ?page=all fails.
 */
export const suara: SiteRule = {
  ...suaraAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://www.suara.com/news/2024/10/03/143512/warga-bantaran-ciliwung-tanam-vetiver-untuk-tahan-longsor-tebing-sungai',
      'https://www.suara.com/lifestyle/2024/11/18/070500/pasar-kuliner-malam-di-semarang-hidupkan-lagi-resep-peranakan',
      'http://www.suara.com/news/2015/06/19/130605/polda-bali-kumpulkan-4-alat-bukti-pembunuhan-angeline',
    ],
    notArticles: [
      'https://www.suara.com/',
      'https://www.suara.com/news',
      'https://www.suara.com/tag/banjir',
      'https://www.suara.com/search?q=banjir',
      'https://www.suara.com/foto/2024/10/03/143512/warga-bantaran-ciliwung-tanam-vetiver',
      'https://www.suara.com/video/2024/10/03/143512/warga-bantaran-ciliwung-tanam-vetiver',
    ],
  },
  body: ['.article-content', 'article.content-article'],
  remove: [
    '[id*="div-ad"]', '.placeholder_belt', '.placeholder_read_body', '.ten-second', '.article-read', '.new_bacajuga',
    '#next-article', '.wrap-pagination', '.article-tags', '.google-pref', '.ads_detail', 'script', 'style',
  ],
  timezone: '+07:00',
  titleStrip: [/\s+-\s+Halaman\s+\d+$/i],
  metadata: {
    title: ['.article-image h1'],
  },
  pagination: {
    allPagesUrl: allPagesByParam('page', 'all'),
    pager: ['.pagination-custom', '.wrap-pagination'],
  },
};
