/** Stories stacked on one page: which box is the page's own story (utils/extract/stacked-stories.ts). */
import { describe, expect, it } from 'vitest';
import { ownStoryLeftOut } from '@/utils/extract/stacked-stories';

const para = (topic: string, n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} about ${topic}, long enough to be running text of the story, with a comma and a full stop at its end.</p>`).join('');

/** Readability's pick as the engine holds it: the paragraphs it kept. */
function pick(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

function page(body: string): Document {
  const doc = document.implementation.createHTMLDocument('Site | Cars blessed in San Roque on Saturday');
  doc.body.innerHTML = body;
  return doc;
}

const story = (id: number, h1: string, text: string): string =>
  `<div class="scrollblock"><article id="article-${id}" class="entry"><header><h1>${h1}</h1></header><div class="entry-text">${text}</div></article></div>`;

describe('ownStoryLeftOut', () => {
  it('finds the story the title names when Readability took a later one built from the same template', () => {
    const doc = page(story(0, 'Cars blessed in San Roque on Saturday', para('the blessing', 4)) + story(1, 'Boy dies after touching an electrified column', para('the accident', 10)));
    const box = ownStoryLeftOut(doc, pick(para('the accident', 10)), ['Site | Cars blessed in San Roque on Saturday']);
    expect(box?.querySelector('h1')?.textContent).toBe('Cars blessed in San Roque on Saturday');
  });

  it('is not asked when the pick is the own story, or the title names no headline', () => {
    const doc = page(story(0, 'Cars blessed in San Roque on Saturday', para('the blessing', 4)) + story(1, 'Boy dies after touching an electrified column', para('the accident', 10)));
    expect(ownStoryLeftOut(doc, pick(para('the blessing', 4)), ['Site | Cars blessed in San Roque on Saturday'])).toBeNull();
    expect(ownStoryLeftOut(doc, pick(para('the accident', 10)), ['Site | Something else entirely'])).toBeNull();
  });

  it("takes the post's headline over a blog's name that is an <h1> too", () => {
    const doc = page(`<header><h1>The Harbour Diaries</h1></header><main>${story(0, 'A winter swim at dawn', para('the swim', 5))}</main>`);
    expect(ownStoryLeftOut(doc, pick(para('the swim', 5)), ['A winter swim at dawn | The Harbour Diaries'])).toBeNull();
  });

  it('leaves an <h1> a site uses as a section heading inside one article', () => {
    const doc = page(`<article><div class="head"><h1>Cars blessed in San Roque on Saturday</h1><p class="dek">${'The parish will bless cars, motorcycles and buses on Saturday morning, as every year since 1974, and hand out leaflets. '.repeat(3)}</p></div><section class="text"><h1>The leaflets on road safety</h1>${para('the leaflets', 6)}</section></article>`);
    expect(ownStoryLeftOut(doc, pick(para('the leaflets', 6)), ['Cars blessed in San Roque on Saturday'])).toBeNull();
  });
});
