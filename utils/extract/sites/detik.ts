import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';
import { foldLeadingDateline, materializeInlinePhotos, removeEmbedLeftovers, wrapLooseInline } from './kit';

/**
 * detik.com, every vertical (news., finance., inet., sport., hot., health., oto., food., travel.) and 20.detik.com
 * video pages. Facts: shared/notes/id-news-sites.md §2 (body, clutter, metas, ?single=1) and §0.1/§0.2.
 * The Trans Media CMS steps it shares with CNN Indonesia and CNBC Indonesia are in the rules' kit (./kit.ts).
 */

/**
 * `.collapsible` is on the detik noise lists (notes §2), but a collapsible box may also fold away the rest of
 * the article text: it goes only when it holds no run of real paragraphs.
 */
function removeCollapsibleClutter(body: Element): void {
  for (const box of Array.from(body.querySelectorAll('.collapsible'))) {
    const prose = Array.from(box.querySelectorAll('p')).filter((p) => (p.textContent ?? '').trim().split(/\s+/).length >= 25);
    if (prose.length < 2) box.remove();
  }
}

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const detikAddress: SiteAddress = {
  id: 'detik',
  name: 'detikcom',
  // "detik.com" covers www. and every vertical of notes §2: news., finance., inet., sport., hot., health., oto.,
  // food., travel. and 20.detik.com. (Listing them again would only add duplicate auto-clean match patterns.)
  hosts: ['detik.com'],
  // Every documented shape (notes §2): current `/{category}/d-{id}/{slug}` (also `www.detik.com/{region}/berita/d-…`),
  // with a trailing page `/N` or `?single=1`; 2020 finance `/berita-ekonomi-bisnis/{7-digit id}/{slug}` (S10);
  // old `/read/YYYY/MM/DD/HHMMSS/{id}/…` (S15); 20detik videos `/{program}/{YYYYMMDD}-{9-digit id}/{slug}`
  // (yt-dlp's Detik20IE). Home, /tag/, /search/, /indeks pages have none of these.
  articleUrl:
    /^\/(?:(?:[\w-]+\/)*d-\d{5,}(?:[/?]|$)|[a-z-]+\/\d{6,7}\/[\w-]+|read\/\d{4}\/\d{2}\/\d{2}\/\d{6}\/\d+|[\w-]+\/\d{8}-\d{9}(?:[/?]|$))/i,
};

export const detik: SiteRule = {
  ...detikAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://20.detik.com/detikupdate/20240612-240612087/warga-gotong-royong-bangun-jembatan-bambu-usai-banjir-putus-akses-desa',
      'https://oto.detik.com/mobil/d-7425519/catatan-mudik-pakai-mobil-listrik-jakarta-semarang-dua-kali-isi-daya/2',
      'http://inet.detik.com/read/2015/11/05/100026/3062623/323/google-umbar-kelemahan-galaxy-s6-edge',
    ],
    notArticles: [
      'https://www.detik.com/',
      'https://news.detik.com/berita',
      'https://www.detik.com/tag/banjir',
      'https://www.detik.com/search/searchall?query=banjir',
      'https://news.detik.com/indeks',
      'https://20.detik.com/',
    ],
  },
  // Article pictures live on the group's CDN under detik.net.id, another site than detik.com.
  pictureHosts: ['akcdn.detik.net.id'],
  body: [
    'div.detail__body-text.itp_bodycontent', '.detail__body-text', '#detikdetailtext', 'div.itp_bodycontent',
    // 2012–2020 templates (S10, S15, S16)
    'div.detail_text', 'div.text_detail',
  ],
  remove: [
    // Scroll ads: span/p.para_caption "ADVERTISEMENT" / "SCROLL TO CONTINUE WITH CONTENT" inside.
    '.parallaxindetail', '[class*="ads-scrollpage"]', '.staticdetail_container', '[id^="div-gpt-ad"]', '.aevp',
    // "Baca juga" boxes, current (.noncontent) and older (table.linksisip > div.lihatjg).
    '.noncontent', '.linksisip', '.lihatjg',
    '.detail__body-tag',
    // The pager of multi-page articles sits inside the body text.
    '.detail__long-nav', '.detail__multiple',
    'script', 'style', 'noscript',
  ],
  titleStrip: [/\s+-\s+detik\w*$/i, /\s+\|\s+20detik$/i],
  timezone: '+07:00',
  metadata: {
    title: ['h1.detail__title', '.jdl h1', 'div.content_detail h1'],
    // "Anggi Pramesti - detikNews": the engine strips the " - detikXxx" label; columnists have their own box.
    byline: ['.detail__author', '.box-kolumnis__desc h5', '.jdl .author'],
    leadImage: ['figure.detail__media-image img', '.detail__media-image img'],
  },
  // ?single=1 shows every page in one document (notes §0.1, ✔✔); a trailing /N (page N) is stripped first.
  pagination: {
    allPagesUrl: allPagesByParam('single', '1', { path: (p) => p.replace(/(\/d-\d+\/[^/]+)\/\d{1,2}\/?$/, '$1') }),
    // Only multi-page articles carry the long-nav with numbered a.detail__anchor-numb links.
    pager: ['.detail__long-nav', 'a.detail__anchor-numb'],
  },
  clean: (body) => {
    removeCollapsibleClutter(body);
    materializeInlinePhotos(body);
    removeEmbedLeftovers(body);
    foldLeadingDateline(body);
    wrapLooseInline(body);
  },
};
