import { describe, expect, it } from 'vitest';
import { normalizeSpace, wordCount } from '../../utils/extract/dom';

/** The plain definition: split at the spaces normalizeSpace knows, keep the pieces with a letter or a digit. */
const bySplitting = (text: string): number => {
  const t = normalizeSpace(text);
  return t ? t.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length : 0;
};

describe('wordCount', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['one', 1],
    ['  two\twords\n', 2],
    ['— 12 —', 1],
    ['naïve café', 2],
    ['no\u00a0break and zero\u200bwidth', 5],
    ["l'homme -- «mot» 3,5 %", 3],
    ['Jakarta, KOMPAS.com - Presiden', 3],
    ['日本語 한국어 العربية', 3],
    ['…', 0],
  ])('%j has %i words', (text, words) => {
    expect(wordCount(text)).toBe(words);
    expect(bySplitting(text)).toBe(words);
  });

  it('counts as splitting does on long mixed text', () => {
    const pieces = ['kata', '12', '—', '«', 'x-y', "d'un", '\u00a0', '\u200b', '\n', ' ', '...', 'é', '🙂', 'a🙂'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 50; round++) {
      let text = '';
      for (let i = 0; i < 400; i++) text += pieces[next() % pieces.length] + (next() % 3 ? ' ' : '');
      expect(wordCount(text)).toBe(bySplitting(text));
    }
  });

  it('stops counting at upTo, and counts the same below it', () => {
    const text = 'one two three four five six';
    expect(wordCount(text, 4)).toBe(4);
    expect(wordCount(text, 6)).toBe(6);
    expect(wordCount(text, 100)).toBe(6);
    expect(wordCount(text, 0)).toBe(0);
    // The next count starts afresh (the pattern's position is reset, not left where the limit stopped it).
    expect(wordCount('a b c', 1)).toBe(1);
    expect(wordCount('a b c')).toBe(3);
  });

  it('takes missing text as no words', () => {
    expect(wordCount(null)).toBe(0);
    expect(wordCount(undefined)).toBe(0);
  });
});
