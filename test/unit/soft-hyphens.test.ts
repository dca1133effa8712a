/** Soft hyphens are hyphenation hints inside words, not letters: the reader's text holds its words whole. */
import { describe, expect, it } from 'vitest';
import { joinSoftHyphenatedWords } from '@/utils/extract/cleaners';
import { normalizeSpace, wordCount } from '@/utils/extract/dom';
import { plainText } from '@/utils/sanitize';

const SHY = '\u00ad';

describe('soft hyphens', () => {
  it('go from the text of the body, and nothing else does', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = `<div><p>seit dem Mit${SHY}tel${SHY}al${SHY}ter <a href="/x">Back${SHY}stein</a>-Gotik</p><p>a - b – c</p></div>`;
    const root = doc.body.firstElementChild!;
    joinSoftHyphenatedWords(root);
    expect(root.textContent).toBe('seit dem Mittelalter Backstein-Gotika - b – c');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('/x');
  });

  it('are not counted, compared or shown in titles', () => {
    expect(normalizeSpace(` Mit${SHY}tel${SHY}al${SHY}ter  und\u00a0mehr `)).toBe('Mittelalter und mehr');
    expect(wordCount(`Mit${SHY}tel${SHY}al${SHY}ter und mehr`)).toBe(3);
    expect(plainText(`Stralsund: Back${SHY}stein${SHY}go${SHY}tik`)).toBe('Stralsund: Backsteingotik');
  });
});
