/**
 * Article -> Markdown and Article -> standalone HTML, for `npm run extract`.
 *
 * The Markdown converter is small and walks the DOM of the (already sanitized) body itself: headings, paragraphs,
 * emphasis, links, images, figures with captions, blockquotes, nested lists, code (inline and fenced, with the
 * language from a `language-*` class), GFM tables and embeds as links. A library (turndown) would do the same with
 * more edge cases covered, but this keeps the output predictable and the project free of another dependency.
 */
import type { Article } from '../../utils/extract/types';

// ---------------------------------------------------------------------------------------------------------------
// HTML

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "2024-06-14T07:45:00-04:00" -> "2024-06-14 07:45 (UTC-04:00)": the page's own clock, never re-zoned. */
export function displayDate(iso: string): string {
  const m = iso.match(/^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/);
  if (!m) return iso;
  const [, day, time, zone] = m;
  if (!time) return day;
  return `${day} ${time}${zone ? ` (${zone === 'Z' ? 'UTC' : `UTC${zone}`})` : ''}`;
}

function metaLine(a: Article): string[] {
  return [a.byline, a.siteName].filter((s): s is string => !!s && !!s.trim()).map((s) => s.trim());
}

/** A small standalone page: title, byline, date, lead image, body. The body is the engine's sanitized HTML. */
export function articleToHtml(a: Article): string {
  const lead =
    a.leadImage && !a.leadImage.inBody
      ? `<figure class="lead"><img src="${escapeHtml(a.leadImage.src)}" alt="${escapeHtml(a.leadImage.alt)}">` +
        (a.leadImage.caption ? `<figcaption>${escapeHtml(a.leadImage.caption)}</figcaption>` : '') +
        `</figure>\n`
      : '';
  const meta = metaLine(a);
  return `<!doctype html>
<html lang="${escapeHtml(a.lang ?? '')}" dir="${a.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http: data:; media-src https: http:; frame-src https:; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(a.title)}</title>
<link rel="canonical" href="${escapeHtml(a.url)}">
<style>
body { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; font: 1.1rem/1.6 Georgia, serif; color: #1d1d1f; }
h1 { font-size: 2rem; line-height: 1.2; margin-bottom: .4rem; }
.meta { color: #555; font: .95rem/1.4 system-ui, sans-serif; margin: 0 0 1.5rem; }
img, video, iframe { max-width: 100%; height: auto; }
figure { margin: 1.5rem 0; } figcaption { color: #555; font-size: .9rem; }
pre { overflow-x: auto; background: #f4f4f4; padding: .75rem; } table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; } blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1rem; }
footer { margin-top: 2rem; color: #555; font-size: .9rem; }
</style>
</head>
<body>
<article>
<header>
<h1>${escapeHtml(a.title)}</h1>
<p class="meta">${meta.map(escapeHtml).join(' · ')}${
    a.publishedTime ? `${meta.length ? ' · ' : ''}<time datetime="${escapeHtml(a.publishedTime)}">${escapeHtml(displayDate(a.publishedTime))}</time>` : ''
  }${meta.length || a.publishedTime ? ' · ' : ''}${a.readingMinutes} min read</p>
</header>
${lead}<div class="body">
${a.contentHtml}
</div>
<footer><p>Source: <a href="${escapeHtml(a.url)}">${escapeHtml(a.url)}</a></p></footer>
</article>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

interface Ctx {
  /** Inside a table cell: no block breaks, line breaks become <br>. */
  cell: boolean;
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'body', 'center', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figure', 'footer',
  'header', 'hgroup', 'main', 'nav', 'section', 'summary', 'dt', 'dd', 'picture',
]);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'source', 'track']);

/** Markdown-significant characters in running text. */
const escapeText = (s: string): string => s.replace(/([\\`*_[\]<>])/g, '\\$1');
/** What would make the start of a line a heading, quote, list item or rule. */
const escapeLineStart = (s: string): string =>
  s.replace(/^(\s*)([#>+-]|=+\s*$)/gm, '$1\\$2').replace(/^(\s*\d+)([.)])(\s)/gm, '$1\\$2$3');

const block = (s: string): string => {
  const t = s.replace(/^\n+|\s+$/g, '');
  return t.trim() ? `\n\n${t}\n\n` : '';
};

/** Inline content of a paragraph-like block: whitespace collapsed, each line trimmed. */
const inlineBlock = (s: string): string =>
  s
    .replace(/[ \t]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();

function fence(code: string, ch = '`'): string {
  const longest = Math.max(0, ...(code.match(new RegExp(`${ch === '`' ? '`' : '~'}+`, 'g')) ?? []).map((m) => m.length));
  return ch.repeat(Math.max(3, longest + 1));
}

function codeLanguage(el: Element): string {
  for (const node of [el, el.querySelector('code')]) {
    const m = node?.getAttribute('class')?.match(/(?:^|\s)(?:language|lang)-([\w+#.-]+)/);
    if (m) return m[1];
  }
  return el.getAttribute('data-lang') ?? el.querySelector('code')?.getAttribute('data-lang') ?? '';
}

function inlineCode(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const ticks = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

function linkTarget(url: string, title: string | null): string {
  const dest = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return title ? `${dest} "${title.replace(/"/g, '\\"')}"` : dest;
}

function wrapInline(inner: string, mark: string): string {
  // Markers must hug the text: move surrounding spaces outside.
  const m = inner.match(/^(\s*)([\s\S]*?)(\s*)$/)!;
  return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : inner;
}

function children(el: Element, ctx: Ctx): string {
  let out = '';
  for (const child of Array.from(el.childNodes)) out += convert(child, ctx);
  return out;
}

function listItems(list: Element, ctx: Ctx): string {
  const ordered = list.tagName.toLowerCase() === 'ol';
  let n = Number.parseInt(list.getAttribute('start') ?? '1', 10);
  if (!Number.isFinite(n)) n = 1;
  const items: string[] = [];
  let loose = false;
  for (const li of Array.from(list.children)) {
    if (li.tagName.toLowerCase() !== 'li') continue;
    const marker = ordered ? `${n++}. ` : '- ';
    const body = children(li, ctx)
      .replace(/^\s+|\s+$/g, '')
      .replace(/\n{3,}/g, '\n\n');
    if (/\n\n/.test(body)) loose = true;
    const indent = ' '.repeat(marker.length);
    const lines = body.split('\n').map((l, i) => (i === 0 || !l ? l : indent + l));
    items.push(marker + lines.join('\n'));
  }
  return block(items.join(loose ? '\n\n' : '\n'));
}

function table(el: Element, ctx: Ctx): string {
  const rows: { cells: string[]; header: boolean }[] = [];
  // Rows of this table only, not of tables nested in its cells.
  const trs = Array.from(el.querySelectorAll('tr')).filter((tr) => tr.closest('table') === el);
  for (const tr of trs) {
    const cells: string[] = [];
    let allTh = true;
    for (const cell of Array.from(tr.children)) {
      const tag = cell.tagName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      if (tag === 'td') allTh = false;
      const text = inlineBlock(children(cell, { ...ctx, cell: true }))
        .replace(/\n/g, '<br>')
        .replace(/\|/g, '\\|');
      cells.push(text);
      const span = Math.min(Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1, 50);
      for (let i = 1; i < span; i++) cells.push('');
    }
    if (cells.length) rows.push({ cells, header: allTh || tr.parentElement?.tagName.toLowerCase() === 'thead' });
  }
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.cells.length));
  const pad = (cells: string[]) => [...cells, ...Array(width - cells.length).fill('')];
  const line = (cells: string[]) => `| ${pad(cells).join(' | ')} |`;
  // GFM needs exactly one header row: the first row, whether or not the page marked it as one.
  const [head, ...rest] = rows;
  const out = [line(head.cells), `| ${Array(width).fill('---').join(' | ')} |`, ...rest.map((r) => line(r.cells))];
  const caption = el.querySelector('caption');
  const cap = caption && caption.closest('table') === el ? inlineBlock(children(caption, ctx)) : '';
  return (cap ? block(`_${cap}_`) : '') + block(out.join('\n'));
}

function convert(node: Node, ctx: Ctx): string {
  if (node.nodeType === 3) {
    // Runs of white space collapse as a browser would; no-break spaces stay.
    return escapeText((node.nodeValue ?? '').replace(/[ \t\r\n\f]+/g, ' '));
  }
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (SKIP_TAGS.has(tag)) return '';

  switch (tag) {
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': {
      const text = inlineBlock(children(el, ctx)).replace(/\n/g, ' ');
      if (ctx.cell) return `**${text}**`;
      return block(`${'#'.repeat(Number(tag[1]))} ${text}`);
    }
    case 'p': {
      const text = inlineBlock(children(el, ctx));
      return ctx.cell ? `${text}\n` : block(escapeLineStart(text));
    }
    case 'br':
      return ctx.cell ? '\n' : '\\\n';
    case 'hr':
      return ctx.cell ? '' : block('---');
    case 'strong': case 'b':
      return wrapInline(children(el, ctx), '**');
    case 'em': case 'i': case 'cite': case 'dfn':
      return wrapInline(children(el, ctx), '*');
    case 'del': case 's': case 'strike':
      return wrapInline(children(el, ctx), '~~');
    case 'sup': case 'sub': case 'mark': case 'kbd': case 'abbr':
      return `<${tag}>${children(el, ctx)}</${tag}>`;
    case 'code':
      return inlineCode((el.textContent ?? '').replace(/\n/g, ' '));
    case 'pre': {
      const code = (el.textContent ?? '').replace(/\n$/, '');
      if (ctx.cell) return inlineCode(code.replace(/\n/g, ' '));
      const f = fence(code);
      return block(`${f}${codeLanguage(el)}\n${code}\n${f}`);
    }
    case 'a': {
      const inner = children(el, ctx);
      const href = el.getAttribute('href');
      if (!href && el.hasAttribute('data-md-anchor')) return `<a id="${el.getAttribute('id')}"></a>`;
      if (!href || !inner.trim()) return inner;
      const m = inner.match(/^(\s*)([\s\S]*?)(\s*)$/)!;
      return `${m[1]}[${m[2].replace(/\n+/g, ' ')}](${linkTarget(href, el.getAttribute('title'))})${m[3]}`;
    }
    case 'img': {
      const src = el.getAttribute('src');
      if (!src) return '';
      const alt = (el.getAttribute('alt') ?? '').replace(/[\s]+/g, ' ').replace(/([\\[\]])/g, '\\$1');
      return `![${alt}](${linkTarget(src, el.getAttribute('title'))})`;
    }
    case 'figure': {
      let out = '';
      for (const child of Array.from(el.childNodes)) {
        const c = child as Element;
        if (c.nodeType === 1 && c.tagName.toLowerCase() === 'figcaption') continue;
        out += convert(child, ctx);
      }
      const caption = Array.from(el.children).find((c) => c.tagName.toLowerCase() === 'figcaption');
      const cap = caption ? inlineBlock(children(caption, ctx)) : '';
      // An image alone on its line, then the caption in italics as its own paragraph.
      return block(inlineBlock(out)) + (cap ? block(`*${cap.replace(/\n/g, ' ')}*`) : '');
    }
    case 'figcaption':
      return block(`*${inlineBlock(children(el, ctx))}*`);
    case 'blockquote': {
      const inner = children(el, ctx).trim().replace(/\n{3,}/g, '\n\n');
      if (ctx.cell) return inner;
      return block(inner.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n'));
    }
    case 'ul': case 'ol':
      return ctx.cell ? children(el, ctx) : listItems(el, ctx);
    case 'li':
      // A stray <li> outside a list.
      return block(`- ${inlineBlock(children(el, ctx))}`);
    case 'table':
      return ctx.cell ? inlineBlock(children(el, ctx)) : table(el, ctx);
    case 'caption':
      return '';
    case 'iframe': case 'video': case 'audio': case 'embed': {
      const src = el.getAttribute('src') ?? el.querySelector('source')?.getAttribute('src');
      if (!src) return '';
      const label = el.getAttribute('title') || (tag === 'audio' ? 'Audio' : tag === 'iframe' ? 'Embedded media' : 'Video');
      return block(`[${escapeText(label)}](${linkTarget(src, null)})`);
    }
    case 'dt':
      return block(`**${inlineBlock(children(el, ctx))}**`);
    default:
      if (BLOCK_TAGS.has(tag) && !ctx.cell) return block(children(el, ctx));
      return children(el, ctx);
  }
}

/** The sanitized body HTML as Markdown. `doc` is any document to parse it with (the page's own is fine). */
export function htmlToMarkdown(html: string, doc: Document): string {
  const holder = doc.createElement('div');
  holder.innerHTML = html;
  // Markdown has no ids: keep the targets of in-page links (footnotes) as empty HTML anchors.
  const targets = new Set(
    Array.from(holder.querySelectorAll('a[href^="#"]'), (a) => decodeURIComponent(a.getAttribute('href')!.slice(1))),
  );
  for (const el of Array.from(holder.querySelectorAll('[id]'))) {
    if (!targets.has(el.id) || !/^[\w.:-]+$/.test(el.id)) continue;
    const anchor = doc.createElement('a');
    anchor.id = el.id;
    anchor.setAttribute('data-md-anchor', '');
    el.removeAttribute('id');
    if (/^(img|br|hr|video|audio|iframe|table|ul|ol|pre)$/i.test(el.tagName)) el.before(anchor);
    else el.prepend(anchor);
  }
  return children(holder, { cell: false })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function articleToMarkdown(a: Article, doc: Document): string {
  const parts: string[] = [`# ${escapeText(a.title)}`];
  const meta = metaLine(a).map(escapeText);
  if (a.publishedTime) meta.push(displayDate(a.publishedTime));
  meta.push(`${a.readingMinutes} min read`);
  parts.push(`*${meta.join(' · ')}*`);
  parts.push(`Source: <${a.url}>`);
  if (a.leadImage && !a.leadImage.inBody) {
    const alt = a.leadImage.alt.replace(/([\\[\]])/g, '\\$1');
    parts.push(`![${alt}](${linkTarget(a.leadImage.src, null)})`);
    if (a.leadImage.caption) parts.push(`*${escapeText(a.leadImage.caption)}*`);
  }
  parts.push(htmlToMarkdown(a.contentHtml, doc));
  return `${parts.join('\n\n')}\n`;
}
