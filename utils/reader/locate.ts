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

/**
 * The element of `root` that holds `text` as a whole: the innermost element whose text is (about) `text`, widened
 * to the outermost wrapper with the same text (<div class="promo"><strong>Baca juga: …</strong></div>).
 */
function byText(root: Element, text: string): Element | null {
  let inner: Element | null = null;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(el.tagName)) continue;
    const raw = el.textContent ?? '';
    if (raw.length < text.length) continue;
    const t = norm(raw);
    // Elements come in document order: a later match inside the current one is more specific.
    if (t.includes(text) && t.length <= text.length * 1.3 + 20 && (!inner || inner.contains(el))) inner = el;
  }
  if (!inner) return null;
  const own = norm(inner.textContent);
  let best = inner;
  while (best.parentElement && best.parentElement !== root && norm(best.parentElement.textContent) === own) best = best.parentElement;
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
  return byText(root, text);
}
