/**
 * Article -> Markdown and Article -> standalone HTML, for `npm run extract`. The Markdown is written by the one
 * Markdown writer (utils/markdown), the library's export's too; this file adds the command line's header.
 */
import type { Article } from '../../utils/extract/types';
import { articleToMarkdown as writeMarkdown, escapeMarkdown } from '../../utils/markdown';

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

/** The article under its title: byline, site, date and reading time in italics, then the source link. */
export function articleToMarkdown(a: Article, doc: Document): string {
  const meta = metaLine(a).map(escapeMarkdown);
  if (a.publishedTime) meta.push(displayDate(a.publishedTime));
  meta.push(`${a.readingMinutes} min read`);
  return writeMarkdown(a, { doc, preface: [`*${meta.join(' · ')}*`, `Source: <${a.url}>`] });
}
