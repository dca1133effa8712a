/** A tiny static server on 127.0.0.1 for the browser tests: fixture pages and ad-hoc pages, never the web. */
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures');

export interface TestServer {
  origin: string;
  /** Serve `html` at `path` (e.g. '/plain'). */
  page(path: string, html: string): void;
  /** URL of a fixture: /fixtures/<group>/<case>/ serves its source.html. */
  fixture(id: string): string;
  /**
   * The fixture under its real URL (http, this server's port). The browser must map the host to 127.0.0.1
   * (Chromium: --host-resolver-rules, see SITE_HOST_RULES); the server answers by Host header and path.
   */
  siteUrl(id: string): string;
  close(): Promise<void>;
}

/** Every fixture by the host and path of its expected.json url. */
function fixturesBySiteUrl(): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of readdirSync(FIXTURES)) {
    const groupDir = join(FIXTURES, group);
    for (const name of existsSync(groupDir) ? readdirSync(groupDir) : []) {
      const exp = join(groupDir, name, 'expected.json');
      if (!existsSync(exp)) continue;
      const u = new URL(JSON.parse(readFileSync(exp, 'utf8')).url);
      map.set(`${u.hostname}${u.pathname}`, join(groupDir, name, 'source.html'));
    }
  }
  return map;
}

/** Chromium flag that sends the hosts of the site fixtures to this machine (never to the web). */
export const SITE_HOST_RULES = '--host-resolver-rules=MAP *.kompas.com 127.0.0.1, MAP kompas.com 127.0.0.1';

export async function startServer(): Promise<TestServer> {
  const pages = new Map<string, string>();
  const bySite = fixturesBySiteUrl();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host !== '127.0.0.1' && bySite.has(`${host}${path}`)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(readFileSync(bySite.get(`${host}${path}`)!));
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
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page: (path, html) => void pages.set(path, html),
    fixture: (id) => `${origin}/fixtures/${id}/`,
    siteUrl(id) {
      const u = new URL(JSON.parse(readFileSync(join(FIXTURES, id, 'expected.json'), 'utf8')).url);
      return `http://${u.hostname}:${new URL(origin).port}${u.pathname}${u.search}`;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
