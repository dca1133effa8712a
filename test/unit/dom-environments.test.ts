/**
 * The engine is pure: it runs on documents from any DOM implementation the tests or tools use. The sanitizer
 * needs a window DOMPurify supports; under linkedom (whose window it does not support) it uses the global one.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { extractArticle } from '@/utils/extract';
import { FIXTURES_DIR } from '../helpers/fixtures';

const id = 'kompas/seed-putin-kim';
const html = readFileSync(join(FIXTURES_DIR, id, 'source.html'), 'utf8');
const expected = JSON.parse(readFileSync(join(FIXTURES_DIR, id, 'expected.json'), 'utf8'));

function check(doc: Document) {
  const a = extractArticle(doc, { url: expected.url })!;
  expect(a.title).toBe(expected.title);
  expect(a.byline).toBe(expected.byline);
  expect(a.textContent).toContain(expected.first_paragraph);
  expect(a.textContent).toContain(expected.last_paragraph);
  for (const s of expected.must_not_contain) expect(a.textContent).not.toContain(s);
  expect(a.contentHtml).not.toMatch(/\son\w+=|javascript:/i);
}

describe('DOM implementations', () => {
  it('jsdom (DOMParser of the test window)', () => check(new DOMParser().parseFromString(html, 'text/html')));

  it('happy-dom', () => {
    const win = new Window({ url: expected.url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
    win.document.write(html);
    check(win.document as unknown as Document);
    void win.happyDOM.close();
  });

  it('linkedom', () => {
    const { document } = parseHTML(html);
    check(document as unknown as Document);
  });
});
