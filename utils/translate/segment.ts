/**
 * The article DOM as blocks to translate, and translations back into DOM.
 *
 * Encoding (the Mozilla firefox-translations approach, notes/translation.md §4): each block's inline content is
 * written out with every kept element reduced to `<tag id="tN">` and nothing else — no href, no class. HTML-aware
 * providers (LibreTranslate format=html, DeepL tag_handling=html, Apertium's HTML deformatter) keep tags and
 * their attributes while translating the text around them, and may move them (Apertium turns "said <b>prices</b>"
 * into "dijo <b>que los precios</b>"). On the way back the output is sanitized (utils/sanitize.ts, the one
 * sanitizer) and every element is rebuilt from the ORIGINAL element its marker names: addresses never come from
 * the provider, and neither does any attribute. The marker is `id` because the sanitizer keeps `id` and drops
 * data-* attributes (ALLOW_DATA_ATTR: false).
 *
 * No HTML string is parsed here: encoding walks the DOM and writes a string; decoding goes through toFragment.
 */
import { toFragment } from '../sanitize';
import type { InlineRun, Segment } from './types';

/** Inline formatting that survives translation, as the same tag rebuilt from the original element. */
const FORMAT_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 'u', 's', 'mark', 'small', 'sub', 'sup', 'q', 'cite', 'abbr', 'dfn', 'ins', 'del',
]);
/** Inline elements whose content is not text to translate: sent as a placeholder, put back untouched. */
const OPAQUE_TAGS = new Set([
  'img', 'picture', 'svg', 'math', 'code', 'kbd', 'samp', 'var', 'tt', 'video', 'audio', 'canvas', 'iframe',
  'object', 'embed', 'input', 'button', 'select', 'textarea', 'meter', 'progress', 'output', 'ruby',
]);
/** Inline wrappers that carry no meaning in the reader view: their text is kept, the tag is not. */
const UNWRAP_TAGS = new Set(['span', 'font', 'label', 'time', 'data', 'bdi', 'bdo', 'big', 'nobr']);
/** Block-level elements whose content is never translated (code listings, scripts). */
const SKIP_TAGS = new Set(['pre', 'script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'textarea', 'select']);
/** The placeholder for an opaque element: a void tag, which every HTML-aware provider copies through. */
const PLACEHOLDER = 'img';
const MARKER = /^t\d+$/;
const LETTER = /\p{L}/u;

/** A block of the live (reader) DOM: a Segment plus the nodes it came from. Not serializable: see toSegment. */
export interface Block extends Segment {
  /** The block-level element the block belongs to; its tag says what the block is (p, h2, li, td, ...). */
  element: Element;
  /** The inline nodes the block is made of, in order. */
  nodes: Node[];
  /** True when `nodes` are all of `element`'s children, so the UI can swap the element's content whole. */
  whole: boolean;
  /** The original element behind each marker id. */
  refs: Map<string, { element: Element; kind: InlineRun['kind'] }>;
}

function isNoTranslate(el: Element): boolean {
  // HTML's translate attribute, and Google's long-standing class that sites already use for the same purpose.
  return el.getAttribute('translate') === 'no' || el.classList.contains('notranslate');
}

function isInline(node: Node): boolean {
  if (node.nodeType !== 1) return node.nodeType === 3 || node.nodeType === 8;
  const tag = (node as Element).localName;
  return FORMAT_TAGS.has(tag) || OPAQUE_TAGS.has(tag) || UNWRAP_TAGS.has(tag) || tag === 'br' || tag === 'wbr';
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Writes one run of inline nodes as marker HTML and plain text, collapsing whitespace across node boundaries. */
class Encoder {
  html = '';
  text = '';
  runs: InlineRun[] = [];
  refs: Block['refs'] = new Map();
  /** Whether any text outside opaque elements has a letter: a lone image or code has nothing to translate. */
  letters = false;
  private space = true; // at the start, leading whitespace is dropped
  private next = 0;

  private emitText(raw: string): void {
    let s = raw.replace(/\s+/g, ' ');
    if (this.space && s.startsWith(' ')) s = s.slice(1);
    if (!s) return;
    this.html += escapeText(s);
    this.text += s;
    this.space = s.endsWith(' ');
    this.letters ||= LETTER.test(s);
  }

  private mark(el: Element, kind: InlineRun['kind'], depth: number): string {
    const id = `t${this.next++}`;
    this.refs.set(id, { element: el, kind });
    if (depth === 0) {
      this.runs.push({ id, tag: el.localName, kind, text: (el.textContent ?? '').replace(/\s+/g, ' ').trim() });
    }
    return id;
  }

  nodes(nodes: ArrayLike<Node>, depth = 0): void {
    for (const node of Array.from(nodes)) {
      if (node.nodeType === 3) {
        this.emitText((node as Text).data);
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      const tag = el.localName;
      if (tag === 'br') {
        this.html += '<br>';
        this.text += '\n';
        this.space = true;
      } else if (tag === 'wbr') {
        continue;
      } else if (OPAQUE_TAGS.has(tag) || isNoTranslate(el)) {
        const id = this.mark(el, 'opaque', depth);
        this.html += `<${PLACEHOLDER} id="${id}">`;
        // Plain text keeps what a reader sees of it (code names), so text-only providers get the whole sentence.
        const seen = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
        this.text += seen;
        // The placeholder stands for something visible: the space after it is kept.
        this.space = false;
      } else if (FORMAT_TAGS.has(tag)) {
        const id = this.mark(el, 'format', depth);
        this.html += `<${tag} id="${id}">`;
        this.nodes(el.childNodes, depth + 1);
        this.html += `</${tag}>`;
      } else {
        this.nodes(el.childNodes, depth);
      }
    }
  }

  finish(): { html: string; text: string } {
    return { html: this.html.replace(/\s+$/, ''), text: this.text.replace(/ {2,}/g, ' ').trim() };
  }
}

/**
 * The translatable blocks under `root`, in document order: every run of inline content (text, links, bold, ...)
 * inside a block-level element (p, h1-h6, li, blockquote, figcaption, td, th, dd, ...). A list item holding text
 * and a nested list gives one block for its own text and one per nested item. Runs with no letters (numbers,
 * an image alone) are left out: there is nothing to translate. Code listings and anything marked
 * translate="no" stay as they are.
 */
export function segmentBlocks(root: Element): Block[] {
  const blocks: Block[] = [];

  const addRun = (container: Element, run: Node[]): void => {
    const enc = new Encoder();
    enc.nodes(run);
    if (!enc.letters) return;
    const { html, text } = enc.finish();
    blocks.push({
      id: `b${blocks.length}`,
      html,
      text,
      runs: enc.runs,
      element: container,
      nodes: run,
      whole: run.length === container.childNodes.length,
      refs: enc.refs,
    });
  };

  const visit = (container: Element): void => {
    let run: Node[] = [];
    for (const child of Array.from(container.childNodes)) {
      if (isInline(child)) {
        run.push(child);
        continue;
      }
      if (run.length) addRun(container, run);
      run = [];
      const el = child as Element;
      if (!SKIP_TAGS.has(el.localName) && !isNoTranslate(el)) visit(el);
    }
    if (run.length) addRun(container, run);
  };

  if (!SKIP_TAGS.has(root.localName) && !isNoTranslate(root)) visit(root);
  return blocks;
}

/** The serializable part of a block, for messages to wherever the provider runs. */
export function toSegment(block: Segment): Segment {
  return { id: block.id, html: block.html, text: block.text, runs: block.runs };
}

export interface AppliedTranslation {
  /** Sanitized translated content, ready to put in place of `block.nodes` (or beside them). */
  fragment: DocumentFragment;
  /** Marker ids the provider lost. Lost links and images were appended at the end, so none disappears. */
  missing: string[];
  /** Some formatting could not be placed: the UI may flag "formatting simplified". */
  simplified: boolean;
}

/**
 * Rebuilds a block from a provider's translated marker HTML. The output is sanitized first; then each element is
 * rebuilt: a marked element becomes a shallow copy of the original (so href, title... come from the page, never
 * from the provider) holding the translated content; an opaque placeholder becomes a deep copy of the original
 * image or code. A link or image that lost its marker id is matched to the next unused original of the same
 * kind, in order. Unmarked bold/italic the provider added are kept bare; any other element is unwrapped to its
 * text (a provider-made <a> never becomes a link).
 */
export function applyTranslation(block: Block, translatedHtml: string, doc: Document = block.element.ownerDocument): AppliedTranslation {
  const clean = toFragment(translatedHtml, doc);
  const out = doc.createDocumentFragment();
  const used = new Set<string>();
  const inOrder = [...block.refs.entries()];

  const nextUnused = (match: (ref: { element: Element; kind: InlineRun['kind'] }) => boolean): string | undefined =>
    inOrder.find(([id, ref]) => !used.has(id) && match(ref))?.[0];

  const rebuild = (src: Node, dest: Node): void => {
    for (const node of Array.from(src.childNodes)) {
      if (node.nodeType === 3) {
        dest.appendChild(doc.createTextNode((node as Text).data));
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      const tag = el.localName;
      const marker = el.getAttribute('id') ?? '';
      let id = MARKER.test(marker) && block.refs.has(marker) ? marker : undefined;
      if (!id && tag === 'a') id = nextUnused((r) => r.element.localName === 'a');
      if (!id && tag === PLACEHOLDER) id = nextUnused((r) => r.kind === 'opaque');
      const ref = id ? block.refs.get(id) : undefined;
      if (id && ref) {
        if (ref.kind === 'opaque') {
          // Put an image back once, even if the provider repeated its placeholder.
          if (!used.has(id)) dest.appendChild(ref.element.cloneNode(true));
          used.add(id);
          continue;
        }
        used.add(id);
        const copy = ref.element.cloneNode(false) as Element;
        dest.appendChild(copy);
        rebuild(el, copy);
      } else if (tag === 'br') {
        dest.appendChild(doc.createElement('br'));
      } else if (FORMAT_TAGS.has(tag) && tag !== 'a') {
        const copy = doc.createElement(tag);
        dest.appendChild(copy);
        rebuild(el, copy);
      } else {
        rebuild(el, dest);
      }
    }
  };
  rebuild(clean, out);

  const missing = inOrder.filter(([id]) => !used.has(id)).map(([id]) => id);
  for (const id of missing) {
    const ref = block.refs.get(id)!;
    // A lost link or image still reaches the reader: appended after the text, as it was in the original.
    if (ref.kind === 'opaque' || ref.element.localName === 'a') {
      if (isInside(ref.element, missing, block)) continue;
      out.appendChild(doc.createTextNode(' '));
      out.appendChild(ref.element.cloneNode(true));
    }
  }
  return { fragment: out, missing, simplified: missing.length > 0 };
}

/** Whether a missing element sits inside another missing link or image that is appended whole anyway. */
function isInside(el: Element, missing: string[], block: Block): boolean {
  return missing.some((id) => {
    const other = block.refs.get(id)!;
    return other.element !== el && other.element.contains(el) && (other.kind === 'opaque' || other.element.localName === 'a');
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * For text-only providers (Chrome's Translator takes plain strings): marker HTML from the translated plain text
 * of a block and the separately translated text of each top-level run (null: keep the run's original text, as
 * for code). Each run is found in the translation, case-insensitively and ignoring the trailing punctuation a
 * translator adds to a fragment; runs not found stay missing and applyTranslation appends links and images.
 */
export function markupFromText(segment: Segment, translated: string, runTranslations: readonly (string | null)[]): string {
  const claimed: { start: number; end: number; run: InlineRun }[] = [];
  segment.runs.forEach((run, i) => {
    const wanted = (runTranslations[i] ?? run.text).replace(/[\s.,;:!?。、]+$/u, '').trim();
    if (!wanted) return;
    const pattern = new RegExp(escapeRegExp(wanted).replace(/\s+/g, '\\s+'), 'giu');
    for (const m of translated.matchAll(pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (claimed.some((c) => start < c.end && end > c.start)) continue;
      claimed.push({ start, end, run });
      return;
    }
  });
  claimed.sort((a, b) => a.start - b.start);
  let html = '';
  let at = 0;
  for (const c of claimed) {
    html += escapeText(translated.slice(at, c.start));
    html += c.run.kind === 'opaque'
      ? `<${PLACEHOLDER} id="${c.run.id}">`
      : `<${c.run.tag} id="${c.run.id}">${escapeText(translated.slice(c.start, c.end))}</${c.run.tag}>`;
    at = c.end;
  }
  html += escapeText(translated.slice(at));
  return html.replace(/\n/g, '<br>');
}

/** Blocks in the order to translate them: those the reader can see first, then the rest in document order. */
export function orderForTranslation<T extends { id: string }>(items: readonly T[], visible: Iterable<string> = []): T[] {
  const first = new Set(visible);
  return [...items.filter((s) => first.has(s.id)), ...items.filter((s) => !first.has(s.id))];
}
