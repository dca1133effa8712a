import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const tribunnewsAddress: SiteAddress = {
  id: 'tribunnews',
  name: 'Tribunnews.com',
  hosts: ['tribunnews.com'],
  // Two live shapes (§3, S1): /{section}/{numericId}/{slug} (current) and /{section}/YYYY/MM/DD/{slug}
  // (older and syndicated pieces); the same paths on m.tribunnews.com. Tag, topic, author and index pages
  // (/tag/x, /topic/x, /penulis/x, /index-news/...) have neither shape.
  articleUrl: /^\/[a-z0-9-]+\/(?:\d{5,}|\d{4}\/\d{2}\/\d{2})\/[a-z0-9-]+\/?(?:[?#].*)?$/i,
};

/**
 * Tribunnews.com (www. and the m. mirror): facts in shared/notes/id-news-sites.md §3. Regional Tribun sites
 * (tribunjabar.id, tribunpekanbaru.com...) are other domains and take the generic path.
 */
export const tribunnews: SiteRule = {
  ...tribunnewsAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://www.tribunnews.com/nasional/7412583/bmkg-peringatkan-banjir-rob-di-pesisir-utara-jawa-hingga-akhir-pekan',
      'https://m.tribunnews.com/regional/2024/10/22/jembatan-gantung-penghubung-dua-desa-di-lebak-putus-diterjang-arus-sungai-ciberang',
      'http://www.tribunnews.com/metropolitan/2015/06/19/kadishub-dki-taksi-uber-tak-punya-izin-operasi-uji-kir-tidak-berargo-dan-bermahkota',
    ],
    notArticles: [
      'https://www.tribunnews.com/',
      'https://www.tribunnews.com/nasional',
      'https://www.tribunnews.com/tag/banjir',
      'https://www.tribunnews.com/search?q=banjir',
      'https://www.tribunnews.com/index-news',
      'https://video.tribunnews.com/',
    ],
  },
  // The two-class selector matters: a sibling div.side-article.mb5 ("Sesuai Minatmu" recs) follows the body
  // (§3, S1). Mobile pages are read by div.txt-article (S5).
  body: ['div.side-article.txt-article', 'div.txt-article', '#article_box'],
  remove: [
    'p.baca', // "Baca juga: <a>" (§3, S1, S11 p[class*=baca])
    'p[class*="baca"]',
    'blockquote.summary-article', // "Ringkasan Berita:" bullet recap of the lead: a duplicate, not body prose
    'div.ads-placeholder',
    '[id^="div-gpt-ad"]',
    '.paging', // the "Halaman 1/2" pager when it sits inside the body
    '.share-wrapper',
    'script',
  ],
  // The tail inside the body (§3: U15's regex list): "Penulis :", "Editor :", "Sumber :" credit lines and the
  // Google News invitations. They close the article, so everything from the first of them goes.
  stopPhrases: [
    'Penulis :', 'Penulis:', 'Editor :', 'Editor:', 'Sumber :', 'Sumber:',
    'Ikuti kami di Google News', 'Simak berita terbaru Tribunnews.com di Google News', 'Berita Terkait :',
  ],
  timezone: '+07:00',
  titleStrip: [/\s+-\s+Tribunnews\.com$/i],
  metadata: {
    // Desktop h1#arttitle (U15 class "f50 black2 f400 crimson"); mobile "#article .pa15 h1.f32" (S5).
    title: ['h1#arttitle', '#article .pa15 h1.f32'],
    // JSON-LD author[] comes first generically; #penulis a is the DOM writer (#editor a is the editor, §3).
    byline: ['#penulis a'],
  },
  // ?page=all holds every page (§0.1, §3: five sources); page N is ?page=N and the pager is a div.paging
  // with span.total-page "Halaman 1/2".
  pagination: {
    allPagesUrl: allPagesByParam('page', 'all'),
    pager: ['div.paging', '.paging .total-page'],
  },
};
