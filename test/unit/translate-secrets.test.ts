/**
 * Issue #14 (A): the translation key lives only where content scripts cannot read it (the extension origin's
 * IndexedDB, fake-indexeddb here). storage.local, which every content script loads, keeps only `hasKey`.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSettings, saveSettings, SETTINGS_KEY, watchSettings, type Settings, type SettingsArea } from '@/utils/settings';
import { moveKeyOutOfSettings, openSecretStore, saveTranslationForm, translationConfig, type SecretStore } from '@/utils/secrets';
import { createReaderTranslation } from '@/utils/reader/translate';
import { createMemoryCache } from '@/utils/translate/cache';
import type { Article } from '@/utils/extract/types';

/** storage.local as content scripts see it: structured copies in and out, and its onChanged events. */
function fakeArea(initial: Record<string, unknown> = {}) {
  let data: Record<string, unknown> = structuredClone(initial);
  const listeners: ((changes: Record<string, { newValue?: unknown }>, area: string) => void)[] = [];
  const area: SettingsArea & { raw(): string } = {
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      data = { ...data, ...structuredClone(items) };
      for (const l of listeners) l(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: structuredClone(v) }])), 'local');
    },
    raw: () => JSON.stringify(data),
  };
  const events = { addListener: (cb: (typeof listeners)[number]) => void listeners.push(cb), removeListener: () => undefined };
  return { area, events };
}

const newStore = (): SecretStore => openSecretStore({ indexedDB: new IDBFactory() });
const KEY = 'sekret-1234:fx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the translation key stays out of storage.local (issue #14)', () => {
  it('saving a DeepL key from the options page: content scripts load settings with no key, the background gets it', async () => {
    const { area, events } = fakeArea();
    const store = newStore();
    const seen: Settings[] = [];
    watchSettings(events as never, (s) => seen.push(s));
    await saveTranslationForm(area, store, { provider: { id: 'deepl', apiKey: ` ${KEY} ` }, target: 'en' });

    expect(area.raw()).not.toContain(KEY);
    const loaded = await loadSettings(area);
    expect(loaded.translation).toEqual({ provider: { id: 'deepl', hasKey: true }, target: 'en' });
    expect(JSON.stringify(loaded)).not.toContain(KEY);
    expect(seen.length).toBeGreaterThan(0);
    expect(JSON.stringify(seen)).not.toContain(KEY);

    expect(await translationConfig(loaded.translation.provider, store)).toEqual({ id: 'deepl', apiKey: KEY });
  });

  it('moves a key stored by an older version out of storage.local (the background, first run), and it still translates', async () => {
    const { area } = fakeArea({
      [SETTINGS_KEY]: { version: 5, theme: 'dark', translation: { provider: { id: 'libretranslate', url: 'https://lt.example/', apiKey: 'old-key' }, target: 'id' } },
    });
    const store = newStore();
    // Before the move, what a content script loads already has no key.
    expect(JSON.stringify(await loadSettings(area))).not.toContain('old-key');

    expect(await moveKeyOutOfSettings(area, store)).toBe(true);
    expect(area.raw()).not.toContain('old-key');
    const loaded = await loadSettings(area);
    expect(loaded).toMatchObject({ theme: 'dark', translation: { provider: { id: 'libretranslate', url: 'https://lt.example', hasKey: true }, target: 'id' } });
    expect(await translationConfig(loaded.translation.provider, store)).toEqual({ id: 'libretranslate', url: 'https://lt.example', apiKey: 'old-key' });
    // Nothing left to move the second time.
    expect(await moveKeyOutOfSettings(area, store)).toBe(false);

    const deepl = fakeArea({ [SETTINGS_KEY]: { version: 5, translation: { provider: { id: 'deepl', apiKey: KEY }, target: '' } } });
    expect(await moveKeyOutOfSettings(deepl.area, store)).toBe(true);
    expect(deepl.area.raw()).not.toContain(KEY);
    expect(await translationConfig((await loadSettings(deepl.area)).translation.provider, store)).toEqual({ id: 'deepl', apiKey: KEY });
  });

  it('a keyless LibreTranslate server written straight to storage.local stays valid (and sends no stale key)', async () => {
    const store = newStore();
    await store.set('libretranslate', 'stale');
    const { area } = fakeArea({ [SETTINGS_KEY]: { version: 5, translation: { provider: { id: 'libretranslate', url: 'http://127.0.0.1:5000' }, target: '' } } });
    expect(await moveKeyOutOfSettings(area, store)).toBe(false);
    const s = await loadSettings(area);
    expect(s.translation.provider).toEqual({ id: 'libretranslate', url: 'http://127.0.0.1:5000' });
    expect(await translationConfig(s.translation.provider, store)).toEqual({ id: 'libretranslate', url: 'http://127.0.0.1:5000' });
  });

  it('the options form keeps, replaces and clears the key; another provider drops it', async () => {
    const { area } = fakeArea();
    const store = newStore();
    await saveTranslationForm(area, store, { provider: { id: 'libretranslate', url: 'https://lt.example', apiKey: 'k1' }, target: '' });
    // Key field left empty: the stored key is kept.
    let s = await saveTranslationForm(area, store, { provider: { id: 'libretranslate', url: 'https://lt2.example' }, target: '' });
    expect(s.translation.provider).toEqual({ id: 'libretranslate', url: 'https://lt2.example', hasKey: true });
    expect(await translationConfig(s.translation.provider, store)).toMatchObject({ apiKey: 'k1' });
    s = await saveTranslationForm(area, store, { provider: { id: 'libretranslate', url: 'https://lt2.example', apiKey: 'k2' }, target: '' });
    expect(await translationConfig(s.translation.provider, store)).toMatchObject({ apiKey: 'k2' });
    s = await saveTranslationForm(area, store, { provider: { id: 'libretranslate', url: 'https://lt2.example', apiKey: null }, target: '' });
    expect(s.translation.provider).toEqual({ id: 'libretranslate', url: 'https://lt2.example' });
    expect(await store.get('libretranslate')).toBeUndefined();

    await saveTranslationForm(area, store, { provider: { id: 'deepl', apiKey: KEY }, target: '' });
    s = await saveTranslationForm(area, store, { provider: { id: 'chrome-builtin' }, target: '' });
    expect(await store.get('deepl')).toBeUndefined();
    expect(area.raw()).not.toContain(KEY);
    // A DeepL choice whose key is gone (storage cleared) is "not set up", not a request without a key.
    expect(await translationConfig({ id: 'deepl', hasKey: true }, store)).toBeNull();
  });

  it('the key survives reopening the store (it is on disk in the extension origin, not in memory)', async () => {
    const indexedDB = new IDBFactory();
    await openSecretStore({ indexedDB }).set('deepl', KEY);
    expect(await openSecretStore({ indexedDB }).get('deepl')).toBe(KEY);
  });

  it('a content script saving other settings never writes a key back', async () => {
    const { area } = fakeArea({ [SETTINGS_KEY]: { version: 5, translation: { provider: { id: 'deepl', apiKey: KEY }, target: '' } } });
    const store = newStore();
    await moveKeyOutOfSettings(area, store);
    await saveSettings(area, { fontSize: 22 });
    expect(area.raw()).not.toContain(KEY);
    expect((await loadSettings(area)).translation.provider).toEqual({ id: 'deepl', hasKey: true });
  });

  it('a saved article (an extension page, translating directly) reads the key from the secret store', async () => {
    // saved.html hands the reader the secret store of the extension's origin (entrypoints/saved/main.ts).
    const indexedDB = new IDBFactory();
    await openSecretStore({ indexedDB }).set('deepl', KEY);
    const auth: string[] = [];
    const fetch = async (url: string | URL | Request, init?: RequestInit) => {
      auth.push(String(new Headers(init?.headers).get('authorization')));
      if (String(url).includes('/v2/languages')) return Response.json([{ language: 'ID' }, { language: 'EN-US' }, { language: 'EN' }]);
      const body = JSON.parse(String(init?.body));
      return Response.json({ translations: body.text.map((t: string) => ({ text: t.toUpperCase() })) });
    };
    const translation = createReaderTranslation({
      uiLang: 'en',
      direct: { providerEnv: { fetch: fetch as never }, cache: async () => createMemoryCache(), secrets: () => openSecretStore({ indexedDB }) },
      openOptions: () => undefined,
    });
    document.body.innerHTML = '<div class="body"><p>Halo dunia yang indah.</p></div>';
    const body = document.querySelector<HTMLElement>('.body')!;
    const settings = (await loadSettings(fakeArea({ [SETTINGS_KEY]: { translation: { provider: { id: 'deepl', hasKey: true }, target: 'en' } } }).area));
    let repaints = 0;
    const ctx = { body, scroller: null, article: { lang: 'id', textContent: 'Halo dunia yang indah.' } as Article, settings, repaint: () => void repaints++ };
    translation.toggle(ctx);
    translation.handle({ type: 'source', lang: 'id' }, ctx);
    translation.handle({ type: 'start' }, ctx);
    await vi.waitFor(() => expect(translation.view()?.state).toBe('done'), { timeout: 5000 });
    expect(auth.length).toBeGreaterThan(0);
    expect(auth.every((a) => a === `DeepL-Auth-Key ${KEY}`)).toBe(true);
    expect(body.querySelector('.jernih-tr')?.textContent).toBe('HALO DUNIA YANG INDAH.');
  });
});
