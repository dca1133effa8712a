/**
 * Generic cleaners, applied on every site. Each removes a block only when the block IS the clutter (its whole
 * text is a label, a read-also line, a promo...), never a sentence that merely contains the same words.
 * Fixtures prove both sides (test/fixtures/**: must_contain and must_not_contain).
 */
import {
  allElements, byTag, INLINE_TAGS, isDeclaredBody, isEmptyBlock, isInlineInText, leafBlocks, linkDensity, MEDIA_SELECTOR, namesOf, normalizeSpace, P_AND_DIV, siteHost, standsAtEdge, textOf,
  wordCount,
} from './dom';
import { readabilityDropsByName } from './readability';
import { isCreditLine } from './credit-lines';

// ---------------------------------------------------------------------------------------------------------
// Before Readability: structure. Elements that are page furniture by tag, role or class name.
// ---------------------------------------------------------------------------------------------------------

/** Page furniture by tag, by ARIA role, by ad-slot attributes (checked in one walk: see removeFurniture). */
const FURNITURE_TAGS = new Set([
  'SCRIPT', 'STYLE', 'LINK', 'TEMPLATE', 'DIALOG', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'LABEL', 'NAV', 'HEADER', 'FOOTER',
]);
// Controls (a video player's buttons, sliders and timers) are furniture too: their text is what they do, not what the article says.
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'dialog', 'alertdialog', 'button', 'slider', 'progressbar', 'timer', 'menu', 'menubar', 'toolbar', 'tablist', 'switch']);

function isFurniture(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute('data-ad') || el.hasAttribute('data-ad-slot') || el.hasAttribute('data-google-query-id')) return true;
  if ((el.getAttribute('id') ?? '').startsWith('div-gpt-ad')) return true;
  return el.tagName === 'INS' && /\badsbygoogle\b/.test(el.getAttribute('class') ?? '');
}

/** Class words that mean clutter whatever the box holds (also clutter words: see CLUTTER_WORDS). */
const STRONG_CLUTTER_WORDS: ReadonlySet<string> = new Set([
  'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'adunit', 'dfp', 'gpt', 'sponsor', 'sponsored',
  'promo', 'promotion', 'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'paywall', 'regwall', 'outbrain',
  'taboola', 'mgid', 'cookie', 'cookies', 'consent', 'gdpr', 'iklan', 'banner', 'related', 'recommended', 'recirculation', 'recirc',
  'trending', 'popular', 'mostread', 'populer', 'terpopuler', 'terkait', 'rekomendasi', 'baca', 'bacajuga', 'lihatjuga',
]);

/**
 * Class/id words that name clutter (matched as whole words of a class, split on -, _ and camelCase): the strong
 * ones, and the rest, which do not take a picture with its caption along (isClutterByName).
 */
const CLUTTER_WORDS: ReadonlySet<string> = new Set([
  ...STRONG_CLUTTER_WORDS,
  'share', 'sharing', 'sharebar', 'social', 'follow', 'recommendation', 'recommendations', 'comments', 'comment',
  'disqus', 'discussion', 'login', 'signin', 'breadcrumb', 'breadcrumbs', 'toc', 'listen', 'audio', 'player',
  'counter', 'sidebar', 'widget', 'modal', 'popup', 'overlay', 'tags', 'tagcloud', 'topics', 'bio', 'authorbio',
  'byline', 'parallax', 'sisip', 'linksisip', 'print', 'nextprev', 'pagination', 'pager', 'jump', 'skip', 'infinite',
  'more', 'readmore', 'rating', 'reactions', 'komentar', 'toolbar', 'copy', 'clipboard', 'meta', 'author', 'avatar',
  'profile',
]);

/** Words that, paired with a clutter word, still mean the article (e.g. "article-body share-wrapper"). */
const CONTENT_WORDS = /(^|[-_\s])(article|entry|post|story|content|body|text|main)([-_\s]|$)/i;

/** Quick reject: a class/id string that contains none of the clutter words anywhere needs no splitting. */
const CLUTTER_SUBSTRING = new RegExp(Array.from(CLUTTER_WORDS).sort((a, b) => b.length - a.length).join('|'), 'i');

/** An element's class and id as lower-case words: each token whole, and split on -, _ and camelCase. */
export const classWords = (el: Element): string[] => wordsOfNames(namesOf(el));

/** classWords of a class-and-id string (namesOf). */
function wordsOfNames(names: string): string[] {
  const words: string[] = [];
  for (const token of names.split(/\s+/)) {
    if (!token) continue;
    words.push(token.toLowerCase());
    for (const part of token.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[-_\s]+/)) if (part) words.push(part.toLowerCase());
  }
  return words;
}

/** Holds a real run of prose: protected from class-based removal whatever its class says. */
function holdsProse(el: Element): boolean {
  let long = 0;
  for (const p of byTag(el, 'p')) {
    const text = p.textContent ?? '';
    // 25 words need well over 100 characters: most paragraphs are decided without counting.
    if (text.length < 110) continue;
    if (wordCount(text, 25) >= 25 && linkDensity(p) < 0.3 && ++long >= 2) return true;
  }
  return false;
}

/** Elements that are content whatever their class says. */
const NEVER_BY_NAME = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'PRE', 'BLOCKQUOTE', 'IMG', 'PICTURE', 'VIDEO']);

/** Remembered clutter words by class-and-id string: a page repeats a few hundred of them thousands of times. */
const clutterWordsByNames = new Map<string, readonly string[]>();
const REMEMBERED_NAMES = 5000;

/** The class and id words of `el` that name clutter (none for most elements). */
function clutterWordsOf(el: Element): readonly string[] {
  const names = namesOf(el);
  let clutter = clutterWordsByNames.get(names);
  if (!clutter) {
    clutter = CLUTTER_SUBSTRING.test(names) ? wordsOfNames(names).filter((w) => CLUTTER_WORDS.has(w)) : [];
    if (clutterWordsByNames.size >= REMEMBERED_NAMES) clutterWordsByNames.clear();
    clutterWordsByNames.set(names, clutter);
  }
  return clutter;
}

export function isClutterByName(el: Element): boolean {
  const clutter = clutterWordsOf(el);
  if (!clutter.length) return false;
  // "More" names a read-more link, and a collapsed text box that a "read more" button opens: the box's text is
  // the article's (a holiday home's description, classed js_readmore), the link is short or all link.
  if (clutter.every((w) => EXPANDER_WORDS.has(w)) && !isLinkOrButtonText(el)) return false;
  // "Copy" names a copy-link button, and in a designer's words the text itself ("body-copy", a recipe step's
  // "preparation-step__copy"): only a control, or a label of a few words, is the button.
  if (clutter.every((w) => CONTROL_WORDS.has(w)) && !isControl(el)) return false;
  if (NEVER_BY_NAME.has(el.tagName.toUpperCase()) || el.getAttribute('role') === 'main' || isDeclaredBody(el)) return false;
  // A player box around an embedded video is the video, not clutter.
  if (el.getElementsByTagName('video').length) return false;
  for (const frame of byTag(el, 'iframe')) {
    if (/youtube|vimeo|dailymotion/i.test(frame.getAttribute('src') ?? '')) return false;
  }
  const cls = el.getAttribute('class') ?? '';
  if (CONTENT_WORDS.test(cls) && (el.textContent ?? '').length > 400) return false; // ~60+ words: a content wrapper
  // Words that name a kind of box rather than clutter ("widget", "meta", "toolbar") do not take a picture with
  // its caption along (an editor's image widget is the article's figure); ad and promo words do.
  // (The strong words are among the clutter words by construction.)
  if (!clutter.some((w) => STRONG_CLUTTER_WORDS.has(w)) && holdsCaptionedPicture(el)) return false;
  return !holdsProse(el);
}

/** Clutter words that may also name a collapsed text box (see isClutterByName). */
const EXPANDER_WORDS = new Set(['more', 'readmore']);
/** Clutter words that name a control (a button copying the address): the element must be one. */
const CONTROL_WORDS = new Set(['copy', 'clipboard']);
/** A control's label is this short ("Copy link", "Salin tautan", "In die Zwischenablage"). */
const CONTROL_LABEL_WORDS = 3;

/** A link or button, a box of them with next to no text of its own, or a label of a few words. */
function isControl(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'A' || tag === 'BUTTON' || el.getAttribute('role') === 'button') return true;
  const text = textOf(el);
  if (wordCount(text, CONTROL_LABEL_WORDS + 1) <= CONTROL_LABEL_WORDS) return true;
  let inControls = 0;
  for (const c of Array.from(el.querySelectorAll('a, button, [role="button"]'))) inControls += textOf(c).length;
  return text.length - inControls <= 20;
}

/** A link's or a button's worth of text: a few words, or words that are mostly a link's. */
function isLinkOrButtonText(el: Element): boolean {
  const text = el.textContent ?? '';
  return text.length < 60 || wordCount(text, 9) <= 8 || linkDensity(el) >= 0.5;
}

/**
 * A <header> that is a part's heading, not the page's banner: an accordion item's or a section's header holding
 * only its heading (h2-h6, or a few words of text), no link, with the part's content after it. Such headers name
 * what follows ("Advantages of leasing:"); the banner holds the site's links, and an article's own header its h1.
 */
function headsItsPart(el: Element): boolean {
  if (el.tagName !== 'HEADER' || el.getElementsByTagName('a').length || el.getElementsByTagName('h1').length) return false;
  const text = textOf(el);
  const words = wordCount(text);
  if (!words || words > 15) return false;
  const heading = el.querySelector('h2, h3, h4, h5, h6');
  if (!heading && words > 6) return false;
  const next = el.nextElementSibling;
  return !!next && wordCount(next.textContent ?? '', 5) >= 5;
}


/** Class and id words of a cookie or privacy consent notice ("eu-cookie-law", "sp-dsgvo-privacy-popup", "cmp-banner"). */
const CONSENT_WORDS: ReadonlySet<string> = new Set(['cookie', 'cookies', 'consent', 'gdpr', 'dsgvo', 'rgpd', 'cmp', 'onetrust', 'usercentrics', 'didomi', 'cookiebot']);
/** Quick reject: a class/id string with none of them anywhere needs no splitting. */
const CONSENT_SUBSTRING = new RegExp([...CONSENT_WORDS].join('|'), 'i');

/** Named for a cookie or privacy consent notice. */
export function isConsentBox(el: Element): boolean {
  const names = namesOf(el);
  return CONSENT_SUBSTRING.test(names) && wordsOfNames(names).some((w) => CONSENT_WORDS.has(w));
}

/** A picture (not an icon) with a line of text about it: a figure, whatever the markup calls it. */
function holdsCaptionedPicture(el: Element): boolean {
  const img = el.getElementsByTagName('img')[0];
  if (!img) return false;
  const w = Number(img.getAttribute('width') ?? '0');
  if (w > 0 && w < 100) return false;
  const words = wordCount(el.textContent ?? '', 121);
  return words >= 3 && words <= 120;
}

/** Where a cleaner's removals are reported (`npm run extract -- --why`); a no-op unless someone listens. */
export type RemovalLog = (cleaner: string, el: Element, why: string) => void;
const silent: RemovalLog = () => {};

/**
 * Page furniture, marked without being removed: the nodes that carry its words and pictures (text nodes, media
 * elements) with the reason. Readability then sees the page whole, and may rebuild the elements around those
 * nodes (a div becomes a p, a wrapper gives way to its child), but it moves text nodes and pictures, never
 * recreates them: so after Readability, a block whose every word and picture is marked is furniture.
 */
export type FurnitureMarks = Map<Node, string>;

export function markFurniture(root: Element): FurnitureMarks {
  const marks: FurnitureMarks = new Map<Node, string>();
  shieldFormulas(root);
  // One walk over every element; the subtree of a marked element is not looked at again. (Later pages hidden in
  // the document are shown before this: in-document-pages.ts.)
  let el: Element | null = root.firstElementChild;
  while (el) {
    const why = furnitureReason(el);
    if (why) markSubtree(el, why, marks);
    else shieldWordsFromReadability(el);
    // Next element: into the children unless marked, else the next sibling up the tree.
    let next: Element | null = why ? null : el.firstElementChild;
    for (let up: Element | null = el; !next && up && up !== root; up = up.parentElement) next = up.nextElementSibling;
    el = next;
  }
  return marks;
}

function furnitureReason(el: Element): string | null {
  const why = furnitureSign(el);
  // Words inside a sentence stay, whatever their markup says (a topic link classed "tag" is still a word).
  // Checked last: it reads the text around the element, and most elements are no furniture at all.
  return why && !isInlineInText(el) ? why : null;
}

function furnitureSign(el: Element): string | null {
  const tag = el.tagName.toUpperCase();
  if (isFurniture(el)) {
    // A <header>/<footer> that wraps the whole article (bad markup) is not furniture, nor a header that is only the
    // heading of the part after it.
    return holdsProse(el) || headsItsPart(el) ? null : `<${tag.toLowerCase()}> by tag or role`;
  }
  // Hidden decorations and icons; an aria-hidden picture may still be the article's image.
  if (tag === 'SVG' || el.getAttribute('aria-hidden') === 'true') {
    return !el.closest('figure') && !el.querySelector('img, picture, video') && !holdsProse(el) ? 'hidden decoration' : null;
  }
  if (tag === 'FORM') return holdsProse(el) ? null : '<form>';
  // Class words judge boxes, not words: an inline element is at most the text of its block, which is judged
  // as a whole (a heading's only link, classed "toc-backref", is still the heading).
  if ((el.hasAttribute('class') || el.hasAttribute('id')) && !INLINE_TAGS.has(tag) && isClutterByName(el)) {
    return `class "${(el.getAttribute('class') || el.getAttribute('id') || '').slice(0, 60)}"`;
  }
  return null;
}

/**
 * An inline element inside running text loses the class and id words that would make Readability drop it:
 * "talks in <a class="share-location">Addis Ababa</a> and Khartoum" lost the city's name.
 */
function shieldWordsFromReadability(el: Element): void {
  if (!INLINE_TAGS.has(el.tagName.toUpperCase())) return;
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  if (!(cls || id) || !readabilityDropsByName(`${cls} ${id}`) || !isInlineInText(el)) return;
  el.removeAttribute('class');
  // The id stays unless it alone is what Readability drops by (in-page links may point at it).
  if (readabilityDropsByName(id)) el.removeAttribute('id');
}

/**
 * A formula is words of its sentence ("When a ≠ 0, there are two solutions to …"): the boxes a math renderer wraps
 * it in lose the class and id words Readability drops them by. MathJax 3 marks each formula's box with its
 * context menu ("MathJax CtxtMenu_Attached_0"), and Readability drops anything named "menu". Only boxes that hold
 * the formula alone are touched: the first box with other words in it is the sentence, judged as it is.
 */
function shieldFormulas(root: Element): void {
  for (const math of byTag(root, 'math')) {
    const formula = textOf(math).length;
    for (let up = math.parentElement; up && up !== root && textOf(up).length <= formula + 2; up = up.parentElement) {
      const cls = up.getAttribute('class') ?? '';
      const id = up.getAttribute('id') ?? '';
      if (!(cls || id) || !readabilityDropsByName(`${cls} ${id}`)) continue;
      up.removeAttribute('class');
      if (readabilityDropsByName(id)) up.removeAttribute('id');
    }
  }
}

const MARKABLE_MEDIA = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'TABLE']);

function markSubtree(top: Element, why: string, marks: FurnitureMarks): void {
  const keepDek = top.tagName.toUpperCase() === 'HEADER';
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      if ((node.nodeValue ?? '').trim()) marks.set(node, why);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    // An article's <header> holds its standfirst and its lead picture with the caption: article, not furniture.
    if (keepDek && (el.tagName.toUpperCase() === 'FIGURE' || (el.tagName.toUpperCase() === 'P' && wordCount(el.textContent ?? '') >= 12))) return;
    if (MARKABLE_MEDIA.has(el.tagName.toUpperCase())) marks.set(el, why);
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(top);
}

/** Removes, under `root`, every element whose words and pictures are all marked furniture (the outermost one). */
export function removeMarked(root: Element, marks: FurnitureMarks, log: RemovalLog = silent): void {
  if (!marks.size) return;
  // Per element: 0 nothing in it, 1 only marked things, 2 something unmarked. Children before parents.
  const state = new Map<Element, number>();
  const reason = new Map<Element, string>();
  const all = allElements(root);
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i];
    let s = 0;
    let why: string | undefined;
    if (marks.has(el)) {
      s = 1;
      why = marks.get(el);
    } else if (MARKABLE_MEDIA.has(el.tagName.toUpperCase())) s = 2;
    else {
      for (let c = el.firstChild; c && s < 2; c = c.nextSibling) {
        if (c.nodeType === 3) {
          if (!(c.nodeValue ?? '').trim()) continue;
          if (marks.has(c)) {
            s = 1;
            why ??= marks.get(c);
          } else s = 2;
        } else if (c.nodeType === 1) {
          const cs = state.get(c as Element) ?? 0;
          if (cs === 1) why ??= reason.get(c as Element);
          s = Math.max(s, cs);
        }
      }
    }
    state.set(el, s);
    if (why) reason.set(el, why);
  }
  for (const el of all) {
    if (state.get(el) !== 1 || !el.parentElement) continue;
    if (!root.contains(el)) continue;
    log('furniture', el, reason.get(el) ?? 'furniture');
    el.remove();
  }
}

/** Marks and removes furniture in one tree (a rule's body, before Readability). */
export function removeFurniture(root: Element, log: RemovalLog = silent): void {
  removeMarked(root, markFurniture(root), log);
}

/** Class words of text meant for screen readers only (a sighted reader never sees it on the page). */
const SCREEN_READER_ONLY = /(^|\s)(sr-only|sr_only|screen-reader-text|screen-reader-only|screenreader-only|visually-hidden|visuallyhidden|a11y-hidden|u-visually-hidden|is-visually-hidden|element-invisible|offscreen|hidden-visually)(\s|$)/i;
/** Wikipedia-style section edit links: "[edit]", "[edit source]", "[sunting]", "[sunting sumber]". */
const EDIT_LABEL = /^\[\s*(edit|edit source|sunting|sunting sumber|bearbeiten|modifier)\s*\]$/i;

/**
 * Page controls that are not the article's words: section edit links beside headings, screen-reader-only labels
 * ("Image", "Photo" before a picture, "Opens in a new window"), and skip links. Each is a whole element, never
 * a part of a sentence a sighted reader sees.
 */
export function removePageControls(root: Element, log: RemovalLog = silent): void {
  const all = allElements(root);
  const long = longerThan(all, CONTROL_TEXT_MAX);
  for (const el of all) {
    if (!root.contains(el)) continue; // inside a control removed already
    const cls = el.getAttribute('class') ?? '';
    // A control's words are few: the text of a long element is not read (reading every element's text made
    // this quadratic in the depth of the page).
    if (/(^|\s)mw-editsection(\s|$)/.test(cls)) {
      log('controls', el, 'section edit link');
      el.remove();
      continue;
    }
    if (long.has(el)) continue;
    const text = textOf(el);
    if (text && EDIT_LABEL.test(text) && text.length <= 20) {
      log('controls', el, 'section edit link');
      el.remove();
    } else if (cls && SCREEN_READER_ONLY.test(cls) && wordCount(text) <= 6 && !el.querySelector('img, picture, video')) {
      log('controls', el, `screen-reader-only "${cls.slice(0, 40)}"`);
      el.remove();
    } else if (el.tagName === 'A' && /^#/.test(el.getAttribute('href') ?? '') && /^skip (to|navigation|ahead)/i.test(text)) {
      log('controls', el, 'skip link');
      el.remove();
    }
  }
}

/** More raw characters than any control's text has (a "[edit]" link, six screen-reader words, a skip link). */
const CONTROL_TEXT_MAX = 400;

/**
 * The elements of `all` (every element under one root, in document order) whose text is longer than `max`
 * characters, found from the bottom up: each element's length is its text children's and its child elements'.
 */
function longerThan(all: readonly Element[], max: number): Set<Element> {
  const length = new Map<Element, number>();
  const long = new Set<Element>();
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i];
    let n = 0;
    for (let c = el.firstChild; c && n <= max; c = c.nextSibling) {
      if (c.nodeType === 3) n += (c.nodeValue ?? '').length;
      else if (c.nodeType === 1) n += length.get(c as Element) ?? 0;
    }
    length.set(el, n);
    if (n > max) long.add(el);
  }
  return long;
}

// ---------------------------------------------------------------------------------------------------------
// After Readability: text. Blocks whose whole text is clutter.
// ---------------------------------------------------------------------------------------------------------

/** One of a gallery's buttons: "Bild anzeigen", "Close image". */
const GALLERY_BUTTON = '(bild|foto|image|photo|picture) (anzeigen|schließen|vergrößern|öffnen)|(show|open|close) (image|photo|picture)';

/** Labels that are clutter when they are the whole text of an element. */
const LABELS: readonly RegExp[] = [
  /^(advertisement|advertisements|advertising|advertorial|ad|ads|sponsored( content)?|iklan|paid (post|content)|promoted( content)?)\s*:?$/i,
  // The same labels in the other languages of the web (German, Spanish, Portuguese, French, Italian, Dutch, Polish).
  /^[-–—*]?\s*(anzeige|werbung|publicidad|publicidade|publicité|pubblicità|advertentie|reklama|sponsored by|gesponsert|patrocinado|sponsorisé)\s*[-–—:]?$/iu,
  // A view counter and a download-as-PDF link: "Aufrufe: 1.204", "Dieses Skript als PDF herunterladen".
  /^(aufrufe|views|dilihat|visitas|vues|visualizzazioni)\s*:?\s*[\d.,]*$/iu,
  /^((dieses?|den|this|the) (skript|artikel|beitrag|text|article|post|story) )?(als pdf (herunterladen|speichern)|(download|save) (as )?(a )?pdf|pdf herunterladen|télécharger (en |le )?pdf|descargar (en )?pdf)$/iu,
  // Comment and rating notices with nothing to show: "Keine Kommentare", "(Noch keine Bewertungen)".
  /^\(?(noch )?keine (kommentare|bewertungen)\)?$|^\(?(no comments( yet)?|no ratings( yet)?|sin comentarios|aucun commentaire)\)?$/iu,
  /^(advertisement|iklan)?\s*[-–—:]?\s*scroll (down )?to continue( reading)?( with content)?$/i,
  /^(story|article|content) continues below( (this )?(advertisement|ad))?$/i,
  /^continue reading( (the )?(main )?story)?( below)?( advertisement)?$/i,
  /^scroll (down|ke bawah) untuk (melanjutkan|lanjut) membaca$/i,
  /^lanjutkan membaca\s*[↓⬇]?$/i,
  /^\[gambas:[^\]]*\]$/i,
  /^(perbesar|zoom|expand( image)?|enlarge( this image)?|view (image|gallery)|lihat foto)$/i,
  // A gallery's buttons, printed as text ("Bild anzeigen Bild schließen").
  new RegExp(`^(${GALLERY_BUTTON})(\\s+(${GALLERY_BUTTON}))*$`, 'iu'),
  /^(listen to (this|the) (article|story)|dengarkan( artikel)?)(\s*[·•|-]?\s*\d+\s*(min(utes?)?|menit).*)?$/i,
  /^(skip to (main )?content|skip (ad|advertisement)|close ads?|tutup iklan)$/i,
  /^(photo|foto|image|gambar|slide|picture)?\s*\d{1,3}\s*(of|dari|\/)\s*\d{1,3}$/i,
  /^\d+\s*(of|dari|\/)\s*\d+\s*(halaman|pages?)$/i,
  /^(halaman|page)\s*\d+\s*(of|dari|\/)\s*\d+$/i,
  /^(add|set) .{0,30} as (a )?preferred source( on google)?$/i,
  /^(print|cetak|email|e-mail|copy link|salin tautan|bookmark|save|simpan|print (recipe|this (article|page|recipe))|rezept drucken|drucken|imprimir( receta)?|imprimer( la recette)?)$/i,
  /^(view|see|show|lihat) (all|semua)?\s*(\d+\s*)?(photos|images|pictures|slides|foto|gambar)(\s*\(\d+\))?$/i,
  /^(tayang|diterbitkan|dipublikasikan|published|updated|posted|diperbarui|last updated)\s*:?\s.{0,40}\d{4}.{0,20}$/i,
  /^(veröffentlicht|aktualisiert|erstellt|zuletzt aktualisiert|publicado|actualizado|atualizado|publié|mis à jour|pubblicato|aggiornato|gepubliceerd|bijgewerkt|opublikowano|zaktualizowano)( (am|el|em|le|il|op))?\s*:?\s.{0,40}\d{4}.{0,20}$/iu,
  // A category line under the text ("Catégorie : Société", "Kategorie: News", "Category : Press Releases").
  /^(category|categories|kategorie|kategorien|categoría|categorías|categoria|categorias|catégorie|catégories|kategori|kategorie wpisu|rubrik|rubrique)\s*:\s*[^.!?]{1,60}$/iu,
  // The call to a video that sits before or after the text ("Saksikan Video Pilihan Berikut Ini:").
  /^(saksikan|tonton|simak|lihat|cek)( juga)? (video|live streaming)( pilihan| menarik| terbaru| lainnya)?( (di )?(bawah|berikut)( ini)?)?\s*[:.!↓⬇]*$/i,
  /^(watch|see) (the|our|this)? ?(full )?video( below| here)?\s*[:.↓]*$/i,
  /^(yuk,? )?(simak|tonton|saksikan) juga video( ini| berikut)?\s*[:.!↓]*$/i,
  /^(recommended|promoted|sponsored) by( outbrain| taboola| mgid)?$/i,
  /^(vote|like|rate) (this )?photo$/i,
  // What a widget shows until the page's scripts fill it (a view counter, a comments box), saved as it was served.
  /^(loading|memuat|sedang memuat|please wait|mohon tunggu)\s*(\.{1,3}|…)?$/i,
  // A copyright line closing the text ("COPYRIGHT © ANTARA 2016", "© 2016 Kompas.com").
  /^(copyright|hak cipta)?\s*(©|\(c\)|copyright)\s*[\p{L}\d .,&'’®™/-]{0,50}((all rights reserved|hak cipta dilindungi( undang-undang)?|alle rechte vorbehalten|todos los derechos reservados|todos os direitos reservados|tous droits réservés|tutti i diritti riservati|alle rechten voorbehouden|wszelkie prawa zastrzeżone)\.?)?$/iu,
];

/** A read-also prefix in Indonesian or English. */
const READ_ALSO = /^(baca|lihat|simak|tonton|saksikan|cek|klik) (juga|pula)\b\s*([:：\-–—]|\s)\s*/i;
const READ_ALSO_EN = /^(read more|read also|also read|see also|related|related stories|related articles|related content|more on this|more from [\w .]+|read next|watch|watch more|recommended|editor'?s picks?|most read|more:|also on [\w .]+)\s*[:：\-–—]\s*/i;
/**
 * The same prefix in the other languages of the web's news and blogs (Spanish, Portuguese, French, Italian, German,
 * Dutch, Polish): the reader must work on any article, not only on Indonesian and English ones.
 */
const READ_ALSO_OTHER = new RegExp(
  '^(lea (también|tambien|además|ademas|más|mas)|lee (también|tambien|más|mas)|vea (también|tambien|además|ademas)|ver (también|tambien|más|mas)|' +
    '(le|te) puede interesar|también te puede interesar|puedes ver|leia (também|mais)|veja (também|mais)|saiba mais|' +
    'lire aussi|à lire aussi|a lire aussi|lisez aussi|voir aussi|à voir aussi|leggi anche|vedi anche|' +
    'lesen sie (auch|mehr)|siehe auch|auch interessant|mehr zum thema|zum weiterlesen|weiterlesen|lees ook|bekijk ook|zie ook|' +
    'zobacz (również|też|także)|czytaj (również|też|także)|dowiedz się więcej)\\s*[:：\\-–—»›→]\\s*',
  'i',
);
/** Bare "Read:"/"Look:" in Spanish, which are also names ("Mira: ..." answering in an interview): only before a link. */
const READ_ALSO_BARE = /^(lea|mire|mira|vea)\s*[:：]\s*\S/i;

/** Headers of link lists that are never article text. */
const RAIL_HEADERS =
  /^(baca juga|lihat juga|simak juga|artikel terkait|berita terkait|topik terkait|tag terkait|berita terkini|artikel terkini|terkini lainnya|berita (populer|terpopuler|lainnya|terbaru|pilihan|rekomendasi)|artikel (lainnya|populer|terbaru|pilihan)|pilihan redaksi|video (pilihan|terkait|terpopuler)|terbaru|terkini|jangan lewatkan!*|foto terkait|(simak|baca|lihat) [\w ]{1,30} lainnya|more photos|rekomendasi( untuk anda)?|pilihan editor|terpopuler|populer|trending|related|related (stories|articles|posts|content|coverage|links|topics|news|reading)|read more|more (stories|from [\w .]+|news|on this( story| topic)?)|recommended( for you| stories| reading)?|you (may|might) also like|most (read|popular|viewed|shared)|popular (now|posts|stories)|editor'?s picks?|top stories|latest (news|stories)|what to read next|read next|further reading|also in [\w .]+|(also on|auch auf) [\p{L}\d-]+(\.[\p{L}\d-]+)*\.[a-z]{2,}|in other news|tags?|topics?|table of contents|contents|daftar isi|share this( article| story)?|bagikan( artikel ini)?( melalui)?|follow us|ikuti kami|ähnliche (beiträge|artikel)|verwandte (beiträge|artikel)|weitere (beiträge|artikel)|neueste (beiträge|artikel)|beliebte (beiträge|artikel)|(das( thema)? )?könnte (sie|dich) auch interessieren|meist(gelesene|diskutierte|kommentierte|geklickte) (artikel|beiträge|nachrichten)|meist-?(gelesen|diskutiert)|weiterführende(r)? links?|siehe auch|zum weiterlesen|mehr themen|lesen sie auch (die folgenden|diese|unsere) (beiträge|artikel)|weitere (beiträge|artikel) aus (der|dem|unserer|unserem) (kolumne|serie|rubrik|ressort|dossier)|noch mehr infos( für (dich|sie))?|vorschau auf (den|die) nächsten? (artikel|beitrag|folge)|empfohlene (beiträge|artikel)|beiträge zum thema|schon gelesen\??|mehr zum thema|(noticias|artículos|articulos|notas) relacionad[ao]s|lo más (leído|visto)|más (leídas|leídos|vistas)|también te puede interesar|te puede interesar|articles (similaires|liés)|sur le même sujet|à lire aussi|les plus lus|articoli correlati|i più letti|artigos relacionados|notícias relacionadas|mais lidas|gerelateerde artikelen|lees ook|podobne artykuły|zobacz (również|też|także)|czytaj (również|też|także)|najczęściej czytane)\s*[:!]?$/iu;

function isPromo(text: string, words: number): boolean {
  if (words > 70) return false;
  if (/^dapatkan (update|informasi|berita|insight)/i.test(text) && /(telegram|whatsapp|google news|kanal|channel|grup|saluran|email|newsletter)/i.test(text)) return true;
  if (/^(baca berita tanpa iklan|gabung kompas\.com\+|login gabung kompas\.com\+)/i.test(text)) return true;
  if (words <= 25 && /\b(ikuti|follow|gabung|join|subscribe|langganan)\b/i.test(text) && /\b(google news|whatsapp|telegram|instagram|twitter|facebook|tiktok|youtube|saluran|channel|kanal|newsletter|linkedin)\b/i.test(text) && !/[.!?]["”']?\s+\p{Lu}/u.test(text)) return true;
  if (words <= 40 && /\bnewsletters?\b/i.test(text) && /\b(sign(ing)? up|subscrib(e|ing)|inbox|email address|get the|delivered)\b/i.test(text)) return true;
  if (words <= 25 && /^(subscribe|sign up|sign in|log in|login|register|already (a subscriber|have an account)|create (a free )?account|daftar|masuk)\b/i.test(text)) return true;
  if (words <= 25 && /^(to view the full (story|article)|pour lire la suite|um (den artikel )?weiterzulesen|sie sind (aktuell |derzeit )?nicht (eingeloggt|angemeldet)|para seguir leyendo)\b/i.test(text)) return true;
  // A shop's recommendations under the text ("Empfehlungen aus dem MEIN SCHÖNER GARTEN-Shop").
  if (words <= 10 && /^(empfehlungen|produktempfehlungen|angebote|unsere empfehlungen) (aus (dem|unserem)|im) .{0,40}shop$/iu.test(text)) return true;
  if (words <= 25 && /^(submit your letter to the editor|send (us )?a letter to the editor|verraten sie (uns )?(gerne )?in den kommentaren|schreiben sie (es )?uns in die kommentare)\b/i.test(text)) return true;
  if (words <= 45 && /\bis the copyrighted property of\b|^materiał chroniony prawem autorskim/i.test(text)) return true;
  // A reprint notice: "Copyright 2021 The Associated Press. All rights reserved. This material may not be published…".
  if (words <= 45 && /^(this (article|content|material|story)\b|copyright\b|©)/i.test(text) && /\b(may not be (published|reproduced|republished|reprinted|broadcast|redistributed|copied)|written permission|without (prior )?permission)\b/i.test(text)) return true;
  // A membership appeal: "If you're seeing this message but you're already a subscriber…", "Hazte miembro…".
  if (words <= 30 && /^(if you('|’| a)re (seeing|reading) this (message|note)\b.*\bsubscriber|first-time subscribers\b|already a subscriber\?|hazte (miembro|socio|suscriptor)\b|únete a nuestra comunidad de lectores)/iu.test(text)) return true;
  if (words <= 20 && /\bcancela cuando quieras\b/iu.test(text)) return true;
  if (words <= 50 && isDisclosure(text)) return true;
  if (words <= 25 && /^(to (continue|keep) reading|this (article|content) is (only )?(available|for) (to )?subscribers|unlock this article|support (our )?(independent )?journalism)/i.test(text)) return true;
  if (words <= 12 && /^(share|share this|share on|share via|share article|bagikan|bagikan artikel ini|tweet|pin it)\b/i.test(text)) return true;
  if (words <= 15 && /^follow (us|@)/i.test(text)) return true;
  if (words <= 10 && /^(\d+\s+)?(comments?|komentar|leave a (comment|reply)|tulis komentar|post a comment|join the (conversation|discussion)|view comments|show comments|lihat komentar)\b/i.test(text)) return true;
  // The same calls in other languages, and the comment form's notices ("comments are closed", the spam filter's line).
  if (words <= 10 && /^(\d+\s+)?(kommentare?( schreiben| geschlossen| insgesamt)?|kommentar schreiben|comentarios?( cerrados)?|deja un comentario|commentaires?( fermés)?|laisser un commentaire|commenti|komentarze?)\b/iu.test(text)) return true;
  if (words <= 12 && /^(comments are closed|los comentarios están cerrados|(die )?kommentare sind geschlossen|les commentaires sont fermés)\.?$/iu.test(text)) return true;
  if (words <= 30 && /\b(uses|verwendet|utilise|usa|utiliza) akismet\b/i.test(text)) return true;
  if (words <= 12 && /^(möchten sie|willst du|möchtest du)? ?(den |diesen )?(artikel|beitrag) (teilen|bewerten)\b|^(compartir|comparte|partager|partagez|condividi|compartilhe|udostępnij)\b/iu.test(text)) return true;
  if (words <= 70 && /\b(we|this (site|website)|kami|situs ini)\b.{0,30}\b(use|uses|menggunakan)\s+cookies?\b/i.test(text) && /(accept|consent|privacy|setuju|terima|browsing|experience|pengalaman)/i.test(text)) return true;
  if (words <= 12 && /^(penulis|editor|sumber|reporter|pewarta|fotografer|editor foto|kontributor|laporan wartawan)\s*:\s*\S/i.test(text)) return true;
  if (words <= 20 && /^(previous|next) (post|article|story)\b/i.test(text)) return true;
  // A blog theme's closing prompts: WordPress's "This entry was posted in …", "If you enjoyed this post, share it",
  // "Was this article helpful? Yes No" (in German, Spanish and French too).
  if (words <= 40 && /^this (entry|post) was posted\b/i.test(text)) return true;
  if (words <= 30 && /^(if you (enjoyed|liked|found value in) (reading )?this (post|article|story)|did you (enjoy|like) this (post|article))\b/i.test(text)) return true;
  if (words <= 12 && /^(was this (article|post|page) (helpful|useful)|war (der|dieser) (artikel|beitrag) (hilfreich|nützlich)|¿?te (ha )?(resultó|fue|sirvió) (útil|de ayuda)( este artículo)?|cet article vous a-t-il été utile)\s*\??(\s*(yes|no|ja|nein|sí|si|oui|non)){0,2}$/iu.test(text)) return true;
  if (words <= 20 && /^(«|‹|←)?\s*(previous|prev|older|newer|next)\b.*(»|›|→)?$/i.test(text) && words <= 6) return true;
  return isSiteCall(text, words);
}

/** The label PHP prints, in bold, before each warning it writes into a page. */
const SERVER_NOTICE_LABEL = /^(warning|notice|deprecated|strict standards|(catchable |recoverable )?fatal error|parse error)$/i;
/** …and what follows it up to its line break: ": <message> in <file>.php on line <n>". */
const SERVER_NOTICE_TAIL = /^:\s.*\bin\s+\S+\.php\s+on line\s+\d+$/is;

/**
 * The warnings a misconfigured server prints into its pages ("<b>Warning</b>: Creating default object from empty
 * value in <b>/www/…/classes.php</b> on line <b>407</b><br />"): the label, the line up to its <br> (or a block) and that <br>,
 * wherever they stand (above the text, or between two lines of a paragraph). A line break before it stays when text
 * stands before it, so the lines around it stay apart. They are no text of the page's at all: the generic path
 * takes them out of Readability's result before the cleaners' floor counts its words (a page can print thousands).
 */
export function removeServerNotices(root: Element, log: RemovalLog = silent): void {
  for (const label of [...byTag(root, 'b'), ...byTag(root, 'strong')]) {
    if (!root.contains(label) || !SERVER_NOTICE_LABEL.test(textOf(label))) continue;
    const line: ChildNode[] = [label];
    let text = '';
    // The line ends at its <br>, or where a block begins (then there is no <br> to take).
    let end: ChildNode | null = label.nextSibling;
    for (; end && !(end.nodeType === 1 && !INLINE_TAGS.has((end as Element).tagName.toUpperCase())); end = end.nextSibling) {
      line.push(end);
      text += end.textContent ?? '';
    }
    if (!SERVER_NOTICE_TAIL.test(normalizeSpace(text))) continue;
    if (isBr(end)) line.push(end!);
    const before = previousNonBlank(label);
    if (isBr(before) && !previousNonBlank(before!)) line.push(before!);
    log('text', label.parentElement ?? label, `a server's ${textOf(label).toLowerCase()} notice`);
    for (const node of line) node.remove();
  }
}

const isBr = (node: ChildNode | null): boolean => node?.nodeType === 1 && (node as Element).tagName.toUpperCase() === 'BR';

/** The sibling before `node`, passing over whitespace. */
function previousNonBlank(node: ChildNode): ChildNode | null {
  let at = node.previousSibling;
  while (at && at.nodeType === 3 && !(at.nodeValue ?? '').trim()) at = at.previousSibling;
  return at;
}

/** A disclosure speaks of the page it is on: "this post", "links on this page", "dieser Beitrag", "cet article". */
const ABOUT_THIS_PAGE =
  /\b(this (post|article|page|site|website|story|review|guide)|(links|verlinkungen) (on|auf) (this|dieser) (page|site|seite)|dieser (seite|artikel|beitrag|website)|diesem (artikel|beitrag)|den verlinkungen|este (artículo|articulo|post)|esta (página|pagina|nota)|cet article|cette page|ce billet)\b/iu;
/** …and says that its links pay the site, or that it advertises. */
const PAYS_THE_SITE = new RegExp(
  [
    '\\baffiliate[- ]?links?\\b', '\\bpartner-?links\\b', '\\benlaces de afiliad[oa]s?\\b', "\\bliens? (d'affiliation|affiliés|sponsorisés)",
    '\\b(earn|earns|receive|receives|get|gets|make|makes)\\b.{0,30}\\b(commission|fee)\\b',
    '\\b(erhält|erhalten|erhalte|bekommt|bekommen)\\b.{0,40}\\bprovision\\b', '\\b(recibir|recibimos|recibe)\\b.{0,30}\\bcomisión\\b',
    '\\benthält (unbezahlte |bezahlte )?werbung\\b', '\\bcontains? (paid )?(advertising|advertisements|sponsored content)\\b',
  ].join('|'),
  'iu',
);

/**
 * An affiliate or advertising disclosure in a paragraph of its own: "This post contains affiliate links…", "Für
 * Links auf dieser Seite erhält CHIP ggf. eine Provision vom Händler", "*Werbung. Dieser Beitrag enthält Werbung
 * für …", and Amazon's own sentence. Both halves are needed: a sentence about a commission ("The European
 * Commission said this article of the treaty…") or about affiliate links in general is news.
 */
function isDisclosure(text: string): boolean {
  if (/\bearns? from qualifying purchases\b/i.test(text)) return true;
  return ABOUT_THIS_PAGE.test(text) && PAYS_THE_SITE.test(text);
}

/** The platforms a site asks readers to follow it on, or to get it from. */
const PLATFORMS = /\b(ios|android|app store|google play|play store|telegram|whatsapp|youtube|instagram|facebook|twitter|tiktok|linkedin|newsletter)\b/i;

/**
 * A site's calls to follow it, get its app or send word about the article, in a paragraph of their own at the
 * end of the story ("For the latest stories download the Island Tide apps for iOS and Android", "Follow The
 * Gleaner on Twitter and Instagram @…", "¡Mira lo que tiene nuestro canal de YouTube!"). Each opens the way such a
 * call opens, or speaks of "our channel": a sentence about an app or a channel ("Passengers can download the new
 * ferry app …") is news, and stays.
 */
function isSiteCall(text: string, words: number): boolean {
  if (words > 40) return false;
  if (/^(for (the )?(latest|breaking|more)|to (get|stay)|stay (up to date|informed|updated)|never miss|get (the latest|breaking|our))\b/i.test(text) && /\b(download|app|apps|subscribe|sign up|follow|join)\b/i.test(text) && PLATFORMS.test(text)) return true;
  // "Get the latest news straight to your phone with the … app".
  if (words <= 25 && /^(get|download) (the latest|breaking|our)\b/i.test(text) && /\bapp\b/i.test(text) && /\b(phone|app store|google play|download)\b/i.test(text)) return true;
  if (/^follow\b.{0,50}\bon (twitter|facebook|instagram|x|linkedin|tiktok|youtube|threads|bluesky)\b/i.test(text)) return true;
  if (/^we (want|would love|'d love) to hear (what you think|from you)\b/i.test(text)) return true;
  // Spanish, German, French and Portuguese: "join", "follow us", "subscribe", and "our channel".
  if (/^(¿|¡)?(ya sabías que\b.{0,60}\b(canal|grupo)|únete|síguenos|suscríbete|mira lo que tiene nuestro canal|folgen sie uns|folge uns|abonniere|abonnieren sie|suivez-nous|abonnez-vous|rejoignez-nous|siga-nos|inscreva-se)\b/iu.test(text) && (PLATFORMS.test(text) || /\b(canal|kanal|chaîne)\b/i.test(text))) return true;
  // German: "liked the article? share it", "rate the article here", "share or discuss the article with others".
  if (words <= 12 && /^((artikel|beitrag) gefallen\b|hier können sie (den|diesen) (artikel|beitrag) (bewerten|teilen|kommentieren)\b|(den|diesen) (artikel|beitrag) (mit anderen )?(teilen|bewerten|diskutieren|kommentieren)\b)/iu.test(text)) return true;
  return false;
}

/** A row of "Label: value" pairs between pipes: "Aufrufe: 1120 | Hinzugefügt von: Posh | Rating: 0.0/0". */
const META_ROW = /^(\p{L}[\p{L} ]{1,24}:\s*[^|:]{1,60}\|\s*){2,}\p{L}[\p{L} ]{1,24}:/u;

const TIME_ALONE = /^\d{1,2}[:.]\d{2}(\s*(am|pm|a\.m\.|p\.m\.|uhr|h|wib|wita|wit))?$/i;
const BACK_LINK = /^(←|«|‹)?\s*(zurück|back|kembali|volver|retour|indietro|terug|powrót)(\s+(to|zur|zum|ke|a|à|al|alla|naar|do)\b.{0,30})?$/iu;

/** A closing author-bio sentence: "Jane Roe is a staff writer who covers ...". */
const AUTHOR_BIO = /^(\p{Lu}[\p{L}.'’-]+\s){1,3}(is|was|adalah|merupakan) (a|an|the|seorang)? ?([\p{L}-]+ ){0,3}(writer|reporter|editor|correspondent|journalist|columnist|contributor|author|wartawan|jurnalis|penulis|kolumnis)\b/u;

export function isClutterText(el: Element, text: string): boolean {
  if (!text) return false;
  const words = wordCount(text);
  if (words <= 12 && LABELS.some((re) => re.test(text))) return true;
  if (isCreditLine(text, words)) return true;
  const readAlso = text.match(READ_ALSO) ?? text.match(READ_ALSO_EN) ?? text.match(READ_ALSO_OTHER);
  if (readAlso) {
    const rest = text.slice(readAlso[0].length);
    const restWords = wordCount(rest);
    const hasSeparator = /[:：\-–—]\s*$/.test(readAlso[0].trimEnd() + ' ') || /[:：\-–—]/.test(readAlso[0]);
    const linked = linkDensity(el);
    const strongOnly = !!el.querySelector('strong, b') && textOf(el.querySelector('strong, b')).length >= text.length * 0.8;
    if (/\[gambas:/i.test(rest) || /^video\b/i.test(rest)) return true;
    if (linked >= 0.5 || strongOnly) return true;
    if (hasSeparator && restWords <= 30 && !/[.!?]\s+\p{Lu}/u.test(rest)) return true;
  }
  if (READ_ALSO_BARE.test(text) && linkDensity(el) >= 0.5) return true;
  if (isPromo(text, words)) return true;
  // A comment's or a post's time standing alone ("19:49", "3:59 PM"); in a table it is a timetable's.
  if (words <= 3 && TIME_ALONE.test(text) && !el.closest('table, li')) return true;
  if (words <= 40 && META_ROW.test(text)) return true;
  // A link back to the list the article was opened from ("zurück zur Listenansicht", "← Back to the list").
  if (words <= 6 && BACK_LINK.test(text) && linkDensity(el) >= 0.9) return true;
  // The bare word, once a link (Readability turns "javascript:history.back()" links into their text); a heading
  // of that one word ("Back", in a list of exercises) is the text's.
  if (words === 1 && BACK_LINK.test(text) && !/^H[1-6]$/.test(el.tagName.toUpperCase())) return true;
  // A pager left in the text: page numbers with an optional "Halaman 1/3" label and prev/next words.
  if (words <= 16 && el.querySelector('a') && /^((halaman|page)\s*\d+\s*(\/|dari|of)\s*\d+\s*)?((«|‹|sebelumnya|prev(ious)?)\s*)?(\d{1,3}\b\s*){2,}((selanjutnya|berikutnya|next|›|»)\s*)*$/i.test(text)) return true;
  // A paragraph that is nothing but a "Read more about ..." link (no colon needed when it is all link).
  if (words <= 16 && /^(read more|read also|see more|more about|more on|read next|watch|explore more|continue reading|baca selengkapnya|selengkapnya)\b/i.test(text) && linkDensity(el) >= 0.9) return true;
  return false;
}

function isRailHeader(text: string): boolean {
  return text.length <= 60 && RAIL_HEADERS.test(text);
}

/** The block level elements the text cleaners judge, innermost last. */
const BLOCK_TAGS = new Set('P DIV SECTION ASIDE LI UL OL DL BLOCKQUOTE H1 H2 H3 H4 H5 H6 SPAN STRONG B EM SMALL A FIGCAPTION HEADER FOOTER TABLE TR TD'.split(' '));
const EMPTYABLE_TAGS = new Set('P DIV SECTION SPAN LI UL OL STRONG B EM A FIGURE ASIDE BLOCKQUOTE HEADER FOOTER'.split(' '));

/** Descendants with one of `tags`, in document order (a tag-set filter over one walk beats a long selector list). */
function descendantsByTag(root: Element, tags: Set<string>): Element[] {
  return allElements(root).filter((el) => tags.has(el.tagName.toUpperCase()));
}

/** Removes clutter blocks from the extracted content; `root` itself is never removed. */
export function removeClutterText(root: Element, log: RemovalLog = silent, pageUrl?: string): void {
  const site = pageUrl ? siteHost(pageUrl) : null;
  removeServerNotices(root, log);
  const blocks = descendantsByTag(root, BLOCK_TAGS);
  for (const el of blocks) {
    if (!root.contains(el)) continue;
    // Clutter is short: a block with more text than any pattern allows (70 words) is never judged here,
    // and measuring the raw length first spares normalizing the text of every container.
    const raw = el.textContent ?? '';
    if (raw.length > 1500) continue;
    const text = textOf(el);
    if (!text) continue;
    const inline = /^(SPAN|STRONG|B|EM|SMALL|A)$/.test(el.tagName);
    // Inline elements only go when they are a label standing alone in their block (e.g. "Photo 1 of 6").
    if (inline) {
      if (wordCount(text) <= 8 && LABELS.some((re) => re.test(text)) && (!isInlineInText(el) || standsAtEdge(el))) {
        log('text', el, 'label');
        el.remove();
      }
      continue;
    }
    if (isRailHeader(text)) {
      log('text', el, 'rail header and its links');
      removeRail(el);
      continue;
    }
    if (isClutterText(el, text)) {
      log('text', el, 'read-also, label or promo');
      // A picture's credit goes, the picture in the same box stays.
      if (el.querySelector(MEDIA_SELECTOR) && isCreditLine(text, wordCount(text))) removeTextAround(el);
      else el.remove();
    } else if (site && isRelatedTitle(el, text, site)) {
      log('text', el, 'the title of another article on the site, alone in its block');
      el.remove();
    } else if (/^(ul|ol|dl)$/i.test(el.tagName) && isLinkList(el) && isRailContext(el)) {
      log('text', el, 'link list after a rail header');
      el.remove();
    }
  }
  removeTrailingBio(root);
  removeEmpty(root);
}

/**
 * A related article's title dropped into the body with no "Baca juga" before it: a paragraph or list item that
 * is one link and nothing else, a headline's length, to another article of the same site (a path with a slug or
 * an id, not a section). Sites put three or four of these between paragraphs; no sentence of the article is a
 * link alone in its paragraph.
 */
function isRelatedTitle(el: Element, text: string, site: string): boolean {
  if (!/^(P|LI|DIV)$/.test(el.tagName)) return false;
  // The cheap questions first: most blocks are too long or hold no link.
  const words = wordCount(text);
  if (words < 4 || words > 20) return false;
  const links = byTag(el, 'a');
  if (links.length !== 1 || el.querySelector('p, li, div, img') || linkDensity(el) < 0.9) return false;
  let href: URL;
  try {
    href = new URL(links[0].getAttribute('href') ?? '', `https://${site}/`);
  } catch {
    return false;
  }
  if (siteHost(href.href) !== site && !href.hostname.endsWith(`.${site}`)) return false;
  const path = href.pathname.replace(/\/+$/, '');
  return /\d{4,}/.test(path) || path.split('/').filter(Boolean).some((seg) => seg.split('-').length >= 4);
}

function isLinkList(el: Element): boolean {
  const items = el.querySelectorAll('li, dd');
  return items.length >= 2 && linkDensity(el) >= 0.7;
}

/** A list of links right after a rail header, or at the very end of the article. */
function isRailContext(list: Element): boolean {
  const prev = list.previousElementSibling;
  return !!prev && isRailHeader(textOf(prev));
}

/** A rail header goes with the links that follow it (or the container it heads). */
function removeRail(header: Element): void {
  const parent = header.parentElement;
  let next = header.nextElementSibling;
  while (next && (linkDensity(next) >= 0.5 || isEmptyBlock(next)) && !next.matches('h1, h2, h3, h4, h5, h6')) {
    const after = next.nextElementSibling;
    next.remove();
    next = after;
  }
  header.remove();
  // A container left holding only links (the rail's own box) goes as well.
  if (parent && parent.parentElement && parent.tagName !== 'BODY' && textOf(parent) && linkDensity(parent) >= 0.7 && !holdsProse(parent)) {
    if (parent.parentElement && parent.querySelectorAll('p').length <= 1 && wordCount(textOf(parent), 80) < 80) parent.remove();
  }
}

/** Everything in `el` but its pictures (and what holds them). */
function removeTextAround(el: Element): void {
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType !== 1) child.remove();
    else if (!(child as Element).matches(MEDIA_SELECTOR) && !(child as Element).querySelector(MEDIA_SELECTOR)) child.remove();
    else if (!(child as Element).matches(MEDIA_SELECTOR)) removeTextAround(child as Element);
  }
}

function removeTrailingBio(root: Element): void {
  for (const el of leafBlocks(root, P_AND_DIV, 'end', 3)) {
    const text = textOf(el);
    if (wordCount(text, 71) <= 70 && AUTHOR_BIO.test(text)) el.remove();
  }
}

const INLINE_EMPTYABLE = new Set(['SPAN', 'STRONG', 'B', 'EM', 'A']);
/** The tags of MEDIA_SELECTOR: content without text. */
const MEDIA_TAGS: ReadonlySet<string> = new Set(MEDIA_SELECTOR.toUpperCase().split(/,\s*/));
/** A character textOf keeps (it trims white space, no-break spaces and zero-width spaces). */
const VISIBLE_CHAR = /[^\s\u00a0\u200b]/;

export function removeEmpty(root: Element): void {
  // Children before parents, so what each element holds is known from its own child nodes: an element holds
  // something when it is media, or has a child text with a visible character, or a child element that holds
  // something. (Asking each element for its text and its media again made this quadratic in the depth.)
  const all = allElements(root).reverse();
  const holding = new Set<Element>();
  for (const el of all) {
    if (MEDIA_TAGS.has(el.tagName.toUpperCase())) {
      holding.add(el);
      continue;
    }
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 ? holding.has(c as Element) : c.nodeType === 3 && VISIBLE_CHAR.test(c.nodeValue ?? '')) {
        holding.add(el);
        break;
      }
    }
  }
  for (const el of all) {
    if (holding.has(el) || !EMPTYABLE_TAGS.has(el.tagName.toUpperCase())) continue;
    // An inline element holding only a space separates two words ("<span>def</span><span> </span><span>h1</span>"):
    // the space stays, or the words run together.
    if (INLINE_EMPTYABLE.has(el.tagName.toUpperCase()) && /\s/.test(el.textContent ?? '')) el.replaceWith(el.ownerDocument.createTextNode(' '));
    else el.remove();
  }
}

/** Drops a heading at the top of the body that repeats the headline. */
/** A title cut short keeps at least this share of the headline. */
const CUT_TITLE_SHARE = 0.6;

export function removeRepeatedHeadline(root: Element, title: string): void {
  const want = normalizeSpace(title).toLowerCase();
  if (!want) return;
  for (const h of Array.from(root.querySelectorAll('h1, h2, h3')).slice(0, 2)) {
    const got = textOf(h).toLowerCase();
    // One cut short of the other (a title shortened for the tab, a heading without the title's tail) is the
    // headline again; a heading that only opens with a short title ("Bee Simulator" → "Bee Simulator
    // Mehrspieler") names a section of the text.
    const [shorter, longer] = got.length < want.length ? [got, want] : [want, got];
    if (got && (got === want || (got.length > 20 && longer.startsWith(shorter) && shorter.length >= longer.length * CUT_TITLE_SHARE))) {
      h.remove();
      return;
    }
  }
}

/** Editor/desk codes closing Indonesian news: "(fai/idh)", "(mdk/yan)", "(Dio/Ysl)". */
export const DESK_CODE = /\s*\(\s*[A-Za-z]{2,6}(?:\s*\/\s*[A-Za-z]{2,6}){1,3}\s*\)\s*$/;

/**
 * Soft hyphens (&shy;) mark where a word may break in the site's own column: hints, not letters. The reader's text
 * holds its words whole, so what is searched, copied, counted, read aloud and translated is "Mittelalter", not
 * "Mit\u00adtel\u00adal\u00adter" (justified text is hyphenated by the article's language: reader.css).
 */
export function joinSoftHyphenatedWords(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.includes('\u00ad')) node.nodeValue = text.replace(/\u00ad/g, '');
  }
}

/**
 * Desk codes stay, the same way on every site: as a small line of their own after the last paragraph
 * (Merdeka puts the code inside the last <p>, Detik in a <strong> of its own).
 */
export function normalizeDeskCode(root: Element): void {
  const last = leafBlocks(root, P_AND_DIV, 'end', 1, (el) => !!textOf(el))[0];
  if (!last) return;
  const text = textOf(last);
  if (SINGLE_CODE.test(text)) return moveDeskCode(root, last, text, text);
  const m = text.match(DESK_CODE);
  if (!m) return;
  const code = m[0].trim();
  return moveDeskCode(root, last, text, code);
}

/** A block holding only a one-part code, "(nng)": the same small trailing line. */
const SINGLE_CODE = /^\([a-z]{2,5}\)$/;

function moveDeskCode(root: Element, last: Element, text: string, code: string): void {
  const doc = root.ownerDocument;
  const line = doc.createElement('p');
  const small = doc.createElement('small');
  small.textContent = code;
  line.append(small);
  if (text === code) {
    last.replaceWith(line);
    return;
  }
  // Cut the code off the end of the paragraph's last text node(s).
  const walker = doc.createTreeWalker(last, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  let toCut = code.replace(/\s+/g, '');
  for (const t of texts.reverse()) {
    if (!toCut) break;
    const compact = (t.data.match(/\S/g) ?? []).join('');
    if (!compact) continue;
    if (toCut.endsWith(compact)) {
      toCut = toCut.slice(0, -compact.length);
      t.data = '';
    } else if (compact.endsWith(toCut)) {
      let chars = toCut.length;
      let i = t.data.length;
      while (chars > 0 && i > 0) if (!/\s/.test(t.data[--i])) chars--;
      t.data = t.data.slice(0, i).replace(/\s+$/, '');
      toCut = '';
    } else break;
  }
  for (const el of Array.from(last.querySelectorAll('strong, b, em, span')).reverse()) if (!textOf(el)) el.remove();
  last.after(line);
}

export { holdsProse };
