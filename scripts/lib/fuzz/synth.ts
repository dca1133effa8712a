/**
 * Synthetic pages from the case's generator: random nesting of article-ish markup (header, nav, article, asides,
 * figures, tables, lists, quotes, embeds, forms, comment threads, teaser rails), in shapes chosen to stress the
 * engine: ordinary articles, pages shaped like a supported site (its rule's body and clutter selectors at that
 * site's URL), teaser listings, near-empty pages, huge and deep trees, broken markup, odd characters, media-heavy
 * pages. All text is made up from small word lists.
 */
import type { Rng } from './prng';
import type { SiteRule } from '../../../utils/extract/sites';

const ID_WORDS = (
  'yang dan di ke dari untuk dengan pada dalam ini itu tidak akan juga sudah telah bisa harus karena oleh sebagai ' +
  'pemerintah menteri presiden warga kota desa jalan banjir harga beras pasar sekolah rumah sakit polisi kasus ' +
  'pemilu partai anggaran proyek pembangunan ekonomi tahun bulan minggu hari kemarin mengatakan menurut kata ' +
  'Jakarta Surabaya Bandung Medan Makassar Indonesia daerah provinsi kabupaten masyarakat petani nelayan ' +
  'pertandingan tim pemain gol laga musim liga investasi rupiah persen naik turun laporan data survei'
).split(' ');
const EN_WORDS = (
  'the and of to in for with on that this was were is are has have said after before council city river harbour ' +
  'school hospital police report minister election budget project market price week year month yesterday ' +
  'residents officials according plan new old first last second water road bridge train station weather storm ' +
  'team season match player goal league company shares percent rose fell data survey research study'
).split(' ');

export const words = (rng: Rng, n: number): string => {
  const list = rng.chance(0.6) ? ID_WORDS : EN_WORDS;
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(list));
  return out.join(' ');
};

export const sentence = (rng: Rng): string => {
  const s = words(rng, rng.range(6, 18));
  return `${s[0].toUpperCase()}${s.slice(1)}${rng.pick(['.', '.', '.', ',', '?', '!', '…'])}`;
};

export const prose = (rng: Rng, sentences = rng.range(2, 6)): string =>
  Array.from({ length: sentences }, () => sentence(rng)).join(' ');

/** Class names that mean something to Readability or to our cleaners, good and bad. */
const CLASS_WORDS = [
  'article', 'article-body', 'content', 'entry-content', 'post', 'post-body', 'story', 'main', 'text', 'body', 'detail',
  'read__content', 'detail__body-text', 'txt-article', 'itp_bodycontent', 'side-article', 'article-content-body',
  'sidebar', 'comment', 'comments', 'footer', 'header', 'nav', 'menu', 'ad', 'ads', 'advert', 'iklan', 'banner',
  'promo', 'related', 'baca-juga', 'share', 'social', 'sponsor', 'popular', 'terpopuler', 'widget', 'hidden',
  'caption', 'wp-caption', 'photo', 'byline', 'author', 'date', 'meta', 'tags', 'breadcrumb', 'newsletter', 'paywall',
  'lazy', 'lazyload', 'video', 'embed', 'modal', 'cookie', 'teaser', 'card', 'list', 'pagination', 'paging',
];

const attrs = (rng: Rng): string => {
  let s = '';
  if (rng.chance(0.5)) s += ` class="${Array.from({ length: rng.range(1, 3) }, () => (rng.chance(0.8) ? rng.pick(CLASS_WORDS) : rng.ident())).join(' ')}"`;
  if (rng.chance(0.15)) s += ` id="${rng.chance(0.5) ? rng.pick(CLASS_WORDS) : rng.ident()}"`;
  if (rng.chance(0.05)) s += ` hidden`;
  if (rng.chance(0.05)) s += ` style="display:none"`;
  if (rng.chance(0.05)) s += ` aria-hidden="true"`;
  if (rng.chance(0.05)) s += ` dir="rtl"`;
  if (rng.chance(0.05)) s += ` itemprop="articleBody"`;
  return s;
};

const imgUrl = (rng: Rng): string =>
  `https://${rng.pick(['img.example.com', 'cdn.example.org', 'asset.kompas.com', 'akcdn.detik.net.id'])}/${rng.ident()}/${rng.ident()}${rng.pick(['.jpg', '.png', '.webp', '-1200x675.jpg', '_960.jpg', ''])}`;

export function image(rng: Rng): string {
  const src = imgUrl(rng);
  const alt = rng.chance(0.7) ? ` alt="${words(rng, rng.range(0, 8))}"` : '';
  return rng.weighted<() => string>([
    [() => `<img src="${src}"${alt}>`, 4],
    [() => `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="${src}" class="lazyload"${alt}>`, 2],
    [() => `<img data-lazy-src="${src}" data-srcset="${src} 1x, ${imgUrl(rng)} 2x"${alt}>`, 1],
    [() => `<img srcset="${src} 480w, ${imgUrl(rng)} 1080w" sizes="100vw" src="${src}"${alt}>`, 1],
    [() => `<picture><source srcset="${imgUrl(rng)}" type="image/webp"><img src="${src}"${alt}></picture>`, 1],
    [() => `<img src="${src}"${alt}><noscript><img src="${imgUrl(rng)}"></noscript>`, 1],
    [() => `<img width="1" height="1" src="https://pixel.example/t.gif">`, 1],
  ])();
}

export function figure(rng: Rng): string {
  const cap = words(rng, rng.range(3, 20));
  return rng.weighted<() => string>([
    [() => `<figure${attrs(rng)}>${image(rng)}<figcaption>${cap}</figcaption></figure>`, 3],
    [() => `<div class="wp-caption">${image(rng)}<p class="wp-caption-text">${cap}</p></div>`, 1],
    [() => `<div class="photo">${image(rng)}<div class="photo__caption">${cap}</div></div>`, 1],
    [() => `<div>${rng.chance(0.5) ? `<a href="${imgUrl(rng)}">${image(rng)}</a>` : image(rng)}<span>${cap}</span></div>`, 1],
  ])();
}

export function table(rng: Rng, rows = rng.range(1, 12), cols = rng.range(1, 6)): string {
  const cell = (h: boolean) => (h ? `<th>${words(rng, 2)}</th>` : `<td${rng.chance(0.1) ? ` colspan="${rng.range(2, 4)}"` : ''}>${rng.chance(0.05) ? table(rng, 2, 2) : words(rng, rng.range(1, 6))}</td>`);
  const head = rng.chance(0.6) ? `<thead><tr>${Array.from({ length: cols }, () => cell(true)).join('')}</tr></thead>` : '';
  const body = Array.from({ length: rows }, () => `<tr>${Array.from({ length: cols }, () => cell(false)).join('')}</tr>`).join('');
  return `<table${attrs(rng)}>${rng.chance(0.3) ? `<caption>${words(rng, 4)}</caption>` : ''}${head}<tbody>${body}</tbody></table>`;
}

export function embed(rng: Rng): string {
  return rng.pick([
    () => `<iframe src="https://www.youtube.com/embed/${rng.ident(11)}" width="560" height="315" allowfullscreen></iframe>`,
    () => `<iframe src="https://player.vimeo.com/video/${rng.range(1000, 99999999)}"></iframe>`,
    () => `<iframe src="https://ads.example.net/frame/${rng.ident()}" width="300" height="250"></iframe>`,
    () => `<div class="embed"><iframe data-src="https://www.youtube.com/embed/${rng.ident(11)}"></iframe></div>`,
    () => `<video controls src="https://video.example.com/${rng.ident()}.mp4" poster="${imgUrl(rng)}"></video>`,
    () => `<audio controls><source src="https://audio.example.com/${rng.ident()}.mp3"></audio>`,
    () => `<blockquote class="twitter-tweet"><p>${sentence(rng)}</p><a href="https://twitter.com/x/status/${rng.range(1, 1e9)}">date</a></blockquote>`,
  ])();
}

export function formBlock(rng: Rng): string {
  return rng.pick([
    () => `<form action="/search"><input name="q" placeholder="Cari"><button>Cari</button></form>`,
    () => `<form class="newsletter"><label>Email</label><input type="email"><input type="submit" value="Subscribe"></form>`,
    () => `<form><input type="password"><select><option>${words(rng, 1)}</option></select><textarea>${sentence(rng)}</textarea></form>`,
    () => `<div class="comments"><form><textarea placeholder="Tulis komentar"></textarea></form>${Array.from({ length: rng.range(1, 6) }, () => `<div class="comment"><b>${words(rng, 2)}</b><p>${sentence(rng)}</p></div>`).join('')}</div>`,
  ])();
}

export function teaserList(rng: Rng, n = rng.range(3, 12)): string {
  const item = () => `<li${attrs(rng)}><a href="https://example.com/${rng.ident()}">${rng.chance(0.4) ? image(rng) : ''}<h3>${words(rng, rng.range(4, 10))}</h3></a>${rng.chance(0.3) ? `<p>${sentence(rng)}</p>` : ''}</li>`;
  return `<div class="${rng.pick(['related', 'baca-juga', 'popular', 'terpopuler', rng.ident()])}"><h2>${rng.pick(['Baca Juga', 'Berita Terkait', 'Most read', 'Terpopuler', words(rng, 2)])}</h2><ul>${Array.from({ length: n }, item).join('')}</ul></div>`;
}

export function paragraph(rng: Rng): string {
  return rng.weighted<() => string>([
    [() => `<p${attrs(rng)}>${prose(rng)}</p>`, 12],
    [() => `<p>${prose(rng, 1)} <a href="https://example.com/${rng.ident()}">${words(rng, 3)}</a> ${prose(rng, 1)}</p>`, 3],
    [() => `<p><strong>${words(rng, 3)}</strong> ${prose(rng)} <em>${words(rng, 2)}</em></p>`, 2],
    [() => `${prose(rng)}<br><br>`, 2],
    [() => `<div>${prose(rng)}</div>`, 2],
    [() => `<p>${rng.pick(['Baca juga:', 'BACA JUGA:', 'Read more:', 'Simak juga'])} <a href="https://example.com/${rng.ident()}">${words(rng, 6)}</a></p>`, 1],
    [() => {
      const h = `h${rng.range(2, 4)}`;
      return `<${h}>${words(rng, rng.range(2, 8))}</${h}>`;
    }, 2],
    [() => `<blockquote>${rng.chance(0.5) ? `<p>${prose(rng)}</p>` : prose(rng)}</blockquote>`, 1],
    [() => {
      const list = rng.pick(['ul', 'ol']);
      return `<${list}>${Array.from({ length: rng.range(1, 8) }, () => `<li>${sentence(rng)}</li>`).join('')}</${list}>`;
    }, 2],
    [() => `<pre><code class="language-${rng.pick(['js', 'python', 'x'])}">${words(rng, 12)}\n  ${words(rng, 6)}</code></pre>`, 1],
    [() => figure(rng), 2],
    [() => table(rng), 1],
    [() => embed(rng), 1],
    [() => `<div class="${rng.pick(['ads', 'ad', 'iklan', 'advertisement'])}">${rng.pick(['Advertisement', 'ADVERTISEMENT', 'Iklan', ''])}<ins class="adsbygoogle"></ins></div>`, 1],
    [() => `<div class="share"><a href="https://facebook.com/sharer?u=x">Share</a> <a href="https://twitter.com/intent/tweet">Tweet</a></div>`, 1],
    [() => `<p>${words(rng, rng.range(0, 3))}</p>`, 1],
  ])();
}

/** Blocks of an article body, each from the weighted mix above, sometimes inside wrappers of random depth. */
function articleBody(rng: Rng, blocks: number): string {
  let out = '';
  for (let i = 0; i < blocks; i++) {
    let block = paragraph(rng);
    if (rng.chance(0.1)) {
      for (let d = rng.range(1, 6); d > 0; d--) {
        const tag = rng.pick(['div', 'section', 'span', 'div']);
        block = `<${tag}${attrs(rng)}>${block}</${tag}>`;
      }
    }
    out += block;
  }
  return out;
}

/** An element matching a simple selector ("div.read__content", "#body", "article .x", "[itemprop=articleBody]"). */
export function elementFor(selector: string, inner: string): string {
  const parts = selector.trim().split(/\s*>\s*|\s+/).filter(Boolean);
  let html = inner;
  for (const part of parts.reverse()) {
    const tag = part.match(/^[a-z][a-z0-9-]*/i)?.[0] ?? 'div';
    const classes = [...part.matchAll(/\.([\w-]+)/g)].map((m) => m[1]);
    const id = part.match(/#([\w-]+)/)?.[1];
    const attrList = [...part.matchAll(/\[([\w-]+)(?:[~|^$*]?=["']?([^"'\]]*)["']?)?\]/g)].map((m) => `${m[1]}="${m[2] ?? ''}"`);
    const a = `${classes.length ? ` class="${classes.join(' ')}"` : ''}${id ? ` id="${id}"` : ''}${attrList.map((x) => ` ${x}`).join('')}`;
    html = tag.toLowerCase() === 'img' ? `<img${a} src="https://img.example.com/lead/${classes[0] ?? 'x'}.jpg">` : `<${tag}${a}>${html}</${tag}>`;
  }
  return html;
}

export const SHAPES = ['article', 'site', 'listing', 'tiny', 'wide', 'deep', 'broken', 'odd-chars', 'media'] as const;
export type Shape = (typeof SHAPES)[number];

export interface SiteTarget {
  url: string;
  rule: SiteRule;
}

export interface SynthPage {
  html: string;
  url: string;
  shape: Shape;
}

const LANGS = ['id', 'en', 'id-ID', 'en-US', 'ar', 'he', 'fa', 'zh-CN', 'ja', '', 'x-bogus', 'ID'];

function head(rng: Rng, title: string): string {
  let h = '';
  if (rng.chance(0.8)) h += rng.pick(['<meta charset="utf-8">', '<meta charset="windows-1252">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', '<meta charset="utf-16">', '<meta charset="bogus-enc">']);
  if (rng.chance(0.9)) h += `<title>${title}${rng.chance(0.5) ? ` ${rng.pick(['|', '-', '–', '·'])} ${rng.pick(['Kabar Kita', 'Harian Contoh', 'The Example Times'])}` : ''}</title>`;
  if (rng.chance(0.5)) h += `<meta property="og:title" content="${title}">`;
  if (rng.chance(0.4)) h += `<meta property="og:type" content="${rng.pick(['article', 'website', 'video'])}">`;
  if (rng.chance(0.5)) h += `<meta property="og:image" content="${imgUrl(rng)}">`;
  if (rng.chance(0.4)) h += `<meta name="author" content="${words(rng, 2)}">`;
  if (rng.chance(0.4)) h += `<meta name="description" content="${sentence(rng)}">`;
  if (rng.chance(0.3)) h += `<meta property="article:published_time" content="${rng.pick(['2024-03-05T08:30:00+07:00', '2023-12-31', 'Selasa, 3 September 2024', ''])}">`;
  if (rng.chance(0.3)) h += `<link rel="canonical" href="${rng.pick(['https://example.com/a/b', '/relative/path', 'https://other.example.net/x', ''])}">`;
  if (rng.chance(0.3)) {
    h += `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': rng.pick(['NewsArticle', 'Article', 'WebPage', 'BlogPosting']), headline: title, articleBody: rng.chance(0.5) ? prose(rng, rng.range(3, 30)) : undefined, author: { name: words(rng, 2) }, datePublished: '2024-01-02T03:04:05Z' }).replace(/</g, '\\u003c')}</script>`;
  }
  if (rng.chance(0.3)) h += `<style>.x{color:red}</style><script>var x=1;</script>`;
  return h;
}

function chrome(rng: Rng, main: string): string {
  const nav = `<header${attrs(rng)}><nav><ul>${Array.from({ length: rng.range(2, 12) }, () => `<li><a href="/${rng.ident()}">${words(rng, 1)}</a></li>`).join('')}</ul></nav></header>`;
  const aside = () => `<aside${attrs(rng)}>${rng.chance(0.6) ? teaserList(rng) : formBlock(rng)}</aside>`;
  const footer = `<footer${attrs(rng)}><p>© 2024 ${words(rng, 3)}</p></footer>`;
  const parts = [rng.chance(0.8) ? nav : '', rng.chance(0.3) ? aside() : '', main, rng.chance(0.5) ? aside() : '', rng.chance(0.4) ? teaserList(rng) : '', rng.chance(0.3) ? formBlock(rng) : '', rng.chance(0.7) ? footer : ''];
  return parts.join('');
}

function wrapArticle(rng: Rng, title: string, body: string): string {
  const byline = rng.chance(0.6) ? `<p class="${rng.pick(['byline', 'author', 'read__credit', rng.ident()])}">${rng.pick(['Oleh', 'By', ''])} ${words(rng, 2)} · ${rng.pick(['Selasa, 3 September 2024', '12 Jan 2023 10:00 WIB', 'yesterday'])}</p>` : '';
  const h1 = rng.chance(0.8) ? `<h1${attrs(rng)}>${title}</h1>` : '';
  const tag = rng.pick(['article', 'div', 'main', 'section', 'div']);
  return `<${tag}${attrs(rng)}>${h1}${byline}${rng.chance(0.4) ? figure(rng) : ''}${body}</${tag}>`;
}

function doc(rng: Rng, headHtml: string, bodyHtml: string): string {
  const lang = rng.pick(LANGS);
  const doctype = rng.pick(['<!DOCTYPE html>', '<!doctype html>', '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">', '']);
  const bodyAttrs = rng.chance(0.2) ? ` class="${rng.pick(CLASS_WORDS)}"` : '';
  if (rng.chance(0.05)) return `${doctype}<title>t</title>${headHtml}${bodyHtml}`; // no html/head/body tags at all
  return `${doctype}<html${lang ? ` lang="${lang}"` : ''}${rng.chance(0.1) ? ' dir="rtl"' : ''}><head>${headHtml}</head><body${bodyAttrs}>${bodyHtml}</body></html>`;
}

const randomUrl = (rng: Rng): string =>
  rng.pick([
    () => `https://www.${rng.pick(['example', 'contoh', 'beritaku', 'dailynews'])}.${rng.pick(['com', 'co.id', 'id', 'net'])}/${rng.pick(['read', 'berita', 'news', '2024/05/01'])}/${rng.range(1, 99999)}/${rng.ident()}-${rng.ident()}`,
    () => `http://fakehost/test/page.html`,
    () => `https://example.com/`,
    () => `https://example.com/a/b/c?x=1&y=%ZZ#frag`,
    () => `https://xn--n3h.example/${rng.ident()}`,
    () => `https://user:pass@example.com:8443/${rng.ident()}`,
  ])();

/** One synthetic page. `sites` lets the "site" shape put a rule's markup at a URL that rule serves. */
export function synthPage(rng: Rng, sites: readonly SiteTarget[]): SynthPage {
  const shape = rng.weighted<Shape>([
    ['article', 30], ['site', sites.length ? 20 : 0], ['listing', 8], ['tiny', 8], ['wide', 1], ['deep', 1], ['broken', 10], ['odd-chars', 8], ['media', 10],
  ]);
  const title = `${words(rng, rng.range(3, 12))}`.replace(/^./, (c) => c.toUpperCase());
  let url = randomUrl(rng);
  let body: string;
  switch (shape) {
    case 'article':
      body = chrome(rng, wrapArticle(rng, title, articleBody(rng, rng.weighted<number>([[rng.range(1, 12), 3], [rng.range(12, 40), 1]]))));
      break;
    case 'site': {
      const target = rng.pick(sites);
      url = target.url;
      const r = target.rule;
      let inner = articleBody(rng, rng.range(2, 16));
      const clutter = [...(r.remove ?? []), ...(r.removeParagraphsWith ?? [])];
      for (let i = rng.range(0, 4); i > 0 && clutter.length; i--) {
        const at = rng.int(inner.length);
        const cut = inner.lastIndexOf('</p>', at);
        const pos = cut < 0 ? inner.length : cut + 4;
        inner = inner.slice(0, pos) + elementFor(rng.pick(clutter), rng.chance(0.5) ? `Baca juga: ${words(rng, 5)}` : sentence(rng)) + inner.slice(pos);
      }
      if (r.endBefore?.length && rng.chance(0.5)) inner += elementFor(rng.pick(r.endBefore), '') + articleBody(rng, rng.range(1, 5));
      if (r.stopPhrases?.length && rng.chance(0.3)) inner += `<p>${rng.pick(r.stopPhrases)} ${sentence(rng)}</p>${articleBody(rng, 2)}`;
      const bodySel = rng.pick(r.body);
      // The rule's metadata selectors (not its meta names): a headline, byline, date and lead image where it looks.
      const md = r.metadata ?? {};
      const meta: string[] = [...(md.title ?? []), ...(md.byline ?? []), ...(md.date ?? []), ...(md.leadImage ?? [])];
      const extras = meta.slice(0, rng.range(0, 4)).map((s) => elementFor(s, /img\b/.test(s) ? '' : words(rng, 3))).join('');
      body = chrome(rng, `<h1>${title}</h1>${extras}${elementFor(bodySel, inner)}`);
      break;
    }
    case 'listing':
      body = chrome(rng, Array.from({ length: rng.range(1, 3) }, () => teaserList(rng, rng.range(4, 16))).join(''));
      break;
    case 'tiny':
      body = rng.pick([() => '', () => ' ', () => words(rng, 3), () => `<p>${sentence(rng)}</p>`, () => `<h1>${title}</h1>`, () => `<frameset><frame src="/a"></frameset>`, () => `<img src="${imgUrl(rng)}">`, () => `<article></article>`, () => '<div>'.repeat(5)])();
      break;
    case 'wide': {
      // Thousands of siblings: a flat page, a huge comment thread, or a giant table.
      body = rng.pick([
        () => chrome(rng, wrapArticle(rng, title, articleBody(rng, rng.range(100, 600)))),
        () => chrome(rng, wrapArticle(rng, title, articleBody(rng, 20)) + `<div class="comments">${Array.from({ length: rng.range(200, 1000) }, () => `<div class="comment"><p>${sentence(rng)}</p></div>`).join('')}</div>`),
        () => wrapArticle(rng, title, articleBody(rng, 5) + table(rng, rng.range(100, 500), rng.range(3, 12))),
        () => `<div>${Array.from({ length: rng.range(1000, 4000) }, () => `<span>${words(rng, 1)}</span>`).join(' ')}</div>`,
      ])();
      break;
    }
    case 'deep': {
      const depth = rng.pick([50, 200, 500]);
      const tag = rng.pick(['div', 'div', 'section', 'span', 'blockquote', 'b', 'ul><li', 'table><tr><td']);
      const open = `<${tag}>`.repeat(depth);
      const close = rng.chance(0.7) ? tag.split('><').reverse().map((t) => `</${t}>`).join('').repeat(depth) : '';
      body = chrome(rng, wrapArticle(rng, title, `${articleBody(rng, 3)}${open}${articleBody(rng, rng.range(3, 20))}${close}${articleBody(rng, 3)}`));
      break;
    }
    case 'broken': {
      let html = chrome(rng, wrapArticle(rng, title, articleBody(rng, rng.range(3, 16))));
      // Unclosed and stray tags, and elements whose content models swallow what follows.
      for (let i = rng.range(1, 12); i > 0; i--) {
        const at = rng.int(html.length + 1);
        const junk = rng.pick(['<div>', '</div>', '<p>', '</p></p>', '<table>', '<td>', '<a href="/x">', '</a>', '<b><i>', '</b>', '<li>', '<select>', '<textarea>', '<title>', '<xmp>', '<noembed>', '<plaintext>', '<!--', '-->', '<![CDATA[', '<', '<p', '"', "'", '</body>', '</html>', '<body>', '<html>', '<head>', '<frameset>', '<svg>', '<math>', '<form>', '<option>', '<h1>']);
        html = html.slice(0, at) + junk + html.slice(at);
      }
      body = html;
      break;
    }
    case 'odd-chars': {
      const odd = ['\u0000', '\ufeff', '\u200b', '\u200d', '\u202e', '\u2066', '\u061c', '\ud800', '\udfff', '\u0085', '\u2028', '\ufffd', '&#0;', '&#xD800;', '&#x110000;', '&#128;', '&#150;', '&nbsp', '&amp', '&#x;', 'Ã©Ã¨', 'ﾃ﾿', '\u0301\u0301\u0301', '𝕏', '👩‍👩‍👧‍👦'];
      const body0 = articleBody(rng, rng.range(3, 15));
      let s = '';
      for (const ch of body0) s += ch + (rng.chance(0.02) ? rng.pick(odd) : '');
      body = chrome(rng, wrapArticle(rng, `${title} ${rng.pick(odd)}`, s));
      break;
    }
    case 'media': {
      const parts: string[] = [];
      for (let i = rng.range(5, 25); i > 0; i--) parts.push(rng.weighted<() => string>([[() => figure(rng), 3], [() => image(rng), 3], [() => table(rng), 2], [() => embed(rng), 2], [() => formBlock(rng), 1], [() => paragraph(rng), 4]])());
      body = chrome(rng, wrapArticle(rng, title, parts.join('')));
      break;
    }
  }
  return { html: doc(rng, head(rng, title), body), url, shape };
}
