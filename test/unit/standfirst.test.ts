/** The standfirst under the headline, given back above the body Readability found (utils/extract/standfirst.ts). */
import { describe, expect, it } from 'vitest';
import { findStandfirst } from '@/utils/extract/standfirst';

const BODY = [
  'The council voted on Tuesday to keep the harbour baths open through the winter, reversing a decision taken in the spring.',
  'Swimmers had collected more than four thousand signatures since June, and the heating costs turned out lower than feared.',
];

/** A page with `header` between the headline and the body, and the body Readability found (its two paragraphs). */
function page(header: string, after = ''): { doc: Document; content: Element } {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = `<main><article><h1>Harbour baths stay open all winter</h1>${header}<div class="body">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></article>${after}</main>`;
  const content = doc.createElement('div');
  content.innerHTML = BODY.map((p) => `<p>${p}</p>`).join('');
  return { doc, content };
}

describe('findStandfirst', () => {
  it('gives back the standfirst named as one, or saying what the description says', () => {
    const dek = 'After a summer of petitions, the city finds the money to heat the water until March.';
    expect(findStandfirst(page(`<p class="article-dek">${dek}</p>`).doc, page('').content, null)).toBe(dek);
    expect(findStandfirst(page(`<div class="intro"><p>${dek}</p></div>`).doc, page('').content, null)).toBe(dek);
    expect(findStandfirst(page(`<p>${dek}</p>`).doc, page('').content, dek)).toBe(dek);
  });

  it('leaves the lead picture’s caption, a byline, a teaser and text already in the body', () => {
    const caption = 'Swimmers at the harbour baths on a cold morning in January, when the water was eleven degrees.';
    expect(findStandfirst(page(`<div class="lead-image"><img src="/a.jpg" alt=""><div class="caption">${caption}</div></div>`).doc, page('').content, null)).toBeNull();
    expect(findStandfirst(page(`<div class="lead"><img src="/a.jpg" alt=""><span>${caption}</span></div>`).doc, page('').content, null)).toBeNull();
    expect(findStandfirst(page('<p class="summary">By Ana Ruiz and Tom Beck, harbour reporters</p>').doc, page('').content, null)).toBeNull();
    expect(findStandfirst(page('<aside><p class="teaser-text">Read our guide to the city’s other outdoor pools, from the lido in the park to the river baths.</p></aside>').doc, page('').content, null)).toBeNull();
    expect(findStandfirst(page(`<p class="lead">${BODY[0]}</p>`).doc, page('').content, null)).toBeNull();
  });

  it('asks a box of blocks block by block, so a kicker is not run into the standfirst', () => {
    const dek = 'After a summer of petitions, the city finds the money to heat the water until March.';
    expect(findStandfirst(page(`<div class="lead"><p class="kicker">Winter swimming</p><p>${dek}</p></div>`).doc, page('').content, null)).toBe(dek);
    // An empty paragraph is no block of its own: the list under it is the standfirst.
    expect(findStandfirst(page(`<div class="teaser-text"><p></p><ul><li>${dek}</li></ul></div>`).doc, page('').content, null)).toBe(dek);
  });

  it('never takes the headline repeated in a story box for the standfirst', () => {
    const headline = 'The harbour baths will stay open all through the winter';
    const dek = 'After a summer of petitions, the city finds the money to heat the water until March.';
    const box = `<div class="story-summary"><p class="category"><a href="/local">Local</a></p><h2>${headline}</h2><p class="dek">${dek}</p></div>`;
    const { doc, content } = page(box);
    doc.querySelector('h1')!.textContent = headline;
    expect(findStandfirst(doc, content, null)).toBe(dek);
    // A logo may be the page's only <h1>: the headline is known from the metadata too.
    doc.querySelector('h1')!.textContent = 'The Harbour Gazette';
    expect(findStandfirst(doc, content, null, headline)).toBe(dek);
  });

  it('finds where the body starts when the page parts its paragraphs with <br><br> (Readability makes them <p>s)', () => {
    const dek = 'After a summer of petitions, the city finds the money to heat the water until March.';
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = `<main><article><h1>Harbour baths stay open all winter</h1><div class="teaser-text"><p>${dek}</p></div><div class="body"><p>${BODY.join('<br><br>')}</p></div></article></main>`;
    expect(findStandfirst(doc, page('').content, null)).toBe(dek);
  });

  it('finds where the body starts when the page writes its text straight into <div>s (Readability makes them <p>s)', () => {
    const dek = 'After a summer of petitions, the city finds the money to heat the water until March.';
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = `<main><article><h1>Harbour baths stay open all winter</h1><div class="teaser-text"><p>${dek}</p></div><div class="body"><div>${BODY[0]}</div><div>${BODY[1]}</div></div></article></main>`;
    expect(findStandfirst(doc, page('').content, null)).toBe(dek);
  });

  it('never looks after the body’s start or before the headline', () => {
    const teaser = 'Read our guide to the city’s other outdoor pools, from the lido in the park to the river baths.';
    expect(findStandfirst(page('', `<p class="summary">${teaser}</p>`).doc, page('').content, null)).toBeNull();
  });
});

describe('findStandfirst, a standfirst marked only by its place', () => {
  const dek = 'After a summer of petitions, the city finds the money to heat the water until March.';

  it('gives back the first paragraph or subheading under the headline when it reads as a sentence', () => {
    expect(findStandfirst(page(`<p>${dek}</p>`).doc, page('').content, null)).toBe(dek);
    expect(findStandfirst(page(`<header><h2>${dek}</h2></header>`).doc, page('').content, null)).toBe(dek);
    expect(findStandfirst(page(`<h2>«${dek}»</h2>`).doc, page('').content, null)).toBe(`«${dek}»`);
    // A subtitle right under the headline needs no full stop; a line of words elsewhere does.
    const subtitle = 'In the harbour town the council finds the money to heat the water';
    expect(findStandfirst(page(`<h2>${subtitle}</h2>`).doc, page('').content, null)).toBe(subtitle);
    expect(findStandfirst(page(`<div class="kicker">Local</div><h2>${subtitle}</h2>`).doc, page('').content, null)).toBeNull();
  });

  it('gives way to a standfirst named as one further on, and never looks past a picture outside the headline\'s box', () => {
    const other = 'The council meets again on Tuesday, and a vote on the budget is expected before the summer.';
    expect(findStandfirst(page(`<p>${other}</p><p class="dek">${dek}</p>`).doc, page('').content, null)).toBe(dek);
    const layout = (between: string): Document => {
      const doc = document.implementation.createHTMLDocument('');
      doc.body.innerHTML = `<main><div class="top"><div class="head"><h1>Harbour baths stay open all winter</h1></div></div>${between}<div class="facts"><div><p>${dek}</p></div></div><div class="body">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></main>`;
      return doc;
    };
    // Only a date between them: the standfirst, however the boxes nest.
    expect(findStandfirst(layout('<div class="date">Published 24 October</div>'), page('').content, null)).toBe(dek);
    // A banner picture between them: the block further on is the picture's, or a box of facts.
    expect(findStandfirst(layout('<div class="banner"><img src="/a.jpg" alt=""></div>'), page('').content, null)).toBeNull();
  });

  it('leaves a line of keywords, a caption, a box with a picture and any paragraph after the first', () => {
    expect(findStandfirst(page('<p>Harbour baths, winter swimming, heating costs, city council, petitions, water temperature</p>').doc, page('').content, null)).toBeNull();
    expect(findStandfirst(page(`<p class="image-credit">${dek}</p>`).doc, page('').content, null)).toBeNull();
    expect(findStandfirst(page(`<div><img src="/a.jpg" alt=""><p>${dek}</p></div>`).doc, page('').content, null)).toBeNull();
    expect(findStandfirst(page(`<p><img src="/a.jpg" alt="">${dek}</p>`).doc, page('').content, null)).toBeNull();
    expect(findStandfirst(page(`<div style="visibility: hidden;"><p>${dek}</p></div>`).doc, page('').content, null)).toBeNull();
    expect(findStandfirst(page(`<p class="dek" hidden>${dek}</p>`).doc, page('').content, null)).toBeNull();
    expect(findStandfirst(page('<p>Pictures that move you and words that grip you: try our tools for free today!</p>').doc, page('').content, null)).toBeNull();
    const first = 'Winter swimming, heating costs and the council vote, in pictures and numbers';
    expect(findStandfirst(page(`<p>${first}</p><p>${dek}</p>`).doc, page('').content, null)).toBeNull();
  });
});

describe('findStandfirst, when the <h1> is not the article\'s headline', () => {
  const body = BODY.map((p) => `<p>${p}</p>`).join('');
  const docOf = (html: string): Document => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = html;
    return doc;
  };

  it("leaves a blog's description under its name, before the post's own headline", () => {
    const description = 'A blog about swimming in cold water, written from the harbour town every week of the year.';
    const doc = docOf(`<header><h1>The Harbour Diaries</h1><p class="description">${description}</p></header><h2 class="date">Tuesday</h2><h3>Winter swim at dawn in the old harbour</h3><div class="post">${body}</div>`);
    expect(findStandfirst(doc, page('').content, null, 'The Harbour Diaries: Winter swim at dawn in the old harbour')).toBeNull();
    // The post's standfirst, under its headline, is still found.
    const dek = 'After a summer of petitions, the city finds the money to heat the water until March.';
    const withDek = docOf(`<header><h1>The Harbour Diaries</h1><p class="description">${description}</p></header><h3>Winter swim at dawn in the old harbour</h3><p class="dek">${dek}</p><div class="post">${body}</div>`);
    expect(findStandfirst(withDek, page('').content, null, 'The Harbour Diaries: Winter swim at dawn in the old harbour')).toBe(dek);
  });

  it('keeps a standfirst above a section heading that is a word of the title, or the headline repeated', () => {
    const dek = 'After a summer of petitions, the city finds the money to heat the water until March.';
    const doc = docOf(`<article><h1>Harbour baths stay open all winter</h1><p class="dek">${dek}</p><h3>Harbour baths</h3><h3>Harbour baths stay open all winter</h3><div class="body">${body}</div></article>`);
    expect(findStandfirst(doc, page('').content, null, 'Harbour baths stay open all winter | Harbour Gazette')).toBe(dek);
  });

  it('never gives back the headline with a date before it (an empty <h1>, the headline in an <h2>)', () => {
    const doc = docOf(`<article><h1></h1><h2 class="headline">24.01.2026 - Harbour baths stay open all through the coming winter</h2><div class="body">${body}</div></article>`);
    expect(findStandfirst(doc, page('').content, null, '24.01.2026 - Harbour baths stay open all through the coming winter - Harbour Gazette')).toBeNull();
    // What stands above that headline is no standfirst of it either.
    const above = docOf(`<article><h1></h1><p class="summary">A weekly letter from the harbour town, on swimming, ferries and the weather.</p><h2 class="headline">24.01.2026 - Harbour baths stay open all through the coming winter</h2><div class="body">${body}</div></article>`);
    expect(findStandfirst(above, page('').content, null, '24.01.2026 - Harbour baths stay open all through the coming winter - Harbour Gazette')).toBeNull();
  });
});

describe('findStandfirst, blocks named otherwise', () => {
  it('leaves an advertiser disclosure inside the intro box', () => {
    const disclosure = 'We recommend the best products through an independent review process, and advertisers do not influence our picks.';
    expect(findStandfirst(page(`<div class="article-intro"><p class="disclosure-text">${disclosure}</p></div>`).doc, page('').content, null)).toBeNull();
  });
});
