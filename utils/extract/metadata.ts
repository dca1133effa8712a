/**
 * Article metadata from, in order of trust: the site rule, JSON-LD (NewsArticle and friends), OpenGraph and
 * other meta tags, then the page's own markup. Read from the document before any cleaning changes it.
 */
import { allElements, byTag, firstMatch, normalizeSpace, siteHost, textOf, wordCount } from './dom';
import type { SiteRule } from './sites/types';
import { plainText } from '../sanitize';
import { isoOffsetMinutes, zoneForOffset, zoneInText } from '../locale-format';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  /** The zone the page states its time in (see Article.publishedZone). */
  publishedZone: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  leadImage: { src: string; alt: string; caption: string | null } | null;
  excerpt: string | null;
  canonicalUrl: string | null;
  /** The page's first <h1>, the headline of last resort. */
  firstHeading: string | null;
  /** The page declares itself an article (JSON-LD article type, og:type article, article:published_time). */
  declaresArticle: boolean;
}

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'blogposting', 'reportagenews', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'reviewnewsarticle', 'backgroundnewsarticle', 'techarticle', 'scholarlyarticle', 'report', 'liveblogposting',
  'socialmediaposting', 'posting', 'satiricalarticle', 'advertisercontentarticle', 'medicalscholarlyarticle',
]);

type Json = Record<string, unknown>;

function typesOf(node: Json): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
}

const ldCache = new WeakMap<Document, Json[]>();

/** Every JSON-LD object in the page, with @graph and arrays flattened. Broken blocks are skipped. */
export function readJsonLd(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const obj = v as Json;
    out.push(obj);
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
  };
  const cached = ldCache.get(doc);
  if (cached) return cached;
  ldCache.set(doc, out);
  // getElementsByTagName: far cheaper than an attribute selector in every DOM implementation.
  for (const script of byTag(doc, 'script')) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const raw = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').replace(/^\s*<!--|-->\s*$/g, '');
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // Sites ship invalid JSON-LD (trailing commas, raw newlines); the other sources still apply.
    }
  }
  return out;
}

/**
 * The ingredients of the recipe the page declares (JSON-LD Recipe: recipeIngredient, or the older ingredients),
 * as the page states them; empty when it declares none.
 */
export function recipeIngredients(doc: Document): string[] {
  const recipe = readJsonLd(doc).find((o) => typesOf(o).includes('recipe'));
  const list = recipe?.recipeIngredient ?? recipe?.ingredients;
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string' && !!x.trim()) : [];
}

export function findArticleLd(doc: Document): Json | null {
  return readJsonLd(doc).find((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t))) ?? null;
}

/** First non-empty content of the meta tags named (name, property or itemprop; case-insensitive). */
export function metaContent(doc: Document, names: readonly string[]): string | null {
  const metas = metaIndex(doc);
  for (const name of names) {
    const v = metas.get(name.toLowerCase());
    if (v) return v;
  }
  return null;
}

/** Meta tags by lower-cased name/property/itemprop (first non-empty wins), read once per document. */
const metaIndexes = new WeakMap<Document, Map<string, string>>();
function metaIndex(doc: Document): Map<string, string> {
  let map = metaIndexes.get(doc);
  if (map) return map;
  map = new Map();
  // getElementsByTagName: a tag walk is far cheaper than an attribute selector in jsdom (and no worse elsewhere).
  for (const m of byTag(doc, 'meta')) {
    if (!m.hasAttribute('content')) continue;
    const key = (m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    if (!key || map.has(key)) continue;
    const v = normalizeSpace(m.getAttribute('content'));
    if (v) map.set(key, v);
  }
  metaIndexes.set(doc, map);
  return map;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? normalizeSpace(v) : null);

/** Authors other than the publishing organisation itself (pages without a byline name the brand as author). */
function authorsNotPublisher(ld: Json | null): unknown {
  const authors = ld?.author;
  if (!authors) return authors;
  const pub = normalizeSpace(String((ld?.publisher as Json | undefined)?.name ?? '')).toLowerCase();
  return (Array.isArray(authors) ? authors : [authors]).filter((a) => {
    if (!a || typeof a !== 'object') return true;
    const isOrg = typesOf(a as Json).some((t) => t.endsWith('organization'));
    return !(isOrg && (!pub || normalizeSpace(String((a as Json).name ?? '')).toLowerCase() === pub));
  });
}

function personNames(v: unknown): string[] {
  if (!v) return [];
  if (typeof v === 'string') return [normalizeSpace(v)];
  if (Array.isArray(v)) return v.flatMap(personNames);
  if (typeof v === 'object') return personNames((v as Json).name);
  return [];
}

function imageUrl(v: unknown): string | null {
  if (!v) return null;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return imageUrl(v[0]);
  if (typeof v === 'object') return imageUrl((v as Json).url ?? (v as Json).contentUrl ?? (v as Json)['@id']);
  return null;
}

/** An absolute http(s) URL, or null (javascript:, data: and garbage never become links or images). */
export function absoluteHttpUrl(raw: string | null | undefined, base: string): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * "By" before an author's name, in the reader's languages and the web's others (Spanish and Portuguese "Por", German
 * "Von", French "Par", Dutch "Door", Polish "Przez"). Not "De" or "Di": names begin with them ("De la Cruz").
 */
export const BYLINE_PREFIX = /^(by|oleh|por|von|par|door|przez)\s+/i;

/** "By Jane Roe" / "Oleh Budi" / "Jane Roe - detikNews" -> the names. Null when it is not a plausible byline. */
export function cleanByline(raw: string | null | undefined): string | null {
  let s = plainText(raw);
  s = s.replace(BYLINE_PREFIX, '');
  s = s.replace(/^(penulis|reporter|rep\.?|written by|words by|autor|autora|autorin|auteur|autore)\s*:?\s+/i, '');
  // "Rep: X / Red: Y" (Republika), "Reporter: X | Editor: Y": the editor is not the byline.
  s = s.replace(/\s*[/|,;]?\s*\b(red|redaktur|editor)\s*:.*$/i, '');
  s = s.replace(/\s+[-–|]\s+(detik\w*|cnn indonesia|kompas\.com)$/i, '');
  s = s.trim();
  if (!s || s.length > 120 || /^https?:\/\//i.test(s) || !/\p{L}/u.test(s)) return null;
  return s;
}

/**
 * Dates as ISO 8601. Keeps the offset the page gives; a site rule may supply the offset for local times
 * (Kompas publishes WIB without saying so). Unparseable values give null.
 */
export function normalizeDate(raw: string | null | undefined, defaultOffset?: string): string | null {
  const s = normalizeSpace(raw);
  if (!s) return null;
  const m = s.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i);
  if (m) {
    const [, y, mo, d, h, mi, sec, tz] = m;
    if (!h) return `${y}-${mo}-${d}`;
    const offset = tz ? (tz.toUpperCase() === 'Z' ? 'Z' : tz.length === 5 ? `${tz.slice(0, 3)}:${tz.slice(3)}` : tz) : (defaultOffset ?? '');
    return `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${offset}`;
  }
  // dd/mm/yyyy, HH:MM (Indonesian sites' visible dates)
  const id = s.match(/(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2})[:.](\d{2})/);
  if (id) {
    const [, d, mo, y, h, mi] = id;
    return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:00${defaultOffset ?? ''}`;
  }
  const named = parseNamedMonthDate(s, defaultOffset);
  if (named) return named;
  const t = Date.parse(s);
  if (Number.isNaN(t) || !/\d{4}/.test(s)) return null;
  const d = new Date(t);
  if (/(\bZ\b|GMT|UTC|[+-]\d{2}:?\d{2}\b)/i.test(s)) return d.toISOString().replace(/\.000Z$/, 'Z');
  // No zone in the text: keep the wall-clock time the page printed (Date.parse read it in this machine's zone).
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}T${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}${defaultOffset ?? ''}`;
}

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1, februari: 2, february: 2, feb: 2, pebruari: 2, maret: 3, march: 3, mar: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7, agustus: 8, august: 8,
  agu: 8, aug: 8, agt: 8, september: 9, sep: 9, sept: 9, oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11, nopember: 11, desember: 12, december: 12, des: 12, dec: 12,
};
/** Indonesian time zones as printed next to times on news sites. */
const ZONES: Record<string, string> = { wib: '+07:00', wita: '+08:00', wit: '+09:00' };

/** "Senin, 14 Oktober 2024 - 16:20 WIB", "Jum'at, 24 Juli 2026 13:39", "14 Okt 2024". */
function parseNamedMonthDate(s: string, defaultOffset?: string): string | null {
  const m = s.match(/(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})(?:\D{0,12}?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(WIB|WITA|WIT)?)?/i);
  if (!m) return null;
  const month = MONTHS[m[2].toLowerCase()];
  if (!month) return null;
  const [, d, , y, h, mi, sec, zone] = m;
  const date = `${y}-${String(month).padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!h) return date;
  const offset = zone ? ZONES[zone.toLowerCase()] : (defaultOffset ?? '');
  return `${date}T${h.padStart(2, '0')}:${mi}:${sec ?? '00'}${offset}`;
}

const RTL_LANGS = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ku', 'ckb']);

export function primaryLang(raw: string | null | undefined): string | null {
  const m = normalizeSpace(raw).match(/^([a-z]{2,3})(?:[-_]|$)/i);
  return m ? m[1].toLowerCase() : null;
}

export const isRtlLang = (lang: string | null): boolean => !!lang && RTL_LANGS.has(lang);

export function readMetadata(doc: Document, url: string, rule: SiteRule | null): PageMetadata {
  // The caches are for one extraction: a live page's head changes (single-page sites), so start fresh.
  metaIndexes.delete(doc);
  ldCache.delete(doc);
  const ld = findArticleLd(doc);
  const allLd = ld ? null : readJsonLd(doc);
  const ruleMeta = rule?.metadata;
  const ruleText = (sels: readonly string[] | undefined) => textOf(firstMatch(doc, sels)) || null;

  const socialTitle = metaContent(doc, ['og:title', 'twitter:title', 'dc.title', 'parsely-title', 'sailthru.title']);
  const title = wholeHeadline(
    (ruleMeta?.titleMeta && metaContent(doc, ruleMeta.titleMeta)) ||
      ruleText(ruleMeta?.title) ||
      str(ld?.headline) ||
      socialTitle ||
      str(ld?.name) ||
      null,
    () => [socialTitle, ...byTag(doc, 'h1').map(textOf)],
  );

  const byline =
    cleanByline(ruleMeta?.bylineMeta && metaContent(doc, ruleMeta.bylineMeta)) ||
    cleanByline(ruleText(ruleMeta?.byline)) ||
    cleanByline(Array.from(new Set(personNames(authorsNotPublisher(ld)).filter(Boolean))).join(', ')) ||
    cleanByline(metaContent(doc, ['author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl'])) ||
    null;

  // Each source in order of trust; a source whose text does not parse as a date gives way to the next.
  const dateCandidates: (() => string | null | undefined)[] = [
    () => ruleMeta?.dateMeta && metaContent(doc, ruleMeta.dateMeta),
    () => ruleText(ruleMeta?.date),
    () => str(ld?.datePublished),
    () =>
      metaContent(doc, [
        'article:published_time', 'og:published_time', 'datePublished', 'publishdate', 'pubdate', 'publish-date',
        'date', 'dc.date.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date', 'content_PublishedDate',
      ]),
    () => timeOnPage(doc),
  ];
  let publishedTime: string | null = null;
  // Lazily, in order: most pages answer from the first source that exists.
  for (const candidate of dateCandidates) {
    const c = candidate();
    if (c) publishedTime = normalizeDate(c, rule?.timezone);
    if (publishedTime) break;
  }

  const publisher = ld?.publisher as Json | undefined;
  const siteName =
    rule?.name ||
    plainText(metaContent(doc, ['og:site_name', 'application-name', 'apple-mobile-web-app-title'])) ||
    plainText(str(publisher?.name)) ||
    plainText(str(allLd?.find((o) => typesOf(o).includes('website'))?.name)) ||
    null;

  const htmlLang = doc.documentElement.getAttribute('lang') || doc.body?.getAttribute('lang');
  const lang =
    primaryLang(htmlLang) ||
    primaryLang(byTag(doc, 'meta').find((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-language')?.getAttribute('content')) ||
    primaryLang(metaContent(doc, ['og:locale', 'language', 'dc.language'])) ||
    primaryLang(str(ld?.inLanguage)) ||
    null;

  const publishedZone = publishedTime ? pageZone(doc, publishedTime, lang, rule, ruleText(ruleMeta?.date)) : null;

  const dirAttr = (doc.documentElement.getAttribute('dir') || doc.body?.getAttribute('dir') || '').toLowerCase();
  const dir = dirAttr === 'rtl' || dirAttr === 'ltr' ? dirAttr : lang ? (isRtlLang(lang) ? 'rtl' : 'ltr') : null;

  const ruleImg = firstMatch(doc, ruleMeta?.leadImage);
  const ruleImgSrc =
    ruleImg?.getAttribute('data-src') || ruleImg?.getAttribute('data-original') || ruleImg?.getAttribute('src') || null;
  const imgSrc =
    absoluteHttpUrl(ruleImgSrc && !ruleImgSrc.startsWith('data:') ? ruleImgSrc : null, url) ||
    absoluteHttpUrl(metaContent(doc, ['og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src', 'thumbnailUrl']), url) ||
    absoluteHttpUrl(imageUrl(ld?.image), url) ||
    absoluteHttpUrl(byTag(doc, 'link').find((l) => l.getAttribute('rel') === 'image_src')?.getAttribute('href'), url);
  const pageImg = ruleImg ?? (imgSrc ? findImage(doc, imgSrc) : null);
  const imgAlt = plainText(pageImg?.getAttribute('alt') || metaContent(doc, ['og:image:alt', 'twitter:image:alt']));
  const caption = plainText(captionOf(pageImg)) || null;

  const canonicalLink = byTag(doc, 'link').find((l) => (l.getAttribute('rel') ?? '').toLowerCase() === 'canonical');
  const canonicalHref = absoluteHttpUrl(canonicalLink?.getAttribute('href'), url);
  const canonicalUrl = canonicalHref && sameSite(canonicalHref, url) ? canonicalHref : null;

  const ogType = (metaContent(doc, ['og:type']) ?? '').toLowerCase();
  const declaresArticle =
    !!ld || ogType === 'article' || ogType.startsWith('article') || !!metaContent(doc, ['article:published_time']) ||
    Array.from(doc.querySelectorAll('[itemtype]')).some((el) => /schema\.org\/(NewsArticle|Article|BlogPosting)\b/i.test(el.getAttribute('itemtype') ?? ''));

  return {
    title: plainText(title) || null,
    byline,
    siteName: siteName || null,
    publishedTime,
    publishedZone,
    lang,
    dir,
    leadImage: imgSrc ? { src: imgSrc, alt: imgAlt, caption } : null,
    excerpt: plainText(metaContent(doc, ['description', 'og:description', 'twitter:description']) || str(ld?.description)) || null,
    canonicalUrl,
    firstHeading: plainText(textOf(doc.getElementsByTagName('h1')[0])) || null,
    declaresArticle,
  };
}

/**
 * The zone the page shows its time in, so every view can show the time as the page did (issue 13): an Indonesian
 * zone its date line names ("14/09/2023, 14:54 WIB"), else the offset of the time read (WIB, WITA or WIT on an
 * Indonesian page or site), else the zone the site rule knows the site writes in (Kompas's metas say UTC).
 */
function pageZone(doc: Document, publishedTime: string, lang: string | null, rule: SiteRule | null, dateLine: string | null): string | null {
  const printed = zoneInText(dateLine) ?? zoneInText(textOf(publicationTimeElement(doc)));
  if (printed) return printed;
  const indonesian = lang === 'id' || !!rule?.timezone;
  const stated = zoneForOffset(isoOffsetMinutes(publishedTime), indonesian);
  if (stated) return stated;
  return rule?.timezone ? zoneForOffset(isoOffsetMinutes(`T00:00${rule.timezone}`), true) : null;
}

/** The page's own publication time: a <time> marked as the publication date first, then any with a datetime. */
function timeOnPage(doc: Document): string | null {
  return publicationTimeElement(doc)?.getAttribute('datetime') ?? null;
}

function publicationTimeElement(doc: Document): Element | null {
  const times = byTag(doc, 'time').filter((t) => t.hasAttribute('datetime'));
  const marked = times.find((t) => t.getAttribute('itemprop') === 'datePublished' || t.hasAttribute('pubdate'));
  const inArticle = times.find((t) => t.closest('article'));
  return marked ?? inArticle ?? times[0] ?? null;
}

const fileName = (src: string): string => src.replace(/[?#].*$/, '').split('/').pop() ?? '';

/** The page's <img> showing this picture (same file name), to borrow its alt text and caption. */
function findImage(doc: Document, src: string): Element | null {
  const file = fileName(src);
  if (file.length < 5) return null;
  for (const img of byTag(doc, 'img')) {
    for (const attr of ['src', 'data-src', 'data-original', 'data-lazy-src']) {
      const v = img.getAttribute(attr);
      if (v && fileName(v) === file) return img;
    }
  }
  return null;
}

/** A figure's figcaption, or the caption element sites put next to the image (Kompas .photo__caption). */
export function captionOf(img: Element | null): string {
  if (!img) return '';
  const figure = img.closest('figure');
  const fc = figure?.querySelector('figcaption');
  if (fc) return textOf(fc);
  let box: Element | null = img.parentElement;
  for (let depth = 0; box && depth < 2; depth++, box = box.parentElement) {
    const cap = box.querySelector('[class*="caption" i], [class*="keterangan" i]');
    const text = cap && !cap.contains(img) ? textOf(cap) : '';
    // A caption is a line or two under the picture, not an author box ("Penulis: … Editor: …").
    if (text && wordCount(text) <= 60 && !/^(penulis|editor|reporter)\s*:/i.test(text)) return text;
  }
  return '';
}

/** A headline the site cut short for a length limit: "Puluhan Warga 15 Ulu Palembang..." or "…". */
const CUT_SHORT = /\s*(\.{3}|…)$/;

/**
 * The headline whole: a title cut short with an ellipsis (JSON-LD and <title> often are) gives way to another
 * statement of it that begins with the same words and goes on (og:title, the page's <h1>).
 */
export function wholeHeadline(title: string | null, others: () => (string | null | undefined)[]): string | null {
  if (!title || !CUT_SHORT.test(title)) return title;
  const stem = plainText(title.replace(CUT_SHORT, '')).toLowerCase();
  if (stem.length < 12) return title;
  const whole = others()
    .map((t) => plainText(t ?? ''))
    .find((t) => t.length > stem.length && !CUT_SHORT.test(t) && t.toLowerCase().startsWith(stem));
  return whole ?? title;
}

/** Author markup, most specific first; a site-title link with rel=author in the page header is not a byline. */
const BYLINE_SELECTORS = [
  '[itemprop~="author"] [itemprop="name"]', '.p-author', '[itemprop~="author"]', '[rel~="author"]', '.byline__name',
  '.author-name', '.byline', '.author',
  // The same box named in Spanish, Portuguese, German and Polish ("autor"), French ("auteur"), Italian ("autore").
  '.autor', '.auteur', '.autore',
];

/**
 * What an element must carry to match one of BYLINE_SELECTORS, read off the selectors themselves: the words of
 * each attribute they name (`.x` is a word of class, `[itemprop~="author"]` one of itemprop). An element that
 * matches a selector has at least one of them; the selector itself is asked after.
 */
const BYLINE_WORDS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const words = new Map<string, Set<string>>();
  const add = (attr: string, word: string) => words.set(attr, (words.get(attr) ?? new Set()).add(word.toLowerCase()));
  for (const sel of BYLINE_SELECTORS) {
    for (const m of sel.matchAll(/\.([\w-]+)/g)) add('class', m[1]);
    for (const m of sel.matchAll(/\[([\w-]+)~?="([^"]+)"\]/g)) add(m[1], m[2]);
  }
  return words;
})();

const mayBeByline = (el: Element): boolean => {
  for (const [attr, words] of BYLINE_WORDS) {
    const value = el.getAttribute(attr);
    if (value && value.toLowerCase().split(/\s+/).some((w) => words.has(w))) return true;
  }
  return false;
};

/** The byline printed in the page's markup: asked for only when the page's metadata names no author. */
export function bylineFromMarkup(doc: Document): string | null {
  // One walk keeps the elements that could match a selector, then the selectors are asked of those alone, in
  // their order of trust: in jsdom, one query of the whole list over the page took 44 ms a page, the walk 1 ms.
  const found = allElements(doc).filter(mayBeByline);
  if (!found.length) return null;
  for (const sel of BYLINE_SELECTORS) {
    for (const el of found.filter((e) => e.matches(sel))) {
      const chrome = el.closest('header, nav, footer');
      if (chrome && !chrome.closest('article, main, [role="main"]') && !chrome.querySelector('h1')) continue;
      const href = el.getAttribute('href');
      if (href && /^(\/|https?:\/\/[^/]+\/?)$/.test(href)) continue;
      const name = cleanByline(textOf(el));
      if (name && name.split(' ').length <= 12) return name;
    }
  }
  return null;
}

/** Same registrable-ish site: equal hosts once "www." and "m." and "amp." are ignored. */
export function sameSite(a: string, b: string): boolean {
  const host = siteHost(a);
  return host !== null && host === siteHost(b);
}
