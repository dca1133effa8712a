/**
 * The XSS corpus of the reader view. Every vector, if it ever executed in the page that shows it, runs
 *
 *   window.__jernihPwned = (window.__jernihPwned || []).concat('<id>')
 *
 * with its own id, so a browser test can read `window.__jernihPwned` and name the vectors that fired.
 *
 * - where 'body': markup the hostile page puts in (or between) the article's paragraphs. Figcaptions, link hrefs,
 *   image srcs and iframe srcs are body vectors too: they reach the reader through contentHtml.
 * - where 'meta': markup or strings in <head> (title, OpenGraph/Twitter metas, meta author/description,
 *   link rel=canonical, JSON-LD). These are inert in the page itself (RCDATA title, attribute values, JSON strings:
 *   `<` is written as \u003c inside JSON-LD so no `</script>` can end the block) and only become dangerous if Jernih
 *   renders the metadata string as HTML or uses it as a URL.
 *
 * Notes for the browser (e2e) test:
 * - Body vectors are live in the ORIGINAL page: its own <script>s and handlers may fire when the page loads, before
 *   Jernih does anything. Reset `window.__jernihPwned` (or serve the page with a CSP that blocks inline script)
 *   before opening the reader, and only count what fires afterwards.
 * - Vectors that run inside a frame (srcdoc, data:text/html, javascript: in iframes) write the frame's own `window`:
 *   data: frames are cross-origin, so the test has to look into `page.frames()` as well as the top window.
 * - A few vectors cannot contain whitespace (unquoted attribute values inside mutation-XSS strings); they use
 *   `pwnCompact(id)`, the same statement without spaces. Each note says so.
 *
 * Inert strings in these vectors (alt/title text meant to break a naive serializer) are written so that even a
 * correctly escaped copy never contains the needles of the fixture's html_must_not_contain (" onerror",
 * "javascript:"...): they glue `onerror` to a preceding quote or slash instead of a space.
 *
 * The vectors are in xss/body.ts and xss/meta.ts (one module per `where`), written with the helpers of xss/kit.ts.
 */
import { BODY_VECTORS } from './xss/body';
import { META_VECTORS } from './xss/meta';
import type { VectorDef } from './xss/kit';

export { escAttr, pwn, pwnCompact } from './xss/kit';

export interface XssVector {
  id: string;
  where: 'body' | 'meta';
  html: string;
  note: string;
}

const build = (where: 'body' | 'meta', defs: VectorDef[]): XssVector[] =>
  defs.map(([id, html, note]) => ({ id, where, html: html(id), note }));

export const XSS_VECTORS: XssVector[] = [...build('body', BODY_VECTORS), ...build('meta', META_VECTORS)];

// Ids must be unique: the browser test names vectors by id.
{
  const seen = new Set<string>();
  for (const v of XSS_VECTORS) {
    if (seen.has(v.id)) throw new Error(`duplicate XSS vector id: ${v.id}`);
    seen.add(v.id);
  }
}
