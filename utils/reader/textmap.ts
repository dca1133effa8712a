/**
 * The text of a block as it is spoken (white space collapsed) with the way back from a character offset to
 * the DOM text node and offset, so the word being read can be highlighted as a Range.
 */

export interface TextMap {
  text: string;
  /** The range of `length` characters from `start` in `text`, or null when out of bounds. */
  range(start: number, length: number): Range | null;
}

export function textMap(el: Element): TextMap {
  const doc = el.ownerDocument;
  const nodes: Text[] = [];
  const nodeOf: number[] = [];
  const offsetOf: number[] = [];
  let text = '';
  let pendingSpace = false;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const parent = n.parentElement;
    if (parent && parent.closest('[hidden], script, style, noscript')) continue;
    const data = n.data;
    const index = nodes.push(n) - 1;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      if (/\s/.test(ch)) {
        pendingSpace = text.length > 0;
        continue;
      }
      if (pendingSpace) {
        // The space maps to the character after it (a range never starts or ends on it).
        text += ' ';
        nodeOf.push(index);
        offsetOf.push(i);
        pendingSpace = false;
      }
      text += ch;
      nodeOf.push(index);
      offsetOf.push(i);
    }
  }
  return {
    text,
    range(start, length) {
      if (start < 0 || length <= 0 || start >= text.length) return null;
      const last = Math.min(text.length, start + length) - 1;
      const r = doc.createRange();
      r.setStart(nodes[nodeOf[start]], offsetOf[start]);
      r.setEnd(nodes[nodeOf[last]], offsetOf[last] + 1);
      return r;
    },
  };
}
