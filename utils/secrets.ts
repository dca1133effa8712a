/**
 * Secrets: the translation service's API key (issue #14). Not in storage.local: every content script loads the
 * settings from there, and content scripts can read storage.local directly. The key lives in the extension
 * origin's IndexedDB, which a content script cannot open (its indexedDB is the web page's). Only the background
 * (provider calls for the reader, over the translate Port), the options page (entering, changing, clearing) and
 * extension pages (a saved article translates there directly) use this module. The settings keep only the marker
 * `hasKey`, so the options page and the reader can say that a key is set.
 *
 * IndexedDB is injected (fake-indexeddb in tests). One key per service; only the chosen service's is kept.
 */
import { migrateSettings, saveSettings, SETTINGS_KEY, type Settings, type SettingsArea, type TranslationProviderSetting } from './settings';
import { providerConfigOf } from './translate/config';
import type { ProviderConfig } from './translate/providers/index';

/** The services that take a key. */
export type KeyedService = 'libretranslate' | 'deepl';
const KEYED: readonly KeyedService[] = ['libretranslate', 'deepl'];

export interface SecretStore {
  get(name: KeyedService): Promise<string | undefined>;
  set(name: KeyedService, value: string): Promise<void>;
  delete(name: KeyedService): Promise<void>;
}

const STORE = 'secrets';

const done = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** The extension origin's secret store. Opened lazily; a failure to open fails the call (the key is not dropped). */
export function openSecretStore(options: { indexedDB: IDBFactory; name?: string }): SecretStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = options.indexedDB.open(options.name ?? 'jernih-secrets', 1);
      r.onupgradeneeded = () => {
        if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE);
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error('secret store blocked'));
    }).catch((e) => {
      db = undefined;
      throw e;
    }));
  const run = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await open()).transaction(STORE, mode);
    const result = done(fn(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('secret store transaction failed'));
    });
    return result;
  };
  return {
    async get(name) {
      const v = await run('readonly', (s) => s.get(name) as IDBRequest<unknown>);
      return typeof v === 'string' && v ? v : undefined;
    },
    async set(name, value) {
      await run('readwrite', (s) => s.put(value, name));
    },
    async delete(name) {
      await run('readwrite', (s) => s.delete(name));
    },
  };
}

/** The chosen service's config with its key: what the background (and an extension page) creates the provider from. */
export async function translationConfig(setting: TranslationProviderSetting, store: SecretStore): Promise<ProviderConfig | null> {
  const needsKey = setting.id === 'deepl' || (setting.id === 'libretranslate' && setting.hasKey === true);
  const key = needsKey ? await store.get(setting.id as KeyedService) : undefined;
  return providerConfigOf(setting, key);
}

/**
 * The translation form of the options page. The key: a new one (a string), remove the stored one (null), or keep
 * the stored one (left out: the field shows that a key is set, never the key).
 */
export type TranslationChoice =
  | { id: 'auto' }
  | { id: 'none' }
  | { id: 'chrome-builtin' }
  | { id: 'libretranslate'; url: string; apiKey?: string | null }
  | { id: 'deepl'; apiKey?: string | null };

export interface TranslationForm {
  provider: TranslationChoice;
  target: string;
}

/**
 * Saves the form: the key to the secret store first (so nothing that reacts to the settings change misses it),
 * then the settings with only `hasKey`. Keys of the services not chosen are deleted (the settings hold one
 * service; an unused key should not linger).
 */
export async function saveTranslationForm(area: SettingsArea, store: SecretStore, form: TranslationForm): Promise<Settings> {
  const p = form.provider;
  let hasKey = false;
  if (p.id === 'libretranslate' || p.id === 'deepl') {
    const typed = typeof p.apiKey === 'string' ? p.apiKey.trim() : p.apiKey;
    if (typed) {
      await store.set(p.id, typed);
      hasKey = true;
    } else if (typed === null || typed === '') {
      await store.delete(p.id);
    } else {
      hasKey = (await store.get(p.id)) !== undefined;
    }
  }
  for (const other of KEYED) if (other !== p.id) await store.delete(other);
  const provider =
    p.id === 'libretranslate'
      ? { id: p.id, url: p.url, ...(hasKey ? { hasKey: true } : {}) }
      : p.id === 'deepl'
        ? { id: p.id, hasKey }
        : { id: p.id };
  // Through migrateSettings (in saveSettings): the address normalised, a DeepL choice without a key refused.
  return saveSettings(area, { translation: migrateSettings({ translation: { provider, target: form.target } }).translation });
}

/** The key a version 5 settings value still holds, if any (read raw: migrateSettings never hands a key out). */
function storedKeyOf(raw: unknown): { service?: KeyedService; key: string } | null {
  const provider = (raw as { translation?: { provider?: { id?: unknown; apiKey?: unknown } } } | undefined)?.translation?.provider;
  if (!provider || typeof provider !== 'object' || !('apiKey' in provider)) return null;
  return { service: KEYED.find((k) => k === provider.id), key: typeof provider.apiKey === 'string' ? provider.apiKey.trim() : '' };
}

/**
 * Moves a key stored in storage.local (by version 5, or written there directly) into the secret store and removes
 * it from storage.local. The background runs it when it starts, when the settings change, and before it reads the
 * provider config. Returns whether there was a key field to remove.
 */
export async function moveKeyOutOfSettings(area: SettingsArea, store: SecretStore): Promise<boolean> {
  const found = storedKeyOf((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
  if (!found) return false;
  if (found.service && found.key && found.key.length < 500) await store.set(found.service, found.key);
  // Rewritten through migrateSettings, which keeps only `hasKey`.
  await saveSettings(area, {});
  return true;
}
