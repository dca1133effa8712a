/**
 * The standfirst: the sentence or two under the headline that sums the article up. Sites set it apart from the
 * body (in the article's <header>, in a box classed "lead", "intro" or "teaser-text"), and Readability, which
 * looks for the body, leaves it out. It belongs to the article, so it is given back, above the body.
 */
import { byTag, linkDensity, normalizeSpace, wordCount } from './dom';
import { BYLINE_PREFIX } from './metadata';

/** Class and id words that name a standfirst. */
const STANDFIRST_NAMES =
  /(^|[\s_-])(lead|lede|intro|introduction|standfirst|teaser-text|summary|excerpt|subtitle|sub-?headline|dek|deck|abstract|chapo|chapeau|description|entradilla|sottotitolo)([\s_-]|$)/i;
/** Boxes a standfirst is never in. */
const NOT_IN = /^(NAV|ASIDE|FOOTER|FORM|LI|TD|TH|FIGCAPTION|BUTTON|A)$/;
const LEAST_WORDS = 8;
const MOST_WORDS = 90;
/** How far up from the text its name may sit (a <p> inside <div class="lead">). */
const NAME_LEVELS = 2;

/**
 * The page's standfirst as plain text, when it stands between the headline and the start of the body Readability
 * found, is named as one (or says what the page's description says), and is not in the body already; else null.
 */
export function findStandfirst(page: Document, content: Element, description: string | null, title: string | null = null): string | null {
  const body = page.body;
  if (!body) return null;
  const kept = normalizeSpace(content.textContent);
  const start = firstParagraphOnPage(page, content);
  if (!start) return null;
  const headline = headlineBefore(page, start);
  if (!headline) return null;
  const said = description ? normalizeSpace(description) : '';
  // The headline as the page's <h1> and its metadata say it (a logo may be the only <h1>).
  const headlines = new Set([normalizeSpace(headline.textContent), normalizeSpace(title)]);
  const walker = page.createTreeWalker(body, 1 /* NodeFilter.SHOW_ELEMENT */);
  walker.currentNode = headline;
  for (let node = walker.nextNode() as Element | null; node && node !== start; node = walker.nextNode() as Element | null) {
    if (node.contains(start)) continue;
    if (!/^(P|DIV|H2|H3|SPAN|STRONG)$/.test(node.tagName.toUpperCase())) continue;
    const text = normalizeSpace(node.textContent);
    const words = wordCount(text);
    if (words < LEAST_WORDS || words > MOST_WORDS) continue;
    // The innermost box that holds the whole text: its parent would hold the same words and be asked again.
    if (node.firstElementChild && normalizeSpace(node.firstElementChild.textContent) === text && node.children.length === 1) continue;
    // A box of blocks (a kicker over the lead) is asked block by block: its text would run them together.
    if (blocksIn(node) > 1) continue;
    // The headline again (a story box repeats it under its kicker), already in the body, a line of links, in a
    // list, a caption or a form, or the byline.
    if (headlines.has(text) || kept.includes(text) || BYLINE_PREFIX.test(text) || linkDensity(node) >= 0.3 || inPlaceNotForIt(node)) continue;
    if (namedStandfirst(node) || (saysTheDescription(text, said) && !NAMED_OTHERWISE.test(node.getAttribute('class') ?? ''))) return text;
  }
  return null;
}

const BLOCK_TAGS = /^(P|DIV|H[1-6]|UL|OL|BLOCKQUOTE|FIGURE|SECTION|HEADER)$/;

/** How many of the element's children are blocks with words in them. */
function blocksIn(el: Element): number {
  let blocks = 0;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (BLOCK_TAGS.test(child.tagName.toUpperCase()) && /[\p{L}\p{N}]/u.test(child.textContent ?? '')) blocks++;
  }
  return blocks;
}

/** The block opens as the page's description does, or the description opens as the block (one is cut short). */
function saysTheDescription(text: string, description: string): boolean {
  return description.length > 40 && (description.startsWith(text.slice(0, 60)) || text.startsWith(description.slice(0, 60)));
}

/** The element of the page whose text is the body's first real paragraph. */
function firstParagraphOnPage(page: Document, content: Element): Element | null {
  const first = byTag(content, 'p').map((p) => normalizeSpace(p.textContent)).find((t) => wordCount(t) >= LEAST_WORDS);
  if (!first) return null;
  return byTag(page.body, 'p').find((p) => normalizeSpace(p.textContent) === first) ?? null;
}

/** The last <h1> before `start` in the page (the headline the standfirst stands under). */
function headlineBefore(page: Document, start: Element): Element | null {
  let found: Element | null = null;
  for (const h1 of byTag(page.body, 'h1')) {
    if (!(h1.compareDocumentPosition(start) & 4 /* FOLLOWING */)) break;
    found = h1;
  }
  return found;
}

/** "lead-image", "intro-media": the box of the lead picture, whose caption is no standfirst. */
const PICTURE_BOX = /(^|[\s_-])(lead|intro|article|story|post)[-_]?(image|img|art|media|photo|asset|picture|figure|video|visual)/i;

/** Blocks named as something else that sits by the headline: "disclosure-text" inside "article-intro". */
const NAMED_OTHERWISE = /(disclosure|disclaimer|advert|sponsor|affiliate|promo|newsletter|byline|author|credit|caption|breadcrumb|share|social)/i;

function namedStandfirst(el: Element): boolean {
  let at: Element | null = el;
  for (let level = 0; at && level <= NAME_LEVELS; level++, at = at.parentElement) {
    const names = `${at.getAttribute('class') ?? ''} ${at.getAttribute('id') ?? ''}`;
    if (PICTURE_BOX.test(names) || NAMED_OTHERWISE.test(names) || at.querySelector('img, picture, video, figure')) return false;
    if (STANDFIRST_NAMES.test(names)) return true;
  }
  return false;
}

function inPlaceNotForIt(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) if (NOT_IN.test(at.tagName.toUpperCase())) return true;
  return false;
}
