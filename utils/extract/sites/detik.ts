import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';

/**
 * detik.com, every vertical (news., finance., inet., sport., hot., health., oto., food., travel.) and 20.detik.com
 * video pages. Facts: shared/notes/id-news-sites.md §2 (body, clutter, metas, ?single=1) and §0.1/§0.2.
 * The helpers below are shared by the other Trans Media CMS sites (CNN Indonesia §4, CNBC Indonesia §13),
 * whose templates are the same family: same parallax ads, .linksisip tables, [Gambas:…] placeholders,
 * bare <strong> datelines and desk codes.
 */

/** Block elements that end the run of inline nodes a dateline may sit in. */
const BLOCK = /^(P|DIV|TABLE|FIGURE|H[1-6]|UL|OL|DL|BLOCKQUOTE|SECTION|ASIDE|ARTICLE|HEADER|FOOTER|NAV|PRE|IFRAME|FORM|CENTER|DETAILS|HR)$/;

/**
 * Detik and CNN print the dateline as a bare `<strong>Jakarta</strong> -` (CNN: `<strong>Jakarta, CNN
 * Indonesia</strong> --`) *before* the first <p>, and style that <p> `display: inline` so it reads as one line
 * (detik's CSS `.detail__body-text>p:nth-of-type(1){display:inline}`; S1 folds it the same way). Without this,
 * the dateline becomes a paragraph of its own. Datelines stay (notes §0.2): they move into paragraph 1.
 */
export function foldLeadingDateline(body: Element): void {
  const lead: ChildNode[] = [];
  let first: Element | null = null;
  for (const node of Array.from(body.childNodes)) {
    if (node.nodeType === 8) continue; // comments such as <!--s:parallaxindetail-->
    if (node.nodeType === 1 && BLOCK.test((node as Element).tagName)) {
      first = node as Element;
      break;
    }
    if (node.nodeType === 1 && /^(SCRIPT|STYLE|BR)$/.test((node as Element).tagName)) continue;
    lead.push(node);
  }
  const text = lead.map((n) => n.textContent ?? '').join('').replace(/\s+/g, ' ').trim();
  if (!text || !first || first.tagName !== 'P' || text.split(' ').length > 8) return;
  const doc = body.ownerDocument;
  first.prepend(...lead, doc.createTextNode(' '));
}

/**
 * Runs of loose inline content between blocks become paragraphs: the bare `<strong>(wnv/aud)</strong>` desk code
 * closing detik and CNN bodies (notes §2/§4), and the old templates' plain text split by `<br><br>` (detik
 * #detikdetailtext, CNN div.detail_text). The narrowed body is no <div> Readability would convert, so without
 * this the desk code is no paragraph and cannot be the last line.
 */
export function wrapLooseInline(body: Element): void {
  const doc = body.ownerDocument;
  let run: ChildNode[] = [];
  const flush = (before: ChildNode | null) => {
    const text = run.map((n) => n.textContent ?? '').join('').trim();
    if (text) {
      const p = doc.createElement('p');
      body.insertBefore(p, before);
      p.append(...run);
    }
    run = [];
  };
  for (const node of Array.from(body.childNodes)) {
    const isBlock = node.nodeType === 1 && (BLOCK.test((node as Element).tagName) || /^(SCRIPT|STYLE|BR|HR|IMG|PICTURE|VIDEO)$/.test((node as Element).tagName));
    if (isBlock) flush(node);
    else if (node.nodeType === 1 || node.nodeType === 3) run.push(node);
  }
  flush(null);
}

/**
 * Text the CMS leaves for client-side embeds and video promos (notes §0.2, S7 CSVs): "[Gambas:Video 20detik]",
 * "[Gambas:Video CNN]", "[Gambas:Youtube]"…, and the tails "Simak juga Video: '…'", "Lihat juga Video …",
 * "Tonton juga …", "Saksikan Video …". Also the "BACA JUGA: …" one-liners CNN puts in a bare <p>.
 */
const PLACEHOLDER = /^\[gambas:[^\]]*\]$/i;
const VIDEO_TAIL = /^(?:(simak|lihat|tonton|saksikan)\s+juga\s*(:|video\b)|(simak|tonton|saksikan)\s+video(nya)?\s*[:'"“‘])/i;
const READ_ALSO = /^(baca|lihat) juga\s*:/i;

export function removeEmbedLeftovers(body: Element): void {
  for (const el of Array.from(body.querySelectorAll('p, div, strong, b, h2, h3, h4, h5'))) {
    if (!body.contains(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const words = text.split(' ').length;
    const isPlaceholder = PLACEHOLDER.test(text);
    const isTail = words <= 30 && (VIDEO_TAIL.test(text) || READ_ALSO.test(text));
    if (!isPlaceholder && !isTail) continue;
    // A <strong> line goes with the paragraph it fills.
    const block = el.closest('p') && body.contains(el.closest('p')) ? el.closest('p')! : el;
    if ((block.textContent ?? '').replace(/\s+/g, ' ').trim() === text) block.remove();
  }
  // A placeholder left inline at the end of a real paragraph.
  for (const p of Array.from(body.querySelectorAll('p'))) {
    for (const node of Array.from(p.childNodes)) {
      if (node.nodeType === 3 && /\[gambas:[^\]]*\]/i.test(node.textContent ?? '')) {
        node.textContent = (node.textContent ?? '').replace(/\s*\[gambas:[^\]]*\]\s*/gi, ' ');
      }
    }
  }
}

/**
 * Inline photos: `table.pic_artikel_sisip_table > … div.pic_artikel_sisip > div.pic > img + span(caption)`.
 * Some noise lists drop the whole table, but it is the article's own photo; it becomes a real
 * <figure><img><figcaption>, so the caption is read with it (and generic clutter rules, which read "sisip" in
 * the class as an insert, leave it alone).
 */
export function materializeInlinePhotos(body: Element): void {
  const doc = body.ownerDocument;
  const boxes = body.querySelectorAll('table.pic_artikel_sisip_table, div.pic_artikel_sisip, .pic_artikel');
  for (const box of Array.from(boxes)) {
    if (!body.contains(box)) continue;
    const img = box.querySelector('img');
    if (!img) {
      box.remove();
      continue;
    }
    // (The engine may have turned div.pic into <figure> already: its figcaption is the caption then.)
    const captionEl = box.querySelector('figcaption') ?? box.querySelector('.pic > span, span, .caption, p');
    const caption = (captionEl?.textContent ?? img.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
    const figure = doc.createElement('figure');
    const clone = doc.createElement('img');
    for (const attr of ['src', 'alt', 'width', 'height']) {
      const v = img.getAttribute(attr);
      if (v) clone.setAttribute(attr, v);
    }
    figure.append(clone);
    if (caption) {
      const figcaption = doc.createElement('figcaption');
      figcaption.textContent = caption;
      figure.append(figcaption);
    }
    box.replaceWith(figure);
  }
}

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
