import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';
import { childrenOf } from '../dom';

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const tempoAddress: SiteAddress = {
  id: 'tempo',
  name: 'Tempo.co',
  hosts: ['tempo.co'],
  // Current: /{rubrik}/{slug}-{numericId} (author pages /penulis/{name}-{id} and tags /tag/... share the shape);
  // old: /read/{id}/{slug} on every kanal subdomain, with ?page_num=N or ?page=all.
  articleUrl: /^(?:\/read\/\d+\/[^/?#]+|\/(?!penulis\/|tag\/|search\b|indeks\b)[a-z-]+\/[^/?#]*-\d{5,}\/?(?:[?#]|$))/,
};

/**
 * Tempo.co: facts in shared/notes/id-news-sites.md §6. Two layouts are live in the wild (and in saved articles):
 * - current (2024+, Nuxt): www.tempo.co/{rubrik}/{slug}-{id}. Every paragraph sits in its own div#content-wrapper
 *   (the id repeats), between ad slots and a "Scroll ke bawah untuk melanjutkan membaca" gate that sit outside the
 *   wrappers; the last wrapper is a "Pilihan Editor: <link>" pick (S1). JSON-LD carries the full articleBody (only
 *   a teaser on Tempo Plus pages) and may list the same author twice, reporter and editor (S1).
 * - old: {kanal}.tempo.co/read/{id}/{slug}: body div#isi of article.detail-artikel (an appended next article is
 *   article.detail-artikel.berikutnya), clutter .bacajuga, .iklan and the ads logo /img/logo-tempo-ads.svg
 *   (S2, S5, S13). Pages are ?page_num=N behind the pager .pagging inside #isi (S2); U2 lists ?page=all (⚠).
 */
export const tempo: SiteRule = {
  ...tempoAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://www.tempo.co/ekonomi/petani-garam-sumenep-beralih-ke-rumah-prisma-panen-tetap-jalan-saat-kemarau-basah-2071385',
      'https://nasional.tempo.co/read/1495321/relawan-lereng-merapi-petakan-ulang-jalur-evakuasi-setelah-hujan-abu',
    ],
    notArticles: [
      'https://www.tempo.co/',
      'https://www.tempo.co/ekonomi',
      'https://www.tempo.co/tag/banjir',
      'https://www.tempo.co/search?q=banjir',
      'https://www.tempo.co/indeks',
      'https://www.tempo.co/penulis/joko-santoso',
    ],
  },
  body: [
    'article.detail-artikel:not(.berikutnya) #isi',
    'div#isi',
    // The parent of the repeated div#content-wrapper paragraphs; clean() keeps only those.
    ':has(> [id="content-wrapper"])',
  ],
  remove: [
    '.bacajuga', '.lihatjg', '.iklan', 'img[src*="logo-tempo-ads"]', '.pagging', '[id^="div-gpt-ad"]', '[id^="ads-slot"]',
    'script', 'style',
  ],
  timezone: '+07:00',
  titleStrip: [/\s+[|-]\s+(?:[A-Z][a-z]+\s+)?Tempo\.co$/i],
  metadata: {
    // The DOM names the reporter once (JSON-LD may list the same person twice, or reporter and editor); the
    // avatar link to the same /penulis/ page has no text.
    byline: ['article a[href*="/penulis/"]:not(:has(img))'],
    title: ['article.detail-artikel:not(.berikutnya) .detail-title h1.title'],
    leadImage: ['article.detail-artikel:not(.berikutnya) .foto-detail img'],
  },
  pagination: {
    // Old layout only: ?page=all (U2) first; when it fails, the reader follows the pager's ?page_num=N links (S2).
    allPagesUrl: allPagesByParam('page', 'all', { dropParams: ['page_num'] }),
    pager: ['.pagging'],
  },
  clean(body) {
    // Current layout: the article is the div#content-wrapper blocks (and figures between them); everything else
    // in their parent (headline, date, author, lead photo, share bar, ad slots, gate, promos, tags) is furniture.
    const wrappers = Array.from(body.querySelectorAll('[id="content-wrapper"]'));
    if (wrappers.length) {
      const first = wrappers[0];
      const last = wrappers[wrappers.length - 1];
      for (const child of childrenOf(body)) {
        if (wrappers.includes(child)) continue;
        const between = !!(first.compareDocumentPosition(child) & 4) && !!(child.compareDocumentPosition(last) & 4);
        if (between && child.matches('figure')) continue;
        child.remove();
      }
      // The repeated id is invalid HTML: unwrap the wrappers, their paragraphs are the body.
      for (const w of wrappers) w.replaceWith(...Array.from(w.childNodes));
    }
  },
  // "Pilihan Editor: <link>" is an editor's pick of another article, in the DOM and in articleBody (S1).
  clutterText: [/^Pilihan Editor\s*:/i],
};
