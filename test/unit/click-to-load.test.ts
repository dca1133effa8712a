// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { deferRemoteMedia } from '@/utils/library-ui/click-to-load';

const t = (key: string, subs?: string | string[]) => `${key}:${[subs ?? []].flat().join(',')}`;

function fragmentOf(html: string): DocumentFragment {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  return tpl.content;
}

/** Every address in the fragment the browser would fetch on render. */
function fetchesOnRender(root: ParentNode): string[] {
  const out: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of ['src', 'srcset', 'poster', 'srcdoc']) {
      const v = el.getAttribute(attr);
      if (v && !/^blob:/.test(v)) out.push(`${el.tagName.toLowerCase()} ${attr}=${v}`);
    }
  }
  return out;
}

describe('saved copies open without contacting anybody', () => {
  const BODY = `<p>Satu.</p>
<figure><img src="blob:chrome-extension://x/1" alt="kept"><figcaption>Disimpan</figcaption></figure>
<figure><picture><source srcset="https://cdn.example.com/a.webp 1x, https://cdn.example.com/a2.webp 2x"><img src="https://cdn.example.com/a.jpg" alt="Banjir di Jakarta"></picture></figure>
<p>Dua <img src="/relative/icon.png" alt=""></p>
<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video berita" sandbox="allow-scripts"></iframe>
<video src="https://media.example.org/v.mp4" poster="https://media.example.org/p.jpg"><track src="https://media.example.org/s.vtt"></video>
<audio><source src="https://media.example.org/a.mp3"></audio>`;

  it('parks every remote picture, player and media file behind a button naming its site; stored pictures stay', () => {
    const body = fragmentOf(BODY);
    expect(fetchesOnRender(body).length).toBeGreaterThan(6);
    const waiting = deferRemoteMedia(body, { t, baseUrl: 'https://www.kompas.com/read/1' });
    expect(waiting).toBe(5);
    expect(fetchesOnRender(body)).toEqual([]);
    expect(body.querySelector('img[alt="kept"]')!.getAttribute('src')).toBe('blob:chrome-extension://x/1');
    const labels = Array.from(body.querySelectorAll('button.load-remote')).map((b) => b.textContent);
    expect(labels).toEqual([
      'savedLoadPicture:cdn.example.com — Banjir di Jakarta',
      'savedLoadPicture:kompas.com',
      'savedLoadMedia:youtube-nocookie.com — Video berita',
      'savedLoadMedia:media.example.org',
      'savedLoadMedia:media.example.org',
    ]);
    expect((body.querySelector('picture') as HTMLElement).hidden).toBe(true);
  });

  it('one click by the reader loads that one item, as it was', () => {
    const body = fragmentOf(BODY);
    deferRemoteMedia(body, { t, baseUrl: 'https://www.kompas.com/read/1', acceptSynthetic: true });
    const host = document.createElement('div');
    host.append(body);
    (host.querySelector('button.load-remote') as HTMLButtonElement).click();
    expect(host.querySelector('picture source')!.getAttribute('srcset')).toBe('https://cdn.example.com/a.webp 1x, https://cdn.example.com/a2.webp 2x');
    expect(host.querySelector('picture img')!.getAttribute('src')).toBe('https://cdn.example.com/a.jpg');
    expect((host.querySelector('picture') as HTMLElement).hidden).toBe(false);
    expect(host.querySelectorAll('button.load-remote')).toHaveLength(4);
    expect(host.querySelector('iframe')!.hasAttribute('src')).toBe(false);
  });

  it('a click made by script loads nothing when synthetic events are not accepted', () => {
    const body = fragmentOf(BODY);
    deferRemoteMedia(body, { t, baseUrl: 'https://www.kompas.com/read/1' });
    const host = document.createElement('div');
    host.append(body);
    (host.querySelector('button.load-remote') as HTMLButtonElement).click();
    expect(fetchesOnRender(host)).toEqual([]);
  });
});
