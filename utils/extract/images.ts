/** Lazy images resolved and every URL made absolute, on the working clone, before Readability sees it. */
import { toFragment } from '../sanitize';

const LAZY_SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-echo', 'data-actualsrc'];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];

/** A tiny inline image or a file named like a placeholder: not the picture itself. */
export function isPlaceholderSrc(src: string | null): boolean {
  if (!src || !src.trim()) return true;
  const s = src.trim();
  if (/^data:/i.test(s)) return s.length < 400 || /^data:image\/(gif|svg)/i.test(s);
  return /(^|[/_.-])(placeholder|blank|spacer|transparent|pixel|lazy|loading|grey|gray|1x1|dummy)([/_.-]|$)[^/]*$/i.test(s);
}

export function resolveLazyImages(doc: Document | Element): void {
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const lazy = LAZY_SRC_ATTRS.map((a) => img.getAttribute(a)).find((v) => v && !isPlaceholderSrc(v));
    if (lazy && isPlaceholderSrc(img.getAttribute('src'))) img.setAttribute('src', lazy);
    const lazySet = LAZY_SRCSET_ATTRS.map((a) => img.getAttribute(a)).find(Boolean);
    if (lazySet) img.setAttribute('srcset', lazySet);
    // A placeholder src with a real srcset: take the first candidate as src so every browser shows it.
    if (isPlaceholderSrc(img.getAttribute('src'))) {
      const first = (img.getAttribute('srcset') ?? '').split(',')[0]?.trim().split(/\s+/)[0];
      if (first && !isPlaceholderSrc(first)) img.setAttribute('src', first);
    }
  }
  for (const source of Array.from(doc.querySelectorAll('picture source'))) {
    const lazySet = LAZY_SRCSET_ATTRS.map((a) => source.getAttribute(a)).find(Boolean);
    if (lazySet) source.setAttribute('srcset', lazySet);
  }
  // <picture> whose <img> is still a placeholder: promote the first <source>.
  for (const picture of Array.from(doc.querySelectorAll('picture'))) {
    const img = picture.querySelector('img');
    const first = picture.querySelector('source[srcset]')?.getAttribute('srcset')?.split(',')[0]?.trim().split(/\s+/)[0];
    if (img && first && isPlaceholderSrc(img.getAttribute('src'))) img.setAttribute('src', first);
  }
  resolveNoscriptImages(doc);
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    if (isPlaceholderSrc(img.getAttribute('src')) && !img.getAttribute('srcset')) img.remove();
  }
}

/**
 * <noscript><img src=real></noscript> next to a placeholder: the real image replaces the placeholder.
 * In a parsed document (scripting off) the noscript holds elements; in a clone of a live page it holds text,
 * which only the sanitizer may turn into nodes.
 */
function resolveNoscriptImages(root: Document | Element): void {
  const doc = root.ownerDocument ?? (root as Document);
  for (const ns of Array.from(root.querySelectorAll('noscript'))) {
    let img = ns.querySelector('img');
    if (!img) {
      const text = ns.textContent ?? '';
      if (!/<img/i.test(text)) continue;
      img = toFragment(text, doc).querySelector('img');
    }
    if (!img || isPlaceholderSrc(img.getAttribute('src'))) continue;
    const prev = ns.previousElementSibling;
    const sibling =
      prev?.tagName === 'IMG' ? prev : prev?.querySelector('img') ?? ns.parentElement?.querySelector('img:not(noscript img)');
    const real = doc.importNode(img, true);
    if (sibling && sibling.tagName === 'IMG' && (isPlaceholderSrc(sibling.getAttribute('src')) || sibling.getAttribute('src') === real.getAttribute('src'))) {
      if (!real.getAttribute('alt') && sibling.getAttribute('alt')) real.setAttribute('alt', sibling.getAttribute('alt')!);
      sibling.replaceWith(real);
      ns.remove();
    } else {
      ns.replaceWith(real);
    }
  }
}

const URL_ATTRS: readonly [string, string][] = [
  ['a', 'href'], ['img', 'src'], ['iframe', 'src'], ['video', 'src'], ['video', 'poster'], ['audio', 'src'],
  ['source', 'src'], ['track', 'src'], ['area', 'href'], ['blockquote', 'cite'], ['q', 'cite'], ['ins', 'cite'], ['del', 'cite'],
];

/** The URL relative links resolve against: <base href> when the page has one, else the page URL. */
export function baseUrlOf(doc: Document, pageUrl: string): string {
  const href = doc.getElementsByTagName('base')[0]?.getAttribute('href');
  if (href) {
    try {
      const u = new URL(href, pageUrl);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      // fall through to the page URL
    }
  }
  return pageUrl;
}

function absolutize(value: string, base: string): string | null {
  const v = value.trim();
  if (!v || /^(#|mailto:|tel:|data:)/i.test(v)) return v || null;
  try {
    return new URL(v, base).href;
  } catch {
    return null;
  }
}

const URL_SELECTOR = URL_ATTRS.map(([tag, attr]) => `${tag}[${attr}]`).join(', ');
const ATTRS_BY_TAG = new Map<string, string[]>();
for (const [tag, attr] of URL_ATTRS) ATTRS_BY_TAG.set(tag.toUpperCase(), [...(ATTRS_BY_TAG.get(tag.toUpperCase()) ?? []), attr]);

export function absolutizeUrls(root: Element | Document, base: string): void {
  // One query for every URL-carrying element (one per tag would walk the document a dozen times).
  for (const el of Array.from(root.querySelectorAll(URL_SELECTOR))) {
    for (const attr of ATTRS_BY_TAG.get(el.tagName.toUpperCase()) ?? []) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      const abs = absolutize(value, base);
      if (abs === null) el.removeAttribute(attr);
      else if (abs !== value) el.setAttribute(attr, abs);
    }
  }
  for (const el of Array.from(root.querySelectorAll('img[srcset], source[srcset]'))) {
    const set = el
      .getAttribute('srcset')!
      .split(/,\s+(?=\S)/)
      .map((c) => {
        const [u, ...d] = c.trim().split(/\s+/);
        const abs = u ? absolutize(u, base) : null;
        return abs ? [abs, ...d].join(' ') : '';
      })
      .filter(Boolean)
      .join(', ');
    if (set) el.setAttribute('srcset', set);
    else el.removeAttribute('srcset');
  }
}
