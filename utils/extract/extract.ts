/**
 * extractArticle(document, { url }): the reader's engine. Pure and synchronous: it never changes the page (it
 * reads it, and works on a copy: the rule's body alone when a site rule finds it, else a clone of the page),
 * reads no browser globals, and runs the same in the content script and in Node tests.
 *
 * Readability is the floor (docs/ARCHITECTURE.md):
 * - With a site rule (or the user's picked block), the rule narrows the page and Readability tidies the result.
 *   When that result holds much less text than the page's own prose (or its JSON-LD articleBody), the generic
 *   path runs too and the longer one stands.
 * - The generic path gives Readability the whole page first; clutter cleaners then work on its result, and when
 *   they would leave much less than Readability found, Readability's result stands.
 * - "Is this an article?" gates (`gate: true`) serve auto-clean and detection only. An explicit request gets the
 *   best extraction there is, and "no article" only where Readability finds no text either.
 */
import type { Article, ExtractOptions } from './types';
import { findRule, type SiteRule } from './sites';
import { BYLINE_PREFIX, bylineFromMarkup, cleanByline, findArticleLd, readMetadata, type PageMetadata } from './metadata';
import { absolutizeUrls, baseUrlOf, resolveLazyImages } from './images';
import {
  holdsProse, isConsentBox, joinSoftHyphenatedWords, markFurniture, normalizeDeskCode, removeClutterText, removeFurniture, removeMarked, removePageControls, removeRepeatedHeadline, removeServerNotices,
  type RemovalLog,
} from './cleaners';
import { probablyReadable, runReadability, type ReadabilityResult } from './readability';
import { allElements, byTag, childrenOf, cutFrom, declaredBodies, firstMatch, leafBlocks, linkDensity, namesOf, normalizeSpace, P_AND_DIV, removeAll, textOf, wordCount } from './dom';
import { copyOfPage, plainText, sanitizeElementToHtml } from '../sanitize';
import { collapseWrapperChains } from './wrappers';
import { isFrontPage, isSignInPage, looksLikeListing } from './gates';
import { joinPagesInDocument, joinSectionsOfOneText, laterPagesBeside } from './in-document-pages';
import { removeClutterLines } from './sites/kit';
import { findStandfirst } from './standfirst';
import { ownStoryLeftOut } from './stacked-stories';
import { ingredientsLeftOut } from './recipe';

/** What a user's body selector narrows with on a site that has no built-in rule. */
const USER_RULE_BASE: SiteRule = { id: 'user', name: 'user', hosts: [], body: [], examples: { articles: [], notArticles: [] } };

/** Fewer words than this is not an article (a teaser, a login box, an error page): a gate, for auto-clean only. */
const MIN_WORDS = 70;
/** Reading speed for the reading-time estimate (words a minute; about right for Indonesian and English news). */
const WORDS_PER_MINUTE = 220;
/** A rule's body holding less than this share of the page's prose is suspect: Readability gets a look too. */
const RULE_FLOOR = 0.6;
/** Cleaners may take clutter out of Readability's result, but never more than this share of its words outside links. */
const CLEANER_FLOOR = 0.65;
/** A rule's clutter data may take clutter out of Readability's result, but not most of it. */
const RULE_DATA_FLOOR = 0.5;
/** The generic result replaces a rule's only when it is clearly longer (rails and comments make it a bit longer). */
const GENERIC_WINS = 1.25;

/** One stage's decision, for `npm run extract -- --why` and the reader's problem report. */
export type Trace = string[];

/** Readability's result after our cleaners, with where it came from. */
interface Candidate {
  content: Element;
  parsed: ReadabilityResult;
  narrowed: boolean;
  words: number;
}

export function extractArticle(document: Document, options: ExtractOptions): Article | null {
  return explainExtraction(document, options).article;
}

/** extractArticle, with every stage's decision written down (the rule, each gate and figure, what went). */
export function explainExtraction(document: Document, { url, userRule, gate = false }: ExtractOptions): { article: Article | null; trace: Trace } {
  const trace: Trace = [];
  const note = (stage: string, detail: string) => trace.push(`${stage}: ${detail}`);
  const log: RemovalLog = (cleaner, el, why) => note(cleaner, `removed <${el.tagName.toLowerCase()}> (${why}) "${firstWords(el)}"`);
  if (!document.documentElement || !document.body) {
    note('page', 'no <html> or <body>');
    return { article: null, trace };
  }
  const rule = findRule(url);
  note('rule', rule ? `${rule.id} (${rule.name})` : 'none: the generic path');
  // Metadata is only read, so it comes from the page itself, before anything is copied or changed.
  const meta = readMetadata(document, url, rule);
  if (gate && !userRule?.body && isSignInPage(document, meta)) {
    note('gate', 'a sign-in page: a password field and little prose');
    return { article: null, trace };
  }
  if (gate && !userRule?.body && isFrontPage(url)) {
    note('gate', "the site's front page (its address has no path): not an article");
    return { article: null, trace };
  }
  if (gate && !rule && !userRule?.body && !meta.declaresArticle && !probablyReadable(document)) {
    note('gate', 'not an article: no article declared and Readability\'s quick check says no');
    return { article: null, trace };
  }
  const base = baseUrlOf(document, url);

  let chosen: Candidate | null = null;
  const { candidate: narrowed, clone: spare } = narrowedCandidate(document, base, rule, userRule, log);
  if (narrowed) {
    note('narrow', `${userRule?.body ? 'your picked block' : `the ${rule!.id} rule's body`}: ${narrowed.words} words`);
    chosen = narrowed;
    // The user's own pick stands as it is; a built-in rule is checked against the page.
    if (!userRule?.body) {
      const expected = expectedWords(document);
      note('floor', `the page holds about ${expected.words} words of prose (${expected.source})`);
      if (narrowed.words < expected.words * RULE_FLOOR) {
        const generic = genericCandidate(spare ?? copyOfPage(document), base, rule, userRule, log, note);
        if (generic && generic.words > narrowed.words * GENERIC_WINS) {
          note('floor', `the rule kept ${narrowed.words} words, Readability ${generic.words}: Readability's result stands`);
          chosen = generic;
        }
      }
    }
  } else {
    if (rule) note('narrow', `the ${rule.id} rule's body is not on this page`);
    chosen = genericCandidate(spare ?? copyOfPage(document), base, rule, userRule, log, note);
    if (chosen && chosen.words <= NOTICE_MOST_WORDS && isNoticePick(chosen.content)) chosen = askAgainWithoutNotices(document, base, rule, userRule, log, note) ?? chosen;
    const ownStory = chosen ? readOwnStory(document, chosen, meta, base, log, note) : null;
    if (ownStory) chosen = ownStory;
    if (!userRule?.body) {
      // Asked also when Readability found nothing: the article may sit where it removes everything (an <aside>,
      // a <noscript> parsed as markup). Not once the page's own story was read alone: the prose it leaves out is
      // the other stories'.
      if (!ownStory) chosen = proseWitness(document, chosen, base, log, note) ?? chosen;
      if (chosen) giveBackIngredients(document, chosen, base, log, note);
      if (chosen) giveBackStandfirst(document, chosen, meta, note);
    }
  }
  if (!chosen) {
    note('result', 'Readability found no text: no article');
    return { article: null, trace };
  }
  const article = finish(chosen, document, url, base, meta, rule, gate, note);
  return { article, trace };
}

/**
 * A built-in rule's body (copied alone: a fraction of the page) or the user's picked block, cleaned and tidied by
 * Readability. No candidate when there is nothing to narrow by or the body is not on the page; a whole-page
 * clone made on the way comes back untouched by the rule, so the generic path need not clone again.
 */
function narrowedCandidate(
  document: Document, base: string, rule: SiteRule | null, userRule: ExtractOptions['userRule'], log: RemovalLog,
): { candidate: Candidate | null; clone: Document | null } {
  let work = !userRule && rule ? copyRuleBody(document, rule) : null;
  if (work) {
    prepareCopy(work, base);
  } else {
    if (!rule && !userRule?.body) return { candidate: null, clone: null };
    // The user's rule works on the document as the page built it (its selectors were taken from the live page):
    // their removals, then their body, which narrows like a site rule's body and still gets the site's clutter rules.
    const clone = copyOfPage(document);
    collapseWrapperChains(clone.body);
    if (userRule?.remove?.length) removeAll(clone.body, userRule.remove);
    resolveLazyImages(clone);
    absolutizeUrls(clone, base);
    const userBodyRule: SiteRule | null = userRule?.body ? { ...(rule ?? USER_RULE_BASE), body: [userRule.body] } : null;
    if (!(userBodyRule && applyRule(clone, userBodyRule)) && !(rule && applyRule(clone, rule))) return { candidate: null, clone };
    work = clone;
  }
  // After the rule: its selectors must see the site's own markup, not the figures made here.
  removeFurnitureBeforeReadability(work, log);
  const parsed = runReadability(work, 100);
  if (!parsed) return { candidate: null, clone: null };
  removeClutterText(parsed.content, log, base);
  return { candidate: { content: parsed.content, parsed, narrowed: true, words: wordCount(parsed.content.textContent ?? '') }, clone: null };
}

/** A copy of part of the page made ready to clean: wrapper chains collapsed, lazy pictures real, addresses absolute. */
function prepareCopy(work: Document, base: string): void {
  // First: on a tree thousands of levels deep every change below costs a walk up all of them.
  collapseWrapperChains(work.body);
  resolveLazyImages(work);
  absolutizeUrls(work, base);
}

/**
 * Figures normalized, page controls and furniture taken out of a part of the page before Readability tidies it:
 * a rule's body or a box read alone is the article's place already, so what is furniture there goes at once.
 */
function removeFurnitureBeforeReadability(work: Document, log: RemovalLog): void {
  normalizeFigures(work);
  removePageControls(work.body, log);
  removeFurniture(work.body, log);
}

/**
 * Readability on the whole page first, then our cleaners on what it found. When the cleaners would leave much
 * less than Readability found, Readability's result stands (only page controls taken out).
 */
function genericCandidate(
  work: Document, base: string, rule: SiteRule | null, userRule: ExtractOptions['userRule'], log: RemovalLog,
  note: (stage: string, detail: string) => void,
): Candidate | null {
  // (Idempotent, so a clone that already had them done is fine.)
  collapseWrapperChains(work.body);
  if (userRule?.remove?.length) removeAll(work.body, userRule.remove);
  // Readability resolves the links it keeps against the document's base: make that the page's address (a parsed
  // page's own is not), and make the rest absolute on its result alone, a fraction of the page.
  setBase(work, base);
  normalizeFigures(work);
  // Later pages hidden in the document are shown and joined to the page that shows (hidden is furniture, a page
  // is not), then furniture is marked, not removed: Readability judges the page as the site built it.
  const joined = joinPagesInDocument(work.body);
  if (joined) note('pages', `${joined} later page(s) of the article hidden in the document shown`);
  const sections = joinSectionsOfOneText(work.body);
  if (sections) note('pages', `${sections} section(s) of one text joined to the one before`);
  const furniture = markFurniture(work.body);
  const parsed = runReadability(work, 500);
  if (!parsed) return null;
  let found = wordCount(parsed.content.textContent ?? '');
  note('readability', `${found} words`);
  if (!found) return null;
  // Lazy pictures and leftover relative addresses, on Readability's result alone (it unwraps <noscript>
  // pictures and common lazy attributes itself; these are the rest).
  resolveLazyImages(parsed.content);
  absolutizeUrls(parsed.content, base);
  // The site's own data first: the rule's clutter selectors and its tail phrases (a promo, a comment notice
  // closing the text), so a layout its body selectors do not know still ends where the site's pages end. What
  // they take is not held against the cleaners' floor below, unless they took most of the text (a tail phrase
  // met before the text): then none of it stands.
  if (rule) {
    const before = parsed.content.cloneNode(true) as Element;
    applyRuleData(parsed.content, rule, log);
    const left = wordCount(parsed.content.textContent ?? '');
    if (left < found * RULE_DATA_FLOOR) {
      note('floor', `the ${rule.id} rule's clutter and tail left ${left} of Readability's ${found} words: not applied`);
      parsed.content = before;
    } else found = left;
  }
  removeServerNotices(parsed.content, log);
  const untouched = parsed.content.cloneNode(true) as Element;
  // The floor counts the words outside links: rails of headlines are words Readability kept but no prose the
  // cleaners could have lost.
  const prose = wordsOutsideLinks(parsed.content);
  removePageControls(parsed.content, log);
  removeMarked(parsed.content, furniture, log);
  removeClutterText(parsed.content, log, base);
  let words = wordCount(parsed.content.textContent ?? '');
  const proseLeft = wordsOutsideLinks(parsed.content, words);
  if (proseLeft < prose * CLEANER_FLOOR) {
    note('floor', `the cleaners left ${proseLeft} of Readability's ${prose} words outside links: Readability's result stands`);
    removePageControls(untouched);
    parsed.content = untouched;
    words = wordCount(untouched.textContent ?? '');
  }
  return { content: parsed.content, parsed, narrowed: false, words };
}

/**
 * A rule's clutter selectors and tail phrases on Readability's result. The selectors were written for the rule's
 * body; here they may also match a wrapper of the whole text (Liputan6's old layout wraps it in <article>, which
 * its rule drops as a card), so a block of prose is never taken.
 */
function applyRuleData(content: Element, rule: SiteRule, log: RemovalLog): void {
  if (rule.remove?.length) removeRuleClutter(content, rule, log);
  for (const el of removeClutterLines(content, rule.clutterText)) log('rule', el, `the ${rule.id} rule's clutter text`);
  if (!rule.stopPhrases?.length) return;
  const tail = cutAtPhrases(content, rule.stopPhrases);
  if (tail) log('rule', tail, `the ${rule.id} rule's tail phrase, and all after it`);
}

/** About how many words of `root` stand outside links (its words, counted already or here, less its links' words). */
function wordsOutsideLinks(root: Element, words = wordCount(root.textContent ?? '')): number {
  let inLinks = 0;
  for (const a of byTag(root, 'a')) inLinks += wordCount(a.textContent ?? '');
  return Math.max(0, words - inLinks);
}

function removeRuleClutter(content: Element, rule: SiteRule, log: RemovalLog): void {
  let found: Element[] = [];
  try {
    found = Array.from(content.querySelectorAll(rule.remove!.join(', ')));
  } catch {
    return; // an invalid selector is a rule bug; the rule meta-tests catch it
  }
  for (const el of found) {
    if (!content.contains(el) || holdsProse(el)) continue; // inside one removed already, or a block of prose
    log('rule', el, `the ${rule.id} rule's clutter selector`);
    el.remove();
  }
}

/** Points the working copy's base URL at the page (an existing <base> already says the same: see baseUrlOf). */
function setBase(work: Document, base: string): void {
  const el = work.getElementsByTagName('base')[0] ?? work.createElement('base');
  el.setAttribute('href', base);
  if (!el.parentNode) (work.head ?? work.documentElement).prepend(el);
}

/**
 * How many words of article prose the page holds, cheaply: its JSON-LD articleBody where it has one (the site's
 * own statement of the body), else its paragraphs of running text (long, few links).
 */
function expectedWords(document: Document): { words: number; source: string } {
  const body = findArticleLd(document)?.articleBody;
  const stated = typeof body === 'string' ? wordCount(body) : 0;
  if (stated >= 30) return { words: stated, source: 'JSON-LD articleBody' };
  return { words: sumWords(runningText(document.body)), source: 'paragraphs of running text' };
}

interface Paragraph {
  el: Element;
  text: string;
  words: number;
}

/**
 * The paragraphs of running text under `root`: long, few links (a teaser's linked title is not one). With
 * `enough`, it stops once that many words are found: a caller asking "at least this much?" needs no more.
 */
function runningText(root: Element, enough = Infinity): Paragraph[] {
  const found: Paragraph[] = [];
  let words = 0;
  for (const el of byTag(root, 'p')) {
    const raw = el.textContent ?? '';
    if (raw.length < 100) continue;
    const text = normalizeSpace(raw);
    const count = wordCount(text);
    if (count < 15 || linkDensity(el) >= 0.3) continue;
    found.push({ el, text, words: count });
    words += count;
    if (words >= enough) break;
  }
  return found;
}

const sumWords = (paragraphs: readonly Paragraph[]): number => paragraphs.reduce((n, p) => n + p.words, 0);

/** Readability's pick holding fewer words of running text than this is thin: the page's own prose is asked. */
const THIN_PROSE = 200;
/** The prose it left out must be at least this many words, and this many times what it kept, to be asked. */
const LEFT_OUT_WORDS = 150;
const LEFT_OUT_FACTOR = 1.8;
/** The box asked holds this share of the prose left out (so it is where the text is, not the whole page). */
const BOX_SHARE = 0.8;
/** The box read alone must give back this share of the prose left out. */
const GIVEN_BACK = 0.6;
/** At least this share of the prose left out shares one parent (a text's paragraphs are siblings). */
const SIBLING_SHARE = 0.3;
const SIDE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER']);
/** Where readers' comments sit: their paragraphs are prose, but not the article's. */
const COMMENTS = /(^|[\s_-])(comments?|commentlist|komentar|kommentare?|comentarios?|commentaires?|disqus|replies|respond)([\s_-]|$)/i;
/** A declared body (itemprop="articleBody") with fewer words of running text than this says too little to be asked. */
const DECLARED_LEAST = 30;
/** The declared body is asked when Readability's pick lacks at least this share of its running text. */
const DECLARED_MISSING = 0.5;

interface Witness {
  box: Element;
  /** The running text the box must give back (most of it). */
  wanted: Paragraph[];
  /** Whether the box is the page's declared body: then it need not hold more prose than Readability's pick. */
  declared: boolean;
}

/**
 * A second witness for a thin result. Readability sometimes takes a table, a list of names, a disclosure or a
 * form over the article, or finds nothing: the article's box was dropped by a class word ("above-footer"), sits in
 * an <aside> it removes, sits in a <noscript> (markup where scripts are off), or scored below a long list. Then the
 * page says where the text is: the body it declares (itemprop="articleBody"), else the box holding most of its
 * paragraphs of running text that the pick left out. That box is read alone (as a site rule's body is), and stands
 * when it gives most of that text back.
 */
function proseWitness(
  document: Document, chosen: Candidate | null, base: string, log: RemovalLog, note: (stage: string, detail: string) => void,
): Candidate | null {
  const kept = chosen ? sumWords(runningText(chosen.content, THIN_PROSE)) : 0;
  if (kept >= THIN_PROSE) return null;
  const keptText = chosen ? normalizeSpace(chosen.content.textContent) : '';
  const witness = declaredBodyLeftOut(document, keptText) ?? proseLeftOut(document, keptText, kept, note);
  if (!witness) return null;
  const { box, wanted, declared } = witness;
  const wantedWords = sumWords(wanted);
  note(
    'witness',
    `Readability's pick holds ${chosen ? `${kept} words of running text` : 'no text'}; ${declared ? 'the body the page declares' : 'the page'} has ${wantedWords} more in <${box.tagName.toLowerCase()}>`,
  );
  // The box must give what it was asked for: most of the running text left out.
  const enough = (c: Candidate | null): c is Candidate => {
    if (!c) return false;
    if (!declared) {
      const found = sumWords(runningText(c.content));
      if (found < LEFT_OUT_WORDS || found < kept * LEFT_OUT_FACTOR) return false;
      // Never less text than the pick: another part of the article (a gallery's blurbs, each in a box of its
      // own) is no reason to drop the part Readability found.
      if (chosen && c.words < chosen.words) return false;
    }
    const text = normalizeSpace(c.content.textContent);
    return sumWords(wanted.filter((p) => text.includes(p.text))) >= wantedWords * GIVEN_BACK;
  };
  const work = copyAlone(document, box);
  if (!work) return null;
  const read = genericCandidate(work, base, null, undefined, log, note);
  if (enough(read)) {
    note('witness', 'read alone by Readability, it stands');
    return read;
  }
  // Readability takes the same table or list again inside the box: the box itself stands, cleaned by ours.
  const whole = copyAlone(document, box)!;
  prepareCopy(whole, base);
  removeFurnitureBeforeReadability(whole, log);
  const content = whole.body.firstElementChild!;
  removeClutterText(content, log, base);
  const parsed = chosen?.parsed ?? { title: null, byline: null, content, excerpt: null, siteName: null, publishedTime: null, lang: null, dir: null };
  const asIs: Candidate = { content, parsed: { ...parsed, content }, narrowed: false, words: wordCount(content.textContent ?? '') };
  if (enough(asIs)) {
    note('witness', 'Readability takes the same part of it again: the box stands as it is, cleaned');
    return asIs;
  }
  note('witness', "the box holds no more running text once cleaned: Readability's pick stands");
  return null;
}

/**
 * The body the page declares in its markup (itemprop="articleBody"; the one with the most running text), when
 * Readability's pick lacks most of its running text. Structured data names the body wherever the layout puts it,
 * an <aside> included; never in readers' comments.
 */
function declaredBodyLeftOut(document: Document, keptText: string): Witness | null {
  let best: { box: Element; paragraphs: Paragraph[]; words: number } | null = null;
  for (const box of declaredBodies(document.body)) {
    if (inComments(box)) continue;
    const paragraphs = runningText(box);
    const words = sumWords(paragraphs);
    if (!best || words > best.words) best = { box, paragraphs, words };
  }
  if (!best || best.words < DECLARED_LEAST) return null;
  const wanted = best.paragraphs.filter((p) => !keptText.includes(p.text));
  if (sumWords(wanted) < best.words * DECLARED_MISSING) return null;
  return { box: best.box, wanted, declared: true };
}

/** The box holding most of the page's running text that the pick left out, when that is much more than it kept. */
function proseLeftOut(document: Document, keptText: string, kept: number, note: (stage: string, detail: string) => void): Witness | null {
  const leftOut = runningText(document.body).filter((p) => !keptText.includes(p.text) && !inSideParts(p.el));
  const leftOutWords = sumWords(leftOut);
  const notAsked = (why: string): null => {
    note('witness', `not asked: ${why}`);
    return null;
  };
  if (leftOutWords < LEFT_OUT_WORDS || leftOutWords < kept * LEFT_OUT_FACTOR) {
    return notAsked(`the page has ${leftOutWords} words of running text besides Readability's pick (${kept})`);
  }
  // An article's paragraphs stand together; teasers and blurbs each sit in a card of their own.
  const together = largestSiblingGroup(leftOut);
  if (together < leftOutWords * SIBLING_SHARE) return notAsked(`of its ${leftOutWords} words of running text left out, at most ${together} stand together`);
  const box = boxHolding(leftOut, leftOutWords * BOX_SHARE);
  if (!box || box === document.body || box === document.documentElement) return notAsked('no box smaller than the page holds most of it');
  return { box, wanted: leftOut, declared: false };
}

/** In readers' comments: the class or id of the element or an ancestor says so. */
function inComments(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) {
    if (COMMENTS.test(namesOf(at))) return true;
  }
  return false;
}

/** A pick longer than this many words is no cookie notice (and is not walked to find out). */
const NOTICE_MOST_WORDS = 300;
/** A notice or form holding more than this share of the page's text is the page's frame (a form around it all). */
const NOTICE_MOST = 0.3;

/** The outermost elements under `root` that are `what`. */
function outermost(root: Element, what: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  for (const el of allElements(root)) if (what(el) && !found.some((box) => box.contains(el))) found.push(el);
  return found;
}

/** Readability took a cookie or privacy notice: nearly all the text of its pick stands in boxes named for one. */
function isNoticePick(content: Element): boolean {
  const all = textOf(content).length;
  const inNotices = outermost(content, isConsentBox).reduce((n, box) => n + textOf(box).length, 0);
  return all > 0 && inNotices >= all * 0.8;
}

/** A form of fields (a comment form, a box to follow the blog), not a form around the page's text. */
const isFieldForm = (el: Element): boolean => el.tagName.toUpperCase() === 'FORM' && !holdsProse(el);

/**
 * A cookie notice outweighs a short post (three lines of dialogue on a blog), and the cleaners' floor would give
 * it back as the article: Readability is asked once more, on a copy of the page without its consent notices and
 * its forms of fields (a comment form, a box to follow the blog: the next things it would take). Null when it
 * finds nothing else, or only another notice.
 */
function askAgainWithoutNotices(
  document: Document, base: string, rule: SiteRule | null, userRule: ExtractOptions['userRule'], log: RemovalLog,
  note: (stage: string, detail: string) => void,
): Candidate | null {
  note('notice', "Readability took a cookie or privacy notice: asked again without the page's notices and forms of fields");
  const work = copyOfPage(document);
  const page = textOf(work.body).length;
  for (const box of outermost(work.body, (el) => isConsentBox(el) || isFieldForm(el))) if (textOf(box).length < page * NOTICE_MOST) box.remove();
  const again = genericCandidate(work, base, rule, userRule, log, note);
  return again && !isNoticePick(again.content) ? again : null;
}

/** In readers' comments, a navigation, an aside, a footer or a consent dialog: prose, but never the article's. */
function inSideParts(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) {
    if (SIDE_TAGS.has(at.tagName.toUpperCase())) return true;
    if (isConsentBox(at)) return true;
  }
  return inComments(el);
}

/**
 * The words of the largest group of `paragraphs` that stand together: in one parent, or each in plain boxes of
 * its own under one parent (a CMS that builds a text from blocks wraps every block in a box, a content box and a
 * text field). A teaser's blurb stands in its card, which adds a linked title or a picture.
 */
function largestSiblingGroup(paragraphs: readonly Paragraph[]): number {
  const byParent = new Map<Element | null, number>();
  const standsIn = plainBoxes(paragraphs);
  for (const p of paragraphs) {
    const parent = standsIn(p.el).parentElement;
    byParent.set(parent, (byParent.get(parent) ?? 0) + p.words);
  }
  return Math.max(0, ...byParent.values());
}

/** A box around paragraphs stays plain while it adds at most this many characters of its own (a short heading). */
const PLAIN_BOX_OWN_CHARS = 40;
const LINKS_AND_PICTURES = ['a', 'img', 'picture', 'video'] as const;
const linksAndPicturesIn = (el: Element): number => LINKS_AND_PICTURES.reduce((n, tag) => n + el.getElementsByTagName(tag).length, 0);

/**
 * For each of `paragraphs`, the outermost box that holds it and nothing else but more of `paragraphs` and a few
 * characters: no link, no picture, no longer text of its own.
 */
function plainBoxes(paragraphs: readonly Paragraph[]): (el: Element) => Element {
  // What the paragraphs bring to each box around them: characters, and links and pictures inside them.
  const chars = new Map<Element, number>();
  const media = new Map<Element, number>();
  for (const p of paragraphs) {
    const own = linksAndPicturesIn(p.el);
    for (let at = p.el.parentElement; at; at = at.parentElement) {
      chars.set(at, (chars.get(at) ?? 0) + p.text.length);
      media.set(at, (media.get(at) ?? 0) + own);
    }
  }
  const plain = new Map<Element, boolean>();
  const isPlain = (box: Element): boolean => {
    let known = plain.get(box);
    if (known === undefined) {
      const ownChars = normalizeSpace(box.textContent).length - (chars.get(box) ?? 0);
      const ownMedia = linksAndPicturesIn(box) - (media.get(box) ?? 0);
      known = ownChars <= PLAIN_BOX_OWN_CHARS && ownMedia <= 0;
      plain.set(box, known);
    }
    return known;
  };
  return (el) => {
    let at = el;
    while (at.parentElement && at.parentElement.tagName.toUpperCase() !== 'BODY' && isPlain(at.parentElement)) at = at.parentElement;
    return at;
  };
}

/**
 * The page's own story, when Readability took another one stacked under it (stacked-stories.ts): its box is read
 * alone, as a site rule's body is.
 */
function readOwnStory(
  document: Document, chosen: Candidate, meta: PageMetadata, base: string, log: RemovalLog, note: (stage: string, detail: string) => void,
): Candidate | null {
  const box = ownStoryLeftOut(document, chosen.content, [meta.title, document.title]);
  if (!box) return null;
  const work = copyAlone(document, box);
  const read = work ? genericCandidate(work, base, null, undefined, log, note) : null;
  if (!read) {
    note('story', "Readability's pick is another story on the page; the page's own finds no text read alone");
    return null;
  }
  note('story', `Readability's pick is another story on the page (stories stacked as the page scrolls): its own, read alone, stands (${read.words} words)`);
  return read;
}

/** The standfirst under the headline, when Readability left it out, above the body (standfirst.ts). */
function giveBackStandfirst(document: Document, chosen: Candidate, meta: PageMetadata, note: (stage: string, detail: string) => void): void {
  const lead = findStandfirst(document, chosen.content, meta.excerpt, meta.title);
  if (!lead) return;
  const p = chosen.content.ownerDocument.createElement('p');
  p.textContent = lead;
  chosen.content.prepend(p);
  chosen.words += wordCount(lead);
  note('standfirst', `given back above the body: "${lead.split(' ').slice(0, 8).join(' ')}…"`);
}

/**
 * The recipe's ingredients, when Readability took the method without them: the page's own list, above the
 * method (recipe.ts). Its pictures (check marks, icons) and controls (portions, shopping list) stay behind.
 */
function giveBackIngredients(document: Document, chosen: Candidate, base: string, log: RemovalLog, note: (stage: string, detail: string) => void): void {
  const box = ingredientsLeftOut(document, chosen.content);
  if (!box) return;
  const list = chosen.content.ownerDocument.importNode(box, true) as Element;
  for (const tag of ['img', 'picture', 'svg', 'video'] as const) for (const el of byTag(list, tag)) el.remove();
  // A field to scale the portions takes its short line with it ("für [4] Portionen umrechnen"); a tick box
  // beside an ingredient, or a button, goes alone.
  for (const tag of ['input', 'select', 'button', 'textarea'] as const) {
    for (const control of byTag(list, tag)) {
      const type = (control.getAttribute('type') ?? '').toLowerCase();
      let line: Element = control;
      const scales = tag === 'select' || (tag === 'input' && !['checkbox', 'radio', 'hidden'].includes(type));
      while (scales && line.parentElement && line.parentElement !== list && textOf(line.parentElement).length <= 40) line = line.parentElement;
      line.remove();
    }
  }
  removePageControls(list, log);
  absolutizeUrls(list, base);
  chosen.content.prepend(list);
  chosen.words += wordCount(list.textContent ?? '');
  note('recipe', `the ingredients given back above the method: "${firstWords(list)}"`);
}

/** The innermost element that holds at least `least` words of `paragraphs` (found by walking up from the longest). */
function boxHolding(paragraphs: readonly Paragraph[], least: number): Element | null {
  const held = new Map<Element, number>();
  for (const p of paragraphs) {
    for (let at = p.el.parentElement; at; at = at.parentElement) held.set(at, (held.get(at) ?? 0) + p.words);
  }
  const longest = paragraphs.reduce((a, b) => (b.words > a.words ? b : a));
  for (let at = longest.el.parentElement; at; at = at.parentElement) if ((held.get(at) ?? 0) >= least) return at;
  return null;
}

/** `box` copied alone into a new document, in an <article> (as a rule's body is); null where that cannot be done. */
function copyAlone(page: Document, box: Element): Document | null {
  const copy = copyIntoNewDocument(page, box);
  if (copy) wrapAsArticle(copy.doc, copy.body);
  return copy?.doc ?? null;
}

/** `el` copied into the body of a new document (the page is never touched); null without a DOMImplementation (linkedom). */
function copyIntoNewDocument(page: Document, el: Element): { doc: Document; body: Element } | null {
  if (typeof page.implementation?.createHTMLDocument !== 'function') return null;
  const doc = page.implementation.createHTMLDocument('');
  const body = doc.importNode(el, true) as Element;
  doc.body.append(body);
  return { doc, body };
}

/** The chosen candidate as the reader's Article: title, byline lines, desk codes, gates, sanitizing. */
function finish(
  chosen: Candidate, document: Document, url: string, base: string, meta: PageMetadata, rule: SiteRule | null, gate: boolean,
  note: (stage: string, detail: string) => void,
): Article | null {
  const { content, parsed, narrowed } = chosen;
  const rawTitle = cleanTitle(meta.title || parsed.title || meta.firstHeading || '', meta.siteName, rule, document);
  removeRepeatedHeadline(content, rawTitle);
  // The metadata's author first, then the byline Readability found in the page; our own search of the markup
  // (a walk of the whole page) only when neither names one.
  const byline = meta.byline ?? cleanByline(parsed.byline ? plainText(parsed.byline) : null) ?? bylineFromMarkup(document);
  dropBylineLines(content, byline);
  restoreFragmentLinks(content, [url, base]);
  normalizeDeskCode(content);
  // One read of the text serves both: normalizeSpace drops soft hyphens, so it is the same before and after.
  const rawText = content.textContent ?? '';
  if (rawText.includes('\u00ad')) joinSoftHyphenatedWords(content);

  const textContent = normalizeSpace(rawText);
  const words = wordCount(textContent);
  if (gate) {
    const least = narrowed || meta.declaresArticle ? MIN_WORDS / 2 : MIN_WORDS;
    if (!rawTitle || words < least) {
      note('gate', `${words} words${rawTitle ? '' : ', no title'}: fewer than ${least} is not an article`);
      return null;
    }
    if (!narrowed && looksLikeListing(content)) {
      note('gate', 'a list of teasers, not an article');
      return null;
    }
  } else if (!words) {
    note('result', 'no words left: no article');
    return null;
  }
  const title = rawTitle || meta.siteName || hostOf(url);

  const contentHtml = sanitizeElementToHtml(content, document);
  // The body is sanitized in place: its text now is the text shown. Text of what the sanitizer removed (a <title>
  // or <textarea> inside the body, markup written as text in it) must not reach the excerpt (found by npm run fuzz).
  const shownText = normalizeSpace(content.textContent);
  const leadImage = meta.leadImage ? { ...meta.leadImage, inBody: showsImage(content, meta.leadImage.src) } : null;
  const lang = meta.lang || primary(parsed.lang);
  const firstParagraph = textOf(Array.from(content.querySelectorAll('p')).find((p) => wordCount(textOf(p), 8) >= 8));
  note('result', `${words} words (${narrowed ? 'narrowed by a rule' : 'generic'})`);
  return {
    url: meta.canonicalUrl ?? url,
    title,
    byline,
    siteName: meta.siteName ?? (parsed.siteName ? plainText(parsed.siteName) : null),
    publishedTime: meta.publishedTime,
    publishedZone: meta.publishedZone,
    lang,
    dir: meta.dir ?? (parsed.dir === 'rtl' ? 'rtl' : 'ltr'),
    leadImage,
    contentHtml,
    textContent,
    // Plain text like every text field (a page that writes tags as text shows them in its body, not here).
    excerpt: meta.excerpt ?? truncate(plainText(firstParagraph || shownText), 220),
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
    ruleId: rule?.id ?? null,
  };
}

function firstWords(el: Element): string {
  const words = normalizeSpace(el.textContent).split(' ');
  return words.slice(0, 8).join(' ') + (words.length > 8 ? '…' : '');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Narrows the working document to the rule's body and cleans it. False when the body is not found. */
function applyRule(work: Document, rule: SiteRule): boolean {
  const body = firstMatch(work, rule.body);
  if (!body) return false;
  for (const page of laterPagesBeside(body)) body.append(page);
  joinPagesInDocument(body.parentElement ?? body);
  cleanRuleBody(body, rule);
  wrapAsArticle(work, body);
  return true;
}

/**
 * The rule's body, copied alone into a new document (the page is never touched) and cleaned there; null when the
 * page has no such body. The copy's <body> is marked with the rule's id so the caller knows it is narrowed.
 */
function copyRuleBody(page: Document, rule: SiteRule): Document | null {
  const found = firstMatch(page, rule.body);
  const copy = found && copyIntoNewDocument(page, found);
  if (!copy) return null;
  const { doc, body } = copy;
  // The body selector finds the page that shows; later pages hidden beside it come along, and those hidden in
  // it (or beside one another) are shown and joined in order before the rule cleans the whole.
  for (const later of laterPagesBeside(found)) body.append(doc.importNode(later, true));
  joinPagesInDocument(doc.body);
  cleanRuleBody(body, rule);
  wrapAsArticle(doc, body);
  doc.body.setAttribute('data-jernih-rule', rule.id);
  return doc;
}

function cleanRuleBody(body: Element, rule: SiteRule): void {
  for (const sel of rule.removeParagraphsWith ?? []) {
    for (const el of Array.from(body.querySelectorAll(sel))) (el.closest('p, li, div, h2, h3, h4') ?? el).remove();
  }
  const end = firstMatch(body, rule.endBefore);
  if (end) cutFrom(end, body);
  removeAll(body, rule.remove);
  if (rule.stopPhrases?.length) cutAtPhrases(body, rule.stopPhrases);
  rule.clean?.(body);
  removeClutterLines(body, rule.clutterText);
}

/** A <div> inside an <article>: Readability turns loose text and <br><br> runs into paragraphs only in divs. */
function wrapAsArticle(work: Document, body: Element): void {
  const article = work.createElement('article');
  const inner = work.createElement('div');
  inner.append(...Array.from(body.childNodes));
  article.append(inner);
  work.body.replaceChildren(article);
}

/** Cuts the body from the first block that starts (or, short, holds) one of `phrases`; that block, or null. */
function cutAtPhrases(body: Element, phrases: readonly string[]): Element | null {
  const lower = phrases.map((p) => p.toLowerCase());
  // Walk the text, not every element: the first text that holds a phrase names the block where the tail starts.
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = normalizeSpace(node.nodeValue).toLowerCase();
    if (!data || !lower.some((p) => data.includes(p.slice(0, Math.min(p.length, 24))))) continue;
    const block = (node.parentElement?.closest('p, li, h2, h3, h4, div, section, aside') ?? null) as Element | null;
    if (!block || !body.contains(block) || block === body) continue;
    const text = textOf(block).toLowerCase();
    if (lower.some((p) => text.startsWith(p) || (text.length < 200 && text.includes(p)))) {
      cutFrom(block, body);
      return block;
    }
  }
  return null;
}

function cleanTitle(raw: string, siteName: string | null, rule: SiteRule | null, doc: Document): string {
  let title = plainText(raw);
  for (const re of rule?.titleStrip ?? []) title = title.replace(re, '').trim();
  if (siteName) {
    const esc = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    title = title.replace(new RegExp(`\\s+[|\\-–—:·•]\\s+${esc}\\s*$`, 'i'), '').trim();
    title = title.replace(new RegExp(`^${esc}\\s+[|\\-–—:·•]\\s+`, 'i'), '').trim();
  }
  // "Headline | Site" where the page's single <h1> is the headline.
  const h1s = byTag(doc, 'h1').map(textOf).filter(Boolean);
  const h1 = h1s.find((h) => title.startsWith(h) && /^\s*[|\-–—:·•]\s+\S/.test(title.slice(h.length)));
  if (h1) title = h1;
  return title;
}

const BYLINE_BLOCKS: ReadonlySet<string> = new Set(['p', 'div', 'span']);

/**
 * The byline and dateline the page prints above the body ("Oleh Budi · Selasa, 3 September 2024 · 2 komentar"):
 * the reader shows them in its header already.
 */
function dropBylineLines(content: Element, byline: string | null): void {
  const name = byline?.toLowerCase() ?? null;
  for (const el of leafBlocks(content, BYLINE_BLOCKS, 'start', 5, () => true, P_AND_DIV)) {
    const text = textOf(el);
    const lower = text.toLowerCase().replace(BYLINE_PREFIX, '');
    const words = wordCount(text);
    if (!text || words > 25 || holdsProse(el)) continue;
    const namesAuthor = !!name && (lower === name || (lower.startsWith(name) && /[·|•—–-]/.test(text)));
    const bylineShape = BYLINE_PREFIX.test(text) && /^\S+\s+\p{L}/u.test(text) && /(\d{4}|·|\||•)/.test(text);
    if (namesAuthor || bylineShape) el.remove();
  }
}

/**
 * Readability resolves "#note-1" against <base href>, which may be another document; in-page links must stay
 * in-page, so the reader can scroll to the note instead of leaving.
 */
function restoreFragmentLinks(content: Element, pageUrls: string[]): void {
  const pages = new Set(pageUrls.map((u) => u.replace(/#.*$/, '')));
  const links = byTag(content, 'a').filter((a) => a.getAttribute('href')?.includes('#'));
  if (!links.length) return;
  // The anchors in the body, read once (a query per link, each a new selector, was compiled anew for every
  // footnote of a long article).
  const anchors = new Set<string>();
  for (const el of allElements(content)) {
    const id = el.getAttribute('id');
    const name = el.getAttribute('name');
    if (id) anchors.add(id);
    if (name) anchors.add(name);
  }
  for (const a of links) {
    const href = a.getAttribute('href')!;
    const hash = href.slice(href.indexOf('#'));
    if (hash.length > 1 && pages.has(href.slice(0, href.indexOf('#'))) && anchors.has(hash.slice(1))) a.setAttribute('href', hash);
  }
}

/**
 * Image + caption pairs that sites build from divs (WordPress .wp-caption, Kompas .photo) become real
 * figure/figcaption, so Readability keeps them together and the caption does not pass for a paragraph.
 */
function normalizeFigures(doc: Document): void {
  // One walk over the images instead of attribute-substring selectors over the whole page. What is asked of an
  // image's box (its caption child, how many images it holds) is asked once per box: a gallery of a thousand
  // images in one box made this quadratic (found by npm run fuzz: 69 s against Readability's 1.4 s).
  const captionsOf = new Map<Element, Element[]>();
  const imagesIn = new Map<Element, number>();
  for (const img of byTag(doc, 'img')) {
    if (!img.isConnected && !doc.contains(img)) continue;
    if (img.closest('figure')) continue;
    const media = img.closest('picture') ?? img;
    const holder = media.parentElement?.tagName === 'A' ? media.parentElement : media;
    const box = holder.parentElement;
    if (!box || box === doc.body || box.tagName === 'ARTICLE') continue;
    // (1) A site's own caption element next to the image (WordPress .wp-caption-text, Kompas .photo__caption).
    if (!captionsOf.has(box)) captionsOf.set(box, childrenOf(box).filter((c) => /caption|keterangan/i.test(c.getAttribute('class') ?? '')));
    const cap = captionsOf.get(box)!.find((c) => c !== holder);
    if (cap && !imagesIn.has(box)) imagesIn.set(box, box.getElementsByTagName('img').length);
    if (cap && imagesIn.get(box) === 1 && wordCount(textOf(box), 81) <= 80) {
      wrapFigure(doc, box, media, cap);
      continue;
    }
    // (2) A box holding just the image (maybe in a link) and one short line of text under it (Tribun).
    if (box.tagName !== 'DIV' || box.children.length !== 2) continue;
    const [first, second] = childrenOf(box);
    if (!first.contains(img) || second.querySelector('img, p, div') || second.tagName === 'P') continue;
    const words = wordCount(textOf(second), 51);
    if (words < 2 || words > 50) continue;
    wrapFigure(doc, box, img, second);
  }
}

function wrapFigure(doc: Document, box: Element, media: Element, caption: Element): void {
  const figure = doc.createElement('figure');
  const figcaption = doc.createElement('figcaption');
  figcaption.append(...Array.from(caption.childNodes));
  figure.append(media, figcaption);
  box.replaceWith(figure);
}

/**
 * True when the body shows the same photo as the metadata picture, in any rendition: news sites name one photo
 * with size or crop suffixes ("-articleLarge", "-1152x648", "_960"), in other folders or with other queries.
 */
function showsImage(content: Element, src: string): boolean {
  const want = imageStem(src);
  if (want.length < 5) return false;
  for (const el of Array.from(content.querySelectorAll('img, source'))) {
    const candidates = [el.getAttribute('src'), ...(el.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0])];
    if (candidates.some((c) => c && imageStem(c) === want)) return true;
  }
  return false;
}

/** A picture's name without folder, query, extension and rendition suffixes. */
export function imageStem(src: string): string {
  let name = (src.replace(/[?#].*$/, '').split('/').pop() ?? '').toLowerCase();
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as it is
  }
  name = name.replace(/\.(jpe?g|png|gif|webp|avif|jfif)$/, '');
  const RENDITION = /[-_.@](\d+x\d*|x\d+|\d{2,4}w|w\d{2,4}|h\d{2,4}|\d{2,4}|\d(\.\d)?x|articlelarge|superjumbo|jumbo|large|medium|small|thumb|thumbnail|master\d*|square\d*|mobilemasterat3x|facebookjumbo|videosixteenbyninejumbo\d*|threebytwo\w*|scaled|cropped|crop|full|hd|sd|lg|md|sm|xl|xs|original|orig|popup|blog\d*)$/;
  for (let prev = ''; prev !== name; ) {
    prev = name;
    name = name.replace(RENDITION, '');
  }
  return name;
}

const primary = (lang: string | null): string | null => lang?.match(/^[a-z]{2,3}/i)?.[0].toLowerCase() ?? null;

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)}…`;
}
