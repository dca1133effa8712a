/**
 * The reader view's XSS corpus (test/helpers/xss-vectors.ts), run through the engine: the whole-corpus fixture
 * (test/fixtures/security/xss-article) and one small article page per vector. Each case lists every problem it
 * finds, so a failure names the vector and what survived.
 *
 * What "safe" means here (the brief of the security corpus):
 * - contentHtml, parsed with DOMParser: no attribute named on*; no attribute value that starts with javascript:,
 *   vbscript: or data:text/html once whitespace and control characters are removed; no script, style, object,
 *   embed, base, meta, link or form element; iframes only on the YouTube / YouTube-nocookie embed paths or
 *   player.vimeo.com, always with a sandbox attribute (and no srcdoc, which would replace the src); no style
 *   attribute with expression(), -moz-binding, behavior: or a javascript:/vbscript:/data:text/html URL.
 * - title, byline, siteName, excerpt and the lead image's alt/caption: no "<" that starts a tag; leadImage.src an
 *   absolute http(s) URL or no lead image at all; the article url http(s).
 * A last block ("hardening", beyond the brief) checks mutation-XSS leftovers and that no payload source code is
 * shown as text.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractArticle, type Article } from '@/utils/extract';
import { XSS_VECTORS } from '../helpers/xss-vectors';
import { buildVectorPage, vectorPageUrl } from '../helpers/xss-page';
import type { FixtureExpectation } from '../helpers/fixtures';

const FIXTURE_DIR = resolve(import.meta.dirname, '..', 'fixtures', 'security', 'xss-article');

const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'object', 'embed', 'base', 'meta', 'link', 'form']);
const IFRAME_PREFIXES = ['https://www.youtube.com/embed/', 'https://www.youtube-nocookie.com/embed/', 'https://player.vimeo.com/'];
/** Whitespace and C0/C1 control characters: browsers ignore them inside a URL scheme. */
const IGNORABLE = /[\s\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g;
const DANGEROUS_URL = /^(javascript|vbscript|data:text\/html)/i;
/** CSS that runs code (old IE expression/behavior, old Firefox -moz-binding) or loads a script URL. */
const DANGEROUS_CSS = /expression\(|javascript:|vbscript:|-moz-binding|behavior:|data:text\/html/i;
/** "<" that opens a tag, an end tag, a comment, a doctype or a processing instruction. */
const TAG = /<[a-z!/?]/i;

/** Every element under `root`, descending into <template> contents too. */
function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    out.push(el);
    if (el.localName === 'template') out.push(...allElements((el as HTMLTemplateElement).content));
  }
  return out;
}

const describeEl = (el: Element): string => {
  const html = el.outerHTML;
  return html.length > 160 ? `${html.slice(0, 160)}…` : html;
};

/** The brief's checks on the sanitized body. */
function bodyProblems(contentHtml: string): string[] {
  const problems: string[] = [];
  const doc = new DOMParser().parseFromString(contentHtml, 'text/html');
  // html, head and body count too: a stray <body onload> merges its attributes into the body element.
  const elements = [doc.documentElement, ...allElements(doc.documentElement)];
  for (const el of elements) {
    const name = el.localName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(name)) problems.push(`forbidden <${name}>: ${describeEl(el)}`);
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.toLowerCase().startsWith('on')) problems.push(`event handler ${attr.name} on <${name}>: ${describeEl(el)}`);
      if (DANGEROUS_URL.test(attr.value.replace(IGNORABLE, '')))
        problems.push(`dangerous URL in ${attr.name} on <${name}>: ${describeEl(el)}`);
      if (attr.name.toLowerCase() === 'style' && DANGEROUS_CSS.test(attr.value.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\\/g, '').replace(IGNORABLE, '')))
        problems.push(`script in a style attribute on <${name}>: ${describeEl(el)}`);
    }
    if (name === 'iframe') {
      const src = el.getAttribute('src') ?? '';
      if (!IFRAME_PREFIXES.some((p) => src.startsWith(p))) problems.push(`iframe not on an allowed player: ${describeEl(el)}`);
      if (!el.hasAttribute('sandbox')) problems.push(`iframe without sandbox: ${describeEl(el)}`);
      if (el.hasAttribute('srcdoc')) problems.push(`iframe with srcdoc: ${describeEl(el)}`);
    }
  }
  return problems;
}

/** The brief's checks on the metadata fields. */
function metaProblems(a: Article): string[] {
  const problems: string[] = [];
  const fields: [string, string | null | undefined][] = [
    ['title', a.title],
    ['byline', a.byline],
    ['siteName', a.siteName],
    ['excerpt', a.excerpt],
    ['leadImage.alt', a.leadImage?.alt],
    ['leadImage.caption', a.leadImage?.caption],
  ];
  for (const [field, value] of fields) if (value && TAG.test(value)) problems.push(`${field} holds markup: ${JSON.stringify(value)}`);
  if (a.leadImage) {
    const src = a.leadImage.src;
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(src).protocol);
    } catch {
      ok = false;
    }
    // A parsed and re-serialized URL never holds raw double quotes, angle brackets or whitespace.
    if (!ok || !/^https?:\/\//i.test(src) || /["<>\s]/.test(src)) problems.push(`leadImage.src is not a clean http(s) URL: ${JSON.stringify(src)}`);
  }
  if (!/^https?:\/\//i.test(a.url)) problems.push(`url is not http(s): ${JSON.stringify(a.url)}`);
  return problems;
}

/** Attribute text that means something only to a re-parse (mutation XSS): comment ends, raw-text end tags. */
const MXSS_RESIDUE = /--!?>|<\/?(script|style|title|textarea|noscript|noembed|noframes|xmp|iframe|template|plaintext|svg|math|mglyph|malignmark)\b/i;
const SMIL = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'discard']);

function hardeningProblems(a: Article): string[] {
  const problems: string[] = [];
  const doc = new DOMParser().parseFromString(a.contentHtml, 'text/html');
  for (const el of allElements(doc.documentElement)) {
    const name = el.localName.toLowerCase();
    if (SMIL.has(name)) problems.push(`SVG animation element <${name}> (can rewrite href/on* at run time): ${describeEl(el)}`);
    if (name === 'use') {
      const href = el.getAttribute('href') ?? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '';
      if (href && !href.startsWith('#')) problems.push(`<use> referencing an external document: ${describeEl(el)}`);
    }
    for (const attr of Array.from(el.attributes)) {
      if (MXSS_RESIDUE.test(attr.value)) problems.push(`mutation-XSS residue in ${attr.name} on <${name}>: ${describeEl(el)}`);
    }
  }
  if (a.textContent.includes('__jernihPwned')) problems.push('payload source code shown as body text');
  return problems;
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const w = window as unknown as { __jernihPwned?: string[] };

describe('xss corpus', () => {
  it('has at least 45 vectors with unique ids, in body and metadata', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(45);
    expect(new Set(XSS_VECTORS.map((v) => v.id)).size).toBe(XSS_VECTORS.length);
    expect(XSS_VECTORS.some((v) => v.where === 'meta')).toBe(true);
    for (const v of XSS_VECTORS) expect(v.id, 'ids are kebab-case').toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('the fixture source.html is up to date with the corpus (npx tsx test/helpers/build-xss-fixture.ts)', async () => {
    const { buildXssFixtureHtml } = await import('../helpers/xss-page');
    expect(readFileSync(resolve(FIXTURE_DIR, 'source.html'), 'utf8')).toBe(buildXssFixtureHtml(XSS_VECTORS));
  });
});

describe('xss: whole-corpus fixture security/xss-article', () => {
  const html = readFileSync(resolve(FIXTURE_DIR, 'source.html'), 'utf8');
  const expected = JSON.parse(readFileSync(resolve(FIXTURE_DIR, 'expected.json'), 'utf8')) as FixtureExpectation;
  let article: Article | null = null;

  it('extracts the article', () => {
    article = extractArticle(parse(html), { url: expected.url });
    expect(article).not.toBeNull();
  });

  it('body: no handlers, dangerous URLs, forbidden elements or foreign iframes', () => {
    expect(article).not.toBeNull();
    expect(bodyProblems(article!.contentHtml)).toEqual([]);
  });

  it('body HTML holds none of the html_must_not_contain needles', () => {
    expect(article).not.toBeNull();
    const found = (expected.html_must_not_contain ?? []).filter((s) => article!.contentHtml.includes(s));
    expect(found).toEqual([]);
  });

  it('metadata: no markup in text fields, lead image and url http(s)', () => {
    expect(article).not.toBeNull();
    expect(metaProblems(article!)).toEqual([]);
  });

  it('hardening: no mutation-XSS residue, no SVG animation, no payload text', () => {
    expect(article).not.toBeNull();
    expect(hardeningProblems(article!)).toEqual([]);
  });
});

describe('xss: one vector per page', () => {
  for (const v of XSS_VECTORS) {
    it(`${v.where}/${v.id}`, () => {
      const article = extractArticle(parse(buildVectorPage(v)), { url: vectorPageUrl(v.id) });
      // The wrapper is a real article: a null here would hide the vector from the sanitizer, not defeat it.
      expect(article, 'the wrapper page is an article').not.toBeNull();
      expect([...bodyProblems(article!.contentHtml), ...metaProblems(article!)]).toEqual([]);
    });
  }
});

describe('xss: hardening, one vector per page (beyond the brief)', () => {
  for (const v of XSS_VECTORS) {
    it(`${v.where}/${v.id}`, () => {
      const article = extractArticle(parse(buildVectorPage(v)), { url: vectorPageUrl(v.id) });
      if (!article) return; // reported by the case above
      expect(hardeningProblems(article)).toEqual([]);
    });
  }
});

afterAll(() => {
  // Nothing may have run in the test window either (parsing, extraction and sanitizing are all inert).
  expect(w.__jernihPwned, 'a vector executed in the test environment').toBeUndefined();
});
