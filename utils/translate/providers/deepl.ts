/**
 * DeepL API v2 (developers.deepl.com): POST /v2/translate with `text` as an array, tag_handling=html so the
 * marker tags survive, the key in the `Authorization: DeepL-Auth-Key` header (the auth_key parameter was
 * deprecated in 2025). Free-plan keys end in ':fx' and must use api-free.deepl.com. The key is the reader's own:
 * kept in the extension origin's IndexedDB (utils/secrets.ts), never in storage.local (content scripts read that)
 * or storage.sync.
 */
import { requestJson } from '../http';
import { TranslationError } from '../errors';
import { primaryLang } from '../lang';
import type {
  Availability, FetchLike, LanguagePair, ProviderCapabilities, Segment, TranslateOptions, TranslationProvider,
} from '../types';

export interface DeepLOptions {
  apiKey: string;
  fetch: FetchLike;
  /** DeepL takes at most 50 texts per request. */
  maxItems?: number;
  /** The whole request body must stay under 128 KiB: 30,000 UTF-16 characters leave room for UTF-8 and JSON. */
  maxChars?: number;
  timeoutMs?: number;
}

const ID = 'deepl';

export function deeplEndpoint(apiKey: string): string {
  return apiKey.trim().endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com';
}

/** DeepL's source codes are the bare language, upper case. */
export function deeplSource(lang: string): string {
  return primaryLang(lang).toUpperCase();
}

/** Target codes: English and Portuguese need a variant (plain EN/PT are deprecated as targets), Chinese a script. */
export function deeplTarget(lang: string): string {
  if (lang === 'zh-Hant') return 'ZH-HANT';
  const p = primaryLang(lang);
  if (p === 'en') return 'EN-US';
  if (p === 'pt') return 'PT-BR';
  if (p === 'zh') return 'ZH-HANS';
  return p.toUpperCase();
}

export function createDeepL(options: DeepLOptions): TranslationProvider {
  const key = options.apiKey.trim();
  const root = deeplEndpoint(key);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const headers = { Authorization: `DeepL-Auth-Key ${key}`, Accept: 'application/json' };
  const capabilities: ProviderCapabilities = {
    html: true,
    maxItems: Math.min(options.maxItems ?? 50, 50),
    maxChars: options.maxChars ?? 30_000,
    needsKey: true,
    local: false,
  };
  const lists = new Map<'source' | 'target', Promise<{ language: string }[]>>();

  const languages = (type: 'source' | 'target', signal?: AbortSignal): Promise<{ language: string }[]> => {
    let p = lists.get(type);
    if (!p) {
      p = requestJson<{ language: string }[]>(options.fetch, `${root}/v2/languages?type=${type}`, { method: 'GET', headers }, { provider: ID, timeoutMs, signal });
      p.catch(() => lists.delete(type));
      lists.set(type, p);
    }
    return p;
  };

  return {
    id: ID,
    cacheId: ID,
    label: 'DeepL',
    capabilities,

    async availability(pair: LanguagePair, o: TranslateOptions = {}): Promise<Availability> {
      const [sources, targets] = await Promise.all([languages('source', o.signal), languages('target', o.signal)]);
      const src = deeplSource(pair.source);
      const tgt = deeplTarget(pair.target);
      const has = (list: { language: string }[], c: string): boolean => list.some((l) => l.language.toUpperCase() === c);
      const ok = has(sources, src) && (has(targets, tgt) || has(targets, primaryLang(pair.target).toUpperCase()));
      return ok ? 'available' : 'unavailable';
    },

    async translate(segments: readonly Segment[], pair: LanguagePair, o: TranslateOptions = {}): Promise<string[]> {
      if (!segments.length) return [];
      const body = {
        text: segments.map((s) => s.html),
        source_lang: deeplSource(pair.source),
        target_lang: deeplTarget(pair.target),
        tag_handling: 'html',
      };
      const answer = await requestJson<{ translations?: { text?: unknown }[] }>(
        options.fetch,
        `${root}/v2/translate`,
        { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
        { provider: ID, timeoutMs, signal: o.signal },
      );
      const out = answer.translations?.map((t) => t.text);
      if (!out || out.length !== segments.length || out.some((t) => typeof t !== 'string')) {
        throw new TranslationError('bad-response', ID, `expected ${segments.length} translations`);
      }
      return out as string[];
    },
  };
}
