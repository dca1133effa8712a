/**
 * Which stored picture a library row shows as its thumbnail (issue 13). Always a picture stored with the saved
 * article (the images store), never a web address: a saved copy contacts nobody, and the list must not either.
 *
 * No schema change is needed: the summary keeps the lead picture's address (`leadImageUrl`, every schema version
 * has it), and the images store keys a stored picture by [article id, absolute URL] as `imageUrlsOf` made it when
 * the article was saved, so the key is computed here the same way.
 */
import type { ArticleSummary } from './types';
import { imageUrlsOf } from './images';

/** The images-store URL of the article's lead picture (absolute, as saving stored it), or null when it has none. */
export function leadImageKey(s: Pick<ArticleSummary, 'url' | 'leadImageUrl'>): string | null {
  if (!s.leadImageUrl) return null;
  // The very function that chose what to store, so the key cannot drift from it (relative src, entities...).
  const [first] = imageUrlsOf({ url: s.url, contentHtml: '', leadImage: { src: s.leadImageUrl, alt: '', caption: null, inBody: false } });
  return first ?? null;
}

/**
 * The thumbnail among an article's stored pictures: the lead picture when it was stored; otherwise (no lead, or
 * its picture was not kept) the largest stored picture, which is a photo of the article rather than an icon or a
 * logo; null when nothing is stored.
 */
export function pickThumbnail<T extends { url: string; blob: { size: number } }>(lead: string | null, stored: readonly T[]): T | null {
  if (lead) {
    const hit = stored.find((s) => s.url === lead);
    if (hit) return hit;
  }
  let best: T | null = null;
  for (const s of stored) if (!best || s.blob.size > best.blob.size) best = s;
  return best;
}
