/**
 * Loading a saved page the way the scripts need it: jsdom with its defaults kept (no page scripts run, no
 * subresources load), so reading a file never touches the network, and a virtual console that stays quiet
 * (jsdom reports every stylesheet it cannot parse; those are noise for a command-line tool).
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function loadPage(html: string, url: string): JSDOM {
  // No runScripts, no resources: the jsdom defaults, on purpose.
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}

/** The url of a fixture page: expected.json beside the file (test/fixtures/<group>/<case>/), or null. */
export function fixtureUrlFor(file: string): string | null {
  const exp = join(dirname(file), 'expected.json');
  if (!existsSync(exp)) return null;
  try {
    const url = (JSON.parse(readFileSync(exp, 'utf8')) as { url?: unknown }).url;
    return typeof url === 'string' && url ? url : null;
  } catch {
    return null;
  }
}
