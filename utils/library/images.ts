/**
 * Images of a saved article: which URLs to keep, fetching them (the fetch is injected: the extension passes one
 * that uses its host permissions, tests pass a fake), and pointing the body at the stored copies when offline.
 *
 * contentHtml is the sanitizer's serialized output, so its attributes are always quoted the same way; reading
 * `src` with a pattern is therefore reliable here and keeps this module free of DOM parsing (DESIGN.md: only
 * utils/sanitize.ts turns strings into DOM).
 */
import type { Article } from './types';

export type FetchImage = (url: string) => Promise<Blob>;

export const IMAGE_LIMITS = {
  /** Larger files are left online: one huge photo should not use up the quota of a whole library. */
  maxBytes: 8 * 1024 * 1024,
  maxPerArticle: 60,
  /** Parallel fetches per save. */
  concurrency: 4,
} as const;

const IMG_SRC = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

export function decodeAttr(v: string): string {
  return v.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function absolute(src: string, base: string): string | null {
  try {
    const u = new URL(src, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The web images of an article, in order: the lead image first, then every <img> of the body; data: URLs are already inline. */
export function imageUrlsOf(article: Pick<Article, 'url' | 'contentHtml' | 'leadImage'>): string[] {
  const out = new Set<string>();
  const lead = article.leadImage?.src ? absolute(article.leadImage.src, article.url) : null;
  if (lead) out.add(lead);
  for (const m of article.contentHtml.matchAll(IMG_SRC)) {
    const url = absolute(decodeAttr(m[1] ?? m[2] ?? m[3] ?? ''), article.url);
    if (url) out.add(url);
    if (out.size >= IMAGE_LIMITS.maxPerArticle) break;
  }
  return [...out];
}

/** The picture types a library stores: raster formats a browser draws in <img> and that cannot run script. */
export type RasterType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/avif';

/** Enough of a file to recognise it (the AVIF check reads the brands of its first box). */
export const SNIFF_BYTES = 64;

const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

/**
 * The raster type the bytes themselves say, or null. The declared type (a server's Content-Type, the `type` in an
 * export) is not trusted (issue #14): an SVG or an HTML page served or exported as "image/png" would otherwise be
 * stored and later opened from a blob: URL in the extension's origin, where an SVG's script runs.
 */
export function sniffImageType(b: Uint8Array): RasterType | null {
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\x1a\n')) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'))) return 'image/gif';
  if (b.length >= 12 && ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  // AVIF is an ISO-BMFF file: a first box "ftyp" whose major or compatible brands include avif (still) or avis
  // (sequence). HEIC and MP4 use the same box with other brands, and are not stored.
  if (b.length >= 16 && ascii(b, 4, 'ftyp')) {
    const boxEnd = Math.min(b.length, ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0);
    for (let at = 8; at + 4 <= boxEnd; at += at === 8 ? 8 : 4) {
      // Offset 8 is the major brand, 12 the minor version (skipped), then the compatible brands.
      if (ascii(b, at, 'avif') || ascii(b, at, 'avis')) return 'image/avif';
    }
  }
  return null;
}

/** The blob re-typed from its bytes, or null when they are not a raster picture (it then stays online). */
export async function asRasterBlob(blob: Blob): Promise<Blob | null> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const type = sniffImageType(head);
  // slice() keeps the blob's own class (Node's Blob in tests, the page's in the browser) with the new type.
  return type ? blob.slice(0, blob.size, type) : null;
}

/**
 * Fetches images with a small pool. A failed or unsuitable image is left out (the article keeps its web URL and
 * shows it when online); it never fails the save. Only raster pictures are kept, typed by their bytes.
 */
export async function fetchImages(urls: readonly string[], fetchImage: FetchImage): Promise<{ stored: Map<string, Blob>; failed: number }> {
  const stored = new Map<string, Blob>();
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++];
      try {
        const blob = await fetchImage(url);
        const raster = blob && typeof blob.size === 'number' && blob.size > 0 && blob.size <= IMAGE_LIMITS.maxBytes ? await asRasterBlob(blob) : null;
        if (raster) stored.set(url, raster);
        else failed++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IMAGE_LIMITS.concurrency, urls.length) }, worker));
  return { stored, failed };
}

/**
 * Rewrites the `src` of body images through `map` (original absolute URL -> new URL; unmapped images stay as
 * they are) and drops their `srcset`, which would otherwise win over the new src. For exports (relative paths in
 * a zip or an EPUB). The result still goes through the sanitizer before it is shown.
 */
export function rewriteImageSrc(html: string, baseUrl: string, map: (absoluteUrl: string) => string | null): string {
  return html.replace(/<img\b[^>]*>/gi, (tag) => {
    const m = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(tag);
    if (!m) return tag;
    const url = absolute(decodeAttr(m[1] ?? m[2] ?? m[3] ?? ''), baseUrl);
    const to = url ? map(url) : null;
    if (to === null) return tag;
    const escaped = to.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    return tag
      .replace(m[0], ` src="${escaped}"`)
      .replace(/\ssrcset\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)/i, '');
  });
}

/**
 * For the reader page offline: points the <img> elements of an already sanitized body at stored copies. The
 * sanitizer only lets web, relative and data: URLs through, so blob: URLs must be set after sanitizing, on the
 * DOM; this is the one place that does it.
 */
export function applyOfflineImages(root: ParentNode, urls: ReadonlyMap<string, string>, baseUrl: string): number {
  let n = 0;
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = img.getAttribute('src');
    const url = src ? absolute(src, baseUrl) : null;
    const local = url ? urls.get(url) : undefined;
    if (!local) continue;
    img.setAttribute('src', local);
    img.removeAttribute('srcset');
    img.closest('picture')?.querySelectorAll('source').forEach((s) => s.remove());
    n++;
  }
  return n;
}

/** Object URLs for stored images (original URL -> blob: URL), and the function that releases them. */
export function objectUrls(
  blobs: ReadonlyMap<string, Blob>,
  env: { createObjectURL: (b: Blob) => string; revokeObjectURL: (u: string) => void },
): { urls: Map<string, string>; revoke: () => void } {
  const urls = new Map<string, string>();
  for (const [url, blob] of blobs) urls.set(url, env.createObjectURL(blob));
  return { urls, revoke: () => urls.forEach((u) => env.revokeObjectURL(u)) };
}
