/**
 * What the fuzzer holds every output to. The engine's HTML outputs are parsed with a DOM (the caller's parser:
 * jsdom in the fuzz worker, the test environment's DOMParser in unit tests) and walked, <template> contents
 * included, then serialized and parsed once more (mutation XSS shows up only on a re-parse):
 *   no <script>; no on* attribute; no javascript:, vbscript: or data:text/html URL in a URL attribute (whitespace
 *   and control characters ignored, as browsers ignore them in a scheme; every srcset candidate); no <iframe
 *   srcdoc> and no iframe off the sanitizer's video players; no <object>, <embed>, <applet>, <base>, <frame>,
 *   <frameset>, <portal>, <meta http-equiv>; no CSS that runs code (expression(), url(javascript:),
 *   -moz-binding, behavior) in a style attribute or element.
 * Text fields (title, byline, site name, excerpt, the lead image's alt and caption) must parse to text alone: the
 * reader shows them as text, so markup in them is a leak even where it is harmless. The lead image and the
 * article URL must be http(s).
 */
import type { Article } from '../../../utils/extract';
import { isEmbeddableVideo } from '../../../utils/sanitize';

export type Parse = (html: string) => Document;

export interface Problem {
  /** The output field: contentHtml, contentHtml (on screen), title, leadImage.src, ... */
  field: string;
  /** Which rule: script, event-handler, dangerous-url, iframe-srcdoc, foreign-iframe, forbidden-element, dangerous-css, markup-in-text, not-http, shape. */
  rule: string;
  detail: string;
}

/** Attributes that hold a URL (or, for srcset, a list of them) somewhere in HTML, SVG or MathML. */
const URL_ATTRS = new Set([
  'href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'longdesc',
  'usemap', 'lowsrc', 'dynsrc', 'ping', 'codebase', 'classid', 'archive', 'manifest', 'icon', 'profile', 'itemtype',
  'to', 'from', 'values', 'by', 'imagesrcset', 'xml:base', 'data-src', 'data-srcset', 'data-href',
]);
const FORBIDDEN = new Set(['object', 'embed', 'applet', 'base', 'frame', 'frameset', 'portal']);
/** Whitespace and C0/C1 controls: browsers skip them at the start of a URL and drop tabs and newlines inside it. */
const IGNORABLE = /[\s\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g;
const DANGEROUS_URL = /^(javascript:|vbscript:|data:text\/html)/i;
const DANGEROUS_CSS = /expression\s*\(|javascript:|vbscript:|-moz-binding|behavior\s*:|data:text\/html/i;

const short = (s: string, n = 200): string => (s.length > n ? `${s.slice(0, n)}…` : s);
const describe = (el: Element): string => short(el.outerHTML.replace(/>[\s\S]*$/, '>'));

export function isDangerousUrl(value: string): boolean {
  return DANGEROUS_URL.test(value.replace(IGNORABLE, ''));
}

/** The URLs in a srcset-like value (candidates split on commas, descriptors dropped). */
const srcsetUrls = (value: string): string[] => value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '').filter(Boolean);

function cssProblem(css: string): boolean {
  // Comments and escapes are how CSS hides a keyword.
  return DANGEROUS_CSS.test(css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\\/g, '').replace(IGNORABLE, ''));
}

/**
 * Every element under `root` (itself included), <template> contents too. Walked by sibling pointers: in jsdom,
 * indexing a live collection (Array.from(getElementsByTagName('*'))) costs far more than the walk.
 */
export function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    out.push(el);
    if (el.localName === 'template') {
      const content = (el as HTMLTemplateElement).content;
      for (let c = content?.lastElementChild ?? null; c; c = c.previousElementSibling) stack.push(c);
    }
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}

function elementProblems(root: Element, field: string): Problem[] {
  const problems: Problem[] = [];
  const add = (rule: string, detail: string) => problems.push({ field, rule, detail });
  for (const el of allElements(root)) {
    const name = el.localName.toLowerCase();
    if (name === 'script') add('script', describe(el));
    if (FORBIDDEN.has(name)) add('forbidden-element', describe(el));
    if (name === 'meta' && (el.hasAttribute('http-equiv') || /url\s*=/i.test(el.getAttribute('content') ?? ''))) add('forbidden-element', describe(el));
    if (name === 'style' && cssProblem(el.textContent ?? '')) add('dangerous-css', short(el.textContent ?? ''));
    if (name === 'iframe') {
      if (el.hasAttribute('srcdoc')) add('iframe-srcdoc', describe(el));
      if (!isEmbeddableVideo(el.getAttribute('src') ?? '')) add('foreign-iframe', describe(el));
    }
    for (const attr of Array.from(el.attributes)) {
      const an = attr.name.toLowerCase();
      if (an.startsWith('on')) add('event-handler', `${attr.name} on <${name}>: ${describe(el)}`);
      else if (an === 'style' && cssProblem(attr.value)) add('dangerous-css', `style on <${name}>: ${describe(el)}`);
      else if (URL_ATTRS.has(an) || an.endsWith(':href')) {
        const urls = an.endsWith('srcset') ? [attr.value, ...srcsetUrls(attr.value)] : [attr.value];
        if (urls.some(isDangerousUrl)) add('dangerous-url', `${attr.name} on <${name}>: ${describe(el)}`);
      }
    }
  }
  return problems;
}

/** Problems in an HTML output: parsed, walked, then serialized and parsed again and walked again. */
export function checkHtml(html: string, field: string, parse: Parse, reparse = true): Problem[] {
  const first = parse(html);
  const problems = elementProblems(first.documentElement, field);
  if (!reparse) return problems;
  const again = parse(first.body ? first.body.innerHTML : first.documentElement.outerHTML);
  const seen = new Set(problems.map((p) => `${p.rule}|${p.detail}`));
  for (const p of elementProblems(again.documentElement, `${field} (re-parsed)`)) {
    if (!seen.has(`${p.rule}|${p.detail}`)) problems.push(p);
  }
  return problems;
}

/** Problems in a field the reader shows as text: any element, comment or processing instruction is markup. */
export function checkText(value: string | null | undefined, field: string, parse: Parse): Problem[] {
  if (!value) return [];
  const body = parse(`<!DOCTYPE html><body>${value}`).body;
  const markup = Array.from(body?.childNodes ?? []).filter((n) => n.nodeType !== 3 /* TEXT_NODE */);
  const problems: Problem[] = markup.length ? [{ field, rule: 'markup-in-text', detail: short(JSON.stringify(value)) }] : [];
  // And as HTML, in case a view ever renders it so: the element rules apply to what it would make.
  if (markup.length && body) problems.push(...elementProblems(body, `${field} (as HTML)`));
  return problems;
}

function checkHttpUrl(value: string, field: string): Problem[] {
  if (isDangerousUrl(value)) return [{ field, rule: 'dangerous-url', detail: short(JSON.stringify(value)) }];
  let ok = false;
  try {
    ok = /^https?:$/.test(new URL(value).protocol) && /^https?:\/\//i.test(value) && !/["<>\s]/.test(value);
  } catch {
    ok = false;
  }
  return ok ? [] : [{ field, rule: 'not-http', detail: short(JSON.stringify(value)) }];
}

export interface CheckOptions {
  parse: Parse;
  /** The reader's path to the screen (the sanitizer's toFragment into a container): its DOM is checked too when given. */
  toScreen?: (html: string) => Element;
  /** Check the body once more after a serialize and parse (default true). */
  reparse?: boolean;
}

/** Every problem in one result of the engine (null, "no article", has none). */
export function checkArticle(article: Article | null | undefined, { parse, toScreen, reparse = true }: CheckOptions): Problem[] {
  if (article === null || article === undefined) return [];
  if (typeof article !== 'object' || typeof article.contentHtml !== 'string' || typeof article.textContent !== 'string' || typeof article.title !== 'string') {
    return [{ field: 'article', rule: 'shape', detail: short(JSON.stringify(article) ?? String(article)) }];
  }
  const problems = checkHtml(article.contentHtml, 'contentHtml', parse, reparse);
  if (toScreen) problems.push(...elementProblems(toScreen(article.contentHtml), 'contentHtml (on screen)'));
  const texts: [string, string | null | undefined][] = [
    ['title', article.title], ['byline', article.byline], ['siteName', article.siteName], ['excerpt', article.excerpt],
    ['leadImage.alt', article.leadImage?.alt], ['leadImage.caption', article.leadImage?.caption], ['publishedTime', article.publishedTime],
    ['lang', article.lang],
  ];
  for (const [field, value] of texts) problems.push(...checkText(value, field, parse));
  if (article.leadImage) problems.push(...checkHttpUrl(article.leadImage.src, 'leadImage.src'));
  problems.push(...checkHttpUrl(article.url, 'url'));
  if (article.dir !== 'ltr' && article.dir !== 'rtl') problems.push({ field: 'dir', rule: 'shape', detail: JSON.stringify(article.dir) });
  return problems;
}
