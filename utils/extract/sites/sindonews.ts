import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const sindonewsAddress: SiteAddress = {
  id: 'sindonews',
  name: 'SINDOnews',
  hosts: ['sindonews.com'],
  // {kanal}.sindonews.com/read/{id}/{subId}/{slug}-{ts}; page 2+ adds a trailing /5, /10... segment, which is
  // a page offset, not an id (§8: S1, S2, U8).
  articleUrl: /^\/read\/\d+\/\d+\/[^/?#]+(?:\/\d+)?\/?(?:[?#].*)?$/,
};

/**
 * SINDOnews (MNC group), every kanal subdomain (nasional., ekbis., international., daerah., sports., tekno.,
 * edukasi., lifestyle., otomotif., kalam.): facts in shared/notes/id-news-sites.md §8.
 */
export const sindonews: SiteRule = {
  ...sindonewsAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://ekbis.sindonews.com/read/1421877/34/ekspor-kopi-robusta-lampung-naik-18-persen-petani-mulai-remajakan-kebun-1721710455',
      'https://nasional.sindonews.com/read/1455902/15/kemenkes-kejar-2-juta-anak-yang-tertinggal-imunisasi-hingga-akhir-tahun-1726109820',
      'https://daerah.sindonews.com/read/1306709/190/hari-pertama-ramadhan-puluhan-warga-15-ulu-palembang-kehilangan-rumah-1526557807',
    ],
    notArticles: [
      'https://www.sindonews.com/',
      'https://nasional.sindonews.com/',
      'https://www.sindonews.com/topic/1234/banjir',
      'https://search.sindonews.com/go?q=banjir',
      'https://index.sindonews.com/',
      'https://video.sindonews.com/',
    ],
  },
  // .detail-desc and #detail-desc are the same element (§8, S1).
  body: ['.detail-desc', '#detail-desc'],
  remove: [
    '[class^="v-"]', '[class*=" v-"]', // embedded players, .v-youtube (S1)
    '[id^="ads_"]', '.ads300', '[id^="div-gpt-ad"]', // ad slots (S1; .ads300 on the old template, S9)
    '.baca-inline', // old template's read-also box (S9)
    'script', 'ins',
  ],
  timezone: '+07:00',
  titleStrip: [/\s+-\s+SINDOnews(?:\.com)?$/i],
  metadata: {
    title: ['h1.detail-title'],
    // Also on page 2+ and ?showpage=all, which carry no NewsArticle JSON-LD (§8: JSON-LD on page 1 only).
    byline: ['.detail-nama-redaksi a[rel="author"]', '.detail-nama-redaksi a'],
    leadImage: ['.detail-img img'],
  },
  // ?showpage=all holds every page (§0.1, §8: five sources); the link sits in .paging-all, next to the
  // .paging-artikel pager whose page-2 link ends in /5. The all-pages URL is built on the path without that
  // trailing page segment, so page 2 leads to it too.
  pagination: {
    allPagesUrl: allPagesByParam('showpage', 'all', { clearQuery: true, path: (p) => p.replace(/^(\/read\/\d+\/\d+\/[^/]+)\/\d+\/?$/, '$1') }),
    pager: ['.paging-all', '.paging-artikel'],
  },
  clean: (body) => {
    // The desk initials close the text (div.editor, "(nng)"): kept like every site's desk code, as a line.
    for (const el of Array.from(body.querySelectorAll('.editor'))) {
      const p = body.ownerDocument.createElement('p');
      p.textContent = el.textContent?.trim() ?? '';
      el.replaceWith(p);
    }
    brRunsToParagraphs(body);
  },
  // "Baca Juga: <a>" is bare inline text between <br>s, with no wrapper of its own (§8, S1, U1): a paragraph of
  // its own once clean() has made the <br> runs paragraphs.
  clutterText: [/^baca juga\b/i],
};

const BLOCK = /^(P|DIV|FIGURE|TABLE|UL|OL|DL|BLOCKQUOTE|PRE|H[1-6]|SECTION|ASIDE|HR)$/;

/** The body has no <p>: paragraphs are text runs between <br>s (§8, S1). Each run becomes a <p>. */
function brRunsToParagraphs(body: Element): void {
  const doc = body.ownerDocument;
  const out: Node[] = [];
  let run: Node[] = [];
  const flush = (): void => {
    if (run.some((n) => (n.textContent ?? '').trim() || (n as Element).querySelector?.('img'))) {
      const p = doc.createElement('p');
      p.append(...run);
      out.push(p);
    }
    run = [];
  };
  for (const node of Array.from(body.childNodes)) {
    const tag = node.nodeType === 1 ? (node as Element).tagName : '';
    if (tag === 'BR') flush();
    else if (BLOCK.test(tag)) {
      flush();
      out.push(node);
    } else run.push(node);
  }
  flush();
  body.replaceChildren(...out);
}
