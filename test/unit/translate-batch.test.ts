import { describe, expect, it } from 'vitest';
import { packBatches, splitBatch } from '@/utils/translate/batch';

const len = (s: string): number => s.length;

describe('packBatches', () => {
  it('keeps order and stays within the item limit', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(packBatches(items, { maxItems: 2, maxChars: 100 }, len)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('stays within the character limit', () => {
    const items = ['aaaa', 'bbbb', 'cc', 'dddddd', 'e'];
    const batches = packBatches(items, { maxItems: 10, maxChars: 8 }, len);
    expect(batches).toEqual([['aaaa', 'bbbb'], ['cc', 'dddddd'], ['e']]);
    for (const b of batches) expect(b.reduce((n, s) => n + s.length, 0)).toBeLessThanOrEqual(8);
  });

  it('gives an item over the character limit a batch of its own', () => {
    expect(packBatches(['ab', 'x'.repeat(20), 'cd'], { maxItems: 10, maxChars: 5 }, len)).toEqual([['ab'], ['x'.repeat(20)], ['cd']]);
  });

  it('handles nothing, and nonsense limits', () => {
    expect(packBatches([], { maxItems: 5, maxChars: 5 }, len)).toEqual([]);
    expect(packBatches(['a', 'b'], { maxItems: 0, maxChars: 5 }, len)).toEqual([['a'], ['b']]);
  });
});

describe('splitBatch', () => {
  it('halves a batch, the first half taking the odd one', () => {
    expect(splitBatch([1, 2, 3])).toEqual([[1, 2], [3]]);
    expect(splitBatch([1, 2])).toEqual([[1], [2]]);
  });
});
