/**
 * The dedupe key of a saved article. Two URLs that show the same article must give the same key, so that saving
 * again updates the record instead of adding a second one. The key is never opened: `article.url` keeps the URL
 * the page was read from, so being generous here costs nothing when a link is followed.
 */
import { LibraryError } from './types';

/** Host prefixes that serve the same article as the bare host (desktop, mobile and AMP editions). */
const EDITION_PREFIXES = ['www.', 'm.', 'amp.', 'mobile.'];

/** Click and campaign trackers: they say who sent the reader, not which article it is. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', 'ref_src', 'spm', 'cmpid',
]);

/**
 * "Show the whole article on one page" switches (Kompas `?page=all`, Detik `?single=1`, see DESIGN.md): the
 * joined article and its first page are the same saved article. Other values (`page=2`) stay: a different page.
 */
const ALL_PAGES = new Set(['page=all', 'single=1']);

export function canonicalUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new LibraryError('invalid-url', `Not a web address: ${input.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LibraryError('invalid-url', `Only web pages (http or https) can be saved, not ${url.protocol} addresses.`);
  }
  // http and https copies of a page are one article; the key always says https.
  url.protocol = 'https:';
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  for (let again = true; again; ) {
    again = false;
    for (const p of EDITION_PREFIXES) {
      // Keep a dot after stripping: "m.me" is a site of its own, not the mobile edition of "me".
      if (host.startsWith(p) && host.slice(p.length).includes('.')) {
        host = host.slice(p.length);
        again = true;
      }
    }
  }
  url.hostname = host;
  url.hash = '';
  url.username = '';
  url.password = '';

  const kept: [string, string][] = [];
  for (const [k, v] of url.searchParams) {
    const key = k.toLowerCase();
    if (key.startsWith('utm_') || TRACKING_PARAMS.has(key) || ALL_PAGES.has(`${key}=${v.toLowerCase()}`)) continue;
    kept.push([k, v]);
  }
  // Parameter order carries no meaning on the sites we know; sorting makes "?a=1&b=2" and "?b=2&a=1" one key.
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  url.search = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';

  // "/read/123/" and "/read/123" are one article on every news site we know; the root stays "/".
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  return url.toString();
}

/** The host of a URL without the edition prefixes, for display and for link-only entries ("kompas.com"). */
export function displayHost(input: string): string | null {
  try {
    return new URL(canonicalUrl(input)).hostname;
  } catch {
    return null;
  }
}
