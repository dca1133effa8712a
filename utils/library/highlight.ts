/**
 * Which parts of a row's text a search matched (issue 13: the words found are marked in the results). The same
 * rules as the search itself (search.ts): the query's words as searched (`searchWords`), compared folded
 * (`fold`: "kafe" finds "Kafé"), each matching the start of a word of the text (the search matches words and
 * prefixes of words, never the middle of one). Pure and DOM-free: the list turns the ranges into text nodes and
 * <mark> elements, never into HTML.
 */
import { fold, searchWords } from './search';

/** A half-open range [start, end) of UTF-16 offsets into the text. */
export type Range = readonly [start: number, end: number];

/**
 * A word of the text: MiniSearch's tokenizer splits on spaces and punctuation; symbols split here too, so that a
 * word a person sees ("kafe" in "<b>kafe</b>", "rob" in "rob+banjir") is marked where the search found it in the body.
 */
const WORD = /[^\s\p{Z}\p{P}\p{S}]+/gu;

/**
 * The ranges of `text` to mark for `query`, in order, not overlapping. Each is the beginning of a word of the text
 * that, folded, starts with a folded word of the query: the longest such beginning. Nothing for a query the
 * search would not run (one letter).
 */
export function highlightRanges(text: string, query: string): Range[] {
  const words = searchWords(query);
  if (!words || !text) return [];
  const terms = [...new Set(words.map(fold).filter(Boolean))];
  if (!terms.length) return [];
  const out: Range[] = [];
  for (const m of text.matchAll(WORD)) {
    const end = matchedEnd(m[0], terms);
    if (end > 0) out.push([m.index, m.index + end]);
  }
  return out;
}

/**
 * How much of `word` (in UTF-16 units) the longest matching term covers, or 0. The word is folded character by
 * character so that a position in the folded word maps back to one in the word itself ("é" folds to one letter,
 * "ﬁ" to two, a lone combining mark to none).
 */
function matchedEnd(word: string, terms: readonly string[]): number {
  let folded = '';
  /** ends[k]: the offset in `word` just after the character that gave folded letter k. */
  const ends: number[] = [];
  let at = 0;
  for (const ch of word) {
    at += ch.length;
    const f = fold(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) ends.push(at);
  }
  let best = 0;
  for (const term of terms) {
    if (term.length > folded.length || !folded.startsWith(term)) continue;
    let end = ends[term.length - 1];
    // Combining marks after the last matched letter belong to it ("e" + U+0301 is one letter on screen).
    while (end < word.length && /\p{M}/u.test(word[end])) end++;
    best = Math.max(best, end);
  }
  return best;
}

/** The text cut at the ranges: the pieces in order, each marked or not (for text nodes and <mark> elements). */
export function splitByRanges(text: string, ranges: readonly Range[]): { text: string; mark: boolean }[] {
  const out: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length || !out.length) out.push({ text: text.slice(at), mark: false });
  return out;
}
