/**
 * Seeded mutations of an input page. Tree mutations work on a parsed copy (the parser is injected: jsdom in the
 * fuzz worker, the test environment's DOMParser in unit tests) and serialize it back; byte-level mutations work on
 * the string, so that what they make (broken tags, mutation-XSS shapes, cut multi-byte characters) reaches the
 * engine's parser exactly as written. The same page, generator and parser always give the same output.
 */
import type { Rng } from './prng';
import { allElements } from './check';
import { HANDLERS, inProse, makePayload, type PayloadKind } from './payloads';
import { embed, figure, formBlock, image, prose, sentence, table, words } from './synth';

export const TREE_MUTATIONS = [
  'delete-subtree', 'duplicate-subtree', 'swap-subtrees', 'move-subtree', 'strip-classes', 'randomize-names',
  'zero-width-rtl', 'hostile-attributes', 'giant-attribute', 'many-images', 'insert-widgets',
] as const;
export const STRING_MUTATIONS = ['inject-payloads', 'break-tags', 'odd-encoding', 'deep-nest', 'repeat-paragraph', 'truncate'] as const;
/**
 * The extreme sizes, one a stress case (every STRESS_EVERY-th case, cycling through these): 5 000-level nesting,
 * a paragraph 20 000 times, 3 000 images, a 1 MB attribute and 5 000 attributes, a 25 000-candidate srcset,
 * 20 000 siblings, a 3 000-row table. Random cases get milder sizes of the same (deep-nest, repeat-paragraph, ...).
 */
export const STRESS_MUTATIONS = [
  'stress-deep-5000', 'stress-repeat-20000', 'stress-images-3000', 'stress-attribute-1mb', 'stress-srcset-25000',
  'stress-unclosed-5000', 'stress-wide-20000', 'stress-table-3000',
] as const;
export type MutationKind = (typeof TREE_MUTATIONS)[number] | (typeof STRING_MUTATIONS)[number] | (typeof STRESS_MUTATIONS)[number];
export const MUTATION_KINDS: readonly MutationKind[] = [...TREE_MUTATIONS, ...STRING_MUTATIONS, ...STRESS_MUTATIONS];
/** Case numbers STRESS_OFFSET, STRESS_OFFSET + STRESS_EVERY, ... are stress cases: each kind once in a default run. */
export const STRESS_EVERY = 375;
export const STRESS_OFFSET = 187;

export function stressKindOf(caseNo: number): MutationKind | null {
  if (caseNo % STRESS_EVERY !== STRESS_OFFSET) return null;
  return STRESS_MUTATIONS[Math.floor(caseNo / STRESS_EVERY) % STRESS_MUTATIONS.length];
}

/** Mutations that make a page much bigger or deeper: at most one a case (they dominate the run time). */
export const HEAVY: ReadonlySet<MutationKind> = new Set(['giant-attribute', 'many-images', 'deep-nest', 'repeat-paragraph']);

const WEIGHTS: readonly (readonly [MutationKind, number])[] = [
  ['inject-payloads', 30], ['hostile-attributes', 10], ['delete-subtree', 8], ['duplicate-subtree', 6], ['swap-subtrees', 6],
  ['move-subtree', 5], ['strip-classes', 5], ['randomize-names', 6], ['zero-width-rtl', 6], ['insert-widgets', 5],
  ['break-tags', 7], ['odd-encoding', 5], ['truncate', 6], ['giant-attribute', 0.1], ['many-images', 0.1], ['deep-nest', 0.1],
  ['repeat-paragraph', 0.1],
];

export type Parse = (html: string) => Document;

export interface Mutated {
  html: string;
  mutations: MutationKind[];
  payloads: PayloadKind[];
}

/** Which mutations a case gets, in the order they apply (tree ones first: they need the page parsed). */
export function planMutations(rng: Rng, maxKinds = 6): MutationKind[] {
  const n = rng.weighted<number>([[0, 10], [1, 30], [2, 30], [3, 18], [4, 7], [5, 3], [maxKinds, 2]]);
  const out: MutationKind[] = [];
  let heavy = false;
  while (out.length < n) {
    const kind = rng.weighted(WEIGHTS);
    if (HEAVY.has(kind)) {
      if (heavy) continue;
      heavy = true;
    }
    out.push(kind);
  }
  const tree = out.filter((k) => (TREE_MUTATIONS as readonly string[]).includes(k));
  const str = out.filter((k) => !(TREE_MUTATIONS as readonly string[]).includes(k));
  return [...tree, ...str];
}

export function serialize(doc: Document): string {
  const dt = doc.doctype;
  const doctype = dt ? `<!DOCTYPE ${dt.name}${dt.publicId ? ` PUBLIC "${dt.publicId}"` : ''}${dt.systemId ? ` "${dt.systemId}"` : ''}>` : '';
  return doctype + (doc.documentElement?.outerHTML ?? '');
}

/** Elements of the body (the body itself excluded), at most `cap` of them spread over the page. */
function elementsOf(doc: Document, cap = 20000): Element[] {
  const all = doc.body ? allElements(doc.body).slice(1) : [];
  if (all.length <= cap) return all;
  const step = all.length / cap;
  return Array.from({ length: cap }, (_, i) => all[Math.floor(i * step)]);
}

const ZERO_WIDTH_RTL = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c', '\u00ad'];

/** Script URLs as attribute values (already decoded: they are set through the DOM). */
const RAW_JS_URLS = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', '\u0000javascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='];
const URL_ATTRS: Record<string, string[]> = {
  a: ['href', 'ping'], area: ['href'], img: ['src', 'srcset', 'data-src', 'lowsrc'], source: ['src', 'srcset'], iframe: ['src'],
  form: ['action'], button: ['formaction'], input: ['formaction', 'src'], video: ['src', 'poster'], audio: ['src'],
  object: ['data'], embed: ['src'], blockquote: ['cite'], q: ['cite'], link: ['href'], table: ['background'], td: ['background'],
};

function treeMutation(kind: MutationKind, doc: Document, rng: Rng, payloads: PayloadKind[]): void {
  const els = elementsOf(doc);
  const some = () => (els.length ? rng.pick(els) : null);
  const fragment = (html: string): DocumentFragment => {
    const t = doc.createElement('template');
    t.innerHTML = html;
    return t.content;
  };
  switch (kind) {
    case 'delete-subtree':
      for (let i = rng.range(1, 6); i > 0; i--) some()?.remove();
      return;
    case 'duplicate-subtree':
      for (let i = rng.range(1, 3); i > 0; i--) {
        const el = some();
        if (!el?.parentNode) continue;
        for (let c = rng.range(1, 4); c > 0; c--) el.after(el.cloneNode(true));
      }
      return;
    case 'swap-subtrees': {
      for (let i = rng.range(1, 4); i > 0; i--) {
        const a = some();
        const b = some();
        if (!a?.parentNode || !b?.parentNode || a === b || a.contains(b) || b.contains(a)) continue;
        const mark = doc.createComment('');
        a.replaceWith(mark);
        b.replaceWith(a);
        mark.replaceWith(b);
      }
      return;
    }
    case 'move-subtree': {
      for (let i = rng.range(1, 4); i > 0; i--) {
        const el = some();
        const into = some();
        if (!el || !into || el === into || el.contains(into)) continue;
        const kids = into.childNodes;
        into.insertBefore(el, kids.length ? kids[rng.int(kids.length)] : null);
      }
      return;
    }
    case 'strip-classes': {
      const ids = rng.chance(0.5);
      for (const el of allElements(doc.documentElement)) {
        el.removeAttribute('class');
        if (ids) el.removeAttribute('id');
      }
      return;
    }
    case 'randomize-names': {
      // A consistent renaming (the page still hangs together), or misleading names: content called "comment".
      const map = new Map<string, string>();
      const misleading = rng.chance(0.4);
      const BAD = ['comment', 'sidebar', 'footer', 'ad', 'share', 'related', 'hidden', 'menu', 'promo', 'article', 'content', 'main'];
      const rename = (name: string) => {
        if (!map.has(name)) map.set(name, misleading ? rng.pick(BAD) : rng.ident());
        return map.get(name)!;
      };
      for (const el of allElements(doc.documentElement)) {
        const cls = el.getAttribute('class');
        if (cls) el.setAttribute('class', cls.split(/\s+/).filter(Boolean).map(rename).join(' '));
        const id = el.getAttribute('id');
        if (id) el.setAttribute('id', rename(id));
      }
      return;
    }
    case 'zero-width-rtl': {
      const walker = doc.createTreeWalker(doc.documentElement, 4 /* SHOW_TEXT */);
      const share = rng.pick([0.05, 0.3, 1]);
      const texts: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      for (const t of texts) {
        if (!rng.chance(share) || !t.data) continue;
        let s = '';
        for (const ch of t.data) s += ch + (rng.chance(0.1) ? rng.pick(ZERO_WIDTH_RTL) : '');
        t.data = rng.chance(0.2) ? `\u202e${s}\u202c` : s;
      }
      // Through the Attr: a name the parser accepted may be one setAttribute rejects ("a<b").
      if (rng.chance(0.3)) for (const el of els.slice(0, 200)) for (const a of Array.from(el.attributes)) a.value += rng.pick(ZERO_WIDTH_RTL);
      return;
    }
    case 'hostile-attributes': {
      const targets = [doc.documentElement, doc.body, ...els].filter(Boolean) as Element[];
      for (let i = rng.range(3, 40); i > 0 && targets.length; i--) {
        const el = rng.pick(targets);
        const tag = el.localName;
        const urlAttrs = URL_ATTRS[tag];
        if (urlAttrs && rng.chance(0.6)) {
          const attr = rng.pick(urlAttrs);
          const url = rng.pick(RAW_JS_URLS);
          el.setAttribute(attr, attr.endsWith('srcset') ? `${url} 1x, https://example.com/x.jpg 2x` : url);
          payloads.push('js-url');
        } else if (tag === 'a' && el.namespaceURI === 'http://www.w3.org/2000/svg') {
          el.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', 'javascript:alert(1)');
          payloads.push('js-url');
        } else {
          const name = rng.pick(HANDLERS).toLowerCase();
          el.setAttribute(name, 'alert(1)');
          payloads.push('on-handler');
        }
        if (rng.chance(0.1)) {
          el.setAttribute('style', rng.pick(['width:expression(alert(1))', 'background:url(javascript:alert(1))', 'behavior:url(x.htc)']));
          payloads.push('css');
        }
      }
      return;
    }
    case 'giant-attribute': {
      const el = some() ?? doc.body ?? doc.documentElement;
      const size = rng.pick([30_000, 100_000, 300_000]);
      const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
      const which = rng.pick(['class', 'id', 'data-src', 'srcset', 'style', 'href', 'alt', 'title', 'many']);
      if (which === 'many') {
        for (let i = 0, n = rng.pick([200, 1000]); i < n; i++) el.setAttribute(`data-a${i}`, `v${i}`);
      } else if (which === 'srcset') {
        const n = Math.floor(size / 40);
        el.setAttribute('srcset', Array.from({ length: n }, (_, i) => `https://i.example/${i}.jpg ${i + 1}w`).join(', '));
      } else {
        el.setAttribute(which, fill(which === 'class' ? 'content article x ' : which === 'style' ? 'color:red;' : which === 'href' ? 'https://example.com/aaaaaaaa' : 'a '));
      }
      return;
    }
    case 'many-images': {
      const box = some() ?? doc.body;
      if (!box) return;
      const n = rng.pick([100, 300, 1000]);
      let html = '';
      for (let i = 0; i < n; i++) html += rng.chance(0.3) ? figure(rng) : image(rng);
      box.append(fragment(html));
      return;
    }
    case 'insert-widgets': {
      for (let i = rng.range(1, 8); i > 0; i--) {
        const box = some() ?? doc.body;
        if (!box) return;
        const w = rng.pick([() => table(rng), () => embed(rng), () => formBlock(rng), () => figure(rng), () => `<iframe src="https://www.youtube.com/embed/${rng.ident(11)}"></iframe>`]);
        box.append(fragment(w()));
      }
      return;
    }
    default:
      throw new Error(`not a tree mutation: ${kind}`);
  }
}

/** A random index just after a tag in the body (or anywhere, sometimes): where inserted markup goes. */
function insertionPoint(html: string, rng: Rng, bodyStart: number): number {
  if (!html.length) return 0;
  const from = bodyStart + rng.int(Math.max(1, html.length - bodyStart));
  if (rng.chance(0.15)) {
    const gt = html.indexOf('>', from);
    return gt < 0 ? html.length : gt + 1;
  }
  let best = -1;
  for (const closer of ['</p>', '</div>', '</li>', '</figure>', '</h2>', '</section>', '</td>']) {
    const i = html.indexOf(closer, from);
    if (i >= 0 && (best < 0 || i < best)) best = i + closer.length;
  }
  return best < 0 ? html.length : best;
}

const bodyStartOf = (html: string): number => {
  const m = /<body[^>]*>/i.exec(html);
  return m ? m.index + m[0].length : 0;
};

function headPoint(html: string, rng: Rng): number {
  const m = /<head[^>]*>/i.exec(html);
  if (m && rng.chance(0.6)) return m.index + m[0].length;
  const end = html.search(/<\/head>/i);
  if (end >= 0) return end;
  return 0;
}

const insertAt = (html: string, at: number, text: string): string => html.slice(0, at) + text + html.slice(at);

function stringMutation(kind: MutationKind, html: string, rng: Rng, payloads: PayloadKind[]): string {
  const text = () => sentence(rng);
  switch (kind) {
    case 'inject-payloads': {
      const n = rng.weighted<number>([[1, 40], [rng.range(2, 5), 40], [rng.range(6, 20), 20]]);
      for (let i = 0; i < n; i++) {
        const p = makePayload(rng, text);
        payloads.push(p.kind);
        const placed = inProse(rng, p, text);
        const at = p.where === 'head' && rng.chance(0.85) ? headPoint(html, rng) : insertionPoint(html, rng, bodyStartOf(html));
        html = insertAt(html, at, placed);
      }
      return html;
    }
    case 'break-tags': {
      for (let i = rng.range(1, 10); i > 0; i--) {
        if (rng.chance(0.4)) {
          // Drop a closing tag.
          const from = rng.int(html.length + 1);
          const m = /<\/[a-z][a-z0-9]*\s*>/gi;
          m.lastIndex = from;
          const hit = m.exec(html);
          if (hit) html = html.slice(0, hit.index) + html.slice(hit.index + hit[0].length);
          continue;
        }
        const junk = rng.pick(['<div>', '<p>', '<table>', '<td>', '<a href="/x">', '<b><i>', '<li>', '<select>', '<textarea>', '<title>', '<xmp>', '<noembed>', '<noframes>', '<plaintext>', '<!--', '<![CDATA[', '<', '<p class="', '<img src="', '</body>', '</html>', '<body onload=alert(1)>', '<html>', '<frameset>', '<svg>', '<math>', '<form>', '<option>', '<h1>', '<style>', '<script>', '<iframe>', '<noscript>', '<template>']);
        html = insertAt(html, rng.int(html.length + 1), junk);
        if (junk.includes('onload')) payloads.push('on-handler');
      }
      return html;
    }
    case 'odd-encoding': {
      const how = rng.pick(['sprinkle', 'mojibake', 'charset', 'bom', 'entities']);
      if (how === 'sprinkle') {
        const odd = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001f', '\u007f', '\u0085', '\u009f', '\ud800', '\udc00', '\uffff', '\ufffe', '\ufffd', '\u2028', '\u2029', '\r', '\r\n'];
        for (let i = rng.range(5, 200); i > 0; i--) html = insertAt(html, rng.int(html.length + 1), rng.pick(odd));
      } else if (how === 'mojibake') {
        // A stretch of the page read as Latin-1 from its UTF-8 bytes, as a page served with the wrong charset is.
        const from = rng.int(html.length + 1);
        const to = Math.min(html.length, from + rng.range(100, 20000));
        html = html.slice(0, from) + Buffer.from(html.slice(from, to), 'utf8').toString('latin1') + html.slice(to);
      } else if (how === 'charset') {
        const label = rng.pick(['utf-16', 'UTF-16LE', 'x-user-defined', 'iso-2022-jp', 'bogus', 'utf-7', 'windows-1252', '']);
        html = html.replace(/<meta[^>]*charset[^>]*>/gi, '');
        html = insertAt(html, headPoint(html, rng), `<meta charset="${label}"><meta http-equiv="Content-Type" content="text/html; charset=${label}">`);
      } else if (how === 'bom') {
        html = rng.pick(['\ufeff', '\ufeff\ufeff', '\ufffe', '\u0000\u0000']) + html;
      } else {
        const ents = ['&#0;', '&#x0;', '&#xD800;', '&#xDFFF;', '&#x110000;', '&#99999999999;', '&#128;', '&#x9F;', '&#65534;', '&amp', '&ltscript&gt', '&#x;', '&#;', '&nosuch;', '&NotNestedGreaterGreater;', '&#x0000000041;'];
        for (let i = rng.range(5, 100); i > 0; i--) {
          const at = insertionPoint(html, rng, bodyStartOf(html));
          html = insertAt(html, at, rng.pick(ents));
        }
      }
      return html;
    }
    case 'deep-nest': {
      const depth = rng.weighted<number>([[50, 3], [200, 3], [500, 2], [1000, 1]]);
      const tag = rng.pick(['div', 'div', 'span', 'section', 'blockquote', 'b', 'i', 'a', 'p', 'ul><li', 'table><tr><td', 'font', 'svg', 'math']);
      const open = `<${tag}>`.repeat(depth);
      const close = tag.split('><').reverse().map((t) => `</${t}>`).join('').repeat(depth);
      const start = bodyStartOf(html);
      const a = insertionPoint(html, rng, start);
      const inner = rng.chance(0.5) ? `<p>${prose(rng)}</p>`.repeat(rng.range(1, 10)) : '';
      const closed = rng.chance(0.7);
      return insertAt(html, a, open + inner + (closed ? close : ''));
    }
    case 'repeat-paragraph': {
      const times = rng.weighted<number>([[200, 2], [1000, 2], [2000, 1]]);
      const found = /<p[\s>][\s\S]{20,400}?<\/p>/i.exec(html.slice(rng.int(Math.max(1, html.length - 2000))));
      const p = found && rng.chance(0.7) ? found[0] : `<p>${prose(rng, 2)}</p>`;
      const at = insertionPoint(html, rng, bodyStartOf(html));
      return insertAt(html, at, p.repeat(times));
    }
    case 'truncate': {
      const bytes = Buffer.from(html, 'utf8');
      const at = rng.chance(0.5) ? rng.int(bytes.length + 1) : bytes.length - rng.int(Math.min(bytes.length, 4000) + 1);
      // A cut inside a multi-byte character decodes to U+FFFD, as a browser shows a cut download.
      return bytes.subarray(0, at).toString('utf8');
    }
    default:
      throw new Error(`not a string mutation: ${kind}`);
  }
}

function stressMutation(kind: MutationKind, html: string, rng: Rng): string {
  const at = insertionPoint(html, rng, bodyStartOf(html));
  const para = `<p>${prose(rng, 2)}</p>`;
  switch (kind) {
    case 'stress-deep-5000':
      return insertAt(html, at, `${'<div>'.repeat(5000)}${para.repeat(5)}${'</div>'.repeat(5000)}`);
    case 'stress-unclosed-5000':
      return insertAt(html, at, `${Array.from({ length: 5000 }, (_, i) => ['<section>', '<blockquote>', '<b>', '<a href="/x">', '<span>'][i % 5]).join('')}${para.repeat(5)}`);
    case 'stress-repeat-20000':
      return insertAt(html, at, para.repeat(20000));
    case 'stress-images-3000': {
      let out = '';
      for (let i = 0; i < 3000; i++) out += rng.chance(0.3) ? figure(rng) : image(rng);
      return insertAt(html, at, out);
    }
    case 'stress-attribute-1mb': {
      const many = Array.from({ length: 5000 }, (_, i) => ` data-a${i}="v${i}"`).join('');
      return insertAt(html, at, `<div class="${'content article x '.repeat(60000)}"${many}>${para}</div>`);
    }
    case 'stress-srcset-25000':
      return insertAt(html, at, `<figure><img src="https://i.example/0.jpg" srcset="${Array.from({ length: 25000 }, (_, i) => `https://i.example/${i}.jpg ${i + 1}w`).join(', ')}"><figcaption>${words(rng, 5)}</figcaption></figure>`);
    case 'stress-wide-20000':
      return insertAt(html, at, `<div>${Array.from({ length: 20000 }, () => `<span>${words(rng, 1)}</span>`).join(' ')}</div>`);
    case 'stress-table-3000':
      return insertAt(html, at, table(rng, 3000, 6));
    default:
      throw new Error(`not a stress mutation: ${kind}`);
  }
}

/** Applies `kinds` in order. Tree mutations share one parse; the page is serialized before the first string one. */
export function applyMutations(html: string, kinds: readonly MutationKind[], rng: Rng, parse: Parse): Mutated {
  const payloads: PayloadKind[] = [];
  let doc: Document | null = null;
  for (const kind of kinds) {
    if ((TREE_MUTATIONS as readonly string[]).includes(kind)) {
      doc ??= parse(html);
      treeMutation(kind, doc, rng, payloads);
    } else {
      if (doc) {
        html = serialize(doc);
        doc = null;
      }
      html = (STRESS_MUTATIONS as readonly string[]).includes(kind) ? stressMutation(kind, html, rng) : stringMutation(kind, html, rng, payloads);
    }
  }
  if (doc) html = serialize(doc);
  return { html, mutations: [...kinds], payloads };
}

/** Plans and applies a case's mutations; a stress case gets its stress mutation after them. */
export function mutate(html: string, rng: Rng, parse: Parse, stress: MutationKind | null = null): Mutated {
  return applyMutations(html, [...planMutations(rng), ...(stress ? [stress] : [])], rng, parse);
}

