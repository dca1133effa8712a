// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { highlightRanges, splitByRanges } from '../../utils/library/highlight';

/** The marked pieces of `text` for `query`. */
const marked = (text: string, query: string) =>
  splitByRanges(text, highlightRanges(text, query))
    .filter((p) => p.mark)
    .map((p) => p.text);

describe('search highlight ranges', () => {
  it('marks the start of each word that a query word begins, case-insensitively', () => {
    expect(highlightRanges('Harga beras naik, harga cabai turun', 'harga')).toEqual([
      [0, 5],
      [18, 23],
    ]);
    expect(marked('Banjir rob rendam pesisir utara', 'ban pes')).toEqual(['Ban', 'pes']);
    expect(marked('HARGA Beras', 'harga beras')).toEqual(['HARGA', 'Beras']);
  });

  it('folds diacritics as the search does: kafe finds Kafé, and the marked text is the original', () => {
    expect(marked('Kafé di Bénoa ramai', 'kafe beno')).toEqual(['Kafé', 'Béno']);
    // Typed with the accent, found without it.
    expect(marked('Cafe di Benoa', 'café bénoa')).toEqual(['Cafe', 'Benoa']);
    // A decomposed é (e + combining acute) keeps its mark inside the highlight.
    const decomposed = 'Cafe\u0301 baru';
    expect(marked(decomposed, 'cafe')).toEqual(['Cafe\u0301']);
    // A character that folds to two letters ("ﬁ" -> "fi") maps back to itself.
    expect(marked('ﬁlm baru', 'fil')).toEqual(['ﬁl']);
    expect(marked('ﬁlm baru', 'f')).toEqual([]);
  });

  it('never marks the middle of a word (the search matches words and their beginnings only)', () => {
    expect(marked('Probably robust', 'rob')).toEqual(['rob']);
    expect(highlightRanges('Probably robust', 'rob')).toEqual([[9, 12]]);
    expect(marked('memperbaiki', 'baik')).toEqual([]);
  });

  it('uses the words the search uses: nothing for one letter, a one-letter last word is dropped', () => {
    expect(highlightRanges('Harga beras', 'h')).toEqual([]);
    expect(highlightRanges('Harga beras', '')).toEqual([]);
    expect(marked('Harga beras', 'harga b')).toEqual(['Harga']);
    expect(marked('Harga beras', 'harga be')).toEqual(['Harga', 'be']);
  });

  it('takes the longest match when query words overlap, and splits on punctuation as the search does', () => {
    expect(marked('Jokowi-Prabowo bertemu', 'jok jokowi prab')).toEqual(['Jokowi', 'Prab']);
    expect(marked('"Banjir" (lagi)', 'banjir lagi')).toEqual(['Banjir', 'lagi']);
  });

  it('cuts text into plain and marked pieces that join back into the text, markup included', () => {
    const text = 'Ulasan <i>kafe</i> & sastra';
    const parts = splitByRanges(text, highlightRanges(text, 'kafe sastra'));
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['kafe', 'sastra']);
    expect(splitByRanges('abc', [])).toEqual([{ text: 'abc', mark: false }]);
    expect(splitByRanges('', [])).toEqual([{ text: '', mark: false }]);
    // Overlapping or empty ranges are skipped, never duplicated.
    expect(splitByRanges('abcdef', [[0, 3], [2, 4], [5, 5]])).toEqual([
      { text: 'abc', mark: true },
      { text: 'def', mark: false },
    ]);
  });
});
