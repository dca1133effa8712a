/**
 * The site and which of its pages are articles: what the small auto-clean script decides with on every page of the
 * supported sites, before anything paints. Kept apart from the rest of the rule so that script stays light
 * (sites/addresses.ts lists them; each rule spreads its own).
 */
export interface SiteAddress {
  /** Unique id, also the fixture folder name under test/fixtures/sites/. */
  id: string;
  /** Human name, shown in the UI and used as the site name when the page names none. */
  name: string;
  /** Hosts the rule serves; "kompas.com" also matches every subdomain of kompas.com. */
  hosts: readonly string[];
  /**
   * Match patterns for the auto-clean content script (and so the install-time host permission), when the rule
   * covers only part of a host (bbc.com/indonesia). Default: every page of `hosts` and their subdomains.
   */
  matches?: readonly string[];
  /** Article pages (tested on pathname + search); other URLs of the host get the generic path. */
  articleUrl?: RegExp;
}

/**
 * A site rule is data first: where the body is, what clutter sits inside it, where it ends, and where the
 * metadata lives. `clean()` is for what selectors cannot say. Rules run on a clone, never on the live page.
 */
export interface SiteRule extends SiteAddress {
  /**
   * Addresses the article URL test must accept (articles of every layout the rule knows) and refuse (the site's
   * home, section, tag, search and index pages): checked by test/unit/site-examples.test.ts. Not part of the
   * address, so the script that runs on every page of the site does not carry them.
   */
  examples: { articles: readonly string[]; notArticles: readonly string[] };
  /**
   * Hosts outside `hosts` that serve the site's pictures (a shared CDN: detik's akcdn.detik.net.id, BBC's
   * ichef.bbci.co.uk). They join the install-time host permissions, so a saved article of the site keeps its
   * pictures without asking. Exact host names only, each seen in the site's fixtures (test/unit/picture-hosts.test.ts).
   */
  pictureHosts?: readonly string[];
  /** Selectors of the article body, best first. */
  body: readonly string[];
  /** Elements inside the body that are never article text. */
  remove?: readonly string[];
  /** Elements inside the body whose enclosing paragraph (p, div, li) is clutter, e.g. read-also links. */
  removeParagraphsWith?: readonly string[];
  /** The body ends before the first of these (everything from it on is dropped). */
  endBefore?: readonly string[];
  /**
   * The site's own lines that are not text ("Pilihan Editor: …", "Halaman 2"): a block whose whole text matches
   * one goes (sites/kit.ts removeClutterLines). Judged last, after `clean()`, on the blocks as the reader shows them.
   */
  clutterText?: readonly RegExp[];
  /** Phrases that start the tail of the page inside the body: the block with one and all after it go. */
  stopPhrases?: readonly string[];
  /** Offset for dates the site publishes without one (e.g. "+07:00" for WIB). */
  timezone?: string;
  /** Patterns stripped from the title (e.g. Kompas's " Halaman all"). */
  titleStrip?: readonly RegExp[];
  metadata?: {
    title?: readonly string[];
    titleMeta?: readonly string[];
    byline?: readonly string[];
    bylineMeta?: readonly string[];
    date?: readonly string[];
    dateMeta?: readonly string[];
    leadImage?: readonly string[];
  };
  /** How to reach the other pages of a multi-page article (see utils/extract/pages.ts). */
  pagination?: SitePagination;
  /** Last changes the data cannot express. Receives the narrowed body. */
  clean?: (body: Element) => void;
}

export interface SitePagination {
  /** Every page is already in the document (Liputan6 sections, Merdeka page-break markers). */
  inDocument?: boolean;
  /**
   * The URL of one page that holds the whole article (Kompas ?page=all, Detik ?single=1), or null when `url`
   * already is that page. Fetched only when the document shows it is one of several pages (`pager`).
   */
  allPagesUrl?: (url: URL) => string | null;
  /** Elements that show the article has more pages (a pager); without one, the page is taken as whole. */
  pager?: readonly string[];
  /** Links to the next page, for sites read page by page. */
  next?: readonly string[];
}
