/**
 * LibreTranslate (README and app.py of LibreTranslate/LibreTranslate): POST /translate with `q` as an array
 * (one request per batch), format=html so the marker tags survive, optional api_key; GET /languages for the
 * pairs; GET /frontend/settings for the server's character limit. Self-hosted servers may need no key.
 */
import { requestJson } from '../http';
import { TranslationError } from '../errors';
import { primaryLang } from '../lang';
import type {
  Availability, FetchLike, LanguagePair, PrepareOptions, ProviderCapabilities, Segment, TranslateOptions, TranslationProvider,
} from '../types';

export interface LibreTranslateOptions {
  /** The server's base address, e.g. https://libretranslate.example.org or http://127.0.0.1:5000. */
  url: string;
  apiKey?: string;
  fetch: FetchLike;
  /** Texts per request. Servers may set batch_limit; a 400 "exceeds ... limit" makes the caller split. */
  maxItems?: number;
  /** Characters per request; lowered to the server's charLimit by prepare(). */
  maxChars?: number;
  timeoutMs?: number;
}

interface LanguageEntry {
  code: string;
  targets?: string[];
}

const ID = 'libretranslate';

/** LibreTranslate's codes are ISO 639-1 like ours, with Chinese written zh-Hans / zh-Hant in newer servers. */
function code(lang: string): string {
  return lang.startsWith('zh') ? lang : primaryLang(lang);
}

export function createLibreTranslate(options: LibreTranslateOptions): TranslationProvider {
  const base = new URL(options.url);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TypeError(`LibreTranslate: not a web address: ${options.url}`);
  const root = base.href.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const capabilities: ProviderCapabilities = {
    html: true,
    maxItems: options.maxItems ?? 20,
    maxChars: options.maxChars ?? 5000,
    needsKey: false,
    local: false,
  };
  let languages: Promise<LanguageEntry[]> | undefined;

  const get = <T>(path: string, signal?: AbortSignal): Promise<T> =>
    requestJson<T>(options.fetch, `${root}${path}`, { method: 'GET', headers: { Accept: 'application/json' } }, { provider: ID, timeoutMs, signal });

  return {
    id: ID,
    cacheId: `${ID}:${root}`,
    label: `LibreTranslate (${base.host})`,
    capabilities,

    async availability(pair: LanguagePair, o: TranslateOptions = {}): Promise<Availability> {
      languages ??= get<LanguageEntry[]>('/languages', o.signal).catch((e: unknown) => {
        languages = undefined; // a failed look-up is not remembered
        throw e;
      });
      const list = await languages;
      const source = list.find((l) => l.code === code(pair.source));
      // Old servers list no targets: every listed language then translates to every other.
      const ok = !!source && (source.targets ? source.targets.includes(code(pair.target)) : list.some((l) => l.code === code(pair.target)));
      return ok ? 'available' : 'unavailable';
    },

    async prepare(_pair: LanguagePair, o: PrepareOptions = {}): Promise<void> {
      // Adopt the server's own limit so no request is refused for size; servers without the route are fine.
      try {
        const settings = await get<{ charLimit?: number }>('/frontend/settings', o.signal);
        if (typeof settings.charLimit === 'number' && settings.charLimit > 0) {
          capabilities.maxChars = Math.min(capabilities.maxChars, settings.charLimit);
        }
      } catch (e) {
        if (e instanceof TranslationError && (e.kind === 'cancelled' || e.kind === 'network')) throw e;
      }
    },

    async translate(segments: readonly Segment[], pair: LanguagePair, o: TranslateOptions = {}): Promise<string[]> {
      if (!segments.length) return [];
      const body: Record<string, unknown> = {
        q: segments.map((s) => s.html),
        source: code(pair.source),
        target: code(pair.target),
        format: 'html',
      };
      if (options.apiKey) body.api_key = options.apiKey;
      const answer = await requestJson<{ translatedText?: unknown }>(
        options.fetch,
        `${root}/translate`,
        { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) },
        { provider: ID, timeoutMs, signal: o.signal },
      );
      const out = typeof answer.translatedText === 'string' ? [answer.translatedText] : answer.translatedText;
      if (!Array.isArray(out) || out.length !== segments.length || out.some((t) => typeof t !== 'string')) {
        throw new TranslationError('bad-response', ID, `expected ${segments.length} translations`);
      }
      return out as string[];
    },
  };
}
