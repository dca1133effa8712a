// @vitest-environment node
/**
 * Issue 13: a save says which hosts its unkept pictures are on (and whether to ask now); once the person allows
 * them, keepPictures fetches the missing pictures into the same saved record, through the same guard.
 */
import { describe, expect, it } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { keepPictures, saveArticle, type SaveDeps } from '../../utils/background/library';
import { isPageToBackground, savedMessage } from '../../utils/messages';
import { migrateSettings, type Settings } from '../../utils/settings';
import { fakeImageBytes, makeArticle, newLibrary } from '../helpers/library';

const t = (key: string, subs?: string | string[]) => (subs ? `${key}:${[subs].flat().join(',')}` : key);
const PAGE = 'https://www.kabarkota.example.id/berita/1';

function setup(settings: Partial<Settings> = {}) {
  const test = newLibrary();
  const granted = new Set<string>();
  const fetched: string[] = [];
  const d: SaveDeps = {
    openLibrary: async (fetchImage) => test.reopen({ fetchImage }),
    loadSettings: async () => migrateSettings(settings),
    fetchImage: async (url) => {
      fetched.push(url);
      return new NodeBlob([fakeImageBytes(url)], { type: 'image/jpeg' }) as unknown as Blob;
    },
    hasAllSites: async () => false,
    // What the browser answers for a host pattern: the page's own origin needs no grant (activeTab at save time).
    hostGranted: async (pattern) => [...granted].some((g) => pattern.replace(/^https?:/, '*:') === g),
    t,
  };
  return { d, test, granted, fetched };
}

const article = () =>
  makeArticle(1, {
    url: PAGE,
    leadImage: { src: 'https://www.kabarkota.example.id/foto/lead.jpg', alt: '', caption: null, inBody: false },
    contentHtml:
      '<p>Satu.</p><img src="https://images.example-cdn.com/1.jpg" alt=""><p>Dua.</p><img src="https://images.example-cdn.com/2.jpg" alt=""><img src="http://10.0.0.1/x.png" alt="">',
  });

describe('saving tells which hosts the unkept pictures need', () => {
  it('names the third host and asks, the first time; the page\'s own picture is kept, the private one never asked for', async () => {
    const { d, test } = setup();
    const reply = await saveArticle(d, article(), PAGE);
    expect(reply).toMatchObject({ ok: true, images: { stored: 1, blocked: 2, hosts: ['images.example-cdn.com'], ask: true } });
    expect((await test.lib.get((reply as { id: string }).id))!.images).toEqual(['https://www.kabarkota.example.id/foto/lead.jpg']);
    // The toast does not repeat what the question asks.
    expect(savedMessage(reply, t)).toBe('savedNew');
  });

  it('after "Not now" it does not ask again: the toast points to the saved copy', async () => {
    const { d } = setup({ imageAccess: 'declined' });
    const reply = await saveArticle(d, article(), PAGE);
    expect(reply).toMatchObject({ ok: true, images: { blocked: 2, ask: false } });
    expect(savedMessage(reply, t)).toBe('savedNew savedWithoutPictures:2');
  });

  it('a supported site\'s granted picture host is kept with no question', async () => {
    const { d, granted } = setup();
    granted.add('*://images.example-cdn.com/*');
    expect(await saveArticle(d, article(), PAGE)).toMatchObject({ ok: true, images: { stored: 3, blocked: 0, hosts: [], ask: false } });
  });
});

describe('keeping the pictures after the person allowed their host', () => {
  it('fetches only the missing pictures into the same record, through the guard', async () => {
    const { d, test, granted, fetched } = setup();
    const saved = (await saveArticle(d, article(), PAGE)) as { id: string };
    const before = (await test.lib.get(saved.id))!;
    // Not allowed yet: nothing new is fetched, and the host is still named (the private address never is).
    expect(await keepPictures(d, saved.id)).toEqual({ ok: true, stored: 1, missing: 3, hosts: ['images.example-cdn.com'] });
    granted.add('*://images.example-cdn.com/*');
    fetched.length = 0;
    expect(await keepPictures(d, saved.id)).toEqual({ ok: true, stored: 3, missing: 1, hosts: [] });
    expect(fetched).toEqual(['https://images.example-cdn.com/1.jpg', 'https://images.example-cdn.com/2.jpg']);
    const after = (await test.lib.get(saved.id))!;
    expect(after.images).toEqual(['https://www.kabarkota.example.id/foto/lead.jpg', 'https://images.example-cdn.com/1.jpg', 'https://images.example-cdn.com/2.jpg']);
    expect([...(await test.lib.images(saved.id)).keys()].sort()).toEqual([...after.images].sort());
    // Same record: its place in the library, tags and reading state stay.
    expect({ savedAt: after.savedAt, read: after.read, tags: after.tags }).toEqual({ savedAt: before.savedAt, read: before.read, tags: before.tags });
    expect(await test.lib.count()).toBe(1);
  });

  it('an unknown id is a clear answer, and only extension pages may ask (the message shape)', async () => {
    const { d } = setup();
    expect(await keepPictures(d, 'nope')).toEqual({ ok: false, message: 'savedMissing' });
    expect(isPageToBackground({ type: 'library:keep-pictures', id: 'abc' })).toBe(true);
    expect(isPageToBackground({ type: 'library:keep-pictures', id: 5 })).toBe(false);
  });
});
