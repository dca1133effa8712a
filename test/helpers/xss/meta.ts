/**
 * The 'meta' vectors of the XSS corpus (../xss-vectors.ts): markup or strings in <head> (title, OpenGraph/Twitter
 * metas, meta author/description, link rel=canonical, JSON-LD), dangerous only if Jernih renders the metadata as
 * HTML or uses it as a URL.
 */
import { b64, escAttr, htmlDoc, js, jsonLd, pwn, pwnCompact, type VectorDef } from './kit';

export const META_VECTORS: VectorDef[] = [
  [
    'meta-title-img',
    (id) => `<title>Harbour dredging resumes after two-year pause <img src=x onerror="${pwn(id)}"></title>`,
    'Document title with markup (RCDATA: inert text in the page, live if the title is rendered as HTML).',
  ],
  [
    'meta-og-title-script',
    (id) => `<meta property="og:title" content="${escAttr(`Harbour dredging resumes</title><script>${pwn(id)}</script>`)}">`,
    'og:title that closes a <title> and opens a script if interpolated into HTML.',
  ],
  [
    'meta-twitter-title-svg',
    (id) => `<meta name="twitter:title" content="${escAttr(`Dredging <svg onload="${pwn(id)}">resumes`)}">`,
    'twitter:title with an svg onload.',
  ],
  [
    'meta-author-img',
    (id) => `<meta name="author" content="${escAttr(`Dana Whitlock <img src=x onerror="${pwn(id)}">`)}">`,
    'meta author with an img onerror.',
  ],
  [
    'meta-author-quote-breakout',
    (id) => `<meta name="author" content="${escAttr(`Dana Whitlock" onmouseover="${pwn(id)}`)}">`,
    'meta author that breaks out of an attribute if the byline is interpolated unescaped.',
  ],
  [
    'meta-article-author-a',
    (id) => `<meta property="article:author" content="${escAttr(`<a href="${js(id)}">Dana Whitlock</a>`)}">`,
    'article:author as a javascript: link.',
  ],
  [
    'meta-description-markup',
    (id) =>
      `<meta name="description" content="${escAttr(`<b>Work resumes</b> on the harbour channel <img src=x onerror="${pwn(id)}">`)}">`,
    'meta description (the excerpt) with markup.',
  ],
  [
    'meta-og-description-script',
    (id) => `<meta property="og:description" content="${escAttr(`Dredgers return.<script>${pwn(id)}</script>`)}">`,
    'og:description with a script.',
  ],
  [
    'meta-og-site-name-svg',
    (id) => `<meta property="og:site_name" content="${escAttr(`Eastmoor Gazette<svg/onload=${pwnCompact(id)}>`)}">`,
    'og:site_name with an svg onload (pwnCompact: unquoted).',
  ],
  ['meta-og-image-javascript', (id) => `<meta property="og:image" content="${escAttr(js(id))}">`, 'og:image javascript: URL (lead image).'],
  [
    'meta-og-image-svg-data',
    (id) =>
      `<meta property="og:image" content="data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${pwn(id)}"/>`)}">`,
    'og:image as an SVG data: URL with onload (the lead image must be http(s)).',
  ],
  [
    'meta-og-image-attr-breakout',
    (id) =>
      `<meta property="og:image" content="${escAttr(`https://cdn.eastmoorgazette.com/photos/lead.jpg" onerror="${pwn(id)}`)}">`,
    'og:image that closes the src attribute if interpolated into <img src="...">.',
  ],
  [
    'meta-twitter-image-javascript',
    (id) => `<meta name="twitter:image" content="JaVaScRiPt:${escAttr(pwn(id))}">`,
    'twitter:image javascript: URL, mixed case.',
  ],
  [
    'meta-canonical-javascript',
    (id) => `<link rel="canonical" href="${escAttr(js(id))}">`,
    'rel=canonical javascript: URL (Article.url is shown as the source link).',
  ],
  [
    'jsonld-headline-script',
    (id) =>
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: `Harbour dredging resumes</title></h1><script>${pwn(id)}</script>`,
      }),
    'JSON-LD headline with markup (the "<" are \\u003c escapes in the JSON, so the page itself is not broken).',
  ],
  [
    'jsonld-author-img',
    (id) =>
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        author: { '@type': 'Person', name: `<img src=x onerror="${pwn(id)}">` },
      }),
    'JSON-LD author name that is an img onerror.',
  ],
  [
    'jsonld-author-array-a',
    (id) =>
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        author: [{ '@type': 'Person', name: 'Dana Whitlock', url: js(id) }, { '@type': 'Person', name: `Priya <svg onload="${pwn(id)}">Raman` }],
      }),
    'JSON-LD author array: a javascript: profile url and a name with svg onload.',
  ],
  [
    'jsonld-description-iframe',
    (id) =>
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        description: `Work resumes on the channel.<iframe src="${js(id)}"></iframe>`,
      }),
    'JSON-LD description with an iframe javascript:.',
  ],
  [
    'jsonld-image-javascript',
    (id) =>
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        image: { '@type': 'ImageObject', url: js(id), caption: `<img src=x onerror="${pwn(id)}">` },
      }),
    'JSON-LD image object with a javascript: url and a markup caption.',
  ],
  [
    'jsonld-image-data-html',
    (id) =>
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        image: [`data:text/html;base64,${b64(htmlDoc(id))}`],
      }),
    'JSON-LD image as a data:text/html URL.',
  ],
  [
    'jsonld-publisher-name-script',
    (id) =>
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        publisher: { '@type': 'Organization', name: `Eastmoor Gazette<script>${pwn(id)}</script>` },
      }),
    'JSON-LD publisher name (site name) with a script.',
  ],
];
