/**
 * Chrome's on-device Translator API (Chrome 138+; webmachinelearning/translation-api, notes/translation.md §1).
 * Facts this follows:
 * - `availability()` never downloads; `create()` does, and needs a user gesture while the pack is
 *   'downloadable' or 'downloading' (NotAllowedError) — so prepare() must run from the reader's click.
 * - Offline, create() neither resolves nor rejects (checked on Chromium 156): always a time limit and Cancel.
 * - Input is plain text only: formatting is rebuilt with markupFromText from separately translated runs.
 * The global is injected (chromeTranslatorFrom); where it is undefined (Firefox) the provider is not offered.
 */
import { errorFromThrown, TranslationError } from '../errors';
import { withTimeout } from '../http';
import { primaryLang } from '../lang';
import { markupFromText } from '../segment';
import type {
  Availability, LanguagePair, PrepareOptions, ProviderCapabilities, Segment, TranslateOptions, TranslationProvider,
} from '../types';

/** The parts of the Translator IDL this provider uses (a fake in tests follows the same shape). */
export interface TranslatorInstance {
  translate(input: string, options?: { signal?: AbortSignal }): Promise<string>;
  destroy?(): void;
}
export interface TranslatorMonitor {
  addEventListener(type: 'downloadprogress', listener: (event: { loaded: number }) => void): void;
}
export interface TranslatorStatic {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<string>;
  create(options: {
    sourceLanguage: string;
    targetLanguage: string;
    monitor?(monitor: TranslatorMonitor): void;
    signal?: AbortSignal;
  }): Promise<TranslatorInstance>;
}

/** The `Translator` global of `scope`, if this browser has one. */
export function chromeTranslatorFrom(scope: object = globalThis): TranslatorStatic | undefined {
  const t = (scope as { Translator?: unknown }).Translator;
  return t && typeof (t as TranslatorStatic).availability === 'function' && typeof (t as TranslatorStatic).create === 'function'
    ? (t as TranslatorStatic)
    : undefined;
}

export interface ChromeProviderOptions {
  translator: TranslatorStatic;
  /** The first download can take minutes on a slow line; offline it never ends. */
  createTimeoutMs?: number;
  translateTimeoutMs?: number;
}

const ID = 'chrome-builtin';

/** Chrome ignores regions (translation-api#68); Chinese keeps its script. */
function code(lang: string): string {
  return lang.startsWith('zh') ? lang : primaryLang(lang);
}

export function createChromeProvider(options: ChromeProviderOptions): TranslationProvider {
  const { translator, createTimeoutMs = 120_000, translateTimeoutMs = 30_000 } = options;
  const capabilities: ProviderCapabilities = { html: false, maxItems: 10, maxChars: 5000, needsKey: false, local: true };
  const instances = new Map<string, Promise<TranslatorInstance>>();
  const keyOf = (pair: LanguagePair): string => `${code(pair.source)}>${code(pair.target)}`;

  function instance(pair: LanguagePair, o: PrepareOptions = {}): Promise<TranslatorInstance> {
    const key = keyOf(pair);
    let p = instances.get(key);
    if (p) return p;
    const { signal, done } = withTimeout(o.signal, createTimeoutMs);
    p = translator
      .create({
        sourceLanguage: code(pair.source),
        targetLanguage: code(pair.target),
        monitor(m) {
          m.addEventListener('downloadprogress', (e) => o.onProgress?.(Math.max(0, Math.min(1, e.loaded))));
        },
        signal,
      })
      .catch((e: unknown) => {
        instances.delete(key); // a refused or stalled download may succeed after the next click
        throw errorFromThrown(ID, signal.aborted ? signal.reason ?? e : e);
      })
      .finally(done);
    instances.set(key, p);
    return p;
  }

  async function translateOne(t: TranslatorInstance, text: string, parent?: AbortSignal): Promise<string> {
    const { signal, done } = withTimeout(parent, translateTimeoutMs);
    try {
      return await t.translate(text, { signal });
    } catch (e) {
      throw errorFromThrown(ID, signal.aborted ? signal.reason ?? e : e);
    } finally {
      done();
    }
  }

  return {
    id: ID,
    cacheId: ID,
    label: 'Chrome (on this device)',
    capabilities,

    async availability(pair: LanguagePair): Promise<Availability> {
      try {
        const a = await translator.availability({ sourceLanguage: code(pair.source), targetLanguage: code(pair.target) });
        if (a === 'available') return 'available';
        // 'downloading' still needs create() from a click, exactly like 'downloadable'.
        if (a === 'downloadable' || a === 'downloading') return 'downloadable';
        return 'unavailable';
      } catch (e) {
        throw errorFromThrown(ID, e);
      }
    },

    async prepare(pair: LanguagePair, o: PrepareOptions = {}): Promise<void> {
      await instance(pair, o);
    },

    async translate(segments: readonly Segment[], pair: LanguagePair, o: TranslateOptions = {}): Promise<string[]> {
      const t = await instance(pair, { signal: o.signal });
      const out: string[] = [];
      for (const segment of segments) {
        if (o.signal?.aborted) throw new TranslationError('cancelled', ID);
        const whole = await translateOne(t, segment.text, o.signal);
        // Each link or bold run on its own, to find it in the whole; code and images are kept as they are.
        const runs: (string | null)[] = [];
        for (const run of segment.runs) {
          runs.push(run.kind === 'format' && run.text ? await translateOne(t, run.text, o.signal) : null);
        }
        out.push(markupFromText(segment, whole, runs));
      }
      return out;
    },
  };
}
