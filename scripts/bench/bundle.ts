/** (c) The content-script bundle of the build (its copy taken at the start): raw and gzipped bytes. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchContext, BenchSuite } from './shared';

function measureBundle({ extDir, builtAt }: BenchContext) {
  const buf = readFileSync(join(extDir, 'content-scripts', 'reader.js'));
  // Every content script of the build, for context (reader.js is the one the budget names).
  const others = readdirSync(join(extDir, 'content-scripts'))
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => {
      const b = readFileSync(join(extDir, 'content-scripts', f));
      return { file: f, bytes: b.length, gzipBytes: gzipSync(b, { level: 9 }).length };
    });
  return {
    allContentScripts: others,
    path: '.output/chrome-mv3/content-scripts/reader.js',
    bytes: buf.length,
    gzipBytes: gzipSync(buf, { level: 9 }).length,
    gzipLevel: 9,
    builtAt,
  };
}

type BundleFigures = ReturnType<typeof measureBundle>;

function report(bundle: BundleFigures): string[] {
  const out = [
    `(c) content script ${bundle.path}: ${bundle.bytes} bytes raw, ${bundle.gzipBytes} bytes gzip -${bundle.gzipLevel} (${(bundle.gzipBytes / 1024).toFixed(1)} KiB); built ${bundle.builtAt}`,
  ];
  if (bundle.allContentScripts.length > 1) {
    out.push(`    all content scripts: ${bundle.allContentScripts.map((c) => `${c.file} ${c.bytes} B / ${c.gzipBytes} B gz`).join(', ')}`);
  }
  return out;
}

export const bundleSuite: BenchSuite<BundleFigures> = {
  run: async (ctx) => measureBundle(ctx),
  report,
};
