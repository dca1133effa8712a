/**
 * Pages for the XSS corpus (test/helpers/xss-vectors.ts): the whole-corpus fixture page
 * (test/fixtures/security/xss-article/source.html, written by build-xss-fixture.ts) and a small article page around
 * one vector, used by test/unit/xss.test.ts and usable by the browser test.
 *
 * The article is an invented local news story (the "Eastmoor Gazette"); its prose was written for this corpus.
 */
import type { XssVector } from './xss-vectors';

export const XSS_FIXTURE_URL = 'https://www.eastmoorgazette.com/news/2025/03/14/harbour-dredging-resumes-after-two-year-pause';

export const vectorPageUrl = (id: string): string => `https://www.eastmoorgazette.com/news/2025/03/14/security-case-${id}`;

export const HEADLINE = 'Harbour dredging resumes after two-year pause';

/** The real paragraphs of the story, in order. Vectors go only after the first and before the last. */
export const ARTICLE_PARAGRAPHS: readonly string[] = [
  'EASTMOOR — Dredging of the Eastmoor harbour channel resumed on Thursday morning, ending a two-year pause that left the town’s fishing fleet timing its departures around the tide and forced the weekly freight barge from Callow Point to unload at a neighbouring port.',
  'The hopper dredger Kestrel, chartered from a contractor in Rotterdam, began working at first light near the harbour mouth, where silt has built up to within 1.8 metres of the surface at low water. Harbour master Ewan Tregarthen said the vessel would work in twelve-hour shifts until the end of May, removing an estimated 140,000 cubic metres of sediment.',
  'The previous permit expired in the spring of 2023 while the county and the port authority argued over who should pay for disposal of the spoil, some of which contains traces of copper from decades of antifouling paint. A compromise reached in January splits the cost of the £6.2 million project three ways, with a national coastal fund covering the largest share.',
  'For the fleet, the delay has been expensive. Skippers say the bigger trawlers have been unable to leave or return for about four hours either side of low tide, cutting the number of trips they can make in a week. “You plan your whole life around a sandbank,” said Moira Penhallow, who runs two boats out of the north quay with her brother. “Some weeks we lost a day and a half just waiting for the water.”',
  'Not everyone is celebrating. A group of residents on Ferry Lane has raised concerns about noise from the overnight shifts and about the barges that will carry the spoil to a licensed disposal site eight miles offshore. The port authority has promised to keep engines below an agreed limit after 10pm and to publish water-quality readings from three monitoring buoys every week on its website.',
  'Marine scientists from the university at Harrowgate will sample the seabed before and after the work. Dr Anita Osei, who leads the team, said the main question was how quickly the channel would fill again. “Two years of silt came in faster than anyone predicted,” she said. “If we understand why, the town may not have to go through this every decade.”',
  'The freight barge is expected to return to Eastmoor in June, once the channel has been surveyed and declared safe. Until then, the harbour office has asked leisure sailors to keep clear of the dredger and to listen on channel 14 for updates on its position.',
];

/** Clutter planted around the article: none of it may reach the reader view. */
export const CLUTTER: readonly string[] = [
  'Skip to main content',
  'Local News',
  'Obituaries',
  'Subscribe from $1 a week',
  'Sign in',
  'Advertisement',
  'Share on Facebook',
  'Share on X',
  'Email this story',
  'Most read',
  'Council approves new car park at the railway station',
  'Lifeboat crew honoured for winter rescue',
  'Comments (14)',
  'Finally! My dad worked that channel for thirty years.',
  'Post a comment',
  'Contact the newsroom',
  '© 2025 Eastmoor Gazette Ltd',
];

/** Vectors that read as inline content (links, images) are put inside a paragraph; the rest go between paragraphs. */
export const isInlineVector = (v: XssVector): boolean => /^<(a|img)[\s/>]/i.test(v.html);

/** Metadata vectors that compete with the page title (so the wrapper page carries no clean <title>). */
export const isTitleVector = (v: XssVector): boolean => v.where === 'meta' && /title|headline/.test(v.id);

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const SITE_HEADER = `<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <a class="logo" href="https://www.eastmoorgazette.com/">Eastmoor Gazette</a>
  <nav class="main-nav" aria-label="Sections">
    <ul>
      <li><a href="https://www.eastmoorgazette.com/local-news">Local News</a></li>
      <li><a href="https://www.eastmoorgazette.com/sport">Sport</a></li>
      <li><a href="https://www.eastmoorgazette.com/business">Business</a></li>
      <li><a href="https://www.eastmoorgazette.com/opinion">Opinion</a></li>
      <li><a href="https://www.eastmoorgazette.com/obituaries">Obituaries</a></li>
    </ul>
  </nav>
  <a class="subscribe-button" href="https://www.eastmoorgazette.com/subscribe">Subscribe from $1 a week</a>
  <a class="account-link" href="https://www.eastmoorgazette.com/account/login">Sign in</a>
</header>
<div class="ad-slot ad-leaderboard" data-ad-unit="eg_top_728x90"><span class="ad-label">Advertisement</span></div>`;

const SHARE_BAR = `<div class="share-bar">
        <a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.eastmoorgazette.com%2Fnews" class="share-facebook">Share on Facebook</a>
        <a href="https://x.com/intent/post?url=https%3A%2F%2Fwww.eastmoorgazette.com%2Fnews" class="share-x">Share on X</a>
        <a href="mailto:?subject=Harbour%20dredging%20resumes" class="share-email">Email this story</a>
      </div>`;

const SIDEBAR_AND_FOOTER = `<aside class="most-read">
    <h2>Most read</h2>
    <ol>
      <li><a href="https://www.eastmoorgazette.com/news/2025/03/12/council-approves-car-park">Council approves new car park at the railway station</a></li>
      <li><a href="https://www.eastmoorgazette.com/news/2025/03/11/lifeboat-crew-honoured">Lifeboat crew honoured for winter rescue</a></li>
    </ol>
  </aside>
</main>
<section class="comments" id="comments">
  <h2>Comments (14)</h2>
  <div class="comment"><p class="comment-author">tidewatcher</p><p class="comment-body">Finally! My dad worked that channel for thirty years.</p></div>
  <a class="comment-cta" href="https://www.eastmoorgazette.com/account/login?next=comments">Post a comment</a>
</section>
<footer class="site-footer">
  <p><a href="https://www.eastmoorgazette.com/contact">Contact the newsroom</a> · <a href="https://www.eastmoorgazette.com/privacy">Privacy</a></p>
  <p>© 2025 Eastmoor Gazette Ltd</p>
</footer>`;

const HEAD_COMMON = `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">`;

const SITE_STYLE = `<style>
  body { font-family: Georgia, serif; margin: 0; }
  .site-header, .site-footer { background: #0b3954; color: #fff; padding: 12px 24px; }
  .story { max-width: 680px; margin: 0 auto; }
  .ad-slot { min-height: 90px; background: #eee; text-align: center; }
</style>`;

function page(head: string, storyBody: string, opts: { byline: boolean }): string {
  const byline = opts.byline
    ? `\n        <p class="byline">By <a href="https://www.eastmoorgazette.com/staff/dana-whitlock" rel="author">Dana Whitlock</a>, Waterfront reporter · <time datetime="2025-03-14T07:45:00-05:00">March 14, 2025</time></p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
${head}
</head>
<body class="article-page">
${SITE_HEADER}
<main id="main">
  <article class="story">
    <header class="story-header">
      <h1 class="headline">${esc(HEADLINE)}</h1>${byline}
    </header>
    <div class="story-body">
${storyBody}
    </div>
    ${SHARE_BAR}
  </article>
  ${SIDEBAR_AND_FOOTER}
</body>
</html>
`;
}

const p = (text: string, inline: string[] = []): string =>
  `      <p>${esc(text)}${inline.map((h) => ` ${h}`).join('')}</p>`;

/** The whole corpus in one page: meta vectors in <head>, body vectors inside and between paragraphs 2..6. */
export function buildXssFixtureHtml(vectors: readonly XssVector[]): string {
  const meta = vectors.filter((v) => v.where === 'meta');
  const body = vectors.filter((v) => v.where === 'body');
  // An unterminated tag swallows whatever markup follows it up to the next ">": keep such vectors last in their slot.
  const inline = body.filter(isInlineVector).sort((a, b) => Number(!a.html.trim().endsWith('>')) - Number(!b.html.trim().endsWith('>')));
  const block = body.filter((v) => !isInlineVector(v));

  // Paragraphs 2..N-1 (indices 1..N-2) take vectors; the first and last stay clean so they can be compared exactly.
  const slots = ARTICLE_PARAGRAPHS.length - 2;
  const inlineBySlot: string[][] = Array.from({ length: slots }, () => []);
  const blockBySlot: string[][] = Array.from({ length: slots }, () => []);
  inline.forEach((v, i) => inlineBySlot[i % slots].push(`<!-- ${v.id} -->${v.html}`));
  block.forEach((v, i) => blockBySlot[i % slots].push(`      <!-- vector: ${v.id} -->\n      ${v.html}`));

  const lines: string[] = [p(ARTICLE_PARAGRAPHS[0])];
  for (let s = 0; s < slots; s++) {
    lines.push(p(ARTICLE_PARAGRAPHS[s + 1], inlineBySlot[s]));
    lines.push(...blockBySlot[s]);
    if (s === 2) lines.push('      <div class="ad-slot ad-inarticle" data-ad-unit="eg_mid_300x250"><span class="ad-label">Advertisement</span></div>');
  }
  lines.push(p(ARTICLE_PARAGRAPHS[ARTICLE_PARAGRAPHS.length - 1]));

  const head = `${HEAD_COMMON}
<!-- Hostile metadata: every 'meta' vector of test/helpers/xss-vectors.ts -->
${meta.map((v) => v.html).join('\n')}
<meta property="og:type" content="article">
<meta property="article:published_time" content="2025-03-14T07:45:00-05:00">
${SITE_STYLE}`;
  return page(head, lines.join('\n'), { byline: true });
}

/**
 * A small article page around one vector. A 'body' vector sits in the third paragraph (inline vectors) or
 * between the second and third. A 'meta' vector is the page's only metadata of its kind (no og:*, author or
 * JSON-LD; a clean <title> only when the vector is not itself a title), so the engine has to read it.
 */
export function buildVectorPage(v: XssVector): string {
  const paras = ARTICLE_PARAGRAPHS.slice(0, 4);
  let storyBody: string;
  let head: string;
  if (v.where === 'body') {
    const inline = isInlineVector(v);
    storyBody = [
      p(paras[0]),
      p(paras[1]),
      ...(inline ? [] : [`      ${v.html}`]),
      p(paras[2], inline ? [v.html] : []),
      p(paras[3]),
    ].join('\n');
    head = `${HEAD_COMMON}\n<title>${esc(HEADLINE)} | Eastmoor Gazette</title>\n${SITE_STYLE}`;
  } else {
    storyBody = paras.map((t) => p(t)).join('\n');
    // Real pages have a <title>; leave it out only when the vector itself is the title (og:title, headline...).
    const title = isTitleVector(v) ? '' : `\n<title>${esc(HEADLINE)} | Eastmoor Gazette</title>`;
    head = `${HEAD_COMMON}${title}\n${v.html}\n${SITE_STYLE}`;
  }
  return page(head, storyBody, { byline: false });
}
