/**
 * From a block of the reader view back to the element of the original page it came from. The reader shows a
 * cleaned copy (extracted from a clone, sanitized), so the way back is by content: the same text, or for a
 * picture the same image file. Used to remember "remove this block" as a selector of the page, and to start
 * the article picker on the block the reader chose.
 */

const norm = (s: string | null | undefined): string => (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();

/** The file name of an image URL (the part that survives lazy-loading swaps, CDN resizing and absolute URLs). */
export function imageKey(src: string | null | undefined): string | null {
  if (!src) return null;
  const file = src.trim().split(/[?#]/)[0].split('/').pop() ?? '';
  return file.length > 4 ? decodeURIComponent(file).toLowerCase() : null;
}

const IMAGE_ATTRS = ['src', 'data-src', 'data-original', 'data-lazy-src', 'data-srcset', 'srcset'];

function imageKeys(img: Element): string[] {
  const keys: string[] = [];
  for (const a of IMAGE_ATTRS) {
    const v = img.getAttribute(a);
    if (!v) continue;
    for (const part of v.split(',')) {
      const k = imageKey(part.trim().split(/\s+/)[0]);
      if (k) keys.push(k);
    }
  }
  return keys;
}

/** The innermost element of `root` whose text is `text`, preferring `tag`. */
function byText(root: Element, text: string, tag: string): Element | null {
  let best: Element | null = null;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(el.tagName)) continue;
    const raw = el.textContent ?? '';
    if (raw.length < text.length) continue;
    const t = norm(raw);
    if (t.length < text.length || !t.includes(text)) continue;
    // Elements come in document order, so a later match inside `best` is more specific.
    if (t === text || t.length <= text.length * 1.3 + 20) {
      if (!best || best.contains(el)) best = el;
      else if (el.tagName === tag && best.tagName !== tag && !el.contains(best)) best = el;
    }
  }
  // Widen the innermost match to the element of the block's own kind around it (<p><span>text</span></p>).
  const same = best?.closest(tag.toLowerCase());
  if (best && same && root.contains(same) && norm(same.textContent).length <= text.length * 1.3 + 20) return same;
  return best;
}

/**
 * The original element for `block`, searched in `root` (the original body). Null when the page holds nothing
 * like it (a block from another page of a joined article, text the extraction rewrote).
 */
export function findOriginal(block: Element, root: Element): Element | null {
  const text = norm(block.textContent);
  const img = block.tagName === 'IMG' ? block : block.querySelector('img');
  // A picture, or a figure whose caption is short: find it by its image file.
  if (img && text.length < 400) {
    const key = imageKey(img.getAttribute('src'));
    if (key) {
      const match = Array.from(root.querySelectorAll('img')).find((o) => imageKeys(o).includes(key));
      if (match) {
        if (block.tagName === 'IMG') return match;
        return match.closest('figure') ?? match.closest('picture')?.parentElement ?? match.parentElement ?? match;
      }
    }
  }
  if (text.length < 3) return null;
  return byText(root, text, block.tagName);
}
