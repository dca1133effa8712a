import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';

/**
 * IDN Times (www.idntimes.com): facts in shared/notes/id-news-sites.md §16 and §0.
 *
 * Current template (S1, 2026): the text is `#article-description p.article-text` (hashed emotion class names,
 * `data-testid` hooks); the NewsArticle JSON-LD has an `articleBody` without paragraph breaks, so the DOM is
 * read and the JSON-LD only gives metadata. Older template (S11, 2019): `#article-content p`, with
 * "Baca Juga…" paragraphs to skip. Long articles are split into pages; `?page=all` shows them all (S3, U2).
 */

/** Read-also lines: "Baca Juga: <a>…</a>" paragraphs (S11 skips every <p> starting with "Baca Juga"). */
const READ_ALSO = /^baca juga\b/i;
/** The label above in-article ads. */
const AD_LABEL = /^(lanjutkan membaca artikel di bawah|advertisement|iklan)$/i;

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const idntimesAddress: SiteAddress = {
  id: 'idntimes',
  name: 'IDN Times',
  // Regional subdomains (jatim., bali. …) are other templates, out of scope (notes §16).
  hosts: ['www.idntimes.com'],
  // Exactly that host: the default patterns (the host and `*.` + host) would give `*://*.www.idntimes.com/*`,
  // sub-subdomains of www. only (issue #14), and `*.idntimes.com` would reach the regional templates.
  matches: ['*://www.idntimes.com/*'],
  // Current: /{category}/{subcategory}/{slug}-{authorCode5}-{articleCode6} (S1).
  // 2019: /{category}/{subcategory}/{author}/{slug}, its whole text at …/full (S11).
  articleUrl:
    /^\/(?!(?:tag|author|search|ajax|v1|tag-manager)\/)[a-z0-9-]+\/[a-z0-9-]+\/(?:[a-z0-9-]+-[a-z0-9]{5}-[a-z0-9]{6}|[a-z0-9._-]+\/[a-z0-9-]+(?:\/full)?)\/?(?:[?#].*)?$/i,
};

export const idntimes: SiteRule = {
  ...idntimesAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://www.idntimes.com/travel/destination/7-air-terjun-tersembunyi-di-lombok-yang-layak-dikunjungi-00-k9m2p-7hq4rz',
      'https://www.idntimes.com/business/economy/helena-siregar/harga-cabai-merah-di-medan-melonjak-jelang-natal-tembus-rp80-ribu',
      'https://www.idntimes.com/food/recipe/fina-wahibatun-nisa/resep-bikin-daging-dari-jamur-cocok-buat-diet-dan-si-vegan',
    ],
    notArticles: [
      'https://www.idntimes.com/',
      'https://www.idntimes.com/news',
      'https://www.idntimes.com/news/indonesia',
      'https://www.idntimes.com/tag/banjir',
      'https://www.idntimes.com/search?keyword=banjir',
      'https://www.idntimes.com/author/helena-siregar',
    ],
  },
  // The rule serves www. only, so its picture hosts (other subdomains) are listed here.
  pictureHosts: ['image.idntimes.com', 'cdn.idntimes.com'],
  body: ['#article-description', '#article-content', 'div:has(> p.article-text)'],
  remove: [
    '[id^="div-gpt-ad"]', '[data-testid^="ads"]', '[class*="ads-inarticle"]',
    '[data-testid="article-pagination"]', '[data-testid="pagination"]', '.pagination-article', '.pagination', 'nav',
  ],
  timezone: '+07:00',
  titleStrip: [/\s+\|\s+IDN Times$/i],
  metadata: {
    title: ['h1[data-testid="title-article"]', 'h1.title-text'],
    byline: ['[data-testid="author-article-1"]', '.author-info .author-name a'],
  },
  pagination: {
    // ?page=all holds every page; a …/full URL (2019) is already whole.
    allPagesUrl: allPagesByParam('page', 'all', { isAll: (url) => /\/full\/?$/.test(url.pathname) }),
    // The pager is not documented; these are the shapes seen on IDN Times-like templates. Only a page with one
    // triggers the ?page=all fetch.
    pager: ['[data-testid="article-pagination"]', '[data-testid="pagination"]', '.pagination-article', '#article-description .pagination'],
  },
  clean(body) {
    for (const el of Array.from(body.querySelectorAll('p, div, span'))) {
      if (!body.contains(el) || el.querySelector('p, div')) continue;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (AD_LABEL.test(text) || (READ_ALSO.test(text) && el.querySelector('a'))) el.remove();
    }
  },
};
