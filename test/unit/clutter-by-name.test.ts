/** Boxes judged by their class and id words (isClutterByName), on the names that misled it on real pages. */
import { describe, expect, it } from 'vitest';
import { isClutterByName } from '@/utils/extract/cleaners';

function first(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div.firstElementChild!;
}

describe('"copy" in a class name', () => {
  it('is clutter on a copy-link control', () => {
    for (const html of [
      '<button class="copy-link">Copy link</button>',
      '<a class="share__copy" href="#">Link kopieren</a>',
      '<div class="copy-url"><button>Salin tautan</button></div>',
      '<span class="clipboard-copy">In die Zwischenablage</span>',
      '<div class="article-copy-link"><a href="#">Copy the address of this article</a> <span>·</span></div>',
    ]) {
      expect(isClutterByName(first(html)), html).toBe(true);
    }
  });

  it('is text where designers call the text "copy": a recipe step, a short line of body copy', () => {
    for (const html of [
      '<div class="preparation-step__copy"><p>Heißluft etwa 180 °C, dann die Form auf die mittlere Schiene stellen.</p></div>',
      '<p class="m056-preparation-copy">Ober-/Unterhitze etwa 200 °C</p>',
      '<div class="hero-copy">The city council voted on Tuesday to keep the library open on Sundays.</div>',
    ]) {
      expect(isClutterByName(first(html)), html).toBe(false);
    }
  });
});
