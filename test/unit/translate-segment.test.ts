/**
 * Blocks out of the reader DOM and translations back in: links keep the page's addresses whatever the provider
 * returns, bold and italics stay, images and code come back untouched, and provider output is sanitized.
 */
import { describe, expect, it } from 'vitest';
import { toFragment } from '@/utils/sanitize';
import {
  applyTranslation, markupFromText, orderForTranslation, segmentBlocks, toSegment, type Block,
} from '@/utils/translate/segment';

/** A container built from trusted test markup, through the project's one HTML-to-DOM path. */
function article(html: string): HTMLElement {
  const root = document.createElement('article');
  root.appendChild(toFragment(html, document));
  return root;
}

function holder(fragment: DocumentFragment): HTMLElement {
  const div = document.createElement('div');
  div.appendChild(fragment);
  return div;
}

const ARTICLE = `
  <h1>Toll road opens</h1>
  <p>The president opened a new <b>toll road</b> in <a href="https://x.example/jawa" title="Java">Central Java</a>.</p>
  <ul><li>First <i>item</i></li><li>Second item<ul><li>Nested item</li></ul></li></ul>
  <blockquote><p>We are <em>ready</em>, he said.</p></blockquote>
  <figure><img src="https://x.example/a.jpg" alt="road"><figcaption>The new road</figcaption></figure>
  <table><tbody><tr><th>City</th><td>Semarang</td><td>2024</td></tr></tbody></table>
  <pre><code>npm install</code></pre>
  <p translate="no">Brand Name Stays</p>
  <p>Run <code>npm test</code> now<br>then rest.</p>
  <p><img src="https://x.example/only.jpg" alt=""></p>
`;

describe('segmentBlocks', () => {
  const blocks = segmentBlocks(article(ARTICLE));
  const byText = (t: string): Block => blocks.find((b) => b.text.startsWith(t))!;

  it('finds headings, paragraphs, list items, quotes, captions and table cells, in order', () => {
    expect(blocks.map((b) => [b.element.localName, b.text])).toEqual([
      ['h1', 'Toll road opens'],
      ['p', 'The president opened a new toll road in Central Java.'],
      ['li', 'First item'],
      ['li', 'Second item'],
      ['li', 'Nested item'],
      ['p', 'We are ready, he said.'],
      ['figcaption', 'The new road'],
      ['th', 'City'],
      ['td', 'Semarang'],
      ['p', 'Run npm test now\nthen rest.'],
    ]);
    expect(blocks.map((b) => b.id)).toEqual(blocks.map((_, i) => `b${i}`));
  });

  it('leaves out code listings, translate="no", numbers and lone images', () => {
    const texts = blocks.map((b) => b.text).join('|');
    expect(texts).not.toContain('npm install');
    expect(texts).not.toContain('Brand Name');
    expect(texts).not.toContain('2024');
  });

  it('encodes inline markup as marker tags with no addresses or attributes', () => {
    const p = byText('The president');
    expect(p.html).toBe('The president opened a new <b id="t0">toll road</b> in <a id="t1">Central Java</a>.');
    expect(p.html).not.toContain('x.example');
    expect(p.runs).toEqual([
      { id: 't0', tag: 'b', kind: 'format', text: 'toll road' },
      { id: 't1', tag: 'a', kind: 'format', text: 'Central Java' },
    ]);
    expect(p.whole).toBe(true);
  });

  it('sends code and images as placeholders and keeps line breaks', () => {
    const p = byText('Run');
    expect(p.html).toBe('Run <img id="t0"> now<br>then rest.');
    expect(p.runs[0]).toMatchObject({ tag: 'code', kind: 'opaque', text: 'npm test' });
  });

  it('splits a list item with a nested list into its own text and the nested items', () => {
    const outer = byText('Second item');
    expect(outer.whole).toBe(false);
    expect(outer.nodes.map((n) => n.textContent)).toEqual(['Second item']);
  });

  it('is plain data once converted for a message', () => {
    const seg = toSegment(byText('The president'));
    expect(JSON.parse(JSON.stringify(seg))).toEqual(seg);
    expect(Object.keys(seg).sort()).toEqual(['html', 'id', 'runs', 'text']);
  });
});

describe('applyTranslation', () => {
  const root = article(
    '<p>The president opened a new <b>toll road</b> in <a href="https://x.example/jawa" title="Java">Central Java</a>, <i>they</i> said.</p>',
  );
  const [block] = segmentBlocks(root);

  it('rebuilds links, bold and italics around the translated text', () => {
    const { fragment, missing } = applyTranslation(
      block,
      'El presidente abrió una carretera <b id="t0">de peaje nueva</b> en <a id="t1">Java Central</a>, dijeron <i id="t2">ellos</i>.',
    );
    const out = holder(fragment);
    expect(out.textContent).toBe('El presidente abrió una carretera de peaje nueva en Java Central, dijeron ellos.');
    expect(out.querySelector('b')?.textContent).toBe('de peaje nueva');
    expect(out.querySelector('i')?.textContent).toBe('ellos');
    const a = out.querySelector('a')!;
    expect(a.textContent).toBe('Java Central');
    expect(a.getAttribute('href')).toBe('https://x.example/jawa');
    expect(a.getAttribute('title')).toBe('Java');
    expect(out.querySelector('[id]')).toBeNull();
    expect(missing).toEqual([]);
  });

  it('takes hrefs from the original, never from the provider', () => {
    const { fragment } = applyTranslation(block, 'Texto <b id="t0">negrita</b> <a id="t1" href="https://evil.example/">enlace</a> <i id="t2">x</i>');
    const a = holder(fragment).querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://x.example/jawa');
  });

  it('matches a link whose marker the provider dropped or mangled, in order', () => {
    const { fragment, missing } = applyTranslation(block, 'Texto <b>negrita</b> <a href="https://evil.example/" id="zz">enlace</a> <i id="t2">x</i>');
    const out = holder(fragment);
    expect(out.querySelector('a')?.getAttribute('href')).toBe('https://x.example/jawa');
    expect(out.querySelector('b')?.textContent).toBe('negrita');
    expect(missing).toEqual(['t0']); // the bold came back bare: kept as bold, but not matched
  });

  it('never lets a provider add a link of its own', () => {
    const [plain] = segmentBlocks(article('<p>No links here.</p>'));
    const out = holder(applyTranslation(plain, 'Sin <a href="https://evil.example/">enlaces</a> aquí.').fragment);
    expect(out.querySelector('a')).toBeNull();
    expect(out.textContent).toBe('Sin enlaces aquí.');
  });

  it('appends a link the provider lost, so no address disappears', () => {
    const { fragment, missing, simplified } = applyTranslation(block, 'El presidente abrió una carretera nueva.');
    const out = holder(fragment);
    expect(missing).toEqual(['t0', 't1', 't2']);
    expect(simplified).toBe(true);
    expect(out.querySelector('a')?.getAttribute('href')).toBe('https://x.example/jawa');
    expect(out.querySelectorAll('a')).toHaveLength(1);
  });

  it('sanitizes provider output: no scripts, handlers, styles or javascript: URLs', () => {
    const evil =
      '<img id="t9" src=x onerror="alert(1)"><script>alert(2)</script><b id="t0" onclick="alert(3)" style="color:red">negrita</b>' +
      '<a id="t1" href="javascript:alert(4)">enlace</a><iframe src="https://evil.example/"></iframe><svg><script>alert(5)</script></svg>' +
      '<form><input value="x"></form><i id="t2" class="c">y</i>';
    const out = holder(applyTranslation(block, evil).fragment);
    const html = out.innerHTML;
    expect(html).not.toMatch(/script|onerror|onclick|style=|javascript:|iframe|evil\.example|<form|<input|<svg|<img/i);
    expect(out.querySelector('a')?.getAttribute('href')).toBe('https://x.example/jawa');
    expect(out.querySelector('b')?.getAttributeNames()).toEqual([]);
    expect(out.querySelector('i')?.getAttributeNames()).toEqual([]);
  });

  it('treats text that looks like markup in the original as text', () => {
    const [b] = segmentBlocks(article('<p>Use &lt;b&gt; for bold &amp; more.</p>'));
    expect(b.html).toBe('Use &lt;b&gt; for bold &amp; more.');
    expect(b.text).toBe('Use <b> for bold & more.');
  });

  it('puts images and code back untouched, once, even if the provider repeats or moves the placeholder', () => {
    const [b] = segmentBlocks(article('<p>See <img src="https://x.example/p.jpg" alt="photo"> and run <code>make all</code>.</p>'));
    expect(b.html).toBe('See <img id="t0"> and run <img id="t1">.');
    const out = holder(applyTranslation(b, 'Ejecute <img id="t1"> y vea <img id="t0"><img id="t0">.').fragment);
    expect(out.querySelectorAll('img')).toHaveLength(1);
    expect(out.querySelector('img')?.getAttribute('src')).toBe('https://x.example/p.jpg');
    expect(out.querySelector('code')?.textContent).toBe('make all');
    expect(out.textContent).toBe('Ejecute make all y vea .');
  });

  it('keeps formatting a provider split in two (Apertium with transfuse does this)', () => {
    const out = holder(
      applyTranslation(block, 'El presidente abrió una <b id="t0">carretera</b> de <b id="t0">peaje</b> nueva en <a id="t1">Central Java</a>, <i id="t2">dijeron</i>.').fragment,
    );
    expect([...out.querySelectorAll('b')].map((b) => b.textContent)).toEqual(['carretera', 'peaje']);
    expect(out.querySelector('a')?.getAttribute('href')).toBe('https://x.example/jawa');
  });

  it('keeps nested markup (a link inside bold)', () => {
    const [b] = segmentBlocks(article('<p>Read <b>the <a href="https://x.example/r">report</a></b> today.</p>'));
    expect(b.html).toBe('Read <b id="t0">the <a id="t1">report</a></b> today.');
    const out = holder(applyTranslation(b, 'Lea hoy <b id="t0">el <a id="t1">informe</a></b>.').fragment);
    expect(out.querySelector('b > a')?.getAttribute('href')).toBe('https://x.example/r');
  });
});

describe('markupFromText (text-only providers)', () => {
  const [block] = segmentBlocks(
    article('<p>The president opened a new <b>toll road</b> in <a href="https://x.example/jawa">Central Java</a>.</p>'),
  );

  it('finds each translated run in the translated block and marks it', () => {
    const html = markupFromText(block, 'El presidente abrió una nueva carretera de peaje en Java Central.', ['Carretera de peaje.', 'Java Central']);
    expect(html).toBe('El presidente abrió una nueva <b id="t0">carretera de peaje</b> en <a id="t1">Java Central</a>.');
    const out = holder(applyTranslation(block, html).fragment);
    expect(out.querySelector('a')?.getAttribute('href')).toBe('https://x.example/jawa');
  });

  it('escapes the translated text and leaves runs it cannot find to applyTranslation', () => {
    const html = markupFromText(block, 'A < B & "C"', ['x', 'y']);
    expect(html).toBe('A &lt; B &amp; "C"');
    const { fragment, missing } = applyTranslation(block, html);
    expect(holder(fragment).textContent).toBe('A < B & "C" Central Java');
    expect(missing).toEqual(['t0', 't1']);
  });
});

describe('orderForTranslation', () => {
  it('puts visible blocks first and keeps document order within each group', () => {
    const items = ['b0', 'b1', 'b2', 'b3', 'b4'].map((id) => ({ id }));
    expect(orderForTranslation(items, ['b3', 'b2']).map((i) => i.id)).toEqual(['b2', 'b3', 'b0', 'b1', 'b4']);
    expect(orderForTranslation(items).map((i) => i.id)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
  });
});
