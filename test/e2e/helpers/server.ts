/** A tiny static server on 127.0.0.1 for the browser tests: fixture pages and ad-hoc pages, never the web. */
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures');

export interface TestServer {
  origin: string;
  /** Serve `html` at `path` (e.g. '/plain'). */
  page(path: string, html: string): void;
  /**
   * Serve a page that is still arriving: `head` at once, `tail` only when the test calls release() (a large page
   * over a slow network, without a clock in the test). Every request for `path` waits for the same release.
   */
  hold(path: string, head: string, tail: string): { release(): void };
  /** Serve any bytes at `path` with a content type (pictures of a test article). */
  asset(path: string, body: Uint8Array | string, type: string): void;
  /** Paths requested so far, in order (to prove a page made no request). */
  requests: string[];
  /** URL of a fixture: /fixtures/<group>/<case>/ serves its source.html. */
  fixture(id: string): string;
  /**
   * The fixture under its real URL (http, this server's port). The browser must map the host to 127.0.0.1
   * (Chromium: --host-resolver-rules, see SITE_HOST_RULES); the server answers by Host header and path.
   */
  siteUrl(id: string): string;
  close(): Promise<void>;
}

const key = (u: URL): string => `${u.hostname}${u.pathname}${u.search}`;

/**
 * Every fixture page by the host, path and query of its URL: expected.json's url (source.html) and the other
 * pages of multi-page fixtures (its `pages` map). Without a query match, host + path also finds source.html.
 */
function fixturesBySiteUrl(): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of readdirSync(FIXTURES)) {
    const groupDir = join(FIXTURES, group);
    // Groups are folders; a file beside them (test/fixtures/README.md) is not one.
    if (!statSync(groupDir).isDirectory()) continue;
    for (const name of readdirSync(groupDir)) {
      const dir = join(groupDir, name);
      const exp = join(dir, 'expected.json');
      if (!existsSync(exp)) continue;
      const e = JSON.parse(readFileSync(exp, 'utf8')) as { url: string; pages?: Record<string, string> };
      const u = new URL(e.url);
      for (const [pageUrl, file] of Object.entries(e.pages ?? {})) map.set(key(new URL(pageUrl)), join(dir, file));
      if (!map.has(key(u))) map.set(key(u), join(dir, 'source.html'));
      if (!map.has(`${u.hostname}${u.pathname}`)) map.set(`${u.hostname}${u.pathname}`, join(dir, 'source.html'));
    }
  }
  return map;
}

/**
 * Chromium flag that sends every host name to this machine: fixture pages are served under their real
 * names (the auto-clean script and the site rules only act there), and nothing ever reaches the web.
 */
export const SITE_HOST_RULES = '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost';

export async function startServer(): Promise<TestServer> {
  const pages = new Map<string, string>();
  const assets = new Map<string, { body: Uint8Array | string; type: string }>();
  const held = new Map<string, { head: string; tail: string; released: Promise<void> }>();
  const requests: string[] = [];
  const bySite = fixturesBySiteUrl();
  let port = 0;
  const server: Server = createServer((req, res) => {
    const reqUrl = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(reqUrl.pathname);
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const siteFile = host !== '127.0.0.1' ? bySite.get(`${host}${reqUrl.pathname}${reqUrl.search}`) ?? bySite.get(`${host}${reqUrl.pathname}`) : undefined;
    if (siteFile) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      // The pages link to each other with their real https URLs: point those at this server (http, its port).
      const html = readFileSync(siteFile, 'utf8').replace(/https:\/\/([a-z0-9.-]+\.[a-z]{2,})(?=[/"'?#])/gi, (m, h: string) =>
        h.toLowerCase() === host ? `http://${h}:${port}` : m,
      );
      return res.end(html);
    }
    requests.push(`${host}${path}`);
    const asset = assets.get(path);
    if (asset) {
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' });
      return res.end(asset.body);
    }
    const slow = held.get(path);
    if (slow) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.write(slow.head);
      void slow.released.then(() => res.end(slow.tail));
      return;
    }
    const custom = pages.get(path);
    if (custom !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(custom);
    }
    const m = path.match(/^\/fixtures\/([\w-]+)\/([\w-]+)\/?$/);
    const file = m ? join(FIXTURES, m[1], m[2], 'source.html') : '';
    if (file && existsSync(file)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(readFileSync(file));
    }
    if (path.endsWith('.wav')) {
      res.writeHead(200, { 'content-type': 'audio/wav' });
      return res.end(readFileSync(join(import.meta.dirname, 'tone.wav')));
    }
    // Images and everything else the fixture pages reference: a 1x1 PNG or 404, fast and offline.
    if (/\.(png|jpe?g|gif|webp)$/i.test(path)) {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    page: (path, html) => void pages.set(path, html),
    hold(path, head, tail) {
      let release = () => undefined as void;
      held.set(path, { head, tail, released: new Promise<void>((ok) => (release = ok)) });
      return { release };
    },
    asset: (path, body, type) => void assets.set(path, { body, type }),
    requests,
    fixture: (id) => `${origin}/fixtures/${id}/`,
    siteUrl(id) {
      const u = new URL(JSON.parse(readFileSync(join(FIXTURES, id, 'expected.json'), 'utf8')).url);
      return `http://${u.hostname}:${new URL(origin).port}${u.pathname}${u.search}`;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        // A held page never released, or a keep-alive socket, would keep close() waiting.
        server.closeAllConnections();
      }),
  };
}
