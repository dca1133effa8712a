/** The pure parts of fixing an extraction: selectors for picked/removed blocks, finding them again, reports. */
import { describe, expect, it } from 'vitest';
import { selectorFor, stableClass, cssIdent } from '@/utils/reader/selector';
import { findOriginal, imageKey } from '@/utils/reader/locate';
import { textMap } from '@/utils/reader/textmap';
import { buildReport, countsOf } from '@/utils/reader/report';
import { actionForKey, isTypingTarget } from '@/utils/reader/keymap';
import { exportUserRules } from '@/utils/reader/rules-export';

const page = (html: string) => {
  document.body.innerHTML = html; // test setup only: the page under test
  return document.body;
};

describe('selectors for blocks', () => {
  it('names a block by its id or classes, leaving generated names out', () => {
    page(`<div id="main"><div class="read__content css-1x9a2b">a</div><div class="read__content">b</div></div>
          <aside class="baca-juga">x</aside><p>y</p><aside class="baca-juga">z</aside>`);
    const content = document.querySelector('.read__content')!;
    expect(selectorFor(content, 'body')).toEqual({ selector: 'div.read__content', general: true });
    const [a1, a2] = Array.from(document.querySelectorAll('aside'));
    // Removing one "Baca juga" box removes its kind: both match, nothing else does.
    expect(selectorFor(a1, 'remove')).toEqual({ selector: 'aside.baca-juga', general: true });
    expect(document.querySelectorAll(selectorFor(a2, 'remove')!.selector)).toHaveLength(2);
    expect(stableClass('css-1x9a2b')).toBe(false);
    expect(stableClass('sc-bdVaJa')).toBe(false);
    expect(stableClass('post-12345')).toBe(false);
    expect(stableClass('is-active')).toBe(false);
    expect(stableClass('detail__body-text')).toBe(true);
  });

  it('uses named ancestors, then the position, when the block has no name of its own', () => {
    page(`<main class="story"><div><p>one</p><p>two</p></div></main><footer><p>three</p></footer>`);
    const two = document.querySelectorAll('p')[1];
    const sel = selectorFor(two, 'remove')!;
    expect(sel.general).toBe(false);
    expect(Array.from(document.querySelectorAll(sel.selector))).toEqual([two]);
    const div = document.querySelector('main > div')!;
    expect(selectorFor(div, 'body')).toEqual({ selector: 'main.story div', general: true });
    expect(selectorFor(document.body, 'body')).toBeNull();
  });

  it('works in a detached tree (the original body while the reader shows) and escapes odd names', () => {
    const body = document.createElement('body');
    body.innerHTML = '<section id="2col"><div class="a:b">x</div></section>'; // test setup only
    const div = body.querySelector('div')!;
    const sel = selectorFor(div, 'body')!;
    expect(body.querySelector(sel.selector)).toBe(div);
    expect(cssIdent('a:b')).toBe('a\\:b');
    expect(cssIdent('2col')).toBe('\\32 col');
  });
});

describe('finding a reader block in the original page', () => {
  it('by text, the innermost element of the same kind', () => {
    const root = page(`<div class="x"><div class="content"><p class="lead"><span>MOSKWA, KOMPAS.com - Presiden   Korea</span></p>
      <div class="promo"><strong>Baca juga: Promo</strong></div></div></div>`);
    const readerP = document.createElement('p');
    readerP.textContent = 'MOSKWA, KOMPAS.com - Presiden Korea';
    expect(findOriginal(readerP, root)).toBe(root.querySelector('p.lead'));
    const promo = document.createElement('p');
    promo.textContent = 'Baca juga: Promo';
    expect(findOriginal(promo, root)?.className).toBe('promo');
    const other = document.createElement('p');
    other.textContent = 'Text that is not on the page';
    expect(findOriginal(other, root)).toBeNull();
  });

  it('by image file for pictures and figures, whatever lazy-loading attribute holds it', () => {
    const root = page(`<div class="photo"><img data-src="https://asset.kompas.com/crops/abc/Putin.jpg?w=200" src="data:image/gif;base64,R0lGOD"><span>Caption</span></div>`);
    const fig = document.createElement('figure');
    fig.innerHTML = '<img src="https://asset.kompas.com/crops/abc/putin.jpg"><figcaption>Caption</figcaption>'; // test setup only
    expect(findOriginal(fig, root)).toBe(root.querySelector('.photo'));
    expect(imageKey('https://x/y/Foto%20A.JPG?x=1')).toBe('foto a.jpg');
  });
});

describe('text map for word highlighting', () => {
  it('collapses white space and maps offsets back to DOM ranges', () => {
    page('<p id="p">Satu  <b>dua</b>\n tiga<span hidden>x</span></p>');
    const m = textMap(document.getElementById('p')!);
    expect(m.text).toBe('Satu dua tiga');
    expect(m.range(5, 3)!.toString()).toBe('dua');
    expect(m.range(9, 4)!.toString()).toBe('tiga');
    expect(m.range(99, 1)).toBeNull();
  });
});

describe('report', () => {
  it('describes the page compactly: URL, rule, what was kept and what was left out', () => {
    const original = page(`<nav><a href="/">Home</a><a href="/x">X</a></nav><article><p>${'kata '.repeat(30)}awal.</p><img src="a.jpg"><p>${'kata '.repeat(20)}akhir.</p></article><aside><p>Iklan iklan iklan iklan iklan iklan</p><iframe src="ad"></iframe></aside>`);
    const shown = document.createElement('div');
    shown.innerHTML = `<p>${'kata '.repeat(30)}awal.</p><p hidden>removed block text here now</p><p>${'kata '.repeat(20)}akhir.</p>`; // test setup only
    const report = buildReport({
      article: { url: 'https://www.kompas.com/a', title: 'T', lang: 'id', ruleId: 'kompas', pages: { joined: 2, total: 3, missing: [{ page: 3, url: 'u', reason: 'HTTP 404' }] } } as never,
      page: original,
      shown,
      userRule: { remove: ['.promo'] },
      removedInView: 1,
      version: '0.1.0',
    });
    expect(report).toMatchObject({
      jernih: '0.1.0',
      url: 'https://www.kompas.com/a',
      rule: 'kompas',
      userRule: { remove: ['.promo'] },
      pages: { joined: 2, total: 3, missing: 1 },
      kept: { words: 52, paragraphs: 2, images: 0 },
      removed: { images: 1, embeds: 1, links: 2, byYouInThisView: 1 },
    });
    expect(String(report.firstParagraph)).toMatch(/^kata kata .* awal\.$/);
    expect(String(report.lastParagraph)).toMatch(/akhir\.$/);
    expect(JSON.stringify(report).length).toBeLessThan(2000);
    expect(countsOf(original).words).toBeGreaterThan(52);
  });
});

describe('keyboard shortcuts', () => {
  it('maps single keys, ignores modified ones, and leaves typing alone', () => {
    expect(actionForKey({ key: '?' })).toBe('help');
    expect(actionForKey({ key: '+' })).toBe('font-larger');
    expect(actionForKey({ key: 'l' })).toBe('listen');
    expect(actionForKey({ key: 'L', shiftKey: true })).toBe('listen-stop');
    expect(actionForKey({ key: 'z', ctrlKey: true })).toBe('undo');
    expect(actionForKey({ key: 'l', ctrlKey: true })).toBeNull();
    expect(actionForKey({ key: 't', altKey: true })).toBeNull();
    expect(actionForKey({ key: 'q' })).toBeNull();
    const input = document.createElement('input');
    expect(isTypingTarget(input)).toBe(true);
    input.type = 'checkbox';
    expect(isTypingTarget(input)).toBe(false);
    expect(isTypingTarget(document.createElement('select'))).toBe(true);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
  });
});

describe('rules export', () => {
  it('is a versioned JSON document of the rules', () => {
    const json = JSON.parse(exportUserRules([{ host: 'kompas.com', body: '.read__content', remove: ['.ads'], updated: '2024-05-02T00:00:00.000Z' }], new Date('2024-06-01T00:00:00Z')));
    expect(json).toEqual({
      format: 'jernih-site-rules',
      version: 1,
      exported: '2024-06-01T00:00:00.000Z',
      rules: [{ host: 'kompas.com', body: '.read__content', remove: ['.ads'], updated: '2024-05-02T00:00:00.000Z' }],
    });
  });
});
