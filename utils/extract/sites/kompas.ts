import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const kompasAddress: SiteAddress = {
  id: 'kompas',
  name: 'Kompas.com',
  hosts: ['kompas.com'],
  // {kanal}.kompas.com/read/YYYY/MM/DD/{id}/{slug} and www.kompas.com/{kanal}/read/...
  articleUrl: /^\/(?:[a-z-]+\/)?read\/\d{4}\/\d{2}\/\d{2}\/\d+/,
};

/**
 * Kompas.com: facts in shared/notes/id-news-sites.md §1 (body div.read__content, read-also paragraphs with
 * a.inner-link-baca-juga, the Kompas.com+ gate, #EndOfArticle, the content_* metas in WIB).
 */
export const kompas: SiteRule = {
  ...kompasAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://regional.kompas.com/read/2024/07/22/093000878/guru-sd-di-temanggung-hidupkan-perpustakaan-akhir-pekan-murid-diajak-baca-sejarah-desa',
      'https://www.kompas.com/sains/read/2024/08/05/190500523/peneliti-temukan-anggrek-spesies-baru-di-hutan-pegunungan-sulawesi-tengah',
      'http://bola.kompas.com/read/2015/06/17/22260808/supaya.timnya.mengalah.eks.pelatih.mengaku.ditawari.rp.200.juta',
    ],
    notArticles: [
      'https://www.kompas.com/',
      'https://nasional.kompas.com/',
      'https://www.kompas.com/tag/banjir',
      'https://search.kompas.com/search/?q=banjir',
      'https://indeks.kompas.com/',
      'https://video.kompas.com/',
    ],
  },
  body: ['div.read__content', '.read__content-body', 'article .read__article'],
  remove: [
    '.kompasidRec', '.ads-on-body', '.ads-partner-wrap', '.gate-kgplus', '.read__paging', 'span.liftdown_v2_tanda',
    '.fb-quote', 'div.wSpec', 'div.native-wrap', '.read__byline', '.read__credit', '.read__photo', '.photo__wrap',
    '[id^="div-gpt-ad"]', '.ads', '.inner-link-baca-juga',
  ],
  removeParagraphsWith: ['a.inner-link-baca-juga'],
  endBefore: ['#EndOfArticle'],
  // Hard stops: the Kompas.com+ and "apresiasi" boxes start the page tail inside the body.
  stopPhrases: ['Baca berita tanpa iklan', 'dalam segala situasi, kompas.com berkomitmen', 'Berikan apresiasi', 'Kirimkan apresiasi spesial'],
  timezone: '+07:00',
  titleStrip: [/\s+Halaman all.*$/i, /\s+-\s+Kompas\.com$/i],
  // ?page=all holds every page in one document (notes §0.1, seven sources agree).
  pagination: {
    allPagesUrl: allPagesByParam('page', 'all'),
    pager: ['.read__paging', '.paging__wrap', '.paging'],
  },
  metadata: {
    title: ['h1.read__title'],
    bylineMeta: ['content_author'],
    byline: ['.read__credit__item [id^="penulis"] a', '#penulis a', '.read__credit .credit-title-name', '.read__credit__item a'],
    dateMeta: ['content_PublishedDate'],
    date: ['.read__time'],
    leadImage: ['.photo__wrap img', '.cover-photo img', '.read__photo img'],
  },
};
