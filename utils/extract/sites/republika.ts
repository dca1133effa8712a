import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const republikaAddress: SiteAddress = {
  id: 'republika',
  name: 'Republika',
  hosts: ['republika.co.id'],
  articleUrl: /^\/berita\/\/?(?!serial\/)[a-z0-9]{6,14}\/[^/?#]+/,
};

/**
 * Republika: facts in shared/notes/id-news-sites.md §12. Articles are /berita/{code}/{slug} on every kanal and
 * regional subdomain (news., ekonomi., khazanah., rejabar., ...), sometimes with a double slash /berita//{code}/
 * (S1). Body .article-content article (S1; S2 uses article), with GPT slots, recreative [id^=bn_] widgets,
 * .picked-article "Baca Juga" lists (S1) and .baca-juga (S2), and malformed <p class="b2"><p>…</p></p> that leaves
 * empty <p> (the generic cleaners drop them). JSON-LD author.name is the editor ("Red:"), not the reporter (S1).
 *
 * Pages (⚠ conflict, notes §0.1): S2 merges …-part2, …-part3 from the .pagination inside the article; U2 says
 * ?page=all holds every page; S1 (2026) saw no split article. Both shapes are handled: ?page=all first, and when it
 * fails or is no longer than page 1, the pager's -partN links. S1's #next-article / POST /berita/serial/next is an
 * infinite scroll that appends a DIFFERENT article after an <hr> "Halaman N / M" divider: the body ends before it,
 * and nothing from it is ever fetched (it is not a pager, and articleUrl refuses /berita/serial/next).
 */
export const republika: SiteRule = {
  ...republikaAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://news.republika.co.id/berita/sj4kq7283/sekolah-di-lereng-sumbing-pakai-kentongan-untuk-tanda-gempa',
      'https://ekonomi.republika.co.id/berita/si2vb5561/koperasi-susu-di-boyolali-bangun-pabrik-keju-mini',
      'http://bola.republika.co.id/berita/sepakbola/liga-inggris/15/11/18/nxzqjd348-city-siap-tawarkan-kontrak-baru-untuk-fernandinho',
    ],
    notArticles: [
      'https://www.republika.co.id/',
      'https://news.republika.co.id/',
      'https://www.republika.co.id/tag/banjir',
      'https://www.republika.co.id/search/v3/all/1/?q=banjir',
      'https://www.republika.co.id/berita/serial/kisah-para-nabi',
      'https://www.republika.co.id/kanal/news',
    ],
  },
  body: ['.article-content article', '.article-content', 'article'],
  remove: [
    '.picked-article', '.baca-juga', '[id^="div-gpt-ad"]', '[id^="bn_"]', '.pagination', '.footnote-wrap', '#loading',
    '#scroll-trigger', 'script', 'style',
  ],
  // Where the infinite scroll puts the next article (.artikel-content, then #next-article): nothing after it is ours.
  endBefore: ['.artikel-content', '#next-article', '[data-url*="serial/next"]'],
  timezone: '+07:00',
  titleStrip: [/\s*\|\s*Republika Online\s*$/i],
  metadata: {
    title: ['.max-card__title h1'],
    // "Rep: {reporter}/ Red: {editor}" under the headline (S1); the reporter is the byline. TODO(2026-08): needs the
    // engine's cleanByline to read "Rep: X / Red: Y" as X (reported); JSON-LD author.name is only the editor.
    byline: ['.max-card__title > div'],
    // Lazy: the real picture is in data-original, src is a placeholder.
    leadImage: ['.max-card__image figure img'],
  },
  pagination: {
    allPagesUrl: allPagesByParam('page', 'all', { path: (p) => p.replace(/-part\d+\/?$/, '') }),
    pager: ['.article-content article .pagination', '.article-content .pagination'],
  },
};
