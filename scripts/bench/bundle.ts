/**
 * (c) The content scripts of the build (its copy taken at the start): raw and gzipped bytes of each. The script the
 * manifest declares at document_start loads on every page of the supported sites, home and index pages included,
 * so it has a budget of its own (issue 15); reader.js (the reader and the engine) loads only where it is used.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGET, verdict, type BenchContext, type BenchSuite } from './shared';

interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Declared in the manifest at document_start (on every page of the sites it matches). */
  documentStart: boolean;
}

function measureBundle({ extDir, builtAt }: BenchContext) {
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; run_at?: string }[] };
  const atStart = new Set((manifest.content_scripts ?? []).filter((c) => c.run_at === 'document_start').flatMap((c) => c.js ?? []));
  const scripts: ScriptSize[] = readdirSync(join(extDir, 'content-scripts'))
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => {
      const b = readFileSync(join(extDir, 'content-scripts', f));
      return { file: f, bytes: b.length, gzipBytes: gzipSync(b, { level: 9 }).length, documentStart: atStart.has(`content-scripts/${f}`) };
    });
  const reader = scripts.find((s) => s.file === 'reader.js');
  if (!reader) throw new Error('the build has no content-scripts/reader.js');
  return {
    scripts,
    path: '.output/chrome-mv3/content-scripts/reader.js',
    bytes: reader.bytes,
    gzipBytes: reader.gzipBytes,
    gzipLevel: 9,
    documentStartBudgetGzipBytes: BUDGET.documentStartGzipBytes,
    builtAt,
  };
}

type BundleFigures = ReturnType<typeof measureBundle>;

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function report(bundle: BundleFigures): string[] {
  const out = [`(c) content scripts (gzip -${bundle.gzipLevel}), built ${bundle.builtAt}:`];
  for (const s of bundle.scripts) {
    const where = s.documentStart ? `document_start on every page of the supported sites: budget ${kib(bundle.documentStartBudgetGzipBytes)}, ${verdict(s.gzipBytes <= bundle.documentStartBudgetGzipBytes)}` : 'injected or registered where used';
    out.push(`    ${s.file.padEnd(14)} ${String(s.bytes).padStart(7)} B raw  ${String(s.gzipBytes).padStart(6)} B gz (${kib(s.gzipBytes)})  ${where}`);
  }
  return out;
}

export const bundleSuite: BenchSuite<BundleFigures> = {
  run: async (ctx) => measureBundle(ctx),
  report,
};
