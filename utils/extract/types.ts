/** What the reader shows: the result of extracting one page. */
export interface Article {
  /** The page URL the article was read from (canonical when the page declares one on the same site). */
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601; with an offset when the page or the site rule knows it. */
  publishedTime: string | null;
  /**
   * The zone the page states its time in, so that every view shows the time as the page did (issue 13): "WIB",
   * "WITA" or "WIT" (Indonesian pages), or a UTC offset such as "-04:00"; null or absent when the page states none
   * (the time is then shown in the reader's own zone). Absent on articles saved before it existed.
   */
  publishedZone?: string | null;
  /** BCP 47 language tag of the article, lower-case primary subtag (e.g. "id", "en", "ar"). */
  lang: string | null;
  dir: 'ltr' | 'rtl';
  leadImage: LeadImage | null;
  /** Sanitized HTML of the body (no title, no byline). Safe to pass to the sanitizer's toFragment. */
  contentHtml: string;
  textContent: string;
  excerpt: string;
  wordCount: number;
  readingMinutes: number;
  /** Id of the site rule that shaped the extraction, or null for the generic path. */
  ruleId: string | null;
  /** Set by readArticle when the article spans several pages. */
  pages?: PagesInfo;
}

export interface PagesInfo {
  /** Pages whose text is in the article (1 = a single page). */
  joined: number;
  /** Pages the article has, as far as the page says (>= joined). */
  total: number;
  /** Pages that could not be fetched, by number, with the URL tried. */
  missing: { page: number; url: string; reason: string }[];
}

export interface LeadImage {
  src: string;
  alt: string;
  caption: string | null;
  /** True when the body already shows this image, so the view must not repeat it above the body. */
  inBody: boolean;
}

export interface ExtractOptions {
  /** The page's URL: used for site rules, absolute links and metadata. */
  url: string;
  /**
   * The user's own fix for this site (utils/settings.ts UserRule, made in the reader by "Pick the article" and
   * "Remove a block"): `body` is the selector of the block to read, `remove` selectors of blocks to drop. Applied
   * before the built-in rules; a selector that matches nothing (the site changed) is simply skipped.
   */
  userRule?: { body?: string; remove?: string[] };
  /**
   * Apply the "is this an article?" gates (too few words, a teaser listing, no title, Readability's quick check).
   * For auto-clean and detection, where a wrong guess takes over a page nobody asked to change. An explicit
   * request (button, shortcut, menu) leaves it off and gets the best extraction there is.
   */
  gate?: boolean;
}
