import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';
import { foldLeadingDateline, materializeInlinePhotos, removeEmbedLeftovers, wrapLooseInline } from './kit';

/** The trailing page number of a CNN/CNBC article path: /{kanal}/{YYYYMMDDHHmmss}-{id}-{id}/{slug}/{N}. */
const PAGE_SUFFIX = /(\/\d{14}-\d+-\d+\/[^/]+)\/\d{1,2}\/?$/;

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const cnnindonesiaAddress: SiteAddress = {
  id: 'cnnindonesia',
  name: 'CNN Indonesia',
  hosts: ['cnnindonesia.com'], // www. (the only host in the notes) and any other subdomain
  // /{kanal}/{YYYYMMDDHHmmss}-{kanalId}-{articleId}/{slug}, optionally /{N} or ?page=all (S1, S2, S7, S10).
  articleUrl: /^\/[a-z0-9-]+(?:\/[a-z0-9-]+)?\/\d{14}-\d+-\d+\/[\w-]+/i,
};

/**
 * CNN Indonesia: facts in shared/notes/id-news-sites.md §4 (body .detail-text, clutter list, desk code) and
 * §0.1 (multi-page). Same Trans Media CMS family as detik (helpers from ./detik).
 *
 * Multi-page is contested (§0.1 ⚠): pages are `/2`, `/3`… (S2 merges them over XHR from the
 * `.mb-8 > .gap-2.text-base` pager), U2 says `?page=all` works, S1 saw no multi-page article. Both shapes are
 * handled: the reader first tries `?page=all`; when that fails, or gives no more text than page 1 (the site
 * ignoring the parameter), readArticle joins the pages the pager lists, page by page.
 */
export const cnnindonesia: SiteRule = {
  ...cnnindonesiaAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://www.cnnindonesia.com/ekonomi/20240516083045-92-1098765/pasar-tradisional-mulai-terima-pembayaran-qris-ini-tantangannya',
      'https://www.cnnindonesia.com/teknologi/20240603151520-199-1105432/peneliti-temukan-spesies-katak-baru-di-pegunungan-meratus',
      'https://www.cnnindonesia.com/internasional/20180501143639-113-294906/presiden-korsel-sebut-trump-layak-dapat-nobel-perdamaian',
    ],
    notArticles: [
      'https://www.cnnindonesia.com/',
      'https://www.cnnindonesia.com/nasional',
      'https://www.cnnindonesia.com/tag/banjir',
      'https://www.cnnindonesia.com/search/?query=banjir',
      'https://www.cnnindonesia.com/indeks',
      'https://www.cnnindonesia.com/tv',
    ],
  },
  // Pictures are served by the detik group's CDN (the same company).
  pictureHosts: ['akcdn.detik.net.id'],
  body: [
    '.detail-text', '#article-content-body', 'div.detail-wrap',
    // 2020 template (S10)
    'div.detail_text',
  ],
  remove: [
    // Scroll ads with p.para_caption "ADVERTISEMENT" / "SCROLL TO CONTINUE WITH CONTENT".
    '.paradetail', '.para_caption', '.detail_ads', '.ads-slot', '[id^="div-gpt-ad"]', 'ins[data-revive-zoneid]', 'ins.adsbygoogle',
    // "Lihat Juga :" tables, topic inserts, embedded CNN videos ([Gambas:Video CNN] once rendered).
    '.linksisip', '.lihatjg', '.topiksisip', '.embed.videocnn', '[data-target*="detail/embed"]',
    '.newstag', 'a[href*="preferences/source"]',
    // The page-by-page pager, wherever the template puts it.
    '.mb-8 > .gap-2.text-base',
    'script', 'style', 'noscript',
  ],
  // Nothing after the end marker is article text (S1: tag widget, "preferred source" link).
  endBefore: ['.end-of-article'],
  titleStrip: [/\s+[-|]\s+CNN Indonesia$/i],
  timezone: '+07:00',
  metadata: {
    title: ['h1.mb-2', 'h1.title'],
    // JSON-LD author.name is often "" (S1); the byline box usually just says "CNN Indonesia".
    bylineMeta: ['content_author', 'author'],
    byline: ['.text-cnn_black_light3 span', '.text-cnn_black_light3'],
    leadImage: ['.detail-image img', '.detail_image img'],
  },
  pagination: {
    allPagesUrl: allPagesByParam('page', 'all', { path: (p) => p.replace(PAGE_SUFFIX, '$1') }),
    // The pager exists only on multi-page articles and links page 2 (S2: `.mb-8 > .gap-2.text-base`, last link = total).
    pager: ['.mb-8 > .gap-2.text-base:has(a[href$="/2"])', '.detail-text ~ .mb-8 .text-base:has(a[href$="/2"])'],
    next: ['link[rel="next"]'],
  },
  clean: (body) => {
    materializeInlinePhotos(body);
    removeEmbedLeftovers(body);
    foldLeadingDateline(body);
    wrapLooseInline(body);
  },
};
