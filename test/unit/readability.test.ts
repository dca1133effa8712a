/**
 * LeanReadability (utils/extract/readability.ts) answers three of Readability's per-element checks at less cost.
 * Its answers must be Readability's own, element by element: on every fixture page of ours and on the edge cases
 * where a shortcut could differ (white space that trim() removes and \S does not, or the reverse; comments; inline
 * styles; aria-hidden pictures; bylines by rel, itemprop and class).
 */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { LeanReadability } from '@/utils/extract/readability';
import { listFixtures } from '../helpers/fixtures';

type Check = '_isElementWithoutContent' | '_isValidByline' | '_isProbablyVisible';
type Checks = Record<Check, (el: Element, matchString?: string) => boolean>;

const original = Readability.prototype as unknown as Checks;
const lean = LeanReadability.prototype as unknown as Checks;

/** Each check's answer from both, as booleans (the original sometimes answers with a truthy string). */
function disagreements(doc: Document): string[] {
  const readability = new Readability(doc.cloneNode(true) as Document);
  const ours = new LeanReadability(doc.cloneNode(true) as Document);
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const matchString = `${el.className} ${el.id}`;
    for (const check of ['_isElementWithoutContent', '_isValidByline', '_isProbablyVisible'] as const) {
      const want = !!original[check].call(readability, el, matchString);
      const got = !!lean[check].call(ours, el, matchString);
      if (want !== got) out.push(`${check} <${el.tagName.toLowerCase()} class="${el.className}">: Readability ${want}, ours ${got}`);
    }
  }
  return out;
}

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('LeanReadability', () => {
  it('answers as Readability does on the edge cases', () => {
    const doc = parse(`<!doctype html><html><body>
      <div>   \n\t </div>
      <div>\u00a0\u2003\ufeff\u3000</div>
      <div>\u200b</div>
      <div><!-- only a comment --></div>
      <div><span> </span><b>\n</b></div>
      <div><span> </span><b>x</b></div>
      <div><br><hr><br></div>
      <div><br><img src="a.png"></div>
      <section><div><div><p> </p></div></div><p>text at the end</p></section>
      <h2> </h2><h3><a href="#"> </a></h3>
      <div style="display: none">hidden</div><div style="visibility:hidden">x</div><div style="color: red">x</div>
      <div style="">x</div><div hidden>x</div>
      <div aria-hidden="true">x</div><div aria-hidden="false">x</div>
      <img aria-hidden="true" class="mwe-math-fallback-image-inline" src="m.png">
      <svg aria-hidden="true" class="fallback-image"><text>x</text></svg>
      <svg><text>  </text></svg>
      <math><mi> </mi></math>
      <a rel="author" href="/a">Jane Doe</a><a rel="author" href="/a"> </a>
      <span itemprop="author">Jane Doe</span><span itemprop="creator author">${'long '.repeat(30)}</span>
      <div class="byline">By Jane Doe</div><div class="p-author"></div><div id="writtenby">A. N. Other</div>
      <div class="entry-author">${'x'.repeat(99)}</div><div class="entry-author">${'x'.repeat(100)}</div>
      <p class="author">Jane</p><p class="authors">   </p>
    </body></html>`);
    expect(disagreements(doc)).toEqual([]);
  });

  it('answers as Readability does on every element of every fixture page', () => {
    const fixtures = listFixtures();
    expect(fixtures.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const f of fixtures) for (const d of disagreements(parse(f.html))) found.push(`${f.id}: ${d}`);
    expect(found).toEqual([]);
  });

  it('gives the same article as Readability on a page', () => {
    const doc = parse(`<!doctype html><html><head><title>A page</title></head><body><div class="byline">By Jane Doe</div>
      <div class="content"><div> </div>${'<p>A paragraph of prose, long enough to count, with a comma, and another one, then a full stop.</p>'.repeat(8)}
      <div style="display:none"><p>Hidden text that no reader sees at all, however long it is made to be here.</p></div></div></body></html>`);
    const a = new Readability(doc.cloneNode(true) as Document).parse();
    const b = new LeanReadability(doc.cloneNode(true) as Document).parse();
    expect(b?.content).toBe(a?.content);
    expect(b?.byline).toBe('By Jane Doe');
    expect(b?.byline).toBe(a?.byline);
  });
});
