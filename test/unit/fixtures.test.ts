/** One runner for every fixture folder: test/fixtures/<group>/<case>/{source.html, expected.json}. */
import { describe, expect, it } from 'vitest';
import { extractArticle, readArticle } from '@/utils/extract';
import { fixtureFetcher, listFixtures, normalizeSpace } from '../helpers/fixtures';

const fixtures = listFixtures();

function paragraphs(html: string): string[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return Array.from(doc.querySelectorAll('p')).map((p) => normalizeSpace(p.textContent ?? '')).filter(Boolean);
}

describe('fixtures', () => {
  it('has at least 25 fixture pages', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
  });

  for (const f of fixtures) {
    const e = f.expected;
    it(`${f.id}: ${e.description}`, async () => {
      const doc = new DOMParser().parseFromString(f.html, 'text/html');
      const before = doc.documentElement.outerHTML;
      const fetched: string[] = [];
      // A page that is no article is judged as auto-clean judges it (gated); an article must come out either way.
      const gate = e.article === false;
      const article = e.pages
        ? await readArticle(doc, { url: e.url, fetchPage: fixtureFetcher(f, fetched), timeoutMs: 2000, gate })
        : extractArticle(doc, { url: e.url, gate });
      expect(doc.documentElement.outerHTML, 'extraction must not touch the page').toBe(before);
      if (e.article === false) {
        expect(article, 'a page without an article gives null to auto-clean').toBeNull();
        const requested = extractArticle(doc, { url: e.url });
        expect(doc.documentElement.outerHTML, 'an explicit request must not touch the page either').toBe(before);
        // A request gets whatever Readability finds; only a page with no text at all gives nothing.
        if (e.explicit_article === false) expect(requested, 'no text at all: no article even on request').toBeNull();
        return;
      }
      if (!e.pages) {
        const gated = extractArticle(doc, { url: e.url, gate: true });
        if (e.auto_article === false) expect(gated, 'auto-clean leaves this page alone').toBeNull();
        else expect(gated?.textContent, 'auto-clean reads an article as a request does').toBe(article?.textContent);
      }
      expect(article, 'an article page gives an article').not.toBeNull();
      const a = article!;
      if (e.title !== undefined) expect(a.title).toBe(e.title);
      if (e.byline !== undefined) expect(a.byline).toBe(e.byline);
      if (e.siteName !== undefined) expect(a.siteName).toBe(e.siteName);
      if (e.date !== undefined) expect(a.publishedTime).toBe(e.date);
      if (e.lang !== undefined) expect(a.lang).toBe(e.lang);
      if (e.dir !== undefined) expect(a.dir).toBe(e.dir);
      if (e.ruleId !== undefined) expect(a.ruleId).toBe(e.ruleId);
      if (e.leadImage !== undefined) expect(a.leadImage?.src ?? null).toBe(e.leadImage);
      if (e.lead_in_body !== undefined) expect(a.leadImage?.inBody, 'the lead picture is already in the body').toBe(e.lead_in_body);
      const ps = paragraphs(a.contentHtml);
      if (e.first_paragraph !== undefined) expect(ps[0]).toBe(normalizeSpace(e.first_paragraph));
      if (e.last_paragraph !== undefined) expect(ps.at(-1)).toBe(normalizeSpace(e.last_paragraph));
      const text = normalizeSpace(a.textContent);
      for (const s of e.must_contain ?? []) expect(text, `must contain: ${s}`).toContain(normalizeSpace(s));
      for (const s of e.must_not_contain ?? []) {
        expect(text, `must not contain: ${s}`).not.toContain(normalizeSpace(s));
        expect(a.title, `title must not contain: ${s}`).not.toContain(normalizeSpace(s));
      }
      for (const s of e.html_must_contain ?? []) expect(a.contentHtml, `html must contain: ${s}`).toContain(s);
      for (const s of e.html_must_not_contain ?? []) expect(a.contentHtml, `html must not contain: ${s}`).not.toContain(s);
      if (e.min_words !== undefined) expect(a.wordCount).toBeGreaterThanOrEqual(e.min_words);
      if (e.max_words !== undefined) expect(a.wordCount).toBeLessThanOrEqual(e.max_words);
      expect(a.readingMinutes).toBeGreaterThanOrEqual(1);
      if (e.joined !== undefined) expect(a.pages?.joined, 'pages joined').toBe(e.joined);
      if (e.missing_pages !== undefined) expect(a.pages?.missing.map((m) => m.page) ?? []).toEqual(e.missing_pages);
      if (e.pages) {
        expect(new Set(fetched).size, 'no page fetched twice').toBe(fetched.length);
        for (const u of fetched) expect(new URL(u).origin, 'same origin only').toBe(new URL(e.url).origin);
      }
    });
  }
});
