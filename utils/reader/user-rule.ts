/**
 * The user's site rule applied to whole documents, for the pages of a multi-page article: readArticle
 * (utils/extract/pages.ts) extracts each page with the built-in rules only, so the blocks the user removed are
 * taken out of every page before it gets there. (A picked body is not joined: see the controller.)
 */
import { parseHtmlDocument } from '../sanitize';

/** Removes what `remove` selects from `doc`; returns how many elements went. Invalid selectors are skipped. */
export function removeUserBlocks(doc: Document | Element, remove: readonly string[]): number {
  let n = 0;
  for (const sel of remove) {
    let found: Element[] = [];
    try {
      found = Array.from(doc.querySelectorAll(sel));
    } catch {
      continue;
    }
    for (const el of found) {
      el.remove();
      n++;
    }
  }
  return n;
}

/** A fetched page's HTML without the user's removed blocks (parsed inert, serialized back). */
export function withoutUserBlocks(html: string, remove: readonly string[], like: Document): string {
  if (!remove.length) return html;
  const doc = parseHtmlDocument(html, like);
  if (!removeUserBlocks(doc, remove)) return html;
  return `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
}
