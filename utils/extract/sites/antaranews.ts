import type { SiteAddress, SiteRule } from './types';
import { allPagesByParam } from '../site-urls';

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const antaranewsAddress: SiteAddress = {
  id: 'antaranews',
  name: 'ANTARA News',
  hosts: ['antaranews.com'],
  // /berita/{numeric id}/{slug}, also ?page=N and ?page=all. /foto/, /video/, /infografik/, /tag/ are not articles.
  articleUrl: /^\/berita\/\d+\/[^/?#]+/,
};

/**
 * ANTARA News: facts in shared/notes/id-news-sites.md §11. Articles are /berita/{id}/{slug} on www and on the
 * regional hosts (jabar., sumut., ...: S2's notes); body div.post-content (older div.post-content.clearfix, whose
 * paragraphs are bare text between <br /><br />), read-also span.baca-juga (bare, or alone in a <p>), the closing
 * p.text-muted credit "Pewarta: … Editor: … COPYRIGHT © ANTARA", ul.blog-tags (S4, S11). ?page=all holds every
 * page of a split article (S2, U2).
 */
export const antaranews: SiteRule = {
  ...antaranewsAddress,
  // What the article URL test must say yes and no to (test/unit/site-examples.test.ts): home, section, tag,
  // search and index pages are not articles.
  examples: {
    articles: [
      'https://www.antaranews.com/berita/4250173/nelayan-pesisir-selatan-garut-dilatih-membaca-peringatan-dini-cuaca-laut',
      'https://jabar.antaranews.com/berita/512688/petani-kopi-gunung-puntang-bangun-rumah-pengeringan-tenaga-surya',
      'http://www.antaranews.com/berita/527615/29-penerbangan-bandara-internasional-lombok-dibatalkan',
    ],
    notArticles: [
      'https://www.antaranews.com/',
      'https://www.antaranews.com/politik',
      'https://www.antaranews.com/tag/banjir-rob',
      'https://www.antaranews.com/search?q=banjir',
      'https://www.antaranews.com/video',
      'https://www.antaranews.com/terkini',
    ],
  },
  // The newer template's wrapper name is unconfirmed (notes §11); post-content is on both.
  body: ['div.post-content', '.wrap__article-detail-content'],
  // A span.baca-juga alone in its <p> leaves an empty <p> behind, which the generic cleaners drop; removing the
  // span (not its parent) keeps the body whole on the <br>-separated template, where its parent is the body.
  remove: [
    'span.baca-juga', 'p.text-muted', 'ul.blog-tags', '.pagination', '[id^="div-gpt-ad"]', 'ins.adsbygoogle',
    '.ads-inarticle', 'script', 'style',
  ],
  timezone: '+07:00',
  titleStrip: [/\s+-\s+ANTARA News(?:\s+\w+)*$/i],
  metadata: {
    title: ['h1.post-title'],
  },
  // The older template is bare text between <br /><br />: make those runs paragraphs here, since the narrowed body
  // is no longer a <div> and Readability wraps loose text into <p> only inside divs.
  clean: (body) => paragraphsFromBreaks(body),
  pagination: {
    allPagesUrl: allPagesByParam('page', 'all'),
    // The notes name no pager markup for ANTARA; its templates are Bootstrap (clearfix, text-muted, col-md-8),
    // whose pager is ul.pagination. A link to ?page=2 of a /berita/ page also shows the article is split.
    pager: ['.post-content ~ .pagination', '.post-content .pagination', 'a[href*="/berita/"][href*="?page=2"]'],
  },
};

const PHRASING = /^(A|ABBR|B|BDI|BDO|CITE|CODE|DFN|EM|I|KBD|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR|WBR|BR|IMG)$/;

/** Wraps runs of loose text and inline elements (split at <br><br>) in <p>; block children stay as they are. */
function paragraphsFromBreaks(body: Element): void {
  const loose = Array.from(body.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim().length > 40);
  if (!loose) return;
  const doc = body.ownerDocument;
  let run: Node[] = [];
  const flush = (before: Node | null): void => {
    // Line breaks at either end of a run are the paragraph gap, not content.
    while (run.length && isBreakOrBlank(run[0])) dropNode(run.shift()!);
    while (run.length && isBreakOrBlank(run[run.length - 1])) dropNode(run.pop()!);
    if (run.length) {
      const p = doc.createElement('p');
      body.insertBefore(p, before);
      p.append(...run);
    }
    run = [];
  };
  for (const node of Array.from(body.childNodes)) {
    if (node.nodeType === 1 && !PHRASING.test((node as Element).tagName)) {
      flush(node);
      continue;
    }
    if (node.nodeName === 'BR' && nextSignificant(node)?.nodeName === 'BR') {
      flush(node);
      node.parentNode?.removeChild(node);
      continue;
    }
    run.push(node);
  }
  flush(null);
}

const isBreakOrBlank = (n: Node): boolean => n.nodeName === 'BR' || (n.nodeType === 3 && !(n.textContent ?? '').trim());
const dropNode = (n: Node): void => {
  if (n.nodeName === 'BR') n.parentNode?.removeChild(n);
};

function nextSignificant(node: Node): Node | null {
  let n = node.nextSibling;
  while (n && n.nodeType === 3 && !(n.textContent ?? '').trim()) n = n.nextSibling;
  return n;
}
