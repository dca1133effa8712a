/**
 * A real machine translation engine for tests: a small HTTP server on 127.0.0.1 that speaks the LibreTranslate
 * API (POST /translate, GET /languages, GET /frontend/settings) and translates with Apertium from Debian
 * (`apt-get install apertium apertium-eng-spa apertium-ind-zlm`: en<->es and id<->ms; Debian has no
 * Indonesian<->English pair). format=html goes through Apertium's HTML deformatter, which keeps tags and their
 * attributes and moves them with the words, like real services do.
 *
 * It also plays back failures on demand, chosen by api_key:
 *   'bad'     403 {"error":"Invalid API key"}
 *   'quota'   403 {"error":"... character quota ..."}   (LibreTranslate answers 403 for both)
 *   'slow'    429 with Retry-After: 1 the first time for this server, then translates
 *   'busy'    429 without Retry-After, every time
 *   'broken'  500
 *   'garbage' 200 with a body that is not JSON
 *   'hang'    never answers (until stop())
 * and the server's limits: more texts than batchLimit or more characters than charLimit -> 400 "... limit ...".
 * stop() closes it (connections included); start another on the same port for a "network back" test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Apertium's three-letter codes to the ISO 639-1 codes LibreTranslate (and Jernih) use. */
const ISO: Record<string, string> = { eng: 'en', spa: 'es', ind: 'id', zlm: 'ms' };
const NAMES: Record<string, string> = { en: 'English', es: 'Spanish', id: 'Indonesian', ms: 'Malay' };

export interface ApertiumCheck {
  ok: boolean;
  /** Installed modes we can serve, as LibreTranslate pairs: { 'en>es': 'eng-spa', ... } */
  modes: Record<string, string>;
  /** Why not, for a test's skip message. */
  reason?: string;
}

let checked: ApertiumCheck | undefined;

/** Whether `apertium` is installed, and which of its modes map to language pairs. */
export function checkApertium(): ApertiumCheck {
  if (checked) return checked;
  const r = spawnSync('apertium', ['-l'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    checked = { ok: false, modes: {}, reason: 'apertium is not installed (apt-get install -y apertium apertium-eng-spa apertium-ind-zlm)' };
    return checked;
  }
  const modes: Record<string, string> = {};
  for (const line of r.stdout.split('\n')) {
    const mode = line.trim();
    const m = /^([a-z]{3})-([a-z]{3})$/.exec(mode); // skips variants such as spa-eng_US
    if (m && ISO[m[1]] && ISO[m[2]]) modes[`${ISO[m[1]]}>${ISO[m[2]]}`] = mode;
  }
  checked = Object.keys(modes).length
    ? { ok: true, modes }
    : { ok: false, modes, reason: 'apertium is installed but has no en-es or id-ms pair (apt-get install -y apertium-eng-spa apertium-ind-zlm)' };
  return checked;
}

export interface TranslateServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Characters per request, all texts together (LibreTranslate's char_limit). */
  charLimit?: number;
  /** Texts per request (LibreTranslate's batch_limit). */
  batchLimit?: number;
  /** Apertium processes at once. */
  concurrency?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface TranslateServer {
  url: string;
  port: number;
  /** Every request received, for tests that check what the client sent. */
  requests: LoggedRequest[];
  stop(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'Content-Length': Buffer.byteLength(text),
    // LibreTranslate allows any origin; an extension page calling it needs this too.
    'Access-Control-Allow-Origin': '*',
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 2_000_000) throw new HttpError(413, 'Request too large');
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  // LibreTranslate takes JSON or a form; q may repeat in a form.
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(raw);
    const out: Record<string, unknown> = Object.fromEntries(form);
    const qs = form.getAll('q');
    if (qs.length > 1) out.q = qs;
    return out;
  }
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'Invalid request: body is not JSON');
  }
}

/** A tiny semaphore: Apertium runs a pipeline of processes per call, the machine has few cores. */
function limiter(max: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (fn) => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

export async function startTranslateServer(options: TranslateServerOptions = {}): Promise<TranslateServer> {
  const { charLimit = 5000, batchLimit = 25 } = options;
  const apertium = checkApertium();
  const work = mkdtempSync(join(tmpdir(), 'jernih-apertium-'));
  const limit = limiter(options.concurrency ?? Math.max(1, availableParallelism()));
  const children = new Set<ReturnType<typeof spawn>>();
  const throttled = new Set<string>();
  const requests: LoggedRequest[] = [];
  let fileNo = 0;

  /**
   * One text through Apertium. The input goes in a file: the `apertium` wrapper reads /dev/stdin, which
   * cannot be opened when stdin is Node's socket (it then translates nothing).
   */
  const translate = (text: string, mode: string, format: 'html' | 'text'): Promise<string> =>
    limit(
      () =>
        new Promise<string>((resolve, reject) => {
          if (!text.trim()) return resolve(text);
          const file = join(work, `q${fileNo++}`);
          writeFileSync(file, text);
          // -u: no '*' before unknown words; -f html: tags and attributes pass through untouched.
          // APERTIUM_TRANSFUSE=no: always Apertium's own HTML deformatter, even where the recommended
          // `transfuse` package is installed (apt installs recommends by default, and the wrapper then prefers it).
          const child = spawn('apertium', ['-u', '-f', format === 'html' ? 'html' : 'txt', mode, file], {
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...process.env, APERTIUM_TRANSFUSE: 'no' },
          });
          children.add(child);
          let out = '';
          let err = '';
          child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
          child.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d));
          child.on('error', reject);
          child.on('close', (code) => {
            children.delete(child);
            rmSync(file, { force: true });
            if (code !== 0) return reject(new HttpError(500, `apertium failed (${code}): ${err.trim()}`));
            // The text deformatter ends its output with a newline the input did not have.
            resolve(!text.endsWith('\n') && out.endsWith('\n') ? out.slice(0, -1) : out);
          });
        }),
    );

  const languages = (): { code: string; name: string; targets: string[] }[] => {
    const byCode = new Map<string, string[]>();
    for (const pair of Object.keys(apertium.modes)) {
      const [s, t] = pair.split('>');
      byCode.set(s, [...(byCode.get(s) ?? []), t]);
      if (!byCode.has(t)) byCode.set(t, []);
    }
    return [...byCode].map(([code, targets]) => ({ code, name: NAMES[code] ?? code, targets }));
  };

  async function handleTranslate(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const key = typeof body.api_key === 'string' ? body.api_key : '';
    switch (key) {
      case 'bad':
        throw new HttpError(403, 'Invalid API key');
      case 'quota':
        throw new HttpError(403, 'Your API key has exceeded its monthly character quota');
      case 'busy':
        throw new HttpError(429, 'Too many request limits violations');
      case 'broken':
        throw new HttpError(500, 'Internal server error');
      case 'garbage':
        return send(res, 200, '<html>Gateway says hello</html>', { 'Content-Type': 'text/html' });
      case 'hang':
        return; // the test's timeout, or stop(), ends it
      case 'slow':
        if (!throttled.has(key)) {
          throttled.add(key);
          throw new HttpError(429, 'Slowdown: too many requests', { 'Retry-After': '1' });
        }
    }
    const q = body.q;
    const texts = typeof q === 'string' ? [q] : Array.isArray(q) && q.every((t) => typeof t === 'string') ? (q as string[]) : null;
    if (!texts) throw new HttpError(400, 'Invalid request: missing q parameter');
    const source = String(body.source ?? '');
    const target = String(body.target ?? '');
    if (!source) throw new HttpError(400, 'Invalid request: missing source parameter');
    if (!target) throw new HttpError(400, 'Invalid request: missing target parameter');
    if (texts.length > batchLimit) throw new HttpError(400, `Invalid request: request (${texts.length}) exceeds text limit (${batchLimit})`);
    const chars = texts.reduce((n, t) => n + t.length, 0);
    if (chars > charLimit) throw new HttpError(400, `Invalid request: request (${chars}) exceeds character limit (${charLimit})`);
    if (source === 'auto') throw new HttpError(400, 'auto is not supported by this test server: name the source language');
    const known = languages();
    if (!known.some((l) => l.code === source)) throw new HttpError(400, `${source} is not supported`);
    const mode = apertium.modes[`${source}>${target}`];
    if (!mode) {
      throw new HttpError(400, `${NAMES[target] ?? target} (${target}) is not available as a target language from ${NAMES[source] ?? source} (${source})`);
    }
    const format = body.format === 'html' ? 'html' : 'text';
    const out = await Promise.all(texts.map((t) => translate(t, mode, format)));
    send(res, 200, { translatedText: typeof q === 'string' ? out[0] : out });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      try {
        if (req.method === 'OPTIONS') {
          return send(res, 204, '', { 'Access-Control-Allow-Headers': 'Content-Type, Authorization', 'Access-Control-Allow-Methods': 'GET, POST' });
        }
        const body = req.method === 'POST' ? await readBody(req) : {};
        requests.push({ method: req.method ?? 'GET', path, body });
        if (req.method === 'GET' && path === '/languages') return send(res, 200, languages());
        if (req.method === 'GET' && path === '/frontend/settings') {
          return send(res, 200, {
            apiKeys: true, keyRequired: false, charLimit, batchLimit, suggestions: false, supportedFilesFormat: [], frontendTimeout: 500,
            language: { source: { code: 'en', name: 'English' }, target: { code: 'es', name: 'Spanish' } },
          });
        }
        if (req.method === 'POST' && path === '/translate') {
          if (!apertium.ok) throw new HttpError(500, apertium.reason ?? 'apertium missing');
          return await handleTranslate(body, res);
        }
        if (req.method === 'GET' && path === '/') return send(res, 200, 'Jernih test translation server (LibreTranslate API, Apertium engine)\n');
        throw new HttpError(404, 'Not found');
      } catch (e) {
        if (res.headersSent) return;
        const status = e instanceof HttpError ? e.status : 500;
        send(res, status, { error: (e as Error).message }, e instanceof HttpError ? e.headers : {});
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: never reachable from another machine.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        for (const child of children) child.kill('SIGKILL');
        server.close(() => {
          rmSync(work, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
