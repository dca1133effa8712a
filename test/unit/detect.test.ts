import { describe, expect, it } from 'vitest';
import { looksLikeArticle } from '@/utils/extract/detect';
import { listFixtures } from '../helpers/fixtures';

describe('the cheap article check behind the badge', () => {
  const fixtures = listFixtures();
  it('says yes for every article fixture and no for every non-article page', () => {
    const wrong: string[] = [];
    for (const f of fixtures) {
      const doc = new DOMParser().parseFromString(f.html, 'text/html');
      const says = looksLikeArticle(doc, f.expected.url);
      const is = f.expected.article !== false;
      // A site rule's home or tag page: the URL pattern already says no, the check must agree.
      if (says !== is) wrong.push(`${f.id}: ${says}`);
    }
    // The check is cheap and may be wrong on a hard page; it must be right on nearly all.
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(Math.ceil(fixtures.length * 0.05));
  });
});
