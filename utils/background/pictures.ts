import { imageUrlsOf } from '../library/images';
import type { Article } from '../extract/types';

/**
 * Which picture addresses the background may fetch when an article is saved. The addresses come from the web
 * page (a hostile page can name any), and the background fetches with the extension's rights, so: only what the
 * article's own site serves, or a host the user has granted; never a private, loopback or link-local address
 * (a router's admin page, a local service) unless the article itself is on such an address (a page on the
 * intranet). Hosts are judged by name: a public name that resolves to a private address cannot be seen from an
 * extension (the browser's own protections for private networks apply to it).
 */

/** Public suffixes with two labels that sites here use (Indonesian ones first); others count as one label. */
const TWO_LABEL_SUFFIXES = new Set([
  'co.id', 'go.id', 'ac.id', 'or.id', 'web.id', 'my.id', 'net.id', 'sch.id', 'biz.id', 'mil.id', 'desa.id', 'ponpes.id',
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.au', 'net.au', 'org.au', 'co.jp', 'ne.jp', 'or.jp', 'com.br', 'com.my',
  'com.sg', 'com.ph', 'co.nz', 'co.in', 'co.za', 'com.tr', 'com.cn', 'com.hk', 'com.tw', 'co.kr', 'com.vn', 'co.th',
]);

/** The site a host belongs to: its last two labels, or three under a two-label public suffix. */
export function siteOf(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  return TWO_LABEL_SUFFIXES.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}

function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m ? m.slice(1).map(Number) : null;
}

/** Loopback, private, link-local, shared or unspecified: an address of this machine or its network. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  // A name without a dot is a machine on the local network (the WHATWG URL parser has already turned numeric
  // forms such as 2130706433 or 0x7f.1 into dotted IPv4).
  if (!host.includes('.') && !host.includes(':')) return true;
  const v4 = ipv4(host);
  if (v4) {
    const [a, b] = v4;
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.includes(':')) {
    if (host === '::1' || host === '::') return true;
    if (/^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host)) return true;
    // IPv4-mapped (::ffff:127.0.0.1, which the URL parser writes as ::ffff:7f00:1).
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
    if (mapped) {
      const hi = parseInt(mapped[1], 16);
      const lo = parseInt(mapped[2], 16);
      return isPrivateHost(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
  }
  return false;
}

/** Asks whether the user granted the extension access to an origin (permissions.contains). */
export type HostGranted = (originPattern: string) => Promise<boolean>;

/** May the background fetch this picture for an article read from `pageUrl`? */
export async function mayFetchPicture(pictureUrl: string, pageUrl: string, granted: HostGranted): Promise<boolean> {
  let picture: URL;
  let page: URL;
  try {
    picture = new URL(pictureUrl);
    page = new URL(pageUrl);
  } catch {
    return false;
  }
  if (picture.protocol !== 'http:' && picture.protocol !== 'https:') return false;
  if (picture.username || picture.password) return false;
  const pagePrivate = isPrivateHost(page.hostname);
  if (isPrivateHost(picture.hostname)) return pagePrivate;
  if (siteOf(picture.hostname) === siteOf(page.hostname)) return true;
  return granted(`${picture.protocol}//${picture.hostname}/*`).catch(() => false);
}

// --- which hosts a save needs (issue 13): the in-place ask, the saved copy's note, the background's reply -----------

/** The permission pattern for one picture host (both schemes: mayFetchPicture asks for the picture's own). */
export const pictureHostPattern = (host: string): string => `*://${host.toLowerCase()}/*`;

/** The pictures of one host: how many there are, and the pattern the browser grants for it. */
export interface PictureHost {
  host: string;
  pattern: string;
  count: number;
}

function webUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** Picture URLs grouped by host, in the order the article shows them. */
export function picturesByHost(urls: readonly string[]): PictureHost[] {
  const out = new Map<string, PictureHost>();
  for (const url of urls) {
    const host = webUrl(url)?.hostname.toLowerCase();
    if (!host) continue;
    const entry = out.get(host) ?? { host, pattern: pictureHostPattern(host), count: 0 };
    entry.count++;
    out.set(host, entry);
  }
  return [...out.values()];
}

/** The article's pictures that have no stored copy (a saved record's `images` lists the kept ones). */
export function unkeptPictures(wanted: readonly string[], kept: readonly string[]): string[] {
  const have = new Set(kept);
  return wanted.filter((u) => !have.has(u));
}

/**
 * The hosts a person can give Jernih access to so that these pictures are kept: every host of `urls` that is
 * not granted yet. Hosts the guard refuses whatever the person says (a private address for a public article)
 * are never asked for, and nor is the page's own origin when the save runs with access to it (activeTab, which
 * permissions.contains does not report).
 */
export async function hostsToAsk(
  urls: readonly string[],
  pageUrl: string,
  granted: HostGranted,
  opts: { pageOriginReachable?: boolean } = {},
): Promise<PictureHost[]> {
  const page = webUrl(pageUrl);
  const pagePrivate = page ? isPrivateHost(page.hostname) : false;
  const askable = urls.filter((url) => {
    const u = webUrl(url);
    if (!u || u.username || u.password) return false;
    if (isPrivateHost(u.hostname) && !pagePrivate) return false;
    return !(opts.pageOriginReachable && page && u.origin === page.origin);
  });
  const hosts = picturesByHost(askable);
  const open = await Promise.all(hosts.map((h) => granted(h.pattern).catch(() => false)));
  return hosts.filter((_, i) => !open[i]);
}

/** Pictures of a saved article that are not kept, and the hosts whose permission would let Jernih keep them. */
export interface PicturesToKeep {
  /** Pictures on the hosts below (what allowing them would keep). */
  count: number;
  hosts: PictureHost[];
}

/** What a saved record still lacks, or null when every picture it could keep is kept. */
export async function picturesToKeep(
  record: { article: Pick<Article, 'url' | 'contentHtml' | 'leadImage'>; images: readonly string[] },
  granted: HostGranted,
): Promise<PicturesToKeep | null> {
  const unkept = unkeptPictures(imageUrlsOf(record.article), record.images);
  const hosts = await hostsToAsk(unkept, record.article.url, granted);
  const count = hosts.reduce((n, h) => n + h.count, 0);
  return count ? { count, hosts } : null;
}
