/**
 * Turning the sets' files into what the run needs: page bytes into an HTML string (pages are saved in many
 * encodings, some gzipped), Readability's expected HTML and defuddle's expected Markdown into plain text.
 */
import { gunzipSync } from 'node:zlib';
import { loadPage, type LoadedPage } from '../page';

/** The label a page declares for its encoding (BOM, <meta charset>, <meta http-equiv>, <?xml encoding?>), if any. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // As the HTML spec's prescan does: the first KB read as ASCII (latin1 keeps every byte one character).
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    head.match(/<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i) ?? head.match(/<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Page bytes as text: gunzipped when the file is (by name or magic bytes), decoded with the declared encoding,
 * else UTF-8 when the bytes are valid UTF-8, else windows-1252 (what browsers fall back to for old pages).
 */
export function decodeHtml(raw: Uint8Array, name = ''): string {
  const bytes = name.endsWith('.gz') || (raw[0] === 0x1f && raw[1] === 0x8b) ? gunzipSync(raw) : raw;
  const label = declaredEncoding(bytes);
  if (label) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: the sniffing below decides.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The body text of defuddle's expected Markdown: the metadata preamble (a ```json block, or YAML front matter)
 * goes, and so do the parts of Markdown that are not words of the page (link and image targets, autolinks,
 * HTML tags, fence lines). Emphasis and heading marks can stay: the tokenizer drops punctuation.
 */
export function markdownToText(md: string): string {
  return md
    .replace(/^\uFEFF?\s*```json\s*\n[\s\S]*?\n```\s*\n?/, '')
    .replace(/^\uFEFF?\s*---\s*\n[\s\S]*?\n---\s*\n?/, '')
    .replace(/^\s*(```|~~~).*$/gm, '')
    .replace(/!\[([^\]]*)\]\((?:[^()\s]+|<[^>]*>)(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[([^\]]*)\]\((?:[^()\s]+|<[^>]*>|[^()]*\([^()]*\)[^()]*)(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/^\s*\[[^\]]+\]:\s+\S+.*$/gm, '')
    .replace(/<(?:https?|mailto):[^>\s]+>/g, '')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '')
    .trim();
}

let scratch: LoadedPage | null = null;

/** The text of an HTML fragment (Readability's expected.html), as textContent gives it. One jsdom for all. */
export function htmlToText(html: string): string {
  scratch ??= loadPage('<!doctype html><body></body>', 'http://localhost/');
  const body = scratch.window.document.body;
  body.innerHTML = html;
  const text = body.textContent ?? '';
  body.replaceChildren();
  return text;
}
