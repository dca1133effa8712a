/**
 * Code for a Chromium page: the engine as one browser script (`window.__jernihEngine`: extractArticle,
 * looksLikeArticle, ...) and bare Readability's source beside it, which the bench and the fuzz run evaluate in a
 * page to time the engine where it really runs; any other module bundled the same way (the library bench's seed).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** One module and what it imports as one browser script (an IIFE; its exports on `globalName` when given). */
export async function browserBundle(entry: string, globalName?: string): Promise<string> {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    ...(globalName ? { globalName } : {}),
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** The bundled engine's source, or an Error saying why it could not be built. */
export async function engineBundle(): Promise<string | Error> {
  try {
    return await browserBundle(join(ROOT, 'utils', 'extract', 'index.ts'), '__jernihEngine');
  } catch (error) {
    return new Error((error as Error).message.split('\n')[0]);
  }
}

/** @mozilla/readability's own file (it defines a global Readability when evaluated in a page). */
export function readabilitySource(): string {
  return readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
}
