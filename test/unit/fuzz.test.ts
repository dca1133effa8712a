/**
 * The fuzzer (npm run fuzz, scripts/lib/fuzz/) is only worth its failures if its inputs can be rebuilt and its
 * checker can fail: the same seed gives the same pages and mutations, and the output checker catches what it is
 * there to catch (a planted <img onerror>, a javascript: link, an iframe srcdoc), on the body and in text fields.
 */
import { describe, expect, it } from 'vitest';
import { caseRng, Rng } from '../../scripts/lib/fuzz/prng';
import { applyMutations, mutate, MUTATION_KINDS, planMutations, STRESS_MUTATIONS } from '../../scripts/lib/fuzz/mutate';
import { makePayload, PAYLOAD_KINDS } from '../../scripts/lib/fuzz/payloads';
import { synthPage } from '../../scripts/lib/fuzz/synth';
import { checkArticle, checkHtml, checkText } from '../../scripts/lib/fuzz/check';
import { shrink } from '../../scripts/lib/fuzz/shrink';
import { sanitizeHtml } from '@/utils/sanitize';
import type { Article } from '@/utils/extract';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const sequence = (rng: Rng, n = 20) => Array.from({ length: n }, () => rng.next());

const ARTICLE: Article = {
  url: 'https://example.com/a', title: 'A title', byline: 'Budi', siteName: 'Example', publishedTime: null, lang: 'en', dir: 'ltr',
  leadImage: { src: 'https://example.com/a.jpg', alt: 'alt', caption: null, inBody: false }, contentHtml: '<p>Clean text.</p>',
  textContent: 'Clean text.', excerpt: 'Clean text.', wordCount: 2, readingMinutes: 1, ruleId: null,
};

describe('fuzz: determinism', () => {
  it('the generator gives one sequence per label', () => {
    expect(sequence(new Rng('a'))).toEqual(sequence(new Rng('a')));
    expect(sequence(new Rng('a'))).not.toEqual(sequence(new Rng('b')));
    expect(sequence(caseRng(1, 7, 'mutate'))).toEqual(sequence(caseRng(1, 7, 'mutate')));
    expect(sequence(caseRng(1, 7, 'mutate'))).not.toEqual(sequence(caseRng(1, 8, 'mutate')));
    for (const x of sequence(new Rng('range'), 1000)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('synthetic pages and payloads: same seed, same output', () => {
    for (let c = 0; c < 30; c++) {
      expect(synthPage(caseRng(3, c, 'synth'), [])).toEqual(synthPage(caseRng(3, c, 'synth'), []));
      const prose = (r: Rng) => () => `words ${r.int(100)}`;
      const a = caseRng(3, c, 'payload');
      const b = caseRng(3, c, 'payload');
      expect(makePayload(a, prose(a))).toEqual(makePayload(b, prose(b)));
    }
    expect(synthPage(caseRng(3, 0, 'synth'), []).html).not.toBe(synthPage(caseRng(4, 0, 'synth'), []).html);
  });

  it('mutations: same seed and page, same output, mutations and payloads', () => {
    const page = synthPage(caseRng(5, 0, 'synth'), []).html;
    for (let c = 0; c < 25; c++) {
      const one = mutate(page, caseRng(5, c, 'mutate'), parse);
      const two = mutate(page, caseRng(5, c, 'mutate'), parse);
      expect(two).toEqual(one);
    }
    expect(mutate(page, caseRng(5, 1, 'mutate'), parse).html).not.toBe(mutate(page, caseRng(6, 1, 'mutate'), parse).html);
  });

  it('every mutation kind runs, deterministically, and payloads are counted', () => {
    const page = synthPage(caseRng(9, 2, 'synth'), []).html;
    // The stress sizes take seconds to build: the milder kinds here; determinism does not depend on size.
    for (const kind of MUTATION_KINDS.filter((k) => !(STRESS_MUTATIONS as readonly string[]).includes(k))) {
      const one = applyMutations(page, [kind], new Rng(`kind:${kind}`), parse);
      const two = applyMutations(page, [kind], new Rng(`kind:${kind}`), parse);
      expect(two, kind).toEqual(one);
      expect(one.mutations).toEqual([kind]);
    }
    const injected = applyMutations(page, ['inject-payloads'], new Rng('payloads'), parse);
    expect(injected.payloads.length).toBeGreaterThan(0);
    for (const p of injected.payloads) expect(PAYLOAD_KINDS).toContain(p);
    expect(planMutations(new Rng('plan'))).toEqual(planMutations(new Rng('plan')));
  });
});

describe('fuzz: the output checker can fail', () => {
  it('catches a planted <img onerror> and a javascript: link in the body', () => {
    const problems = checkHtml('<p>Text <img src="x" onerror="alert(1)"> and <a href="javascript:alert(1)">a link</a></p>', 'contentHtml', parse);
    expect(problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['event-handler', 'dangerous-url']));
    expect(checkArticle({ ...ARTICLE, contentHtml: '<p><img src=x onerror=alert(1)></p>' }, { parse }).map((p) => p.rule)).toContain('event-handler');
    expect(checkArticle({ ...ARTICLE, contentHtml: '<a href=" java&#09;script:alert(1)">x</a>' }, { parse }).map((p) => p.rule)).toContain('dangerous-url');
  });

  it('catches the rest of the list', () => {
    const rules = (html: string) => checkHtml(html, 'contentHtml', parse).map((p) => p.rule);
    expect(rules('<script>alert(1)</script>')).toContain('script');
    expect(rules('<iframe src="https://www.youtube.com/embed/x" srcdoc="<b>x</b>"></iframe>')).toContain('iframe-srcdoc');
    for (const el of ['<object data="x"></object>', '<embed src="x">', '<base href="https://evil.example/">', '<meta http-equiv="refresh" content="0;url=x">']) {
      expect(rules(el), el).toContain('forbidden-element');
    }
    expect(rules('<img srcset="https://e.example/a.jpg 1x, vbscript:msgbox(1) 2x">')).toContain('dangerous-url');
    expect(rules('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>')).toContain('dangerous-url');
    expect(rules('<form action="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></form>')).toContain('dangerous-url');
    expect(rules('<p style="width:expression(alert(1))">x</p>')).toContain('dangerous-css');
    expect(rules('<template><img src=x onerror=alert(1)></template>')).toContain('event-handler');
  });

  it('catches markup in text fields and script URLs as the lead image or the article URL', () => {
    expect(checkText('<img src=x onerror=alert(1)>', 'title', parse).map((p) => p.rule)).toEqual(expect.arrayContaining(['markup-in-text', 'event-handler']));
    expect(checkText('Plain & simple < 3 > 2', 'title', parse)).toEqual([]);
    const bad = checkArticle({ ...ARTICLE, byline: '<b>x</b>', leadImage: { ...ARTICLE.leadImage!, src: 'javascript:alert(1)' }, url: 'vbscript:x' }, { parse });
    expect(bad.map((p) => `${p.field}:${p.rule}`)).toEqual(expect.arrayContaining(['byline:markup-in-text', 'leadImage.src:dangerous-url', 'url:dangerous-url']));
  });

  it('passes clean output, and what the sanitizer makes of the planted markup', () => {
    expect(checkArticle(ARTICLE, { parse })).toEqual([]);
    expect(checkArticle(null, { parse })).toEqual([]);
    const planted = '<p>Text <img src="x" onerror="alert(1)"> <a href="javascript:alert(1)">a link</a></p><script>alert(1)</script>';
    expect(checkHtml(sanitizeHtml(planted, document), 'sanitized', parse)).toEqual([]);
  });
});

describe('fuzz: shrinking', () => {
  it('keeps the failure and drops the rest', () => {
    const input = `<html><body>${'<p>filler text here</p>'.repeat(50)}<img src=x onerror=alert(1)>${'<div>more</div>'.repeat(50)}</body></html>`;
    const fails = (html: string) => checkHtml(html, 'x', parse).some((p) => p.rule === 'event-handler');
    const { output } = shrink(input, fails, { maxRuns: 2000, maxMs: 20_000 });
    expect(fails(output)).toBe(true);
    expect(output.length).toBeLessThan(60);
  });
});
