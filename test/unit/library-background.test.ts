// @vitest-environment node
/** The background's part in saving: who may ask, the article's site, pictures, quota, extraction through the tab. */
import { describe, expect, it } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { contentRequest, extractTab, pageRequest, sameSiteArticle, saveArticle, saveTab, type SaveDeps } from '../../utils/background/library';
import { isArticle, isBackgroundToReader, isExtractReply, isPageToBackground, isReaderToBackground, savedMessage } from '../../utils/messages';
import { migrateSettings } from '../../utils/settings';
import { failingFactory, fakeImageBytes, makeArticle, newLibrary } from '../helpers/library';

const RUNTIME = 'jernih-id';
const t = (key: string, subs?: string | string[]) => (subs ? `${key}:${[subs].flat().join(',')}` : key);
const tab = (url: string, id = 7) => ({ id: RUNTIME, url, frameId: 0, tab: { id, url } });

describe('messages: shapes', () => {
  it('an Article is checked field by field', () => {
    expect(isArticle(makeArticle(1))).toBe(true);
    expect(isArticle({ ...makeArticle(1), pages: { joined: 3, total: 3, missing: [] } })).toBe(true);
    for (const bad of [
      null,
      'x',
      { ...makeArticle(1), url: 'javascript:alert(1)' },
      { ...makeArticle(1), url: 'chrome://settings' },
      { ...makeArticle(1), title: 7 },
      { ...makeArticle(1), contentHtml: undefined },
      { ...makeArticle(1), dir: 'up' },
      { ...makeArticle(1), wordCount: -1 },
      { ...makeArticle(1), leadImage: { src: 'x' } },
      { ...makeArticle(1), contentHtml: 'x'.repeat(8_000_001) },
    ]) {
      expect(isArticle(bad), JSON.stringify(bad)?.slice(0, 80)).toBe(false);
    }
  });

  it('requests, replies and reader messages', () => {
    expect(isReaderToBackground({ type: 'library:save', article: makeArticle(1) })).toBe(true);
    expect(isReaderToBackground({ type: 'library:save', article: { url: 'https://x.test/' } })).toBe(false);
    expect(isReaderToBackground({ type: 'library:open' })).toBe(true);
    expect(isReaderToBackground({ type: 'library:list' })).toBe(false);
    expect(isReaderToBackground({ type: 'library:delete', id: 'a' })).toBe(false);
    expect(isPageToBackground({ type: 'library:save-tab', tabId: 3 })).toBe(true);
    expect(isPageToBackground({ type: 'library:save-tab', tabId: '3' })).toBe(false);
    expect(isBackgroundToReader({ type: 'reader:extract' })).toBe(true);
    expect(isBackgroundToReader({ type: 'reader:notice', text: 'Saved' })).toBe(true);
    expect(isBackgroundToReader({ type: 'reader:notice', text: 5 })).toBe(false);
    expect(isExtractReply({ type: 'reader:article', article: null })).toBe(true);
    expect(isExtractReply({ type: 'reader:article', article: { title: 'x' } })).toBe(false);
  });

  it('the message after a save says what happened to the pictures', () => {
    const ok = { ok: true as const, id: 'a', created: true, title: 'T', images: { stored: 2, failed: 0, blocked: 0 } };
    expect(savedMessage(ok, t)).toBe('savedNew');
    expect(savedMessage({ ...ok, created: false }, t)).toBe('savedUpdated');
    expect(savedMessage({ ...ok, images: { stored: 0, failed: 2, blocked: 2 } }, t)).toBe('savedNew savedWithoutPictures:2');
    expect(savedMessage({ ...ok, images: { stored: 1, failed: 1, blocked: 0 } }, t)).toBe('savedNew savedSomePicturesFailed:1');
    expect(savedMessage({ ok: false, code: 'quota', message: 'full' }, t)).toBe('full');
  });
});

describe('background: who may ask', () => {
  it('a content script may save only an article of its own tab\'s site, from the top frame', () => {
    const msg = { type: 'library:save', article: makeArticle(1) };
    const page = 'https://www.kompas.com/read/2026/01/01/berita-1';
    expect(contentRequest(msg, tab(page), RUNTIME)).toMatchObject({ tabId: 7, pageUrl: page });
    // The same site under another edition or scheme (the page's canonical link): accepted.
    expect(contentRequest(msg, tab('http://m.kompas.com/read/x'), RUNTIME)).not.toBeNull();
    // Another site, another extension, no tab, a sub-frame: refused.
    expect(contentRequest(msg, tab('https://evil.example/'), RUNTIME)).toBeNull();
    expect(contentRequest(msg, { ...tab(page), id: 'other-extension' }, RUNTIME)).toBeNull();
    expect(contentRequest(msg, { id: RUNTIME, url: page }, RUNTIME)).toBeNull();
    expect(contentRequest(msg, { ...tab(page), frameId: 3 }, RUNTIME)).toBeNull();
    // Anything but saving or opening the popup: refused (a page cannot list, read or delete).
    expect(contentRequest({ type: 'library:save-tab', tabId: 7 }, tab(page), RUNTIME)).toBeNull();
    expect(contentRequest({ type: 'library:open' }, tab(page), RUNTIME)).not.toBeNull();
  });

  it('only the extension\'s own pages may save or read any tab', () => {
    const origin = `chrome-extension://${RUNTIME}/`;
    const msg = { type: 'library:save-tab', tabId: 4 };
    expect(pageRequest(msg, { id: RUNTIME, url: `${origin}library.html` }, RUNTIME, origin)).toEqual(msg);
    expect(pageRequest(msg, { id: RUNTIME, url: 'https://www.kompas.com/', tab: { id: 4 } }, RUNTIME, origin)).toBeNull();
    expect(pageRequest(msg, { id: 'x', url: `${origin}library.html` }, RUNTIME, origin)).toBeNull();
    expect(pageRequest({ type: 'library:save', article: makeArticle(1) }, { id: RUNTIME, url: `${origin}library.html` }, RUNTIME, origin)).toBeNull();
  });

  it('same site: origin, or host but for an edition prefix', () => {
    expect(sameSiteArticle('https://www.kompas.com/a', 'https://www.kompas.com/b')).toBe(true);
    expect(sameSiteArticle('https://www.kompas.com/a', 'http://amp.kompas.com:8080/b')).toBe(true);
    expect(sameSiteArticle('https://kompas.com.evil.example/a', 'https://www.kompas.com/b')).toBe(false);
    expect(sameSiteArticle('https://www.kompas.com/a', 'chrome://newtab')).toBe(false);
  });
});

function deps(over: Partial<SaveDeps> & { lib?: ReturnType<typeof newLibrary> } = {}) {
  const test = over.lib ?? newLibrary();
  const fetched: string[] = [];
  const d: SaveDeps = {
    openLibrary: async (fetchImage) => test.reopen({ fetchImage }),
    loadSettings: async () => migrateSettings(undefined),
    fetchImage: async (url) => {
      fetched.push(url);
      // The page's own host answers; another host is out of reach without access to all sites.
      if (!url.startsWith('https://www.kompas.com/')) throw new TypeError('Failed to fetch');
      return new NodeBlob([fakeImageBytes(url)], { type: 'image/jpeg' }) as unknown as Blob;
    },
    hasAllSites: async () => false,
    hostGranted: async () => false,
    t,
    ...over,
  };
  return { d, test, fetched };
}

describe('background: saving', () => {
  const withImages = () =>
    makeArticle(1, {
      leadImage: { src: 'https://www.kompas.com/img/lead.jpg', alt: '', caption: null, inBody: false },
      contentHtml: '<p>Satu.</p><img src="https://asset.kompas.com/body.jpg" alt=""><p>Dua.</p>',
    });

  it('saves with the pictures it can reach and counts those on other sites it has no access to', async () => {
    const { d, test, fetched } = deps();
    const reply = await saveArticle(d, withImages(), 'https://www.kompas.com/read/2026/01/01/berita-1');
    expect(reply).toMatchObject({ ok: true, created: true, images: { stored: 1, failed: 1, blocked: 1 } });
    expect(fetched).toEqual(['https://www.kompas.com/img/lead.jpg', 'https://asset.kompas.com/body.jpg']);
    const saved = await test.lib.get((reply as { id: string }).id);
    expect(saved?.images).toEqual(['https://www.kompas.com/img/lead.jpg']);
    // Saving again updates the same entry.
    const again = await saveArticle(d, withImages(), 'https://www.kompas.com/read/2026/01/01/berita-1');
    expect(again).toMatchObject({ ok: true, created: false, id: (reply as { id: string }).id });
    expect(await test.lib.count()).toBe(1);
  });

  it('pictures a page names on this machine, its network or a host not granted are never fetched, even with all sites', async () => {
    const { d, fetched } = deps({ hasAllSites: async () => true, hostGranted: async () => true });
    const hostile = makeArticle(2, {
      leadImage: { src: 'http://169.254.169.254/latest/meta-data/iam.jpg', alt: '', caption: null, inBody: false },
      contentHtml: '<p>Satu.</p><img src="http://127.0.0.1:9200/_cat/indices.png" alt=""><img src="http://192.168.1.1/admin.png" alt=""><img src="http://localhost/x.png" alt=""><p>Dua.</p><img src="https://www.kompas.com/img/ok.jpg" alt="">',
    });
    const reply = await saveArticle(d, hostile, 'https://www.kompas.com/read/2026/01/01/berita-2');
    expect(reply).toMatchObject({ ok: true });
    expect(fetched).toEqual(['https://www.kompas.com/img/ok.jpg']);
    // Without a grant, another site's picture is not even asked for.
    const { d: d2, fetched: f2 } = deps();
    await saveArticle(d2, makeArticle(3, { leadImage: null, contentHtml: '<p>x</p><img src="https://cdn.tracker.example/p.gif" alt="">' }), 'https://www.kompas.com/read/3');
    expect(f2).toEqual([]);
  });

  it('with access to all sites a failed picture is not "blocked"; with the setting off none is fetched', async () => {
    const { d } = deps({ hasAllSites: async () => true });
    expect(await saveArticle(d, withImages(), 'https://www.kompas.com/x')).toMatchObject({ images: { stored: 1, failed: 1, blocked: 0 } });
    const off = deps({ loadSettings: async () => migrateSettings({ saveImages: false }) });
    expect(await saveArticle(off.d, withImages(), 'https://www.kompas.com/x')).toMatchObject({ ok: true, images: { stored: 0, failed: 0, blocked: 0 } });
    expect(off.fetched).toEqual([]);
  });

  it('a full quota is a clear message and nothing is written', async () => {
    const base = newLibrary();
    await base.lib.save(makeArticle(2));
    const full = newLibrary({ factory: failingFactory(base.factory, 'articles', 'quota'), name: base.env.name });
    const { d } = deps({ lib: full });
    const reply = await saveArticle(d, makeArticle(3), 'https://www.kompas.com/x');
    expect(reply).toEqual({ ok: false, code: 'quota', message: 'saveQuota' });
    expect(await base.lib.count()).toBe(1);
    expect(await base.lib.getByUrl(makeArticle(3).url)).toBeNull();
  });

  it('extracts through the reader already in the tab, or injects it first', async () => {
    const sent: number[] = [];
    let injected = false;
    const ext = {
      sendMessage: async (id: number) => {
        sent.push(id);
        if (!injected) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { type: 'reader:article', article: makeArticle(5) };
      },
      injectForExtract: async () => void (injected = true),
    };
    expect(await extractTab(9, ext, t)).toEqual({ ok: true, article: makeArticle(5) });
    expect(sent).toEqual([9, 9]);
    // A browser page: injection fails.
    expect(await extractTab(9, { sendMessage: async () => undefined, injectForExtract: async () => Promise.reject(new Error('Cannot access')) }, t)).toMatchObject({
      ok: false,
      code: 'cannot-run',
    });
    // No article on the page.
    expect(await extractTab(9, { sendMessage: async () => ({ type: 'reader:article', article: null }), injectForExtract: async () => undefined }, t)).toMatchObject({
      ok: false,
      code: 'no-article',
      message: 'saveNoArticle',
    });
  });

  it('saveTab refuses an article of another site than the tab shows', async () => {
    const { d, test } = deps();
    const ext = { sendMessage: async () => ({ type: 'reader:article', article: makeArticle(6) }), injectForExtract: async () => undefined };
    expect(await saveTab(1, { ...d, ...ext, tabUrl: async () => 'https://evil.example/' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await test.lib.count()).toBe(0);
    expect(await saveTab(1, { ...d, ...ext, tabUrl: async () => 'https://www.kompas.com/read/x' })).toMatchObject({ ok: true, created: true });
    expect(await test.lib.count()).toBe(1);
  });
});
