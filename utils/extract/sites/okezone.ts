import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const okezoneAddress: SiteAddress = {
  id: 'okezone',
  name: 'Okezone',
  hosts: ['okezone.com'],
  // {kanal}.okezone.com/read/YYYY/MM/DD/{sectionId}/{articleId}/{slug} (§7, S1, S2). mpi.okezone.com's
  // /article/sindonews/{id} reposts, /indeks, /tag and the kanal home pages have other shapes.
  articleUrl: /^\/read\/\d{4}\/\d{2}\/\d{2}\/\d+\/\d+\/[^/?#]+/,
};

/**
 * Okezone (MNC group), every kanal subdomain (news., economy., bola., sports., celebrity., women., ototekno.,
 * muslim., edukasi.): facts in shared/notes/id-news-sites.md §7.
 */
export const okezone: SiteRule = {
  ...okezoneAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://news.okezone.com/read/2025/02/14/338/3115670/polisi-bongkar-sindikat-pemalsuan-bpkb-di-bekasi-212-dokumen-disita',
      'https://bola.okezone.com/read/2025/01/18/51/3101557/timnas-indonesia-u-20-tahan-imbang-uzbekistan-1-1-di-laga-uji-coba',
      'http://lifestyle.okezone.com/read/2015/11/05/481/1244264/sering-depresi-berat-hati-hati-diabetes',
    ],
    notArticles: [
      'https://www.okezone.com/',
      'https://news.okezone.com/',
      'https://www.okezone.com/tag/banjir',
      'https://search.okezone.com/search?q=banjir',
      'https://index.okezone.com/',
      'https://video.okezone.com/',
    ],
  },
  // .c-detail.read (2023+, S1), div[itemprop=articleBody] (S3, 2025; probably the same element), old #contentx.
  body: ['.c-detail.read', 'div[itemprop="articleBody"]', '#contentx'],
  remove: [
    // "Baca Juga" after nearly every paragraph; the id repeats on the page (§7, S1; older id #bacajuga, S3).
    '#baca-juga', '#bacajuga', '[id^="baca-juga"]',
    '.vicon', // YouTube wrapper of Okezone's own video promos (S1)
    '#rctiplus', '.box-gnews', '.paging', '#paging', '.detads-bottom', '.detail-tag', '.video-wrap', '.iframe-banner',
    'p[style*="font-weight:bold"]', // the centred bold "Follow ... Google News" line (S3, S9)
    '.reporter',
    // ?page=all joins the pages with these markers (S1): a page break is not content.
    'div[style*="page-break-after"]',
    '[id^="div-gpt-ad"]',
  ],
  timezone: '+07:00',
  // "<headline> : Okezone News" (og:title and <title>; the kanal name varies).
  titleStrip: [/\s+:\s+Okezone(?:\s+\w+)?$/i],
  metadata: {
    title: ['.title-article h1', 'div.title h1'],
    // JSON-LD NewsArticle author comes first generically; the DOM name link has a title attribute (S1).
    byline: ['.journalist a[title]', '.namerep a'],
  },
  // ?page=all merges every page into one .c-detail.read (§0.1, §7: S1 live, S2, U2); page 1 shows the
  // #paging .box-nomor pager.
  pagination: {
    allPagesUrl: allPagesByParam('page', 'all'),
    pager: ['#paging .box-nomor', '#paging'],
  },
};
