import type { SiteAddress, SiteRule } from './types';
import { normalizeSpace, textOf } from '../dom';

/**
 * BBC News Indonesia (www.bbc.com/indonesia only): shared/notes/id-news-sites.md §15 is thin. Class names are
 * hashed and unstable ("bbc-1i4ie53 e1d658bg0"), so everything here keys on roles, ids, data-* attributes and the
 * service's fixed labels, never on classes:
 * - World Service pages (the Simorgh app; labels from its Indonesian service config): the article is
 *   main[role=main]; byline region section[aria-labelledby=article-byline] ("Penulis, … Peranan, …"); images carry
 *   an off-screen "Sumber gambar, " copyright line and a "Keterangan gambar, " caption label (the copy-paste noise
 *   U1 lists); the podcast promo, the "Iklan" slot, social-embed skip links and the recommendations block sit
 *   inside main; related topics, related content and most read sit outside it.
 * - bbc.com generic rules (S15, bbc.com.txt): headline/byline/links/tag blocks by data-component, byline-role,
 *   nav, button, svg; the older story-body template (#story-body, .story-body__inner) with its copyright container.
 */

/** Off-screen labels Simorgh puts before a caption or a copyright line (Indonesian service config). */
const CAPTION_LABEL = /^\s*(keterangan gambar|keterangan video|keterangan audio|keterangan|image caption|media caption)\s*,?\s*/i;
/** A copyright line on an image: "Sumber gambar, Getty Images" (Simorgh), "Hak atas foto Getty Images" (older template). */
const IMAGE_SOURCE = /^(sumber gambar|hak atas foto|image source|copyright)\b/i;
/** Skip links and their end markers around promos and embeds ("Lewati %title% dan lanjutkan membaca"). */
const SKIP_LINE = /^((lewati|lewatkan|hentikan|lompati)\b.*\b(dan (lanjutkan|terus) membaca|pesan(,\s*\d+)?)|akhir dari\b.*)$/i;
/** Social-embed warnings, byline and timestamp lines (U1: "Telah diterbitkan 12 Mei 2025"). */
const NOISE_LINE =
  /^(peringatan: (bbc tidak bertanggung jawab|konten pihak ketiga).*|konten \S+ mungkin memuat iklan|informasi artikel|(telah diterbitkan|diperbarui|diterbitkan)\s+\d{1,2}\s+\S+\s+\d{4}|iklan)$/i;

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const bbcindonesiaAddress: SiteAddress = {
  id: 'bbcindonesia',
  name: 'BBC News Indonesia',
  hosts: ['bbc.com'],
  // The rule covers the Indonesian service only: the rest of bbc.com keeps the generic path.
  matches: ['*://www.bbc.com/indonesia/*', '*://bbc.com/indonesia/*'],
  // /indonesia/articles/{c + 11-12 chars} (≥8 public files); older /indonesia/{section}-{8 digits} stories and
  // /indonesia/{section}/YYYY/MM/YYMMDD_{slug} pages. Numbered index pages that share the old shape (Majalah,
  // Liputan Mendalam, institutional pages in the service's own navigation) are not articles.
  articleUrl:
    /^\/indonesia\/(?:articles\/c[a-z0-9]{10,12}|(?!majalah-51456120\b|laporan-khusus-51267199\b)(?:indonesia|dunia|majalah|olahraga|sains|media|laporan-khusus|vert-[a-z]+)-\d{8}|[a-z_]+\/\d{4}\/\d{2}\/\d{6}_[a-z0-9_-]+)(?:\.amp)?(?:\.shtml)?\/?(?:\?.*)?$/i,
};

export const bbcindonesia: SiteRule = {
  ...bbcindonesiaAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://www.bbc.com/indonesia/articles/c4gl2kzm0v8o',
      'https://www.bbc.com/indonesia/indonesia-40012345',
    ],
    notArticles: [
      'https://www.bbc.com/indonesia',
      'https://www.bbc.com/indonesia/topics/cjgn7k8yx4gt',
      'https://www.bbc.com/indonesia/majalah-51456120',
      'https://www.bbc.com/indonesia/laporan-khusus-51267199',
      'https://www.bbc.com/indonesia/popular/read',
    ],
  },
  // Pictures come from the BBC's image service on another site (fixtures: every figure).
  pictureHosts: ['ichef.bbci.co.uk'],
  body: ['main[role="main"]', '.story-body__inner', '[property="articleBody"]', '#story-body', '.story-body'],
  remove: [
    // Simorgh (inside main): headline, byline region, promos, ads, recommendations, social-embed skip targets.
    'h1#content', 'section[aria-labelledby="article-byline"]', '[aria-labelledby="podcast-promo"]', '[data-e2e="podcast-promo"]',
    '[data-e2e="advertisement"]', '[aria-labelledby="recommendations-heading"]', '[data-e2e="recommendations-heading"]',
    '[data-e2e="related-topics"]', '[data-e2e="related-content-heading"]', '[data-e2e="most-read"]',
    '[data-e2e="top-stories-heading"]', '[data-e2e="features-analysis-heading"]', 'a[href^="#end-of-"]', '[id^="end-of-"]',
    // bbc.com generic (S15): data-component blocks, byline role, chrome.
    '[data-component="headline-block"]', '[data-component="byline-block"]', '[data-component="links-block"]',
    '[data-component="tag-list"]', '[data-component="tags"]', '[data-component="see-alsos"]', '[data-component="ad-slot"]',
    '[data-component="advertisement-block"]', '[data-testid="byline-role"]', 'nav', 'button', 'svg',
    // Older story-body template (S15): headline, byline, date, share tools, related links, ads, copyright labels.
    '.story-body__h1', '.byline', '.date', '.mini-info-list-wrap', '.mini-info-list', '[class*="share-tools"]',
    '#also-related-links', '.story-more', '.group.story-alsos', '.tags-container', '.bbccom_advert_placeholder',
    '.story-image-copyright', 'figure .off-screen',
  ],
  titleStrip: [/\s+-\s+BBC News Indonesia$/i],
  metadata: {
    // The headline Simorgh prints (JSON-LD may type the page ReportageNewsArticle; og:title carries the brand).
    title: ['main[role="main"] h1#content', 'main[role="main"] h1', '.story-body__h1'],
    byline: [
      'section[aria-labelledby="article-byline"] a .byline-link',
      'section[aria-labelledby="article-byline"] a .byline__link-text',
      'section[aria-labelledby="article-byline"] li span[role="text"] > span:last-child',
      '.byline__name',
    ],
    dateMeta: ['article:published_time'],
  },
  clean(body) {
    // Image copyright lines go; caption labels go, captions stay (every caption of a gallery is text).
    for (const fig of Array.from(body.querySelectorAll('figure'))) {
      for (const el of Array.from(fig.querySelectorAll('p, span, div'))) {
        if (fig.contains(el) && !el.closest('figcaption') && !el.querySelector('img, picture, video') && IMAGE_SOURCE.test(textOf(el))) el.remove();
      }
    }
    for (const cap of Array.from(body.querySelectorAll('figcaption, .media-caption'))) stripLeadingLabel(cap);
    // A timestamp standing on its own (not a date inside a sentence).
    for (const time of Array.from(body.querySelectorAll('time'))) {
      if (!time.closest('p, li, blockquote, figcaption')) (time.parentElement?.children.length === 1 ? time.parentElement : time).remove();
    }
    for (const el of Array.from(body.querySelectorAll('p, div, span, strong, a, li'))) {
      if (!body.contains(el) || el.querySelector('p, div')) continue;
      const text = textOf(el);
      if (text && (SKIP_LINE.test(text) || NOISE_LINE.test(text))) el.remove();
    }
  },
};

/** Removes the "Keterangan gambar, " label at the start of a caption, in its own element or as leading text. */
function stripLeadingLabel(cap: Element): void {
  const doc = cap.ownerDocument;
  const walker = doc.createTreeWalker(cap, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!n.data.trim()) continue;
    if (CAPTION_LABEL.test(n.data)) {
      const rest = n.data.replace(CAPTION_LABEL, '');
      // The label is the whole of its element (Simorgh's off-screen span): drop the element.
      if (!rest.trim() && n.parentElement && n.parentElement !== cap && textOf(n.parentElement) === normalizeSpace(n.data)) {
        n.parentElement.remove();
      } else {
        n.data = rest;
      }
    }
    return;
  }
}
