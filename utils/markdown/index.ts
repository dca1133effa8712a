/**
 * Article -> Markdown: the one writer of every Markdown file Jernih makes (the library's Markdown export,
 * `npm run extract -- --format md`, the fixtures' expected.md snapshots).
 *
 * Turndown converts, with GFM tables and strikethrough from Joplin's plugin. The rules added here are what an
 * article needs beyond its defaults: links and pictures made absolute (a picture may point at a local copy
 * instead), captions as italic lines under their picture or above their table, players as links, fenced code with
 * its language whether or not a <code> is inside the <pre>, list markers one space wide, in-page links (footnotes)
 * kept working in the file, superscripts and the like kept as inline HTML, and `<` escaped with the rest of
 * Markdown's syntax.
 *
 * It never parses HTML itself: the body goes through the one sanitizer (utils/sanitize.ts toFragment) with the
 * document the caller passes (the library page's own; a jsdom page in the Node scripts and tests), and Turndown
 * walks that DOM.
 */
import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';
import { toFragment } from '../sanitize';
import type { Article } from '../extract/types';

export interface MarkdownOptions {
  /** The document that builds the DOM (the page's own, or jsdom's in Node). */
  doc: Document;
  /** The article's URL: links and pictures are made absolute against it. */
  baseUrl: string;
  /** A local path for a picture's absolute URL (a file beside the .md in an export), or null to keep the web URL. */
  imageSrc?: (absoluteUrl: string) => string | null;
}

/** Control characters have no place in a text file (a page's stray \u0007, say). */
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** Running text with Markdown's syntax escaped: Turndown's escapes, plus `<`, which would open HTML or an autolink. */
export function escapeMarkdown(text: string): string {
  return TurndownService.prototype.escape(text.replace(CONTROL_CHARS, '')).replace(/</g, '\\<');
}

/** Headings, captions and labels are one line. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

function absoluteUrl(url: string | null | undefined, base: string): string | null {
  if (!url) return null;
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/** A link or picture destination (with its title): in angle brackets when it holds what would end it early. */
function destination(url: string, title?: string | null): string {
  const dest = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return title ? `${dest} "${oneLine(title).replace(/"/g, '\\"')}"` : dest;
}

/** The longest run of backticks in a text: a code fence must be longer. */
function longestBacktickRun(text: string): number {
  return (text.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);
}

/** The language of a code block, from a `language-*` or `lang-*` class on the <pre> or its <code>. */
function codeLanguage(pre: Element): string {
  for (const el of [pre.querySelector('code'), pre]) {
    const m = el?.getAttribute('class')?.match(/(?:^|\s)(?:language|lang)-([\w+#.-]+)/);
    if (m) return m[1];
  }
  return '';
}

function imageMarkdown(src: string | null, alt: string, title: string | null, opts: MarkdownOptions): string {
  const url = absoluteUrl(src, opts.baseUrl);
  if (!url) return '';
  return `![${escapeMarkdown(oneLine(alt))}](${destination(opts.imageSrc?.(url) ?? url, title)})`;
}

/** Marks the empty <a id> put where an in-page link points (Markdown has no ids of its own). */
const ANCHOR_MARK = 'data-markdown-anchor';

/**
 * In-page links (footnotes: the engine keeps "#note-1" in-page when the note is in the body) still work in the
 * file: each target gets an empty HTML anchor carrying its id.
 */
function addAnchors(root: DocumentFragment, doc: Document): void {
  const targets = new Set<string>();
  for (const a of Array.from(root.querySelectorAll('a[href^="#"]'))) {
    try {
      targets.add(decodeURIComponent(a.getAttribute('href')!.slice(1)));
    } catch {
      // A malformed escape names no target.
    }
  }
  for (const el of Array.from(root.querySelectorAll('[id]'))) {
    if (!targets.has(el.id) || !/^[\w.:-]+$/.test(el.id)) continue;
    const anchor = doc.createElement('a');
    anchor.id = el.id;
    anchor.setAttribute(ANCHOR_MARK, '');
    el.removeAttribute('id');
    // Elements whose content is not running text get the anchor before them.
    if (/^(IMG|BR|HR|VIDEO|AUDIO|IFRAME|TABLE|UL|OL|PRE)$/.test(el.nodeName)) el.before(anchor);
    else el.prepend(anchor);
  }
}

/** A table's caption becomes an italic line above it (the GFM plugin would write it as plain, unescaped text). */
function captionsAbove(root: DocumentFragment, doc: Document): void {
  for (const caption of Array.from(root.querySelectorAll('table > caption'))) {
    const line = doc.createElement('p');
    const em = line.appendChild(doc.createElement('em'));
    em.append(...Array.from(caption.childNodes));
    caption.parentElement!.before(line);
    caption.remove();
  }
}

function converter(opts: MarkdownOptions): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
    br: '  ',
  });
  service.use(gfm);
  service.escape = escapeMarkdown;
  // Rules added later take precedence over Turndown's own and the plugin's.
  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      const text = oneLine(content);
      return text ? `\n\n${'#'.repeat(Number(node.nodeName[1]))} ${text}\n\n` : '';
    },
  });
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const list = node.parentElement;
      let marker = '- ';
      if (list?.nodeName === 'OL') {
        const start = Number.parseInt(list.getAttribute('start') ?? '', 10);
        marker = `${(Number.isFinite(start) ? start : 1) + Array.from(list.children).indexOf(node)}. `;
      }
      // An item holding paragraphs ends with a newline: the list is loose, one blank line between items.
      const loose = /\n$/.test(content);
      const body = content.replace(/^\n+|\n+$/g, '') + (loose ? '\n' : '');
      return `${marker}${body.replace(/\n/g, `\n${' '.repeat(marker.length)}`)}${node.nextSibling ? '\n' : ''}`;
    },
  });
  service.addRule('codeBlock', {
    filter: 'pre',
    replacement: (_content, node) => {
      const code = (node.textContent ?? '').replace(/\n$/, '');
      const fence = '`'.repeat(Math.max(3, longestBacktickRun(code) + 1));
      return `\n\n${fence}${codeLanguage(node)}\n${code}\n${fence}\n\n`;
    },
  });
  service.addRule('link', {
    filter: 'a',
    replacement: (content, node) => {
      if (node.hasAttribute(ANCHOR_MARK)) return `<a id="${node.id}"></a>`;
      const href = node.getAttribute('href');
      const target = href?.startsWith('#') ? href : absoluteUrl(href, opts.baseUrl);
      // A link with nothing to click shows nothing on the page either.
      if (!target || !content.trim()) return content;
      return `[${content.trim()}](${destination(target, node.getAttribute('title'))})`;
    },
  });
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => imageMarkdown(node.getAttribute('src'), node.getAttribute('alt') ?? '', node.getAttribute('title'), opts),
  });
  service.addRule('figcaption', {
    filter: 'figcaption',
    replacement: (content) => {
      const text = oneLine(content);
      return text ? `\n\n*${text}*\n\n` : '';
    },
  });
  service.addRule('inlineHtml', {
    // Markdown has no syntax for these, and "10<sup>6</sup>" written as "106" would change the number.
    filter: ['sup', 'sub', 'mark', 'kbd'],
    replacement: (content, node) => {
      const tag = node.nodeName.toLowerCase();
      return content.trim() ? `<${tag}>${content}</${tag}>` : content;
    },
  });
  service.addRule('player', {
    filter: ['iframe', 'video', 'audio'],
    replacement: (_content, node) => {
      const src = absoluteUrl(node.getAttribute('src') ?? node.querySelector('source[src]')?.getAttribute('src'), opts.baseUrl);
      if (!src) return '';
      // A player is a block of its own on the page: a link on its own line.
      const label = oneLine(node.getAttribute('title') ?? '') || (node.nodeName === 'AUDIO' ? 'Audio' : 'Video');
      return `\n\n[${escapeMarkdown(label)}](${destination(src)})\n\n`;
    },
  });
  return service;
}

/** A fenced code block as the codeBlock rule writes it (at the start of a line). */
const FENCED_CODE = /^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm;

/**
 * Whitespace Turndown leaves: lines of blanks (indented empty lines), the space after `>` on a quote's empty line,
 * hard breaks that end a paragraph, runs of blank lines. Code blocks are left exactly as they are.
 */
function tidy(markdown: string): string {
  const tidyText = (text: string) =>
    text
      .replace(/^[ \t]+$/gm, '')
      .replace(/^([> ]*>) +$/gm, '$1')
      .replace(/[ \t]+\n(?=\n)/g, '\n')
      .replace(/\n{3,}/g, '\n\n');
  let out = '';
  let done = 0;
  for (const code of markdown.matchAll(FENCED_CODE)) {
    out += tidyText(markdown.slice(done, code.index)) + code[0];
    done = code.index + code[0].length;
  }
  return (out + tidyText(markdown.slice(done))).trim();
}

/** An article body (HTML as the engine or the library stores it) as Markdown, sanitized on the way in. */
export function htmlToMarkdown(html: string, opts: MarkdownOptions): string {
  const root = toFragment(html, opts.doc);
  addAnchors(root, opts.doc);
  captionsAbove(root, opts.doc);
  return tidy(converter(opts).turndown(root));
}

export type FrontMatter = Record<string, string | number | boolean | null | string[]>;

/** YAML front matter: every string is written as a JSON string, which is valid double-quoted YAML. */
export function frontMatter(fields: FrontMatter): string {
  const lines = Object.entries(fields).map(([k, v]) => {
    if (v === null) return `${k}: null`;
    if (Array.isArray(v)) return `${k}: [${v.map((x) => JSON.stringify(x)).join(', ')}]`;
    if (typeof v === 'string') return `${k}: ${JSON.stringify(v)}`;
    return `${k}: ${String(v)}`;
  });
  return `---\n${lines.join('\n')}\n---\n`;
}

export interface ArticleMarkdownOptions {
  doc: Document;
  imageSrc?: MarkdownOptions['imageSrc'];
  /** Written first, as YAML (the library's export). */
  frontMatter?: FrontMatter;
  /** Paragraphs under the title, already Markdown (the command line's byline and source). */
  preface?: string[];
  /** The lead picture, when the body does not show it already. Default true. */
  leadImage?: boolean;
}

/**
 * A whole article: front matter when given, the title as `# …`, the preface, the lead picture with its caption,
 * then the body. An article saved as a link only (no body) gets its excerpt and the link.
 */
export function articleToMarkdown(a: Article, opts: ArticleMarkdownOptions): string {
  const markdownOpts: MarkdownOptions = { doc: opts.doc, baseUrl: a.url, imageSrc: opts.imageSrc };
  const parts = [`# ${escapeMarkdown(oneLine(a.title))}`, ...(opts.preface ?? [])];
  if (opts.leadImage !== false && a.leadImage && !a.leadImage.inBody) {
    parts.push(imageMarkdown(a.leadImage.src, a.leadImage.alt, null, markdownOpts));
    if (a.leadImage.caption) parts.push(`*${escapeMarkdown(oneLine(a.leadImage.caption))}*`);
  }
  if (a.contentHtml) parts.push(htmlToMarkdown(a.contentHtml, markdownOpts));
  else parts.push(escapeMarkdown(a.excerpt), `[${escapeMarkdown(a.url)}](${destination(a.url)})`);
  const body = `${parts.filter(Boolean).join('\n\n')}\n`;
  return opts.frontMatter ? `${frontMatter(opts.frontMatter)}\n${body}` : body;
}
