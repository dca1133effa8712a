/**
 * The standfirst: the sentence or two under the headline that sums the article up. Sites set it apart from the
 * body (in the article's <header>, in a box classed "lead", "intro" or "teaser-text"), and Readability, which
 * looks for the body, leaves it out. It belongs to the article, so it is given back, above the body.
 */
import { byTag, linkDensity, namesOf, normalizeSpace, wordCount } from './dom';
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
  // The headline as the page's <h1> and its metadata say it (a logo, or a blog's name, may be the only <h1>).
  const titleText = normalizeSpace(title);
  const h1Text = normalizeSpace(headline.textContent);
  const headlines = [h1Text, titleText].filter(Boolean);
  // The headline again: most of one of them (the title adds the site's name, a date); a word of it ("Atomkraft")
  // heads a section.
  const partOf = (text: string, of: string): boolean => text.length >= HEADLINE_LEAST_CHARS && of.includes(text) && text.length >= of.length * HEADLINE_SHARE;
  const isHeadline = (text: string): boolean => headlines.some((h) => partOf(text, h));
  // Whether the <h1> is the article's headline (else a heading further on that the title names may be).
  const headlineKnown = !titleText || partOf(h1Text, titleText);
  const walker = page.createTreeWalker(body, 1 /* NodeFilter.SHOW_ELEMENT */);
  walker.currentNode = headline;
  // Only the first paragraph under the headline may be the standfirst without a name for it: later ones are
  // whatever else a page puts there (a caption, a box of facts). One named as the standfirst further on wins.
  let unnamedAsked = false;
  let unnamed: string | null = null;
  let named: string | null = null;
  // Whether a picture stands between the headline and the block: then the block may be the picture's text.
  let pictureBefore = false;
  for (let node = walker.nextNode() as Element | null; node && node !== start; node = walker.nextNode() as Element | null) {
    if (node.contains(start)) continue;
    const tag = node.tagName.toUpperCase();
    if (PICTURE_TAGS.test(tag)) pictureBefore = true;
    if (!headlineKnown && HEADING_TAGS.test(tag) && partOf(normalizeSpace(node.textContent), titleText)) {
      // The article's own headline comes only now (a blog's name was the <h1>, a story box repeats it under its
      // kicker): what stood before it is no standfirst of it (the blog's description).
      named = unnamed = null;
      unnamedAsked = pictureBefore = false;
      continue;
    }
    if (!/^(P|DIV|H2|H3|SPAN|STRONG)$/.test(tag)) continue;
    const text = normalizeSpace(node.textContent);
    const words = wordCount(text);
    if (words < LEAST_WORDS || words > MOST_WORDS) continue;
    // The innermost box that holds the whole text: its parent would hold the same words and be asked again.
    if (node.firstElementChild && normalizeSpace(node.firstElementChild.textContent) === text && node.children.length === 1) continue;
    // A box of blocks (a kicker over the lead) is asked block by block: its text would run them together.
    if (blocksIn(node) > 1) continue;
    // The headline again (a story box repeats it under its kicker), already in the body, a line of links, in a
    // list, a caption or a form, or the byline.
    if (isHeadline(text) || kept.includes(text) || BYLINE_PREFIX.test(text) || linkDensity(node) >= 0.3 || inPlaceNotForIt(node) || hiddenFromReader(node)) continue;
    if (!named && (namedStandfirst(node) || (saysTheDescription(text, said) && !NAMED_OTHERWISE.test(node.getAttribute('class') ?? '')))) named = text;
    if (!unnamedAsked && UNNAMED_TAGS.test(tag)) {
      unnamedAsked = true;
      if (isUnnamedStandfirst(node, text, headline, pictureBefore)) unnamed = text;
    }
  }
  return named ?? unnamed;
}

const HEADING_TAGS = /^H[1-4]$/;
/** A heading shorter than this ("News") is not matched to the title. */
const HEADLINE_LEAST_CHARS = 8;
/** The headline again holds at least this share of the title's characters. */
const HEADLINE_SHARE = 0.5;

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

/** The element of the page whose text is the body's first real paragraph (where Readability's pick starts). */
export function firstParagraphOnPage(page: Document, content: Element): Element | null {
  const first = byTag(content, 'p').map((p) => normalizeSpace(p.textContent)).find((t) => wordCount(t) >= LEAST_WORDS);
  if (!first) return null;
  // The page's paragraph may hold more: Readability makes paragraphs of lines a page parts with <br><br>.
  const paragraph = byTag(page.body, 'p').find((p) => {
    const text = normalizeSpace(p.textContent);
    return text === first || (text.length > first.length && text.includes(first));
  });
  return paragraph ?? textHolding(page.body, first.slice(0, OPENING_CHARS));
}

/** The paragraph's opening words, looked for in the page's text where it has no <p> of them. */
const OPENING_CHARS = 40;

/**
 * The element whose own text holds `opening`: Readability also makes paragraphs of text a page writes straight
 * into a <div>. One walk of the text, no element's whole text asked.
 */
function textHolding(root: Element, opening: string): Element | null {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (value.length >= opening.length && normalizeSpace(value).includes(opening)) return node.parentElement;
  }
  return null;
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
    const names = namesOf(at);
    if (PICTURE_BOX.test(names) || NAMED_OTHERWISE.test(names) || at.querySelector('img, picture, video, figure')) return false;
    if (STANDFIRST_NAMES.test(names)) return true;
  }
  return false;
}

const PICTURE_TAGS = /^(IMG|PICTURE|VIDEO|FIGURE)$/;
/** A standfirst without a name is a paragraph or a subheading. */
const UNNAMED_TAGS = /^(P|H2)$/;
/**
 * It reads as a sentence: it ends as one (a closing quote or bracket may follow the stop). Not with "!" (a call
 * to try the site's tools) nor ":" (a line that leads into what follows).
 */
const ENDS_AS_SENTENCE = /[.?…]["'»«“”’)\]]?$/;

/**
 * The first paragraph or subheading under the headline, unnamed, standing where a standfirst stands: sites that
 * mark their standfirst only by its place ("<h2>" under the "<h1>", a "<p>" in the article's header). A sentence
 * (or the subheading right under the headline), not a label or a line of keywords; never a caption or a box with a
 * picture, never named as something else.
 */
function isUnnamedStandfirst(el: Element, text: string, headline: Element, pictureBefore: boolean): boolean {
  // A subheading right under the headline is its subtitle, stop or no stop.
  const subtitle = el.tagName.toUpperCase() === 'H2' && el.previousElementSibling === headline;
  if (!subtitle && !ENDS_AS_SENTENCE.test(text)) return false;
  // Right under the headline: in its own box (the article's header, or the box around it), or with nothing but
  // short lines (a date, a byline) between them; not past a picture, further along the page.
  if (pictureBefore && !headline.parentElement?.parentElement?.contains(el)) return false;
  for (let at: Element | null = el, level = 0; at && level <= NAME_LEVELS; level++, at = at.parentElement) {
    const names = namesOf(at);
    if (PICTURE_BOX.test(names) || NAMED_OTHERWISE.test(names) || CAPTION_NAMES.test(names)) return false;
  }
  if (el.closest('figure') || el.querySelector('img, picture, video, figure')) return false;
  // A picture beside it, not set apart in a figure of its own: the line is the picture's caption.
  const beside = el.parentElement?.querySelector('img, picture, video');
  return !beside || !!beside.closest('figure');
}

/** Names of a caption or a picture's description, which may stand between the headline and the body. */
const CAPTION_NAMES = /(caption|credit|image|img|photo|picture|foto|bild|legend)/i;

/** Hidden from the reader of the page (by attribute or inline style), itself or a box around it. */
function hiddenFromReader(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) {
    if (at.hasAttribute('hidden') || at.getAttribute('aria-hidden') === 'true' || HIDDEN_STYLE.test(at.getAttribute('style') ?? '')) return true;
  }
  return false;
}

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i;

function inPlaceNotForIt(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) if (NOT_IN.test(at.tagName.toUpperCase())) return true;
  return false;
}
