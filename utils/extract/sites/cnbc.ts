import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';
import { foldLeadingDateline, materializeInlinePhotos, removeEmbedLeftovers, wrapLooseInline } from './kit';

/** The trailing page number of a CNBC article path: /{kanal}/{YYYYMMDDHHmmss}-{x}-{id}/{slug}/{N}. */
const PAGE_SUFFIX = /(\/\d{14}-\d+-\d+\/[^/]+)\/\d{1,2}\/?$/;

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const cnbcAddress: SiteAddress = {
  id: 'cnbc',
  name: 'CNBC Indonesia',
  hosts: ['cnbcindonesia.com'], // www. and any other subdomain
  // /{kanal}/{YYYYMMDDHHmmss}-{x}-{id}/{slug}, optionally /{N} or ?page=all (S2 regex /\d+-\d+-\d+\//).
  articleUrl: /^\/[a-z0-9-]+(?:\/[a-z0-9-]+)?\/\d{14}-\d+-\d+\/[\w-]+/i,
};

/**
 * CNBC Indonesia: facts in shared/notes/id-news-sites.md §13 (body .detail-text, older .detail_text with the
 * title in .jdl h1, .media-institusi, author in JSON-LD) and §0.1 (strip a trailing /N, add ?page=all; one
 * source, S2). Same Trans Media CMS family as detik and CNN Indonesia: their parallax ads, .linksisip boxes,
 * [Gambas:Video CNBC] placeholders and desk codes are expected here too (notes §13, by analogy).
 */
export const cnbc: SiteRule = {
  ...cnbcAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://www.cnbcindonesia.com/market/20240425093015-17-533210/ihsg-dibuka-menguat-saham-bank-jadi-penopang',
      'https://www.cnbcindonesia.com/research/20240613101530-128-546812/harga-kopi-robusta-cetak-rekor-petani-lampung-panen-untung',
    ],
    notArticles: [
      'https://www.cnbcindonesia.com/',
      'https://www.cnbcindonesia.com/market',
      'https://www.cnbcindonesia.com/tag/ihsg',
      'https://www.cnbcindonesia.com/search?query=ihsg',
      'https://www.cnbcindonesia.com/indeks',
      'https://www.cnbcindonesia.com/video',
    ],
  },
  // Pictures are served by the detik group's CDN (the same company).
  pictureHosts: ['akcdn.detik.net.id'],
  body: ['.detail-text', '.detail_text'],
  remove: [
    '.media-institusi',
    // Images from the site's own asset folder (logos of CNBC Research/Tech boxes) are never article photos. Needed
    // too because the engine rewrites an img+caption box into a class-less <figure> before `remove` runs.
    'figure:has(img[src*="cdn.cnbcindonesia.com/cnbc/images/"])',
    '.paradetail', '.parallaxindetail', '.para_caption', '[class*="ads-scrollpage"]', '.ads-slot', '[id^="div-gpt-ad"]',
    '.linksisip', '.lihatjg', '[data-target*="detail/embed"]',
    '.mb-8 > .gap-2.text-base',
    'script', 'style', 'noscript',
  ],
  endBefore: ['.end-of-article'],
  titleStrip: [/\s+[-|]\s+CNBC Indonesia$/i],
  timezone: '+07:00',
  metadata: {
    // 2024 template (S14); the current one is read from JSON-LD/OpenGraph, like the author (JSON-LD author.name, S4)
    // and the lead image (og:image): no source documents their current markup.
    title: ['.jdl h1'],
  },
  pagination: {
    allPagesUrl: allPagesByParam('page', 'all', { path: (p) => p.replace(PAGE_SUFFIX, '$1') }),
    // No source documents CNBC's pager (S2 redirects every article). Without a pager the reader would fetch
    // ?page=all for every article and report a missing page on single-page ones, so only a pager that links a
    // page 2 counts: the CNN-family `.mb-8 > .gap-2.text-base` (assumed for CNBC), or a classic pagination box.
    pager: [
      '.mb-8 > .gap-2.text-base:has(a[href$="/2"])', '.pagination:has(a[href$="/2"])', '.paging:has(a[href$="/2"])',
    ],
  },
  clean: (body) => {
    materializeInlinePhotos(body);
    removeEmbedLeftovers(body);
    foldLeadingDateline(body);
    wrapLooseInline(body);
  },
};
