/**
 * EPUB 3 of saved articles: `mimetype` first and stored (readers sniff it at a fixed offset), META-INF/container.xml,
 * an OPF with manifest and spine, nav.xhtml, one XHTML file per article, and the stored images.
 *
 * Article bodies become XHTML through the DOM, never by string pasting: the sanitizer (toFragment) parses the
 * body, the nodes are imported into an XML document and XMLSerializer writes them, so the markup is well-formed
 * whatever the page had (unclosed <p>, bare &, <br>). EPUB readers load nothing from the web, so images that were
 * not stored become their alt text, and embedded players become links.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { toFragment } from '../sanitize';
import type { SavedArticle } from './types';
import { formatDateTime } from '../locale-format';

const XHTML = 'http://www.w3.org/1999/xhtml';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const EPUB_NS = 'http://www.idpf.org/2007/ops';

/** Core media types of EPUB 3.3 for raster images (SVG is left out: it may carry scripts and must itself be valid XML). */
export const EPUB_IMAGE_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** Characters XML 1.0 does not allow at all (control characters a page may carry). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export interface EpubEnv {
  /** A document of a window that can run the sanitizer (the extension page, or jsdom in tests). */
  doc: Document;
  /** The UI's locale, for the date under each title (utils/locale-format.ts; default English). */
  locale?: string;
}

export interface EpubItem {
  record: SavedArticle;
  /** Stored images of the record: original URL -> bytes and type. */
  images: Map<string, { bytes: Uint8Array; type: string }>;
}

export interface EpubMeta {
  title: string;
  /** A stable id for the book (urn:uuid:...). */
  identifier: string;
  modified: Date;
}

export function xmlEscape(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function absolute(url: string | null, base: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, base);
    return /^(https?|mailto|tel):$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** Attributes HTML allows that the EPUB XHTML schema does not know, or that mean nothing offline. */
const DROP_ATTRS = ['loading', 'decoding', 'referrerpolicy', 'sandbox', 'allow', 'allowfullscreen', 'srcset', 'sizes', 'fetchpriority'];

/** Makes a sanitized body fit a book: local images, links to players, absolute links. */
function prepareBody(frag: DocumentFragment, baseUrl: string, localImage: (url: string) => string | null): void {
  const doc = frag.ownerDocument;
  for (const s of Array.from(frag.querySelectorAll('picture source'))) s.remove();
  for (const img of Array.from(frag.querySelectorAll('img'))) {
    const src = absolute(img.getAttribute('src'), baseUrl);
    const local = src ? localImage(src) : null;
    if (local) {
      img.setAttribute('src', local);
      if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
    } else {
      const alt = (img.getAttribute('alt') ?? '').trim();
      if (alt) img.replaceWith(doc.createTextNode(`[${alt}]`));
      else img.remove();
    }
  }
  for (const frame of Array.from(frag.querySelectorAll('iframe'))) {
    const src = absolute(frame.getAttribute('src'), baseUrl);
    if (!src) {
      frame.remove();
      continue;
    }
    const a = doc.createElement('a');
    a.setAttribute('href', src);
    a.textContent = `Video: ${src}`;
    frame.replaceWith(a);
  }
  for (const a of Array.from(frag.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    // Relative links would point inside the book; links within the page (#...) have no target there either.
    const abs = absolute(href, baseUrl);
    if (abs) a.setAttribute('href', abs);
    else a.removeAttribute('href');
  }
  for (const el of Array.from(frag.querySelectorAll('*'))) {
    for (const name of DROP_ATTRS) el.removeAttribute(name);
    // ids must be unique per file and valid XML names; the reader's own ids are of no use in a book.
    if (el.hasAttribute('id') && !/^[A-Za-z_][\w.-]*$/.test(el.getAttribute('id')!)) el.removeAttribute('id');
  }
}

function serializerFor(doc: Document): XMLSerializer {
  const Ctor = (doc.defaultView as (Window & typeof globalThis) | null)?.XMLSerializer ?? globalThis.XMLSerializer;
  return new Ctor();
}

function xhtmlDocument(doc: Document, title: string, lang: string | null, dir: string): { xdoc: XMLDocument; body: Element } {
  const xdoc = doc.implementation.createDocument(XHTML, 'html', null);
  const html = xdoc.documentElement;
  html.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:epub', EPUB_NS);
  if (lang) {
    html.setAttribute('lang', lang);
    html.setAttributeNS(XML_NS, 'xml:lang', lang);
  }
  if (dir === 'rtl') html.setAttribute('dir', 'rtl');
  const head = xdoc.createElementNS(XHTML, 'head');
  const meta = xdoc.createElementNS(XHTML, 'meta');
  meta.setAttribute('charset', 'utf-8');
  const t = xdoc.createElementNS(XHTML, 'title');
  t.textContent = title.replace(NOT_XML, '');
  const css = xdoc.createElementNS(XHTML, 'link');
  css.setAttribute('rel', 'stylesheet');
  css.setAttribute('type', 'text/css');
  css.setAttribute('href', 'style.css');
  head.append(meta, t, css);
  const body = xdoc.createElementNS(XHTML, 'body');
  html.append(head, body);
  return { xdoc, body };
}

function el(xdoc: XMLDocument, name: string, text?: string, attrs: Record<string, string> = {}): Element {
  const e = xdoc.createElementNS(XHTML, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text.replace(NOT_XML, '');
  return e;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n';

export function articleXhtml(item: EpubItem, env: EpubEnv, localImage: (url: string) => string | null): string {
  const r = item.record;
  const a = r.article;
  const { xdoc, body } = xhtmlDocument(env.doc, a.title, a.lang, a.dir);
  const article = el(xdoc, 'article');
  article.append(el(xdoc, 'h1', a.title));
  // The date as every view shows it: in the UI's language, at the time the page stated ("14 September 2023, 14.54 WIB").
  const metaLine = [a.siteName, a.byline, formatDateTime(a.publishedTime, a.publishedZone, env.locale ?? 'en')].filter(Boolean).join(' · ');
  if (metaLine) article.append(el(xdoc, 'p', metaLine, { class: 'meta' }));
  const lead = a.leadImage && !a.leadImage.inBody ? absolute(a.leadImage.src, a.url) : null;
  const leadLocal = lead ? localImage(lead) : null;
  if (leadLocal && a.leadImage) {
    const fig = el(xdoc, 'figure');
    fig.append(el(xdoc, 'img', undefined, { src: leadLocal, alt: a.leadImage.alt.replace(NOT_XML, '') }));
    if (a.leadImage.caption) fig.append(el(xdoc, 'figcaption', a.leadImage.caption));
    article.append(fig);
  }
  if (a.contentHtml) {
    const frag = toFragment(a.contentHtml.replace(NOT_XML, ''), env.doc);
    prepareBody(frag, a.url, localImage);
    const content = el(xdoc, 'div', undefined, { class: 'content' });
    content.append(xdoc.importNode(frag, true));
    article.append(content);
  } else if (a.excerpt) {
    article.append(el(xdoc, 'p', a.excerpt));
  }
  const source = el(xdoc, 'p', undefined, { class: 'source' });
  const link = el(xdoc, 'a', a.url, { href: absolute(a.url, a.url) ?? '' });
  source.append(link);
  article.append(source);
  body.append(article);
  return XML_HEAD + serializerFor(env.doc).serializeToString(xdoc.documentElement);
}

const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

const STYLE_CSS = `body { font-family: serif; line-height: 1.5; }
h1 { font-size: 1.5em; line-height: 1.2; }
.meta, .source, figcaption { font-size: 0.85em; color: #555; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; }
pre { white-space: pre-wrap; }
`;

/** The whole book as zip bytes. */
export function buildEpub(items: readonly EpubItem[], meta: EpubMeta, env: EpubEnv): Uint8Array {
  // Zippable keeps insertion order: mimetype must be the first entry, stored without compression.
  const files: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  files['META-INF/container.xml'] = strToU8(CONTAINER_XML);
  files['OEBPS/style.css'] = strToU8(STYLE_CSS);
  const manifest: string[] = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
  ];
  const spine: string[] = ['<itemref idref="nav"/>'];
  const toc: string[] = [];
  items.forEach((item, i) => {
    const n = i + 1;
    const local = new Map<string, string>();
    let k = 0;
    for (const [url, img] of item.images) {
      const ext = EPUB_IMAGE_TYPES[img.type];
      if (!ext) continue;
      const href = `images/a${n}-${++k}.${ext}`;
      local.set(url, href);
      // Photos are compressed already: storing them saves time and nothing else.
      files[`OEBPS/${href}`] = [img.bytes, { level: 0 }];
      manifest.push(`<item id="a${n}-i${k}" href="${href}" media-type="${img.type}"/>`);
    }
    files[`OEBPS/a${n}.xhtml`] = strToU8(articleXhtml(item, env, (url) => local.get(url) ?? null));
    manifest.push(`<item id="a${n}" href="a${n}.xhtml" media-type="application/xhtml+xml"/>`);
    spine.push(`<itemref idref="a${n}"/>`);
    toc.push(`<li><a href="a${n}.xhtml">${xmlEscape(item.record.article.title)}</a></li>`);
  });
  const lang = items.find((i) => i.record.article.lang)?.record.article.lang ?? 'en';
  const modified = meta.modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  files['OEBPS/nav.xhtml'] = strToU8(`${XML_HEAD}<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="${EPUB_NS}" lang="${xmlEscape(lang)}" xml:lang="${xmlEscape(lang)}">
<head><meta charset="utf-8"/><title>${xmlEscape(meta.title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>
<nav epub:type="toc" id="toc"><h1>${xmlEscape(meta.title)}</h1>
<ol>
${toc.join('\n')}
</ol>
</nav>
</body>
</html>
`);
  files['OEBPS/content.opf'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${xmlEscape(lang)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">${xmlEscape(meta.identifier)}</dc:identifier>
    <dc:title>${xmlEscape(meta.title)}</dc:title>
    <dc:language>${xmlEscape(lang)}</dc:language>
    <dc:publisher>Jernih</dc:publisher>
    <meta property="dcterms:modified">${modified}</meta>
  </metadata>
  <manifest>
    ${manifest.join('\n    ')}
  </manifest>
  <spine>
    ${spine.join('\n    ')}
  </spine>
</package>
`);
  // A fixed time keeps the same library giving the same bytes (and fflate needs a date after 1980 anyway).
  return zipSync(files, { mtime: meta.modified });
}
