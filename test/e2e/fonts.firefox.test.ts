/**
 * Issue #14 (B), in Firefox ESR: the reader's fonts reach the page as data. A moz-extension:// URL carries the
 * per-install id: an identifier that follows the person across sites. The reader fetches its font files itself
 * and gives the page's FontFace their bytes; the files are not web-accessible in Firefox at all. (Firefox ESR
 * keeps a content script's font loads out of the page's resource timing and CSP reports, so those checks pass
 * either way; the probe below is the one a page could make.) The faces must still load, even under a page CSP
 * that refuses fonts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { startServer, type TestServer } from './helpers/server';
import { FIREFOX, launchFirefox, toggleReader, waitForReader, type FirefoxWithExtension } from './helpers/firefox';

const hasFirefox = existsSync(FIREFOX);
if (!hasFirefox) console.warn(`[fonts.firefox] SKIPPED: ${FIREFOX} not found`);

describe.skipIf(!hasFirefox)(`reader fonts in Firefox ESR${hasFirefox ? '' : ` (skipped: ${FIREFOX} not found)`}`, () => {
  let server: TestServer;
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    server = await startServer();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  /**
   * A strict page: its CSP refuses every font load, and it listens for violations, whose reports carry the
   * blocked URL. The page's own script runs before the reader opens.
   */
  const STRICT = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="font-src 'none'">
<title>Farmers bring their harvest to the city</title>
<script>window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.blockedURI + ' ' + e.violatedDirective));</script>
</head><body><main><article><h1>Farmers bring their harvest to the city</h1>
${Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1}: the farmers of the valley bring vegetables, rice and fruit to the city market every morning, long before the sun rises, and sell them to traders who come from all over the province.</p>`).join('\n')}
</article></main></body></html>`;

  it('no moz-extension:// URL reaches the page (resource timing, CSP reports, DOM), and the bundled faces load from the bytes', async () => {
    server.page('/strict-fonts', STRICT);
    const page = await firefox.newPage();
    await page.goto(`${server.origin}/strict-fonts`, { waitUntil: 'load' });
    expect(await toggleReader(page)).toEqual({ state: 'opened' });
    await waitForReader(page);
    // The reader's text uses the serif family (the default): its faces settle once text needs them.
    await page.waitForFunction(
      () => {
        const faces = Array.from(document.fonts).filter((f) => f.family.includes('Jernih'));
        return faces.length > 0 && faces.some((f) => f.status === 'loaded' || f.status === 'error');
      },
      { timeout: 20_000, polling: 100 },
    );
    // And every face that was asked for is done, loaded or failed: no font load is still going that could yet add
    // to resource timing or to the CSP reports read below.
    await page.waitForFunction(
      () => Array.from(document.fonts).every((f) => !f.family.includes('Jernih') || f.status !== 'loading'),
      { timeout: 20_000, polling: 100 },
    );
    const seen = await page.evaluate(() => ({
      resources: performance.getEntriesByType('resource').map((e) => e.name),
      violations: (window as unknown as { __violations: string[] }).__violations,
      faces: Array.from(document.fonts).filter((f) => f.family.includes('Jernih')).map((f) => f.status),
      html: document.documentElement.outerHTML + (document.body.shadowRoot?.innerHTML ?? ''),
    }));
    const leaks = (list: string[]) => list.filter((n) => n.includes('moz-extension') || n.includes(firefox.uuid));
    expect(leaks(seen.resources), 'resource timing').toEqual([]);
    expect(leaks(seen.violations), 'CSP violation reports').toEqual([]);
    expect(seen.html).not.toContain(firefox.uuid);
    expect(seen.faces.length).toBeGreaterThan(0);
    expect(seen.faces.filter((s) => s === 'error'), 'faces that failed to load').toEqual([]);
    // And a page that knows (or guesses) the id cannot load the files: they are not web-accessible in Firefox.
    const probe = await page.evaluate(async (url) => {
      try {
        const face = new FontFace('probe', `url("${url}")`);
        await face.load();
        return face.status;
      } catch {
        return 'refused';
      }
    }, `moz-extension://${firefox.uuid}/fonts/literata-latin-400-normal.woff2`);
    expect(probe).toBe('refused');
    await page.close();
  });
});
