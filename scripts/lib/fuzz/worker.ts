/**
 * The fuzzer's worker thread (started by pool.ts, as the eval starts scripts/lib/eval/worker.ts): builds cases
 * from (seed, case number) and runs them, one job at a time, announcing each phase so the main thread's watchdog
 * knows what hangs. It also times slow cases again, shrinks failing inputs and writes inputs to the output folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { buildCase, type BuiltCase } from './cases';
import { makeChecker, MODES, runInput, signature, type Failure, type InputRun, type Mode, type Phase } from './run';
import { shrink, type ShrinkBudget } from './shrink';
import { loadCatalogue, type Catalogue } from './sources';

export interface WorkerSetup {
  seed: number;
  root: string;
  mirror: string;
  /** Where failing inputs and their shrunk forms are written. */
  outDir: string;
  shrinkBudget: ShrinkBudget;
}

export type Job =
  | { type: 'case'; caseNo: number }
  | { type: 'retime'; caseNo: number; modes: Mode[] }
  | { type: 'shrink'; caseNo: number; mode: Mode; sig: string }
  | { type: 'dump'; caseNo: number };

export interface CaseResult {
  caseNo: number;
  kind: BuiltCase['kind'];
  category: string;
  source: string;
  url: string;
  bytes: number;
  mutations: BuiltCase['mutations'];
  payloads: BuiltCase['payloads'];
  buildMs: number;
  parseMs: number;
  runs: InputRun['runs'];
  failures: Failure[];
  slow: Mode[];
  /** The input, written when the case failed. */
  inputPath?: string;
}

export interface CatalogueSummary {
  real: { set: string; pages: number }[];
  fixtures: number;
  sites: number;
  notes: string[];
}

export type Reply =
  | { type: 'result'; result: CaseResult }
  | { type: 'retimed'; caseNo: number; runs: InputRun['runs']; readabilityMs?: number }
  | { type: 'shrunk'; caseNo: number; sig: string; minimal: string | null; path: string | null; runs: number }
  | { type: 'dumped'; caseNo: number; path: string; bytes: number; built: Pick<BuiltCase, 'category' | 'source' | 'url' | 'mutations' | 'payloads'> };

export type WorkerMessage = { type: 'ready'; summary: CatalogueSummary } | { type: 'phase'; phase: Phase } | Reply;

const WARM_UP = `<!doctype html><html lang="en"><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>${'<p>A paragraph of plain prose, long enough that the engine takes it for the body of an article, with a comma, and a full stop.</p>'.repeat(12)}</article></body></html>`;

async function main(setup: WorkerSetup): Promise<void> {
  const port = parentPort!;
  const post = (m: WorkerMessage) => port.postMessage(m);
  const catalogue: Catalogue = await loadCatalogue({ root: setup.root, mirror: setup.mirror });
  const checker = makeChecker();
  const parse = checker.parse;
  // Untimed runs first, so the first case does not pay for compiling the engine.
  for (let i = 0; i < 3; i++) runInput(WARM_UP, 'https://example.com/warm-up', checker);
  const build = (caseNo: number) => buildCase(setup.seed, caseNo, catalogue, setup.root, parse);
  const write = (name: string, html: string): string => {
    mkdirSync(setup.outDir, { recursive: true });
    const path = join(setup.outDir, name);
    writeFileSync(path, html);
    return path;
  };
  const onPhase = (phase: Phase) => post({ type: 'phase', phase });

  port.on('message', async (job: Job) => {
    onPhase('build');
    const buildStart = performance.now();
    let built: BuiltCase;
    try {
      built = await build(job.caseNo);
    } catch (error) {
      if (job.type !== 'case') throw error;
      const e = error as Error;
      post({
        type: 'result',
        result: {
          caseNo: job.caseNo, kind: 'synthetic', category: 'unbuilt', source: '?', url: '', bytes: 0, mutations: [], payloads: [], buildMs: 0, parseMs: 0, runs: {}, slow: [],
          failures: [{ kind: 'harness', mode: 'build', message: `building the input: ${e?.message ?? e}`, stack: e?.stack }],
        },
      });
      return;
    }
    const buildMs = performance.now() - buildStart;
    const stem = `${setup.seed}-${job.caseNo}`;
    if (job.type === 'case') {
      // The sanitizer alone, and the re-parse check, where the input carries payloads (elsewhere they find nothing new).
      const hostile = built.payloads.length > 0;
      const run = runInput(built.html, built.url, checker, { onPhase, modes: hostile ? MODES : ['explicit', 'gated'], reparse: hostile });
      const failed = run.failures.length > 0;
      post({
        type: 'result',
        result: {
          caseNo: job.caseNo, kind: built.kind, category: built.category, source: built.source, url: built.url, bytes: Buffer.byteLength(built.html),
          mutations: built.mutations, payloads: built.payloads, buildMs, parseMs: run.parseMs, runs: run.runs, failures: run.failures, slow: run.slow,
          ...(failed ? { inputPath: write(`${stem}.html`, built.html) } : {}),
        },
      });
    } else if (job.type === 'retime') {
      onPhase('retime');
      const run = runInput(built.html, built.url, checker, { modes: job.modes, check: false, readability: true, onPhase });
      post({ type: 'retimed', caseNo: job.caseNo, runs: run.runs, readabilityMs: run.readabilityMs });
    } else if (job.type === 'shrink') {
      const fails = (html: string) => {
        onPhase('shrink');
        return runInput(html, built.url, checker, { modes: [job.mode] }).failures.some((f) => signature(f) === job.sig);
      };
      if (!fails(built.html)) {
        post({ type: 'shrunk', caseNo: job.caseNo, sig: job.sig, minimal: null, path: null, runs: 1 });
        return;
      }
      const { output, runs } = shrink(built.html, fails, setup.shrinkBudget);
      post({ type: 'shrunk', caseNo: job.caseNo, sig: job.sig, minimal: output, path: write(`${stem}.min.html`, output), runs });
    } else {
      const { category, source, url, mutations, payloads } = built;
      post({ type: 'dumped', caseNo: job.caseNo, path: write(`${stem}.html`, built.html), bytes: Buffer.byteLength(built.html), built: { category, source, url, mutations, payloads } });
    }
  });
  post({
    type: 'ready',
    summary: {
      real: catalogue.real.map((r) => ({ set: r.set, pages: r.entries.length })),
      fixtures: catalogue.fixtures.length,
      sites: catalogue.sites.length,
      notes: catalogue.notes,
    },
  });
}

void main(workerData as WorkerSetup);
