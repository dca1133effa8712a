/**
 * What the bench's runner (index.ts) and its suites share: the options, the budgets, the suite interface, the
 * statistics and the table.
 */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** DESIGN.md, "Performance budgets". */
export const BUDGET = {
  extractVsReadability: 1.3,
  clickToPaintMedianMs: 100,
  library: { listPaintMs: 150, searchKeystrokeMs: 30, saveMs: 50, exportAllMs: 10_000 },
  /** Issue 15: the script declared at document_start on every page of the supported sites. */
  documentStartGzipBytes: 8 * 1024,
};

export interface BenchOptions {
  json: boolean;
  /** Runs per page in (a): a fixed number, else as many as fit `nodeSeconds`. */
  runs: number | null;
  nodeSeconds: number;
  warmup: number;
  browserRuns: number;
  libraryN: number;
  noTranslate: boolean;
  noLibrary: boolean;
  noBrowser: boolean;
  noNode: boolean;
  build: boolean;
  /** (f) Another build (its chrome-mv3 directory) to compare auto-clean against, in the same process. */
  baselineExt: string | null;
  /** (f) Rounds of loads per page and build. */
  autoRounds: number;
}

export interface BenchContext {
  opts: BenchOptions;
  /** A copy of the built extension (chrome-mv3), taken at the start: others may rebuild .output meanwhile. */
  extDir: string;
  /** When the copied build was made (ISO). */
  builtAt: string;
}

/** One part of the bench: measures, then turns its figures (as they go to --json) into the table's lines. */
export interface BenchSuite<Figures> {
  run(ctx: BenchContext): Promise<Figures>;
  report(figures: Figures, opts: BenchOptions): string[];
}

export const log = (msg: string) => process.stderr.write(`${msg}\n`);

// --- statistics -------------------------------------------------------------------------------------------------

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export const r3 = (x: number) => Math.round(x * 1000) / 1000;
export const r2 = (x: number) => Math.round(x * 100) / 100;

// --- report -----------------------------------------------------------------------------------------------------

export function table(rows: (string | number | null)[][], align: ('l' | 'r')[]): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '-' : typeof c === 'number' ? String(c) : c)));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const fx = (x: number | null, d = 2) => (x === null || Number.isNaN(x) ? '-' : x.toFixed(d));
export const verdict = (ok: boolean) => (ok ? 'within budget' : 'OVER BUDGET');
