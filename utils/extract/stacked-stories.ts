/**
 * Stories stacked on one page. News sites that load the next story as the reader scrolls (an endless scroll,
 * saved with the page) hold several whole articles, each under its own <h1>. Readability weighs them all and may
 * take a later, longer one: the reader would show another story than the one opened. The page's own story is the
 * one under the headline its title names.
 */
import { byTag, normalizeSpace, wordCount } from './dom';
import { firstParagraphOnPage } from './standfirst';

/** A headline this short ("News", a logo's name) says too little to be matched to the title. */
const LEAST_HEADLINE_CHARS = 12;
/** The own story's paragraphs hold at least this many words. */
const LEAST_STORY_WORDS = 50;

/**
 * The box of the page's own story, when Readability's pick starts under another story's headline; else null.
 * `titles` are the page's names for itself (its metadata title, its <title>).
 */
export function ownStoryLeftOut(page: Document, content: Element, titles: readonly (string | null)[]): Element | null {
  const body = page.body;
  if (!body) return null;
  const headlines = byTag(body, 'h1').filter((h) => normalizeSpace(h.textContent).length >= LEAST_HEADLINE_CHARS);
  if (headlines.length < 2) return null;
  const names = titles.map((t) => normalizeSpace(t)).filter(Boolean);
  // A <title> adds the site's name before or after the headline ("Site | …", "… - Site"), and a blog's name may
  // be an <h1> too: the longest headline the title holds at one of its ends is the story's.
  let own: Element | null = null;
  let ownLength = 0;
  for (const h of headlines) {
    const text = normalizeSpace(h.textContent);
    if (text.length > ownLength && names.some((name) => name === text || name.startsWith(text) || name.endsWith(text))) {
      own = h;
      ownLength = text.length;
    }
  }
  if (!own) return null;
  const start = firstParagraphOnPage(page, content);
  if (!start) return null;
  const ownBox = storyBox(own, headlines);
  // A story has a text of its own: a headline alone in the page's header (the site's name) has none.
  if (ownBox.contains(start) || proseWords(ownBox) < LEAST_STORY_WORDS) return null;
  // The pick starts in the box of another headline, built as the own story's box is (the site's template for a
  // story, repeated): another story. A box of another kind is a part of the same article (an <h1> a site uses
  // for a section heading of its text).
  const other = headlines.find((h) => h !== own && storyBox(h, headlines).contains(start));
  return other && sameKind(ownBox, storyBox(other, headlines)) ? ownBox : null;
}

function sameKind(a: Element, b: Element): boolean {
  return a.tagName === b.tagName && (a.getAttribute('class') ?? '') === (b.getAttribute('class') ?? '');
}

/** Words of the paragraphs of running text in `box` (long ones: a teaser's line or a caption is not one). */
function proseWords(box: Element): number {
  let words = 0;
  for (const p of byTag(box, 'p')) {
    const text = p.textContent ?? '';
    if (text.length >= 80) words += wordCount(text);
  }
  return words;
}

/** The outermost box around `headline` that holds no other headline: its story. */
function storyBox(headline: Element, headlines: readonly Element[]): Element {
  let box = headline;
  for (let up = headline.parentElement; up && up.tagName.toUpperCase() !== 'BODY'; up = up.parentElement) {
    if (headlines.some((h) => h !== headline && up!.contains(h))) break;
    box = up;
  }
  return box;
}
