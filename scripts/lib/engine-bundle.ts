/**
 * The engine as one browser script (`window.__jernihEngine`: extractArticle, looksLikeArticle, ...), and bare
 * Readability's source beside it: what the bench and the fuzz run evaluate inside a Chromium page to time the
 * engine where it really runs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The bundled engine's source, or an Error saying why it could not be built. */
export async function engineBundle(): Promise<string | Error> {
  try {
    const esbuild = await import('esbuild');
    const out = await esbuild.build({
      entryPoints: [join(ROOT, 'utils', 'extract', 'index.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: '__jernihEngine',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      logLevel: 'silent',
    });
    return out.outputFiles[0].text;
  } catch (error) {
    return new Error((error as Error).message.split('\n')[0]);
  }
}

/** @mozilla/readability's own file (it defines a global Readability when evaluated in a page). */
export function readabilitySource(): string {
  return readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
}
