/**
 * npm run bench [-- --json] [--runs N | --node-seconds S] [--warmup N] [--browser-runs N] [--no-browser] [--no-node] [--build]
 *               [--library-n N] [--no-library] [--no-translate] [--baseline-ext <chrome-mv3 dir> [--auto-rounds N]]
 *
 * The performance budgets of DESIGN.md, measured (never asserted in tests), one suite a file beside this runner:
 *   (a) node.ts: Node + jsdom: extractArticle vs bare Readability on every article fixture, same document, interleaved runs.
 *   (b) browser.ts: Headless Chromium with the built extension: real toolbar action (CDP Extensions.triggerAction) ->
 *       painted reader view; plus bare Readability (and the engine alone) run inside the same pages, for a ratio.
 *   (c) bundle.ts: Every content script: raw and gzipped bytes; the document_start one against its budget (8 KB gz).
 *   (d) library.ts: The saved-articles library with 10,000 articles (--library-n N, --no-library): in Node on
 *       fake-indexeddb and in Chromium with the built extension: popup list painted, search per keystroke, save,
 *       export of all.
 *   (t) translation.ts: a long article through LibreTranslate -> Apertium on 127.0.0.1 (--no-translate).
 *   (f) autoclean.ts, with --baseline-ext: auto-clean's navigation -> painted reader, this build against another
 *       build (e.g. a worktree of the last release's), in the same process, loads alternating; their ratio.
 * Progress goes to stderr; stdout gets the table, or with --json one JSON object on one line and nothing else
 * (use `npm run -s bench -- --json`: without -s, npm itself prints a "> jernih bench" banner to stdout).
 */
import { parseArgs } from 'node:util';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUDGET, fx, log, r2, ROOT, type BenchContext, type BenchOptions, type BenchSuite } from './shared';
import { nodeSuite } from './node';
import { browserSuite } from './browser';
import { bundleSuite } from './bundle';
import { librarySuite } from './library';
import { translationSuite } from './translation';
import { autoCleanSuite } from './autoclean';

const EXT_DIR = join(ROOT, '.output', 'chrome-mv3');
const BUNDLE = join(EXT_DIR, 'content-scripts', 'reader.js');

function parseOptions(args: string[]): BenchOptions {
  const { values: opts } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      runs: { type: 'string' },
      'node-seconds': { type: 'string', default: '45' },
      warmup: { type: 'string', default: '2' },
      'browser-runs': { type: 'string', default: '7' },
      'no-translate': { type: 'boolean', default: false },
      'library-n': { type: 'string', default: '10000' },
      'no-library': { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      'no-node': { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      'baseline-ext': { type: 'string' },
      'auto-rounds': { type: 'string', default: '15' },
    },
  });
  return {
    json: opts.json,
    runs: opts.runs ? Math.max(1, Number(opts.runs)) : null,
    nodeSeconds: Math.max(1, Number(opts['node-seconds'])),
    warmup: Math.max(0, Number(opts.warmup)),
    browserRuns: Math.max(1, Number(opts['browser-runs'])),
    libraryN: Math.max(10, Math.floor(Number(opts['library-n']))),
    noTranslate: opts['no-translate'],
    noLibrary: opts['no-library'],
    noBrowser: opts['no-browser'],
    noNode: opts['no-node'],
    build: opts.build,
    baselineExt: opts['baseline-ext'] ? resolve(opts['baseline-ext']) : null,
    autoRounds: Math.max(1, Number(opts['auto-rounds'])),
  };
}

function ensureBuild(build: boolean): void {
  if (!build && existsSync(join(EXT_DIR, 'manifest.json')) && existsSync(BUNDLE)) return;
  log('building the extension (npx wxt build) ...');
  // Its output goes to stderr: stdout is for the results.
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`npx wxt build failed (exit ${r.status})`);
}

/**
 * Copies the build aside: others rebuild .output while they work, and a build that vanishes mid-run would break
 * the clicks. Every suite works on the copy.
 */
function snapshotBuild(): { dir: string; builtAt: string } {
  const builtAt = statSync(BUNDLE).mtime.toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'jernih-bench-ext-'));
  cpSync(EXT_DIR, dir, { recursive: true });
  return { dir, builtAt };
}

interface Finished<Figures> {
  figures: Figures;
  lines: () => string[];
}

async function runSuite<Figures>(suite: BenchSuite<Figures>, ctx: BenchContext): Promise<Finished<Figures>> {
  const figures = await suite.run(ctx);
  return { figures, lines: () => suite.report(figures, ctx.opts) };
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const started = performance.now();
  ensureBuild(opts.build);
  const snapshot = snapshotBuild();
  const ctx: BenchContext = { opts, extDir: snapshot.dir, builtAt: snapshot.builtAt };
  let bundle, node, browser, translation, library, autoCleanVsBaseline;
  try {
    bundle = await runSuite(bundleSuite, ctx);
    node = opts.noNode ? null : await runSuite(nodeSuite, ctx);
    browser = opts.noBrowser ? null : await runSuite(browserSuite, ctx);
    translation = opts.noTranslate ? null : await runSuite(translationSuite, ctx);
    library = opts.noLibrary ? null : await runSuite(librarySuite, ctx);
    autoCleanVsBaseline = opts.baselineExt ? await runSuite(autoCleanSuite(opts.baselineExt), ctx) : null;
  } finally {
    rmSync(snapshot.dir, { recursive: true, force: true });
  }
  const result = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? null },
    budgets: BUDGET,
    node: node?.figures ?? null,
    browser: browser?.figures ?? null,
    translation: translation?.figures ?? null,
    library: library?.figures ?? null,
    autoCleanVsBaseline: autoCleanVsBaseline?.figures ?? null,
    bundle: bundle.figures,
    seconds: r2((performance.now() - started) / 1000),
  };

  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(`Jernih bench — ${result.date}, Node ${process.version}, ${result.machine.cpus} CPUs`);
  // The sections in the table's order, each after a blank line.
  for (const section of [translation, node, browser, library, autoCleanVsBaseline, bundle]) if (section) out.push('', ...section.lines());
  out.push(`total ${fx(result.seconds, 1)} s`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error) => {
  log(`bench: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
});
