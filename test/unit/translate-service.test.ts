/** The background's translation service, with a fake Port and the LibreTranslate provider over a fake fetch. */
import { describe, expect, it } from 'vitest';
import { serveTranslatePort, type PortLike } from '@/utils/background/translate-service';
import { createMemoryCache } from '@/utils/translate/cache';
import type { TranslatePortOut } from '@/utils/messages';

function fakePort(tab?: { incognito: boolean }) {
  const out: TranslatePortOut[] = [];
  let onMessage: (m: unknown) => void = () => undefined;
  let onDisconnect: () => void = () => undefined;
  const port: PortLike = {
    postMessage: (m) => out.push(m),
    onMessage: { addListener: (cb) => (onMessage = cb) },
    onDisconnect: { addListener: (cb) => (onDisconnect = cb) },
    ...(tab ? { sender: { tab } } : {}),
  };
  return { port, out, send: (m: unknown) => onMessage(m), disconnect: () => onDisconnect() };
}

const segments = [
  { id: 'b0', html: 'Halo <b id="t0">dunia</b>', text: 'Halo dunia', runs: [{ id: 't0', tag: 'b', kind: 'format' as const, text: 'dunia' }] },
  { id: 'b1', html: 'Selamat pagi', text: 'Selamat pagi', runs: [] },
];

/** A LibreTranslate server in a function: upper-cases the text it gets (format html keeps the markers). */
const fakeFetch = async (url: string | URL | Request, init?: RequestInit) => {
  if (String(url).endsWith('/frontend/settings')) return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  const body = JSON.parse(String(init?.body ?? '{}'));
  if (body.api_key === 'bad') return new Response(JSON.stringify({ error: 'Invalid API key' }), { status: 403 });
  const q: string[] = Array.isArray(body.q) ? body.q : [body.q];
  return new Response(JSON.stringify({ translatedText: q.map((t) => t.replace(/>([^<]*)</g, (_m, s: string) => `>${s.toUpperCase()}<`).replace(/^[^<]+/, (s) => s.toUpperCase())) }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
};

const until = async (out: TranslatePortOut[], type: string) => {
  for (let i = 0; i < 200 && !out.some((m) => m.type === type); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('translation service (background)', () => {
  it('gives a reader in a private window the memory-only cache, and any other reader the lasting one', async () => {
    const asked: boolean[] = [];
    const deps = {
      getConfig: async () => ({ id: 'libretranslate' as const, url: 'http://127.0.0.1:1', apiKey: '' }),
      providerEnv: { fetch: fakeFetch as never },
      cache: async (incognito: boolean) => (asked.push(incognito), createMemoryCache()),
    };
    for (const tab of [{ incognito: true }, { incognito: false }, undefined]) {
      const p = fakePort(tab);
      serveTranslatePort(p.port, deps);
      p.send({ type: 'translate:start', pair: { source: 'id', target: 'en' }, segments, visible: [] });
      await until(p.out, 'translate:done');
    }
    expect(asked).toEqual([true, false, false]);
  });

  it('streams each block back, then done; a second run comes from the cache', async () => {
    const cache = createMemoryCache();
    const deps = {
      getConfig: async () => ({ id: 'libretranslate' as const, url: 'http://127.0.0.1:1', apiKey: '' }),
      providerEnv: { fetch: fakeFetch as never },
      cache: async () => cache,
    };
    const a = fakePort();
    serveTranslatePort(a.port, deps);
    a.send({ type: 'translate:start', pair: { source: 'id', target: 'en' }, segments, visible: ['b1'] });
    await until(a.out, 'translate:done');
    const got = a.out.filter((m) => m.type === 'translate:segment') as Extract<TranslatePortOut, { type: 'translate:segment' }>[];
    expect(got.map((m) => m.id).sort()).toEqual(['b0', 'b1']);
    expect(got.find((m) => m.id === 'b0')!.html).toContain('<b id="t0">DUNIA</b>');
    expect(a.out.at(-1)).toMatchObject({ type: 'translate:done', done: 2, total: 2, fromCache: 0 });

    const b = fakePort();
    serveTranslatePort(b.port, deps);
    b.send({ type: 'translate:start', pair: { source: 'id', target: 'en' }, segments, visible: [] });
    await until(b.out, 'translate:done');
    expect(b.out.at(-1)).toMatchObject({ type: 'translate:done', fromCache: 2 });
  });

  it('says what is wrong: no provider set up, a wrong key, a malformed message is ignored', async () => {
    const none = fakePort();
    serveTranslatePort(none.port, { getConfig: async () => null, providerEnv: { fetch: fakeFetch as never }, cache: async () => createMemoryCache() });
    none.send({ type: 'translate:start', pair: { source: 'id', target: 'en' }, segments, visible: [] });
    await until(none.out, 'translate:error');
    expect(none.out.at(-1)).toMatchObject({ type: 'translate:error', kind: 'not-configured' });

    const bad = fakePort();
    serveTranslatePort(bad.port, {
      getConfig: async () => ({ id: 'libretranslate' as const, url: 'http://127.0.0.1:1', apiKey: 'bad' }),
      providerEnv: { fetch: fakeFetch as never },
      cache: async () => createMemoryCache(),
    });
    bad.send({ type: 'translate:start', pair: { source: 'id', target: 'en' }, segments: [{ id: 'x', html: '<script>', text: 'x', runs: 'no' }], visible: [] });
    await new Promise((r) => setTimeout(r, 20));
    expect(bad.out).toEqual([]);
    bad.send({ type: 'translate:start', pair: { source: 'id', target: 'en' }, segments, visible: [] });
    await until(bad.out, 'translate:error');
    expect(bad.out.at(-1)).toMatchObject({ type: 'translate:error', kind: 'auth' });
  });
});
