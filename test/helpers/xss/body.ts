/**
 * The 'body' vectors of the XSS corpus (../xss-vectors.ts): markup the hostile page puts in (or between) the
 * article's paragraphs, including figcaptions, link hrefs, image srcs and iframe srcs (they reach the reader
 * through contentHtml).
 */
import { b64, decEntities, escAttr, hexEntitiesNoSemicolon, htmlDoc, js, pwn, pwnCompact, type VectorDef } from './kit';

export const BODY_VECTORS: VectorDef[] = [
  // --- script tags -------------------------------------------------------------------------------------------
  ['script-plain', (id) => `<script>${pwn(id)}</script>`, 'Plain inline script between paragraphs.'],
  ['script-uppercase', (id) => `<SCRIPT>${pwn(id)}</SCRIPT>`, 'Upper-case tag name (HTML tag names are case-insensitive).'],
  ['script-mixedcase-type', (id) => `<ScRiPt type="text/javascript">${pwn(id)}</sCrIpT>`, 'Mixed-case tag with a type attribute.'],
  [
    'script-src-data',
    (id) => `<script src="data:text/javascript,${pwn(id)}"></script>`,
    'External script whose src is a data: URL carrying the code.',
  ],
  ['script-in-svg', (id) => `<svg width="1" height="1"><script>${pwn(id)}</script></svg>`, 'SVG script element (SVG namespace, not HTML).'],
  [
    'script-in-svg-href',
    (id) => `<svg width="1" height="1"><script href="data:text/javascript,${pwn(id)}"></script></svg>`,
    'SVG 2 script with an href (data: URL) instead of inline code.',
  ],
  [
    'script-double-lt',
    (id) => `<<script>${pwn(id)}//<</script>`,
    'Broken markup: a stray "<" before the script tag, and "//<" before the end tag (naive regex strippers).',
  ],
  [
    'script-unicode-dotless-i',
    (id) => `<scrıpt src="data:text/javascript,${pwn(id)}"></scrıpt>`,
    'Tag name with U+0131 LATIN SMALL LETTER DOTLESS I: an unknown element to an HTML parser, but "scrıpt".toUpperCase() === "SCRIPT" fools sanitizers that upper-case names before comparing.',
  ],

  // --- event handlers ----------------------------------------------------------------------------------------
  ['img-onerror', (id) => `<img src="x" onerror="${pwn(id)}">`, 'Classic broken image with onerror.'],
  ['img-onerror-uppercase', (id) => `<IMG SRC="x" ONERROR="${pwn(id)}">`, 'Upper-case tag and attribute names.'],
  [
    'img-onerror-js-unicode-escape',
    (id) => `<img src="x" onerror="${pwn(id).replace(/^window/, '\\u0077indow')}">`,
    'Handler body uses a JavaScript unicode escape (\\u0077indow === window).',
  ],
  [
    'img-onerror-entity-encoded-js',
    (id) => `<img src="x" onerror="${decEntities(pwn(id))}">`,
    'Handler body written entirely as decimal character references (decoded by the HTML parser).',
  ],
  ['svg-onload', (id) => `<svg onload="${pwn(id)}" width="1" height="1"></svg>`, 'svg onload fires on insertion.'],
  [
    'svg-animate-onbegin',
    (id) => `<svg width="1" height="1"><animate onbegin="${pwn(id)}" attributeName="x" dur="1s"></animate></svg>`,
    'SMIL animation begin event: fires without user interaction.',
  ],
  [
    'body-onload',
    (id) => `<body onload="${pwn(id)}">`,
    'A second <body> start tag in the middle of content: its attributes merge into the real body element.',
  ],
  [
    'details-ontoggle',
    (id) => `<details open ontoggle="${pwn(id)}"><summary>Timeline of the dredging dispute</summary><p>2021: permit lapses.</p></details>`,
    'details with open fires toggle on insertion, no interaction needed.',
  ],
  [
    'video-source-onerror',
    (id) => `<video controls width="320"><source src="x.mp4" type="video/mp4" onerror="${pwn(id)}"></video>`,
    'onerror on a <source> inside <video>.',
  ],
  ['audio-onerror', (id) => `<audio controls src="x.mp3" onerror="${pwn(id)}"></audio>`, 'Broken audio src with onerror.'],
  [
    'audio-source-onerror',
    (id) => `<audio controls><source src="x.ogg" onerror="${pwn(id)}"></audio>`,
    'onerror on a <source> inside <audio>.',
  ],
  [
    'video-poster-javascript',
    (id) => `<video width="320" poster="${js(id)}"></video>`,
    'javascript: URL as a video poster.',
  ],
  [
    'input-autofocus-onfocus',
    (id) => `<input autofocus onfocus="${pwn(id)}" value="Search the archive">`,
    'autofocus gives focus on load, so onfocus fires without interaction.',
  ],
  [
    'select-autofocus-onfocus',
    (id) => `<select autofocus onfocus="${pwn(id)}"><option>Choose an edition</option></select>`,
    'Same trick with a select element.',
  ],
  ['marquee-onstart', (id) => `<marquee onstart="${pwn(id)}">Breaking: dredging resumes</marquee>`, 'marquee start event.'],
  [
    'a-onmouseover',
    (id) => `<a href="https://www.eastmoorgazette.com/news/harbour" onmouseover="${pwn(id)}">harbour coverage</a>`,
    'Ordinary-looking link with an onmouseover handler (placed inline in a paragraph).',
  ],
  [
    'a-onclick',
    (id) => `<a href="#" onclick="${pwn(id)}">see the council minutes</a>`,
    'Link with an onclick handler.',
  ],
  [
    'div-onanimationstart',
    (id) =>
      `<style>@keyframes jernih-spin{from{opacity:1}to{opacity:.99}}</style><div style="animation: jernih-spin 1s" onanimationstart="${pwn(id)}">Tide table</div>`,
    'CSS animation start event (a keyframes rule in a <style> plus an animation in a style attribute): fires without interaction.',
  ],
  [
    'div-onpointerenter',
    (id) => `<div onpointerenter="${pwn(id)}" class="pull-quote">"We have waited long enough," one skipper said.</div>`,
    'Pointer event handler on a block: fires when the reader moves the mouse over it.',
  ],

  // --- forms ---------------------------------------------------------------------------------------------------
  [
    'form-button-formaction',
    (id) => `<form><button formaction="${js(id)}">Subscribe to harbour alerts</button></form>`,
    'button formaction overrides the form action with a javascript: URL.',
  ],
  [
    'input-submit-formaction',
    (id) => `<form><input type="submit" formaction="${js(id)}" value="Read more"></form>`,
    'Submit input with a javascript: formaction.',
  ],
  [
    'button-form-attribute-formaction',
    (id) => `<form id="jernih-f1"></form><button form="jernih-f1" formaction="${js(id)}">Continue reading</button>`,
    'Button outside the form, tied to it by the form attribute.',
  ],
  [
    'form-action-javascript',
    (id) => `<form action="${js(id)}"><input type="submit" value="Send a tip"></form>`,
    'Form action javascript: URL.',
  ],
  [
    'form-dom-clobbering',
    (id) =>
      `<form name="body" id="documentElement"><input name="innerHTML" value="${escAttr(`<img src='x'/onerror=${pwnCompact(id)}>`)}"><input name="attributes"></form><img name="getElementById" src="https://cdn.eastmoorgazette.com/pixel.gif" alt="">`,
    'DOM clobbering: form name=body / id=documentElement and img name=getElementById shadow document properties; the input value is markup (uses pwnCompact) that code reading document.body.innerHTML would inject.',
  ],

  // --- javascript: URLs ------------------------------------------------------------------------------------
  ['a-href-javascript', (id) => `<a href="${js(id)}">Read the full report</a>`, 'Plain javascript: link.'],
  ['a-href-javascript-mixedcase', (id) => `<a href="JaVaScRiPt:${pwn(id)}">download the map</a>`, 'Mixed-case scheme.'],
  [
    'a-href-javascript-leading-space',
    (id) => `<a href="  \n javascript:${pwn(id)}">harbour map</a>`,
    'Leading spaces and a newline before the scheme (the URL parser strips them).',
  ],
  [
    'a-href-javascript-tab-entity',
    (id) => `<a href="jav&#x09;ascript:${pwn(id)}">tide tables</a>`,
    'Tab (as &#x09;) inside the scheme: the URL parser removes tabs and newlines anywhere.',
  ],
  [
    'a-href-javascript-newline-entity',
    (id) => `<a href="java&#x0A;scr&#x0D;ipt:${pwn(id)}">permit documents</a>`,
    'LF and CR (as entities) inside the scheme.',
  ],
  [
    'a-href-javascript-named-entities',
    (id) => `<a href="java&Tab;script&colon;${pwn(id)}">survey results</a>`,
    'HTML5 named references &Tab; and &colon;.',
  ],
  [
    'a-href-javascript-decimal-entities',
    (id) => `<a href="${decEntities('javascript:')}${pwn(id)}">statement from the port</a>`,
    'Scheme written as decimal character references.',
  ],
  [
    'a-href-javascript-hex-no-semicolon',
    (id) => `<a href="${hexEntitiesNoSemicolon('javascript:')}${pwn(id)}">the council vote</a>`,
    'Scheme as hex references without semicolons (&#x6A&#x61...), still decoded by the parser.',
  ],
  [
    'a-href-javascript-leading-control',
    (id) => `<a href="&#x01;&#x1F;javascript:${pwn(id)}">ferry schedule</a>`,
    'Leading C0 control characters (stripped by the URL parser).',
  ],
  ['a-href-vbscript', (id) => `<a href="VBScript:${pwn(id)}">archive</a>`, 'vbscript: scheme (legacy IE); the test rejects it like javascript:.'],
  [
    'area-href-javascript',
    (id) =>
      `<map name="jernih-map"><area shape="rect" coords="0,0,200,100" href="${js(id)}" alt="Dredging zone"></map><img usemap="#jernih-map" src="https://cdn.eastmoorgazette.com/graphics/dredging-zone.png" alt="Map of the dredging zone" width="200" height="100">`,
    'Image map area with a javascript: href.',
  ],
  [
    'svg-a-xlink-href-javascript',
    (id) => `<svg width="200" height="30"><a xlink:href="${js(id)}"><text x="0" y="20">Open the chart</text></a></svg>`,
    'xlink:href on an SVG <a>.',
  ],
  [
    'svg-a-href-javascript',
    (id) => `<svg width="200" height="30"><a href="${js(id)}"><text x="0" y="20">Open the chart</text></a></svg>`,
    'SVG 2 plain href on an SVG <a>.',
  ],
  ['iframe-src-javascript', (id) => `<iframe src="${js(id)}"></iframe>`, 'iframe with a javascript: src (runs in the frame).'],
  [
    'iframe-src-javascript-obfuscated',
    (id) => `<iframe src="jAvAsCrIpT&colon;${pwn(id)}" width="1" height="1"></iframe>`,
    'Mixed case plus &colon; in an iframe src.',
  ],
  ['object-data-javascript', (id) => `<object data="${js(id)}"></object>`, 'object with a javascript: data URL.'],
  ['embed-src-javascript', (id) => `<embed src="${js(id)}">`, 'embed with a javascript: src.'],
  [
    'img-src-javascript',
    (id) => `<figure><img src="${js(id)}" alt="Dredger at the harbour mouth"><figcaption>The dredger arrives.</figcaption></figure>`,
    'Image src javascript: (legacy browsers) inside a figure.',
  ],
  [
    'math-href-javascript',
    (id) => `<math href="${js(id)}"><mi>x</mi></math>`,
    'MathML href attribute (MathML Core links, Firefox).',
  ],

  // --- data: URLs and srcdoc -----------------------------------------------------------------------------------
  [
    'iframe-src-data-html',
    (id) => `<iframe src="data:text/html,${htmlDoc(id)}" width="1" height="1"></iframe>`,
    'iframe with a data:text/html document (runs in an opaque-origin frame).',
  ],
  [
    'iframe-src-data-html-base64',
    (id) => `<iframe src="data:text/html;base64,${b64(htmlDoc(id))}" width="1" height="1"></iframe>`,
    'Same, base64-encoded.',
  ],
  [
    'object-data-html',
    (id) => `<object data="data:text/html,${htmlDoc(id)}" type="text/html"></object>`,
    'object with a data:text/html document.',
  ],
  [
    'embed-src-svg-data',
    (id) =>
      `<embed type="image/svg+xml" src="data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${pwn(id)}"/>`)}">`,
    'embed of an SVG document with onload, as base64 data.',
  ],
  [
    'a-href-data-html',
    (id) => `<a href="data:text/html,${htmlDoc(id)}">printable version</a>`,
    'Link to a data:text/html document.',
  ],
  [
    'a-href-data-html-base64',
    (id) => `<a href="data:text/html;base64,${b64(htmlDoc(id))}">PDF version</a>`,
    'Link to a base64 data:text/html document.',
  ],
  [
    'iframe-srcdoc',
    (id) => `<iframe srcdoc="${escAttr(`<script>${pwn(id)}</script>`)}" width="1" height="1"></iframe>`,
    'srcdoc iframe: same-origin inline document.',
  ],
  [
    'iframe-youtube-onload',
    (id) => `<iframe src="https://www.youtube.com/embed/Jr3nIhXs0aB" width="560" height="315" onload="${pwn(id)}" allowfullscreen></iframe>`,
    'An allowed video embed still carrying an onload handler.',
  ],
  [
    'iframe-youtube-srcdoc',
    (id) =>
      `<iframe src="https://www.youtube.com/embed/Jr3nIhXs0aB" srcdoc="${escAttr(`<script>${pwn(id)}</script>`)}" width="560" height="315"></iframe>`,
    'An allowed video embed whose srcdoc (which wins over src) carries a script.',
  ],

  // --- meta / base / link in the body -----------------------------------------------------------------------
  [
    'meta-refresh-javascript',
    (id) => `<meta http-equiv="refresh" content="0;url=${js(id)}">`,
    'meta refresh to a javascript: URL, in the body.',
  ],
  [
    'meta-refresh-data-html',
    (id) => `<meta http-equiv="refresh" content="0;url=data:text/html;base64,${b64(htmlDoc(id))}">`,
    'meta refresh to a data:text/html document.',
  ],
  [
    'base-href-javascript',
    (id) => `<base href="${js(id)};//"><a href="harbour-map">harbour map</a>`,
    'base href javascript: so that relative links resolve into code (legacy browsers).',
  ],
  [
    'link-rel-import',
    (id) => `<link rel="import" href="data:text/html,${htmlDoc(id)}">`,
    'HTML imports (old Chrome) of a data:text/html document.',
  ],
  [
    'link-stylesheet-javascript',
    (id) => `<link rel="stylesheet" href="${js(id)}">`,
    'Stylesheet link with a javascript: href (legacy browsers).',
  ],

  // --- SVG tricks --------------------------------------------------------------------------------------------
  [
    'svg-animate-href',
    (id) =>
      `<svg width="200" height="30"><a><animate attributeName="href" values="${js(id)}"></animate><text x="0" y="20">View the survey</text></a></svg>`,
    'SMIL animate sets the href of an SVG <a> to javascript: at run time.',
  ],
  [
    'svg-set-xlink-href',
    (id) =>
      `<svg width="200" height="30"><a><set attributeName="xlink:href" to="${js(id)}"></set><text x="0" y="20">View the survey</text></a></svg>`,
    'SMIL set of xlink:href to javascript:.',
  ],
  [
    'svg-set-onmouseover',
    (id) =>
      `<svg width="200" height="30"><rect width="200" height="30"><set attributeName="onmouseover" to="${pwn(id)}"></set></rect></svg>`,
    'SMIL set creates an event-handler attribute at run time (attributeName="onmouseover").',
  ],
  [
    'svg-foreignobject-img',
    (id) => `<svg width="10" height="10"><foreignObject width="10" height="10"><img src="x" onerror="${pwn(id)}"></foreignObject></svg>`,
    'HTML inside SVG foreignObject.',
  ],
  [
    'svg-foreignobject-iframe',
    (id) =>
      `<svg width="10" height="10"><foreignObject width="10" height="10"><iframe src="${js(id)}"></iframe></foreignObject></svg>`,
    'iframe javascript: inside SVG foreignObject.',
  ],
  [
    'svg-use-href-data',
    (id) =>
      `<svg width="10" height="10"><use href="data:image/svg+xml;base64,${b64(`<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="x" onerror="${pwn(id)}"/></svg>`)}#x"></use></svg>`,
    'SVG use referencing an external data: document with a handler.',
  ],
  [
    'svg-style-breakout',
    (id) => `<svg><style><img src="x" onerror="${pwn(id)}"></style></svg>`,
    'In SVG, <style> is not raw text: the <img> breaks out of foreign content and becomes a live HTML image.',
  ],
  [
    'svg-p-style-mxss',
    (id) => `<svg></p><style><a id="</style><img src='x'/onerror=${pwnCompact(id)}>"></style></svg>`,
    'Mutation XSS: </p> inside SVG and a style whose text differs between SVG and HTML parsing (pwnCompact: unquoted value).',
  ],

  // --- MathML tricks -----------------------------------------------------------------------------------------
  [
    'math-maction-xlink',
    (id) => `<math><maction actiontype="statusline" xlink:href="${js(id)}"><mtext>Open</mtext><mtext>status</mtext></maction></math>`,
    'MathML maction with an xlink:href javascript: (legacy Firefox).',
  ],
  [
    'math-mglyph-style-mxss',
    (id) =>
      `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src='x'/onerror=${pwnCompact(id)}&gt;"></mglyph></table></mtext></math>`,
    'Mutation XSS through mglyph/style in mtext > table: the comment hides or reveals the img depending on namespace after re-parsing (pwnCompact).',
  ],
  [
    'math-mtext-table-mglyph-style',
    (id) => `<math><mtext><table><mglyph><style><img src="x" onerror="${pwn(id)}"></style></mglyph></table></mtext></math>`,
    'math > mtext > table > mglyph > style: style is raw text in HTML but not in MathML, so the img can come alive after a round trip.',
  ],
  [
    'math-annotation-xml-html',
    (id) =>
      `<math><annotation-xml encoding="text/html"><img src="x" onerror="${pwn(id)}"></annotation-xml></math>`,
    'annotation-xml with encoding=text/html is an HTML integration point: the img is a live HTML element.',
  ],

  // --- CSS -----------------------------------------------------------------------------------------------------
  [
    'style-attr-expression',
    (id) => `<p style="width: expression(${pwn(id)})">The harbour master declined to comment.</p>`,
    'Old IE CSS expression() in a style attribute.',
  ],
  [
    'style-attr-url-javascript',
    (id) => `<div style="background-image: url(&quot;${js(id)}&quot;)">Chart: silt levels by year</div>`,
    'url(javascript:) in a style attribute.',
  ],
  [
    'style-attr-moz-binding',
    (id) => `<div style="-moz-binding: url(&quot;data:text/xml,&lt;x&gt;${pwn(id)}&lt;/x&gt;#x&quot;)">Sidebar</div>`,
    'Old Firefox XBL -moz-binding in a style attribute.',
  ],
  [
    'style-tag-url-javascript',
    (id) => `<style>.harbour-chart{background:url("${js(id)}")}</style>`,
    'url(javascript:) in a <style> element.',
  ],
  [
    'style-tag-import-javascript',
    (id) => `<style>@import url("${js(id)}");</style>`,
    '@import of a javascript: URL in a <style> element.',
  ],
  [
    'style-tag-img-text',
    (id) => `<style><img src="x" onerror="${pwn(id)}"></style>`,
    'Markup as the raw text of a <style>: harmless as parsed, live if a sanitizer turns the text into markup.',
  ],

  // --- template / noscript / comments / broken markup (mutation XSS) -----------------------------------------------
  [
    'template-img',
    (id) => `<template><img src="x" onerror="${pwn(id)}"></template>`,
    'Inert template content that becomes live if the content is moved into the document.',
  ],
  [
    'template-style-mxss',
    (id) => `<template><style></template><img src="x" onerror="${pwn(id)}"></style></template>`,
    'Template closed inside a style: different trees depending on where the string is re-parsed.',
  ],
  [
    'noscript-title-mxss',
    (id) => `<noscript><p title="</noscript><img src='x'/onerror=${pwnCompact(id)}>"></p></noscript>`,
    'noscript parses differently with scripting off (DOMParser, sanitizers) and on (the live page): the title attribute ends the noscript and frees the img (pwnCompact).',
  ],
  [
    'comment-abrupt-close',
    (id) => `<!--><img src="x" onerror="${pwn(id)}">-->`,
    '"<!-->" is a complete empty comment: the img is live and "-->" is text.',
  ],
  [
    'comment-bang-close',
    (id) => `<!-- note --!><img src="x" onerror="${pwn(id)}"> -->`,
    '"--!>" also closes a comment.',
  ],
  [
    'comment-in-attribute',
    (id) => `<!--<img src="--><img src="x" onerror="${pwn(id)}//">`,
    'Looks like a commented-out image; the comment ends inside the fake attribute.',
  ],
  [
    'img-unterminated',
    (id) => `<img src="x" onerror="${pwn(id)}" `,
    'Unterminated tag: no closing ">"; the next tag in the page closes it (placed inside a paragraph).',
  ],
  [
    'img-missing-space-between-attrs',
    (id) => `<img src="x"onerror="${pwn(id)}">`,
    'No whitespace between attributes: a parse error that browsers accept.',
  ],
  [
    'img-slash-separator',
    (id) => `<img src="x"/onerror="${pwn(id)}">`,
    'A slash instead of whitespace between attributes.',
  ],
  [
    'img-alt-quote-breakout',
    (id) => `<img src="https://cdn.eastmoorgazette.com/photos/skipper.jpg" alt="${escAttr(`"onerror="${pwn(id)}`)}">`,
    'Inert alt text that breaks out of the attribute if a serializer forgets to escape quotes.',
  ],
  [
    'img-backtick-attr',
    (id) => `<img src=\`x\` onerror=${pwnCompact(id)}>`,
    'Backtick-delimited value (legacy IE) and an unquoted handler (pwnCompact).',
  ],
  [
    'figcaption-img-onerror',
    (id) =>
      `<figure><img src="https://cdn.eastmoorgazette.com/photos/dredger-2000w.jpg" alt="The dredger Kestrel at the harbour mouth"><figcaption>The dredger Kestrel at the harbour mouth. <img src="x" onerror="${pwn(id)}"></figcaption></figure>`,
    'Markup with a handler inside a figure caption.',
  ],
  [
    'figcaption-a-javascript',
    (id) =>
      `<figure><img src="https://cdn.eastmoorgazette.com/photos/quay-2000w.jpg" alt="Fishing boats at the north quay"><figcaption>Boats at the north quay. Photo: <a href="${js(id)}">Gazette staff</a></figcaption></figure>`,
    'javascript: credit link in a caption.',
  ],
  [
    'img-srcset-javascript',
    (id) => `<img src="https://cdn.eastmoorgazette.com/photos/silt-800w.jpg" srcset="${js(id)} 2x" alt="Silt samples">`,
    'javascript: candidate in srcset.',
  ],
];
