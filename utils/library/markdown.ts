/**
 * Sanitized article HTML -> Markdown, for the Markdown export. It walks DOM made by the one sanitizer
 * (utils/sanitize.ts toFragment), so it never parses HTML itself.
 */

export interface MarkdownOptions {
  /** Absolute URL of the page (links and images are made absolute). */
  baseUrl: string;
  /** A local path for an image URL (an image file in the zip), or null to keep the web URL. */
  imageSrc?: (absoluteUrl: string) => string | null;
}

const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'FIGURE', 'UL', 'OL', 'BLOCKQUOTE',
  'PRE', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'DL', 'DETAILS',
]);

function abs(url: string | null, base: string): string | null {
  if (!url) return null;
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/** Escapes what Markdown would read as syntax inside running text ("|" only matters in tables: table() escapes it). */
function escapeText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uE000]/g, '').replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** Stands for a <br> until whitespace is tidied, which would otherwise eat the two spaces of a Markdown hard break. */
const HARD_BREAK = '\uE000';

/** Headings, captions and table cells are one line: breaks become spaces. */
function oneLine(s: string): string {
  return s.split(HARD_BREAK).join(' ').replace(/\s+/g, ' ').trim();
}

/** Line starts that would become a heading, quote, list or rule. */
function escapeLineStarts(s: string): string {
  return s.replace(/^(\s*)(#{1,6}\s|>|[-+]\s|\d+[.)]\s|={3,}|-{3,})/gm, (_m, sp: string, mark: string) => `${sp}\\${mark}`);
}

function linkTarget(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

export function fragmentToMarkdown(root: Node, opts: MarkdownOptions): string {
  const out = blocks(root, opts, 0);
  return out.replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function blocks(node: Node, opts: MarkdownOptions, depth: number): string {
  let out = '';
  let inline = '';
  const flush = () => {
    const text = inline
      .replace(/[ \t]+\n/g, '\n')
      .replace(/[ \t]{2,}/g, ' ')
      .trim()
      .replace(new RegExp(`[ \\t]*${HARD_BREAK}[ \\t]*`, 'g'), '  \n')
      .replace(/^( {2}\n)+|( {2}\n)+$/g, '');
    if (text) out += `${escapeLineStarts(text)}\n\n`;
    inline = '';
  };
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 1 && BLOCK.has((child as Element).tagName)) {
      flush();
      out += block(child as Element, opts, depth);
    } else {
      inline += inlineOf(child, opts);
    }
  }
  flush();
  return out;
}

function block(el: Element, opts: MarkdownOptions, depth: number): string {
  const tag = el.tagName;
  switch (tag) {
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6': {
      const text = oneLine(inlineChildren(el, opts));
      return text ? `${'#'.repeat(Number(tag[1]))} ${text}\n\n` : '';
    }
    case 'HR':
      return '---\n\n';
    case 'PRE': {
      const code = el.querySelector('code');
      const lang = /(?:language|lang)-([\w+#-]+)/.exec(code?.getAttribute('class') ?? el.getAttribute('class') ?? '')?.[1] ?? '';
      const text = (el.textContent ?? '').replace(/\n$/, '');
      const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
      return `${fence}${lang}\n${text}\n${fence}\n\n`;
    }
    case 'BLOCKQUOTE': {
      const inner = blocks(el, opts, depth).trim();
      return inner ? `${inner.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n')}\n\n` : '';
    }
    case 'UL':
    case 'OL':
      return `${list(el, opts, depth)}\n`;
    case 'TABLE':
      return table(el, opts);
    case 'FIGURE': {
      let out = '';
      for (const c of Array.from(el.childNodes)) {
        if (c.nodeType === 1 && (c as Element).tagName === 'FIGCAPTION') {
          const cap = oneLine(inlineChildren(c as Element, opts));
          if (cap) out += `*${cap}*\n\n`;
        } else if (c.nodeType === 1 && BLOCK.has((c as Element).tagName)) out += block(c as Element, opts, depth);
        else {
          const s = inlineOf(c, opts).trim();
          if (s) out += `${s}\n\n`;
        }
      }
      return out;
    }
    default:
      return blocks(el, opts, depth);
  }
}

function list(el: Element, opts: MarkdownOptions, depth: number): string {
  const ordered = el.tagName === 'OL';
  let n = Number(el.getAttribute('start') ?? '1') || 1;
  let out = '';
  for (const li of Array.from(el.children)) {
    if (li.tagName !== 'LI') continue;
    const marker = ordered ? `${n++}. ` : '- ';
    const pad = ' '.repeat(marker.length);
    const body = blocks(li, opts, depth + 1).trim();
    const lines = body.split('\n');
    out += `${marker}${lines[0] ?? ''}\n`;
    for (const l of lines.slice(1)) out += l ? `${pad}${l}\n` : '\n';
  }
  return out.replace(/\n\n+/g, '\n');
}

function table(el: Element, opts: MarkdownOptions): string {
  const rows = Array.from(el.querySelectorAll('tr')).map((tr) =>
    Array.from(tr.children)
      .filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
      .map((c) => oneLine(inlineChildren(c, opts)).replace(/\|/g, '\\|')),
  );
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
  const [head, ...rest] = rows;
  return [line(head), `|${' --- |'.repeat(width)}`, ...rest.map(line)].join('\n') + '\n\n';
}

function inlineChildren(el: Element, opts: MarkdownOptions): string {
  return Array.from(el.childNodes).map((c) => inlineOf(c, opts)).join('');
}

function inlineOf(node: Node, opts: MarkdownOptions): string {
  if (node.nodeType === 3) return escapeText((node.nodeValue ?? '').replace(/\s+/g, ' '));
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const inner = () => inlineChildren(el, opts);
  switch (el.tagName) {
    case 'BR':
      return HARD_BREAK;
    case 'STRONG':
    case 'B': {
      const s = inner().trim();
      return s ? `**${s}**` : '';
    }
    case 'EM':
    case 'I': {
      const s = inner().trim();
      return s ? `*${s}*` : '';
    }
    case 'DEL':
    case 'S': {
      const s = inner().trim();
      return s ? `~~${s}~~` : '';
    }
    case 'CODE': {
      const t = el.textContent ?? '';
      const ticks = '`'.repeat(longestRun(t, '`') + 1);
      return t.includes('`') ? `${ticks} ${t} ${ticks}` : `\`${t}\``;
    }
    case 'A': {
      const text = inner().trim();
      const href = abs(el.getAttribute('href'), opts.baseUrl);
      if (!href) return text;
      return `[${text || escapeText(href)}](${linkTarget(href)})`;
    }
    case 'IMG': {
      const src = abs(el.getAttribute('src'), opts.baseUrl);
      if (!src) return '';
      const local = opts.imageSrc?.(src) ?? null;
      const alt = escapeText((el.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim());
      return `![${alt}](${linkTarget(local ?? src)})`;
    }
    case 'IFRAME': {
      // A player is a block of its own on the page: a link on its own line.
      const src = abs(el.getAttribute('src'), opts.baseUrl);
      return src ? `${HARD_BREAK}[Video](${linkTarget(src)})${HARD_BREAK}` : '';
    }
    case 'PICTURE':
      // The <img> inside carries the image; <source> candidates are alternatives of it.
      return Array.from(el.querySelectorAll('img')).map((i) => inlineOf(i, opts)).join('');
    default:
      if (BLOCK.has(el.tagName)) return `\n\n${block(el, opts, 0)}`;
      return inner();
  }
}

function longestRun(s: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of s) {
    run = c === ch ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** YAML front matter: every string is written as a JSON string, which is valid double-quoted YAML. */
export function frontMatter(fields: Record<string, string | number | boolean | null | string[]>): string {
  const lines = Object.entries(fields).map(([k, v]) => {
    if (v === null) return `${k}: null`;
    if (Array.isArray(v)) return `${k}: [${v.map((x) => JSON.stringify(x)).join(', ')}]`;
    if (typeof v === 'string') return `${k}: ${JSON.stringify(v)}`;
    return `${k}: ${String(v)}`;
  });
  return `---\n${lines.join('\n')}\n---\n`;
}
