/**
 * The one sanitizer. Every string of HTML that reaches the screen passes through here, and this is the only
 * module that turns HTML strings into DOM (DESIGN.md). It takes its window as an argument so that it runs in the
 * content script, in extension pages and in Node tests alike.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

/** Video hosts whose players may be embedded, each with the path prefix of its embeddable player. */
const EMBEDDABLE: readonly { host: string; path: string }[] = [
  { host: 'www.youtube.com', path: '/embed/' },
  { host: 'youtube.com', path: '/embed/' },
  { host: 'www.youtube-nocookie.com', path: '/embed/' },
  { host: 'player.vimeo.com', path: '/video/' },
  { host: 'www.dailymotion.com', path: '/embed/' },
  { host: 'geo.dailymotion.com', path: '/player' },
];

/** Players need scripts and their own origin to play; they never get top navigation or forms. */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';

export function isEmbeddableVideo(src: string): boolean {
  try {
    const u = new URL(src);
    return u.protocol === 'https:' && EMBEDDABLE.some((e) => u.hostname === e.host && u.pathname.startsWith(e.path));
  } catch {
    return false;
  }
}

const CONFIG: Config = {
  USE_PROFILES: { html: true, mathMl: true },
  ADD_TAGS: ['iframe'],
  ADD_ATTR: ['allowfullscreen', 'sandbox', 'loading', 'referrerpolicy', 'allow'],
  FORBID_TAGS: [
    'style', 'form', 'input', 'button', 'select', 'textarea', 'option', 'object', 'embed', 'link', 'meta',
    'base', 'noscript', 'template', 'dialog', 'frame', 'frameset', 'portal', 'slot',
  ],
  FORBID_ATTR: ['style', 'srcdoc', 'formaction', 'action', 'ping', 'background', 'contenteditable', 'autofocus', 'tabindex'],
  ALLOW_DATA_ATTR: false,
  // Only web, mail and phone links; images may also be inline data (DOMPurify limits data: to media tags).
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

const URL_ATTRS = new Set(['src', 'srcset', 'href', 'poster', 'xlink:href', 'data', 'cite', 'longdesc']);
const RASTER_DATA = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp)[;,]/i;

/** An address (or, in srcset, any candidate's) that is inline data other than a raster picture. */
function hasNonRasterData(attr: string, value: string): boolean {
  const candidates = attr.toLowerCase() === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
  return candidates.some((u) => {
    const bare = u.replace(/[\s\u0000-\u001f]/g, '');
    return /^data:/i.test(bare) && !RASTER_DATA.test(bare);
  });
}

const instances = new WeakMap<object, DOMPurify>();

const unsupported = new WeakSet<object>();

/** DOMPurify bound to `win`, or null where it cannot run (it would hand back its input untouched). */
function purifierFor(win: Window): DOMPurify | null {
  let purify = instances.get(win);
  if (purify) return purify;
  if (unsupported.has(win)) return null;
  purify = createDOMPurify(win as unknown as Window & typeof globalThis);
  if (!purify.isSupported) {
    unsupported.add(win);
    return null;
  }
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName !== 'iframe') return;
    const el = node as Element;
    const src = el.getAttribute('src') ?? '';
    if (!isEmbeddableVideo(src)) {
      el.parentNode?.removeChild(el);
    }
  });
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    // DOMPurify lets any data: address through on media tags; only raster pictures may be inline (the URL rule of
    // utils/safe-url.ts: a data:text/html or SVG "picture" is a document, not a picture). Found by npm run fuzz.
    if (URL_ATTRS.has(data.attrName.toLowerCase()) && hasNonRasterData(data.attrName, data.attrValue)) data.keepAttr = false;
    // Keep only the language hint of code blocks (for a future highlighter); page classes mean nothing here.
    if (data.attrName === 'class') {
      const lang = data.attrValue.split(/\s+/).find((c) => /^(language|lang)-[\w+#-]+$/.test(c));
      if (lang && /^(code|pre)$/i.test(node.nodeName)) data.attrValue = lang;
      else data.keepAttr = false;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.nodeName === 'IFRAME') {
      el.setAttribute('sandbox', EMBED_SANDBOX);
      el.setAttribute('loading', 'lazy');
      el.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      el.setAttribute('allowfullscreen', '');
      el.removeAttribute('allow');
    } else if (el.nodeName === 'A' && el.hasAttribute('href')) {
      el.setAttribute('rel', 'noopener noreferrer');
      el.removeAttribute('target');
    } else if (el.nodeName === 'IMG') {
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
    }
  });
  instances.set(win, purify);
  return purify;
}

/** Whether any element lies more than `levels` below `root` (one walk, stopped at the first that does). */
export function deeperThan(root: Element | null, levels: number): boolean {
  if (!root) return false;
  // Down to the first child, else on to the next sibling of the nearest ancestor that has one: nothing is
  // allocated per element (this walks every page twice, before anything else).
  let el: Element = root;
  let depth = 0;
  for (;;) {
    const child = el.firstElementChild;
    if (child) {
      if (++depth > levels) return true;
      el = child;
      continue;
    }
    while (el !== root && !el.nextElementSibling) {
      el = el.parentElement!;
      depth--;
    }
    if (el === root) return false;
    el = el.nextElementSibling!;
  }
}

/** Documents made by parseHtmlDocument have no defaultView: remember the window that parsed them. */
const parsedBy = new WeakMap<Document, Window>();

/**
 * A copy of a page (cloneNode) has no window of its own: it sanitizes with the window of the page it was copied
 * from. Returns the copy.
 */
export function copyOfPage(page: Document): Document {
  let copy: Document | null = null;
  // A tree hundreds of levels deep (a page of unclosed tags) is copied apart and put in at once: cloned whole,
  // jsdom walks the copy again for every node it adds (3.3 s against 1 s for 3 000 levels, found by npm run fuzz).
  // Real pages, and browsers (their parser stops at 512 levels), take the ordinary clone.
  if (!deeperThan(page.documentElement, 256)) {
    try {
      copy = page.cloneNode(true) as Document;
    } catch {
      // jsdom refuses to clone a doctype whose name is not an XML name (`<!DOCTYPE <select>`, found by npm run
      // fuzz); browsers clone it. The doctype means nothing to the engine: copy the document element alone.
    }
  }
  if (!copy) {
    copy = page.implementation.createHTMLDocument('');
    copy.replaceChild(copy.importNode(page.documentElement, true), copy.documentElement);
  }
  const win = page.defaultView ?? parsedBy.get(page);
  if (win) parsedBy.set(copy, win);
  return copy;
}

/**
 * The window to sanitize with: the document's own, the one that parsed it, or the global one — the first that
 * DOMPurify can work in (linkedom's window cannot; a jsdom, happy-dom or browser window can).
 */
function windowOf(doc?: Document | null): Window {
  const candidates = [doc?.defaultView, doc ? parsedBy.get(doc) : undefined, (globalThis as { window?: Window }).window];
  for (const win of candidates) {
    if (win && win.document && purifierFor(win)) return win;
  }
  throw new Error('sanitize: no window that can parse HTML safely (DOMPurify unsupported here)');
}

/** Sanitized HTML string. `doc` only supplies the window (parsing happens in an inert document). */
export function sanitizeHtml(html: string, doc?: Document | null): string {
  return purifierFor(windowOf(doc))!.sanitize(html, CONFIG) as unknown as string;
}

/**
 * Sanitizes a detached element of a working copy in place and returns its HTML: the extractor's body is
 * already DOM, so it need not be serialized and parsed again first. What reaches the screen is sanitized once
 * more by toFragment.
 */
export function sanitizeElementToHtml(el: Element, doc?: Document | null): string {
  const purify = purifierFor(windowOf(doc ?? el.ownerDocument))!;
  try {
    purify.sanitize(el, { ...CONFIG, IN_PLACE: true });
    return el.innerHTML;
  } catch {
    // A DOM implementation DOMPurify cannot walk in place (happy-dom): the string round trip instead.
    return sanitizeHtml(el.innerHTML, doc);
  }
}

/** Sanitized DOM, ready to append: the only way HTML strings become nodes in Jernih. */
export function toFragment(html: string, doc: Document): DocumentFragment {
  const purify = purifierFor(windowOf(doc))!;
  const fragment = purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment;
  return doc.importNode(fragment, true);
}

/**
 * A fetched page (another page of a multi-page article) as an inert Document for the extractor: DOMParser
 * documents run no scripts and load nothing. Never shown as is: what reaches the screen is sanitized again.
 */
export function parseHtmlDocument(html: string, doc?: Document | null): Document {
  const win = windowOf(doc) as Window & typeof globalThis;
  const parsed = new win.DOMParser().parseFromString(html, 'text/html');
  parsedBy.set(parsed, win);
  return parsed;
}

/** Plain text for metadata fields: markup in a title or byline is shown as text, never rendered. */
export function plainText(value: string | null | undefined): string {
  if (!value) return '';
  return value
    // Code inside script/style tags is not text either: drop it with its tags.
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    // A "<" starts markup only before a letter, "/", "!" or "?" (as an HTML parser reads it): "5 < 6" is text.
    .replace(/<[a-z/!?][^>]*(>|$)/gi, ' ')
    // Control characters, and soft hyphens (hyphenation hints inside words, not letters).
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
