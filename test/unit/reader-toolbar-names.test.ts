/** Issue 13 (points 4 and 9): which toolbar items leave for More first, and linked pictures with no name. */
import { describe, expect, it } from 'vitest';
import { overflowSequence, splitBar, type BarItem } from '@/components/toolbar-layout';
import { nameLinkedPictures } from '@/components/linked-pictures';

const item = (key: string, group: BarItem['group'] = 'actions'): BarItem => ({ key, group, label: key, onClick: () => undefined });

describe('toolbar overflow', () => {
  const items = ['panel:speech', 'save', 'library', 'translate', 'panel:contents', 'panel:appearance'].map((k) => item(k, k.startsWith('panel:c') || k.endsWith('appearance') ? 'view' : 'actions'));

  it('moves the library first and Appearance last; an unknown item before all of them', () => {
    expect(overflowSequence(items).map((i) => i.key)).toEqual(['library', 'translate', 'panel:contents', 'save', 'panel:speech', 'panel:appearance']);
    expect(overflowSequence([...items, item('share')])[0].key).toBe('share');
  });

  it('splits the bar, both halves in the bar\'s order', () => {
    expect(splitBar(items, 0).more).toEqual([]);
    const { bar, more } = splitBar(items, 3);
    expect(bar.map((i) => i.key)).toEqual(['panel:speech', 'save', 'panel:appearance']);
    expect(more.map((i) => i.key)).toEqual(['library', 'translate', 'panel:contents']);
    expect(splitBar(items, 99).bar).toEqual([]);
  });
});

describe('linked pictures', () => {
  const body = (html: string) => {
    const div = document.createElement('div');
    div.innerHTML = html;
    nameLinkedPictures(div);
    return div.querySelector('a')!;
  };

  it('a link to a larger copy of an unnamed picture leaves the tab order and the tree, caption or not', () => {
    const a = body('<figure><a href="https://x.example/big/photo.jpg?w=2000"><img src="https://x.example/photo.jpg" alt=""></a><figcaption>Rain in Leeds.</figcaption></figure>');
    expect(a.getAttribute('tabindex')).toBe('-1');
    expect(a.getAttribute('aria-hidden')).toBe('true');
  });

  it('a link elsewhere is named by the caption; with no caption it leaves the tab order', () => {
    const named = body('<figure><a href="/gallery/rain"><img src="/photo.jpg"></a><figcaption> Rain   in Leeds. </figcaption></figure>');
    expect(named.getAttribute('aria-label')).toBe('Rain in Leeds.');
    expect(named.querySelector('img')!.getAttribute('alt'), 'no file name read out').toBe('');
    expect(named.hasAttribute('tabindex')).toBe(false);
    const bare = body('<p><a href="/gallery/rain"><img src="/photo.jpg" alt=""></a></p>');
    expect(bare.getAttribute('tabindex')).toBe('-1');
    expect(bare.getAttribute('aria-hidden')).toBe('true');
  });

  it('leaves links with words, or with a picture that has alt text, as they are', () => {
    for (const html of ['<a href="/a"><img src="/p.jpg" alt="A flooded street"></a>', '<a href="/a"><img src="/p.jpg" alt=""> Gallery</a>', '<a href="/a">Read more</a>']) {
      const a = body(html);
      expect([a.getAttribute('aria-label'), a.getAttribute('tabindex'), a.getAttribute('aria-hidden')], html).toEqual([null, null, null]);
    }
  });
});
