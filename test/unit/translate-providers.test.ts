/**
 * Provider contracts with an injected fetch (offline): what each provider sends, and every failure mapped to a
 * typed error. These are contract tests against the documented shapes (notes/translation.md §4), not against
 * the real services; translate-apertium.test.ts runs LibreTranslate's against a real engine.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toFragment } from '@/utils/sanitize';
import { TranslationError } from '@/utils/translate/errors';
import { createChromeProvider, chromeTranslatorFrom, type TranslatorStatic } from '@/utils/translate/providers/chrome';
import { createDeepL, deeplEndpoint, deeplTarget } from '@/utils/translate/providers/deepl';
import { createProvider, offeredProviders } from '@/utils/translate/providers/index';
import { createLibreTranslate } from '@/utils/translate/providers/libretranslate';
import { applyTranslation, segmentBlocks, toSegment } from '@/utils/translate/segment';
import type { FetchLike, Segment } from '@/utils/translate/types';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: any;
}

/** A fetch that records calls and answers with `reply` (a Response, or throws). */
function fakeFetch(reply: (call: Call) => Response | Promise<Response>): FetchLike & { calls: Call[] } {
  const calls: Call[] = [];
  const fn = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    if (init.signal?.aborted) throw init.signal.reason;
    return await new Promise<Response>((resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      Promise.resolve().then(() => reply(call)).then(resolve, reject);
    });
  };
  return Object.assign(fn, { calls });
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const pair = { source: 'en', target: 'es' };

function segments(html: string): Segment[] {
  const root = document.createElement('div');
  root.appendChild(toFragment(html, document));
  return segmentBlocks(root).map(toSegment);
}

const SEGS = segments('<p>The <b>house</b> is <a href="https://x.example/">big</a>.</p><p>Hello.</p>');

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(TranslationError);
    return (e as TranslationError).kind;
  }
  return 'resolved';
}

afterEach(() => {
  vi.useRealTimers();
});

describe('LibreTranslate', () => {
  it('sends one request per batch: q as an array, format html, the key when set', async () => {
    const fetch = fakeFetch((c) => json(200, { translatedText: c.body.q.map((q: string) => `ES:${q}`) }));
    const p = createLibreTranslate({ url: 'https://lt.example/', apiKey: 'k1', fetch });
    expect(await p.translate(SEGS, pair)).toEqual([`ES:${SEGS[0].html}`, 'ES:Hello.']);
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]).toMatchObject({
      url: 'https://lt.example/translate',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: { q: [SEGS[0].html, 'Hello.'], source: 'en', target: 'es', format: 'html', api_key: 'k1' },
    });
    expect(SEGS[0].html).not.toContain('x.example'); // addresses never leave the page
  });

  it('sends no api_key when there is none, and normalised language codes', async () => {
    const fetch = fakeFetch(() => json(200, { translatedText: ['x'] }));
    const p = createLibreTranslate({ url: 'http://127.0.0.1:5000', fetch });
    await p.translate([SEGS[1]], { source: 'id', target: 'ms' });
    expect(fetch.calls[0].body).toEqual({ q: ['Hello.'], source: 'id', target: 'ms', format: 'html' });
    expect(p.cacheId).toBe('libretranslate:http://127.0.0.1:5000');
  });

  it('refuses an address that is not a web address', () => {
    expect(() => createLibreTranslate({ url: 'javascript:alert(1)', fetch: fakeFetch(() => json(200, {})) })).toThrow(TypeError);
  });

  it('reads pairs from /languages once', async () => {
    const fetch = fakeFetch(() => json(200, [{ code: 'en', targets: ['es', 'id'] }, { code: 'es', targets: ['en'] }]));
    const p = createLibreTranslate({ url: 'https://lt.example', fetch });
    expect(await p.availability(pair)).toBe('available');
    expect(await p.availability({ source: 'es', target: 'id' })).toBe('unavailable');
    expect(await p.availability({ source: 'ms', target: 'en' })).toBe('unavailable');
    expect(fetch.calls.map((c) => c.url)).toEqual(['https://lt.example/languages']);
  });

  it("adopts the server's character limit", async () => {
    const fetch = fakeFetch(() => json(200, { charLimit: 1200 }));
    const p = createLibreTranslate({ url: 'https://lt.example', fetch });
    await p.prepare!(pair);
    expect(p.capabilities.maxChars).toBe(1200);
    expect(fetch.calls[0].url).toBe('https://lt.example/frontend/settings');
  });

  const errorCases: [string, () => Response | never, string][] = [
    ['403 Invalid API key', () => json(403, { error: 'Invalid API key' }), 'auth'],
    ['403 with quota text', () => json(403, { error: 'Your API key has exceeded its monthly character quota' }), 'quota'],
    ['429', () => json(429, { error: 'Too many request limits violations' }), 'rate-limited'],
    ['400 not supported', () => json(400, { error: 'ms is not supported' }), 'unsupported-pair'],
    ['400 over the limit', () => json(400, { error: 'Invalid request: request (30) exceeds text limit (25)' }), 'too-long'],
    ['500', () => json(500, { error: 'Internal server error' }), 'server'],
    ['not JSON', () => new Response('<html>proxy</html>', { status: 200 }), 'bad-response'],
    ['wrong number of texts', () => json(200, { translatedText: ['only one'] }), 'bad-response'],
    ['network down', () => { throw new TypeError('fetch failed'); }, 'network'],
  ];
  it.each(errorCases)('%s -> %s', async (_name, reply, kind) => {
    const p = createLibreTranslate({ url: 'https://lt.example', fetch: fakeFetch(reply) });
    expect(await kindOf(p.translate(SEGS, pair))).toBe(kind);
  });

  it('passes on Retry-After', async () => {
    const p = createLibreTranslate({ url: 'https://lt.example', fetch: fakeFetch(() => json(429, { error: 'Slowdown' }, { 'Retry-After': '1' })) });
    await expect(p.translate(SEGS, pair)).rejects.toMatchObject({ kind: 'rate-limited', retryAfterMs: 1000 });
  });

  it('times out a server that never answers, and tells Cancel apart', async () => {
    vi.useFakeTimers();
    const hang = fakeFetch(() => new Promise<Response>(() => {}));
    const p = createLibreTranslate({ url: 'https://lt.example', fetch: hang, timeoutMs: 5000 });
    const timed = kindOf(p.translate(SEGS, pair));
    await vi.advanceTimersByTimeAsync(5000);
    expect(await timed).toBe('timed-out');
    const controller = new AbortController();
    const cancelled = kindOf(p.translate(SEGS, pair, { signal: controller.signal }));
    controller.abort();
    expect(await cancelled).toBe('cancelled');
  });
});

describe('DeepL', () => {
  it('picks the free endpoint for keys ending in :fx', () => {
    expect(deeplEndpoint('abc:fx')).toBe('https://api-free.deepl.com');
    expect(deeplEndpoint(' abc:fx ')).toBe('https://api-free.deepl.com');
    expect(deeplEndpoint('abc')).toBe('https://api.deepl.com');
  });

  it('maps target languages to the codes DeepL accepts', () => {
    expect(['en', 'pt', 'zh', 'zh-Hant', 'id', 'de'].map(deeplTarget)).toEqual(['EN-US', 'PT-BR', 'ZH-HANS', 'ZH-HANT', 'ID', 'DE']);
  });

  it('sends text[] with tag_handling html and the key in the Authorization header', async () => {
    const fetch = fakeFetch((c) => json(200, { translations: c.body.text.map((t: string) => ({ detected_source_language: 'ID', text: `EN:${t}` })) }));
    const p = createDeepL({ apiKey: 'secret:fx', fetch });
    expect(await p.translate(SEGS, { source: 'id', target: 'en' })).toEqual([`EN:${SEGS[0].html}`, 'EN:Hello.']);
    const call = fetch.calls[0];
    expect(call.url).toBe('https://api-free.deepl.com/v2/translate');
    expect(call.headers.authorization).toBe('DeepL-Auth-Key secret:fx');
    expect(call.body).toEqual({ text: [SEGS[0].html, 'Hello.'], source_lang: 'ID', target_lang: 'EN-US', tag_handling: 'html' });
    expect(JSON.stringify(call.body)).not.toContain('secret'); // never in the body or the address
    expect(call.url).not.toContain('secret');
  });

  it('uses the Pro endpoint for other keys and never goes over 50 texts', async () => {
    const fetch = fakeFetch(() => json(200, { translations: [{ text: 'x' }] }));
    const p = createDeepL({ apiKey: 'pro-key', fetch, maxItems: 500 });
    await p.translate([SEGS[1]], pair);
    expect(fetch.calls[0].url).toBe('https://api.deepl.com/v2/translate');
    expect(p.capabilities.maxItems).toBe(50);
  });

  it('reads pairs from /v2/languages', async () => {
    const fetch = fakeFetch((c) => json(200, c.url.endsWith('source') ? [{ language: 'ID' }, { language: 'EN' }] : [{ language: 'EN-US' }, { language: 'ID' }]));
    const p = createDeepL({ apiKey: 'k:fx', fetch });
    expect(await p.availability({ source: 'id', target: 'en' })).toBe('available');
    expect(await p.availability({ source: 'ms', target: 'en' })).toBe('unavailable');
    expect(fetch.calls.every((c) => c.headers.authorization === 'DeepL-Auth-Key k:fx')).toBe(true);
    expect(fetch.calls).toHaveLength(2);
  });

  const errorCases: [string, () => Response | never, string][] = [
    ['403 wrong key', () => json(403, { message: 'Authorization failure, check auth_key' }), 'auth'],
    ['456 quota', () => json(456, { message: 'Quota exceeded' }), 'quota'],
    ['429', () => json(429, { message: 'Too many requests' }), 'rate-limited'],
    ['400 unsupported target', () => json(400, { message: "Value for 'target_lang' not supported." }), 'unsupported-pair'],
    ['413 too large', () => json(413, { message: 'Request Entity Too Large' }), 'too-long'],
    ['503', () => json(503, { message: 'Service unavailable' }), 'server'],
    ['network down', () => { throw new TypeError('Failed to fetch'); }, 'network'],
  ];
  it.each(errorCases)('%s -> %s', async (_name, reply, kind) => {
    const p = createDeepL({ apiKey: 'k:fx', fetch: fakeFetch(reply) });
    expect(await kindOf(p.translate(SEGS, pair))).toBe(kind);
  });
});

/** A fake `Translator` following the spec IDL: availability, create with monitor and signal, translate. */
function fakeTranslator(o: {
  availability?: string;
  gesture?: () => boolean;
  stall?: boolean;
  dictionary?: Record<string, string>;
  quota?: number;
}): TranslatorStatic & { created: number; lastSignal?: AbortSignal } {
  const api = {
    created: 0,
    lastSignal: undefined as AbortSignal | undefined,
    async availability() {
      return o.availability ?? 'available';
    },
    create(opts: Parameters<TranslatorStatic['create']>[0]) {
      api.lastSignal = opts.signal;
      if ((o.availability === 'downloadable' || o.availability === 'downloading') && !o.gesture?.()) {
        return Promise.reject(new DOMException('Requires a user gesture when availability is "downloading" or "downloadable".', 'NotAllowedError'));
      }
      const listeners: ((e: { loaded: number }) => void)[] = [];
      opts.monitor?.({ addEventListener: (_type, l) => listeners.push(l) });
      return new Promise<any>((resolve, reject) => {
        opts.signal?.addEventListener('abort', () => reject(opts.signal!.reason));
        if (o.stall) return; // offline: no progress, no answer (checked on Chromium 156)
        for (const loaded of [0, 0.5, 1]) listeners.forEach((l) => l({ loaded }));
        api.created++;
        resolve({
          async translate(text: string) {
            if (o.quota && text.length > o.quota) throw new DOMException('too long', 'QuotaExceededError');
            return o.dictionary?.[text] ?? `[${text}]`;
          },
        });
      });
    },
  };
  return api;
}

describe('Chrome built-in Translator', () => {
  it('is offered only where the browser has the Translator global', () => {
    expect(chromeTranslatorFrom({})).toBeUndefined();
    expect(offeredProviders({})).toEqual(['libretranslate', 'deepl']);
    const scope = { Translator: fakeTranslator({}) };
    expect(offeredProviders(scope)).toEqual(['chrome-builtin', 'libretranslate', 'deepl']);
    expect(() => createProvider({ id: 'chrome-builtin' }, { fetch: fakeFetch(() => json(200, {})), scope: {} })).toThrow(
      expect.objectContaining({ kind: 'unavailable' }),
    );
    expect(createProvider({ id: 'chrome-builtin' }, { fetch: fakeFetch(() => json(200, {})), scope }).id).toBe('chrome-builtin');
  });

  it('maps availability; a pack being downloaded still needs the click', async () => {
    for (const [state, expected] of [['available', 'available'], ['downloadable', 'downloadable'], ['downloading', 'downloadable'], ['unavailable', 'unavailable'], ['???', 'unavailable']]) {
      const p = createChromeProvider({ translator: fakeTranslator({ availability: state }) });
      expect(await p.availability({ source: 'id-ID', target: 'en' })).toBe(expected);
    }
  });

  it('downloads from the click with progress, then translates without asking again', async () => {
    const translator = fakeTranslator({ availability: 'downloadable', gesture: () => true });
    const p = createChromeProvider({ translator });
    const progress: number[] = [];
    await p.prepare!({ source: 'id', target: 'en' }, { onProgress: (x) => progress.push(x) });
    expect(progress).toEqual([0, 0.5, 1]);
    await p.translate([SEGS[1]], { source: 'id', target: 'en' });
    expect(translator.created).toBe(1);
  });

  it('says "needs a click" without a gesture, and tries again on the next call', async () => {
    let clicked = false;
    const p = createChromeProvider({ translator: fakeTranslator({ availability: 'downloadable', gesture: () => clicked }) });
    expect(await kindOf(p.prepare!({ source: 'id', target: 'en' }))).toBe('needs-click');
    expect(await kindOf(p.translate(SEGS, { source: 'id', target: 'en' }))).toBe('needs-click');
    clicked = true;
    await expect(p.prepare!({ source: 'id', target: 'en' })).resolves.toBeUndefined();
  });

  it('times out a download that never ends (offline) and aborts it', async () => {
    vi.useFakeTimers();
    const translator = fakeTranslator({ stall: true });
    const p = createChromeProvider({ translator, createTimeoutMs: 60_000 });
    const result = kindOf(p.prepare!({ source: 'id', target: 'en' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await result).toBe('timed-out');
    expect(translator.lastSignal?.aborted).toBe(true);
  });

  it('is cancelled by the reader', async () => {
    const p = createChromeProvider({ translator: fakeTranslator({ stall: true }) });
    const controller = new AbortController();
    const result = kindOf(p.prepare!({ source: 'id', target: 'en' }, { signal: controller.signal }));
    controller.abort();
    expect(await result).toBe('cancelled');
  });

  it('translates plain text and rebuilds links and bold by finding their translations', async () => {
    const [seg] = segments('<p>The president opened a new <b>toll road</b> in <a href="https://x.example/jawa">Central Java</a>.</p>');
    const dictionary = {
      'The president opened a new toll road in Central Java.': 'Presiden meresmikan jalan tol baru di Jawa Tengah.',
      'toll road': 'Jalan tol',
      'Central Java': 'Jawa Tengah',
    };
    const p = createChromeProvider({ translator: fakeTranslator({ dictionary }) });
    const [html] = await p.translate([seg], { source: 'en', target: 'id' });
    expect(html).toBe('Presiden meresmikan <b id="t0">jalan tol</b> baru di <a id="t1">Jawa Tengah</a>.');
    const root = document.createElement('div');
    root.appendChild(toFragment('<p>The president opened a new <b>toll road</b> in <a href="https://x.example/jawa">Central Java</a>.</p>', document));
    const out = document.createElement('div');
    out.appendChild(applyTranslation(segmentBlocks(root)[0], html).fragment);
    expect(out.querySelector('a')?.getAttribute('href')).toBe('https://x.example/jawa');
    expect(out.textContent).toBe('Presiden meresmikan jalan tol baru di Jawa Tengah.');
  });

  it('maps a text over the input quota to too-long', async () => {
    const p = createChromeProvider({ translator: fakeTranslator({ quota: 3 }) });
    expect(await kindOf(p.translate([SEGS[1]], pair))).toBe('too-long');
  });
});
