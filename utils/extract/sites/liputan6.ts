import type { SiteAddress, SiteRule } from './types';

/**
 * Liputan6.com (KLY group): facts in shared/notes/id-news-sites.md §5 and §0.
 *
 * Every page of a multi-page article is already in the document (notes §0.1, §5): desktop pages are
 * `.article-content-body__item-page[data-page=N]` blocks (page 2+ titled by an h2 / `data-title`), mobile pages
 * `.article-content-body__item` sections split by "Scroll down untuk melanjutkan membaca" breaks and
 * "2 dari 3 halaman" indexes, the later ones collapsed behind "Lanjutkan Membaca ↓". So: `inDocument`, and
 * clean() unhides, flattens and de-separates the sections. Photo galleries keep only slide 1's caption visible;
 * every slide's caption is in a `data-short-desc` attribute (saved Liputan6 pages), so clean() rebuilds them.
 */

/** Page separators and the load-more button, when they are a block's whole text. */
const SEPARATOR = /^(\d+\s*dari\s*\d+\s*halaman|scroll (down|ke bawah) untuk (melanjutkan|lanjut) membaca|lanjutkan membaca\s*[↓⬇]?)$/i;
/** The promo line above a "video pilihan" embed, often closing page 1 (notes §5). */
const VIDEO_PROMO = /^(saksikan|simak|tonton)( juga)? video( pilihan)?( (berikut|di bawah)( ini)?)?\s*:?$/i;

const SECTIONS = '.article-content-body__item-page, .article-content-body__item, [data-page]';
const WRAPPERS =
  '.article-content-body__item-page, .article-content-body__item, .article-content-body__item-content, .article-raw-content, .article-short-desc, ' +
  '.article-readpage--section';

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();

/** Sections collapsed behind "Lanjutkan Membaca" are text of the article: show them. */
function unhideSections(body: Element): void {
  for (const el of Array.from(body.querySelectorAll(SECTIONS))) {
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '')) el.removeAttribute('style');
    el.removeAttribute('hidden');
    el.removeAttribute('aria-hidden');
  }
}

/** A desktop page with a `data-title` but no heading of its own gets its title back as an h2. */
function titlePages(body: Element): void {
  for (const page of Array.from(body.querySelectorAll('[data-page][data-title]'))) {
    const title = (page.getAttribute('data-title') ?? '').trim();
    if (!title || page.querySelector('h2, h3')) continue;
    const h2 = body.ownerDocument.createElement('h2');
    h2.textContent = title;
    page.prepend(h2);
  }
}

/**
 * Gallery: one <figure><img><figcaption> per slide, captions from `data-short-desc` (only slide 1's caption is
 * rendered), in place of the slider with its counters, thumbnails and the single visible caption box.
 */
function materializeGallery(body: Element): void {
  const items = Array.from(body.querySelectorAll('[data-short-desc]'));
  if (!items.length) return;
  const doc = body.ownerDocument;
  const figures = items.map((item) => {
    const figure = doc.createElement('figure');
    const img = item.querySelector('img');
    const src = img?.getAttribute('src') || item.getAttribute('data-image');
    if (img) figure.append(img);
    else if (src) {
      const made = doc.createElement('img');
      made.setAttribute('src', src);
      figure.append(made);
    }
    // The attribute may carry markup ("<p>…</p>"): its text only, never parsed.
    const caption = (item.getAttribute('data-short-desc') ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    if (caption) {
      const figcaption = doc.createElement('figcaption');
      figcaption.textContent = caption;
      figure.append(figcaption);
    }
    return figure;
  });
  // A line break between figures, as the page's own markup has between blocks: the text reads "…tambak. Garam…".
  const spaced = figures.flatMap((figure, i) => (i ? ['\n', figure] : [figure]));
  const slider = items[0].closest('.article-photo-gallery, .article-gallery-slider');
  if (slider && slider !== body && body.contains(slider) && !slider.querySelector('.article-short-desc')) {
    slider.replaceWith(...spaced);
  } else {
    items[0].before(...spaced);
    for (const item of items) item.remove();
  }
}

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const liputan6Address: SiteAddress = {
  id: 'liputan6',
  name: 'Liputan6.com',
  // www., m. and channel subdomains (hot.liputan6.com/read/… is canonical for some channels).
  hosts: ['liputan6.com'],
  // www/m: /{channel}/read/{id}/{slug} (photo/foto/video channels are galleries); channel subdomains: /read/{id}/{slug}.
  articleUrl: /^\/(?:[a-z0-9-]+\/)?read\/\d+(?:[/?]|$)/,
};

export const liputan6: SiteRule = {
  ...liputan6Address,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://hot.liputan6.com/read/5598214/konser-amal-musisi-yogyakarta-kumpulkan-rp1-miliar-untuk-korban-banjir-lahar-dingin',
      'https://www.liputan6.com/news/read/4600123/foto-petani-garam-madura-panen-di-tengah-kemarau-panjang',
      'http://news.liputan6.com/read/2254252/wapres-jk-dan-ahok-blusukan-dari-udara',
    ],
    notArticles: [
      'https://www.liputan6.com/',
      'https://www.liputan6.com/news',
      'https://www.liputan6.com/tag/banjir',
      'https://www.liputan6.com/search?q=banjir',
      'https://www.liputan6.com/news/indeks',
      'https://www.liputan6.com/photo',
    ],
  },
  // KLY's picture hosts on Akamai (a shared CDN: only these exact names, never *.akamaized.net).
  pictureHosts: ['cdn0-production-images-kly.akamaized.net', 'cdn1-production-images-kly.akamaized.net'],
  body: [
    'div.article-content-body[itemprop="articleBody"]',
    'div.article-content-body',
    // Galleries have no article-content-body: the short description and the slider share one parent, or
    // (2021 mobile) stand in sibling sections of one box, after the breadcrumb and header sections.
    'div:has(> .article-readpage--section > .article-short-desc):has(> .article-readpage--section [data-short-desc])',
    'div:has(> .article-short-desc)',
    '.article-short-desc',
  ],
  remove: [
    '.baca-juga-collections', '.baca-juga-collections__detail', '.baca-juga', '.baca-juga__list',
    '.article-content-body__break', '.article-content-body__item-index', '.article-content-body__load-more',
    '.advertisement-text', '.iklan', '.article-ad', '[id^="gpt-ad"]', '[id^="div-gpt-ad"]', '[id^="div-revive-ad"]',
    '.read-page--photo-gallery--item__zoom', '.article-photo-gallery--zoom',
    // The 2021 mobile gallery's box also holds the breadcrumb and the header (headline, byline, dates).
    '.breadcrumb', '.article-header',
    // Related-article cards embedded in the mobile body (S5 collects them as <article> links).
    'article',
  ],
  timezone: '+07:00',
  titleStrip: [/\s+-\s+(?:[\w+ ]+\s)?Liputan6\.com$/i],
  metadata: {
    // The mobile byline line reuses h1.article-header__title ("Oleh X pada …"): the first one is the headline.
    title: ['h1.read-page--header--title', 'h1.article-header__title'],
    byline: ['.read-page--header--author__name', 'a.article-header__author-link', '.read-page-box__author__name'],
    leadImage: [
      '.read-page--top-media img',
      'img.read-page--photo-gallery--item__picture-lazyload',
      '.article-photo-gallery--item__content img',
    ],
  },
  pagination: { inDocument: true },
  clean(body) {
    unhideSections(body);
    titlePages(body);
    materializeGallery(body);
    // "Baca Juga" header with its list of links (mobile).
    for (const header of Array.from(body.querySelectorAll('.baca-juga__header'))) {
      const list = header.nextElementSibling;
      if (list && /^(UL|OL)$/.test(list.tagName)) list.remove();
      header.remove();
    }
    for (const el of Array.from(body.querySelectorAll('p, div, span, strong, b'))) {
      if (!body.contains(el) || el.querySelector('p, div')) continue;
      const t = text(el);
      if (SEPARATOR.test(t)) el.remove();
      else if (VIDEO_PROMO.test(t)) {
        const block = el.closest('p') ?? el;
        const next = block.nextElementSibling;
        if (next && next.matches('iframe, video, [class*="video" i], :has(iframe, video)')) next.remove();
        block.remove();
      }
    }
    // One flat run of blocks, so the reader sees every page, not only the section with the most text.
    for (const wrapper of Array.from(body.querySelectorAll(WRAPPERS))) wrapper.replaceWith(...Array.from(wrapper.childNodes));
  },
};
