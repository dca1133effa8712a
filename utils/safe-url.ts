/**
 * The one URL guard for every `href` and `src` the extension's UI renders from data (an article's address, its
 * lead picture, the address of a page that could not be joined, a saved article's link). Data can come from a
 * web page, from storage or from an imported file, so a `javascript:` or `data:` address must never become a
 * live link, whatever the CSP would have done with it. Allowed: http and https, and the extension's own
 * addresses (its pages, and the blob: URLs it made for stored pictures). Everything else gives null, and the UI
 * shows no link. The article body's own links go through the sanitizer (utils/sanitize.ts), whose rule is the
 * body's (it also keeps mailto: and tel: links an article may hold).
 */

const WEB = new Set(['http:', 'https:']);
const EXTENSION = new Set(['chrome-extension:', 'moz-extension:', 'safari-web-extension:']);

/** The origin of the document this code runs in (an extension page, or the web page of a content script). */
function documentOrigin(): string | null {
  const loc = (globalThis as { location?: Location }).location;
  return loc ? `${loc.protocol}//${loc.host}` : null;
}

export interface SafeUrlOptions {
  /** Resolves a relative address (default: none; a relative address is refused). */
  base?: string;
  /** The origin whose blob: URLs and pages may be shown (default: this document's; null: none). */
  ownOrigin?: string | null;
}

/** `value` as an absolute address safe to render as href/src, or null. */
export function safeUrl(value: unknown, options: SafeUrlOptions = {}): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  let url: URL;
  try {
    url = options.base ? new URL(value.trim(), options.base) : new URL(value.trim());
  } catch {
    return null;
  }
  if (WEB.has(url.protocol)) return url.href;
  const own = options.ownOrigin === undefined ? documentOrigin() : options.ownOrigin;
  if (!own) return null;
  if (url.protocol === 'blob:') {
    // blob:<origin>/<uuid>: only a blob made in this document's origin (in an extension page: by the extension,
    // for its stored pictures). Another origin's blob would show that origin's content with this one's rights.
    try {
      return originOf(new URL(url.pathname)) === own ? url.href : null;
    } catch {
      return null;
    }
  }
  return EXTENSION.has(url.protocol) && originOf(url) === own ? url.href : null;
}

/** scheme://host, spelled out: URL.origin is opaque ("null") for extension schemes in some engines. */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** True when `value` is an http(s) address: what an article's own address, from anywhere, must be. */
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return WEB.has(new URL(value).protocol);
  } catch {
    return false;
  }
}
