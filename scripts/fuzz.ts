/**
 * npm run fuzz [-- --seed N] [--count N] [--time-budget-s N] [--replay <seed>:<case>] [--workers N] [--no-shrink] [--out DIR]
 *
 * A seeded fuzz run of the extraction engine (not part of npm test). Case k of seed s is one input, rebuilt byte
 * for byte from (s, k): a real page from the eval's git snapshots (Readability's test pages, trafilatura's pages,
 * the Indonesian labelled pages), one of our fixtures, or a synthetic page, then mutated (subtrees deleted,
 * duplicated, swapped and moved; classes stripped or renamed; zero-width and bidi characters; broken tags; odd
 * characters and charsets; truncation; 5 000-level nesting; 20 000 repeated paragraphs; giant attributes; many
 * images; hostile payloads of every kind in scripts/lib/fuzz/payloads.ts). Each input is parsed with jsdom as the
 * eval parses a page and the engine run twice (an explicit request, and gated as auto-clean asks), and the
 * sanitizer once on the input itself. A case fails when the engine throws, an extraction takes over 2 s (twice in
 * jsdom: slow cases are timed again alone after the run; then in headless Chromium, the browser the budget is
 * for, where it must be over 2 s too: scripts/lib/fuzz/chromium-time.ts), a phase of the engine hangs past 20 s
 * (parsing the input and sanitizing it whole, mostly jsdom's work: 180 s; the worker is stopped, the run goes
 * on), or an output breaks a rule of scripts/lib/fuzz/check.ts (parsed with a DOM: no script, no on*, no script
 * URL, no iframe srcdoc, no object/embed/base/meta http-equiv, no markup in text fields).
 *
 *   --seed           the run's seed (default 1)
 *   --count          how many cases (default 3000: a few minutes on two cores)
 *   --time-budget-s  start no new case after this many seconds (the cases run so far are reported)
 *   --replay s:k     run case k of seed s alone, print everything about it, and shrink it if it fails
 *   --workers        worker threads (default: 2, or 1 on a single core)
 *   --no-shrink      do not shrink failing inputs
 *   --out            where failing inputs (and shrunk ones) are written (default: <tmp>/jernih-fuzz)
 * Exits 1 when any case failed, 2 on bad arguments.
 */
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { Pool, type JobEnd } from './lib/fuzz/pool';
import { timeInChromium } from './lib/fuzz/chromium-time';
import { failuresText, recordOf, replayCommand, summaryText, Tally, type FailureRecord } from './lib/fuzz/report';
import { HANG_MS, SLOW_MS, signature, type Failure, type Mode } from './lib/fuzz/run';
import type { CaseResult, Job } from './lib/fuzz/worker';

const ROOT = resolve(import.meta.dirname, '..');
const MIRROR = process.env.JERNIH_MIRROR ? resolve(process.env.JERNIH_MIRROR) : resolve(ROOT, '..', '.mirror');
const DEFAULT_COUNT = 3000;
/** At most this many distinct failures are shrunk after a run (each takes up to SHRINK.maxMs). */
const MAX_SHRINKS = 8;
const SHRINK = { maxRuns: 600, maxMs: 30_000 };
/** Slow cases up to this are timed again alone before they count; slower ones count at once. */
const RETIME_UP_TO_MS = 3 * SLOW_MS;

const log = (msg: string) => process.stderr.write(msg);
const say = (text: string) => process.stdout.write(`${text}\n`);

class UsageError extends Error {}

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      seed: { type: 'string' },
      count: { type: 'string' },
      'time-budget-s': { type: 'string' },
      replay: { type: 'string' },
      workers: { type: 'string' },
      'no-shrink': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const whole = (name: string, value: string | undefined, fallback: number, min = 0): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} takes a whole number ≥ ${min}, got "${value}"`);
    return n;
  };
  let replay: { seed: number; caseNo: number } | null = null;
  if (values.replay !== undefined) {
    const m = values.replay.match(/^(\d+):(\d+)$/);
    if (!m) throw new UsageError(`--replay takes <seed>:<case>, got "${values.replay}"`);
    replay = { seed: Number(m[1]), caseNo: Number(m[2]) };
  }
  const budget = values['time-budget-s'] === undefined ? null : whole('time-budget-s', values['time-budget-s'], 0, 1);
  return {
    seed: replay?.seed ?? whole('seed', values.seed, 1),
    count: whole('count', values.count, DEFAULT_COUNT, 1),
    budgetMs: budget === null ? null : budget * 1000,
    replay,
    workers: whole('workers', values.workers, Math.max(1, Math.min(2, availableParallelism())), 1),
    shrink: !values['no-shrink'],
    out: resolve(values.out ?? join(tmpdir(), 'jernih-fuzz')),
  };
}

type Options = ReturnType<typeof options>;

/** A hang or a dead worker, as a failure of the case it was running. */
function stoppedFailure(end: Extract<JobEnd, { stopped: unknown }>): Failure {
  const { phase, reason, message } = end.stopped;
  // Stopped before the engine saw the input (building it, jsdom parsing it): the harness's trouble, not the engine's.
  const kind = phase === 'build' || phase === 'parse' || phase === 'start' ? 'harness' : reason;
  return { kind, mode: phase, message };
}

const unbuilt = (caseNo: number): CaseResult => ({
  caseNo, kind: 'synthetic', category: '(stopped)', source: '(rebuilt by --replay)', url: '', bytes: 0, mutations: [], payloads: [], buildMs: 0, parseMs: 0, runs: {}, failures: [], slow: [],
});

/**
 * After the cases: slow ones timed again alone (a slow page is slow twice; one slow run can be the machine),
 * stopped ones written out, and the first case of each distinct failure shrunk.
 */
async function followUp(pool: Pool, opts: Options, slowCases: CaseResult[], records: FailureRecord[], stopped: FailureRecord[]): Promise<{ confirmed: FailureRecord[]; cleared: Set<FailureRecord>; notes: string[] }> {
  let confirmed: FailureRecord[] = [];
  const notes: string[] = [];
  // Far over the budget is no pause of a busy machine: confirmed as it is (bare Readability not timed).
  const far = (r: CaseResult) => r.slow.every((m) => (r.runs[m]?.ms ?? 0) > RETIME_UP_TO_MS);
  for (const r of slowCases.filter(far)) {
    for (const mode of r.slow) {
      const ms = r.runs[mode]!.ms;
      confirmed.push(recordOf(opts.seed, r, { kind: 'slow', mode, ms, message: `extraction took ${ms.toFixed(0)} ms (over ${RETIME_UP_TO_MS} ms: not timed again)` }));
    }
  }
  slowCases = slowCases.filter((r) => !far(r));
  const retimes: Job[] = slowCases.map((r) => ({ type: 'retime', caseNo: r.caseNo, modes: r.slow }));
  const byCase = new Map(slowCases.map((r) => [r.caseNo, r]));
  if (retimes.length) log(`timing ${retimes.length} slow case(s) again, one at a time\n`);
  await pool.run(retimes, (end) => {
    const first = byCase.get(end.job.caseNo)!;
    if ('stopped' in end) {
      confirmed.push(recordOf(opts.seed, first, stoppedFailure(end)));
      return;
    }
    if (end.reply.type !== 'retimed') return;
    for (const mode of first.slow) {
      const again = end.reply.runs[mode]?.ms ?? 0;
      const firstMs = first.runs[mode]?.ms ?? 0;
      if (again > SLOW_MS) {
        confirmed.push(recordOf(opts.seed, first, {
          kind: 'slow', mode, ms: Math.min(firstMs, again), readabilityMs: end.reply.readabilityMs,
          message: `extraction took ${firstMs.toFixed(0)} ms, then ${again.toFixed(0)} ms alone (over ${SLOW_MS} ms both times)`,
        }));
      }
    }
  }, () => true, 1);
  const dumps: Job[] = stopped.map((f) => ({ type: 'dump', caseNo: f.caseNo }));
  await pool.run(dumps, (end) => {
    if ('reply' in end && end.reply.type === 'dumped') {
      const rec = stopped.find((f) => f.caseNo === end.job.caseNo);
      if (rec) Object.assign(rec, end.reply.built, { inputPath: end.reply.path });
    }
  }, () => true, 1);
  const cleared = await judgeInChromium(pool, [...confirmed, ...stopped], notes);
  confirmed = confirmed.filter((f) => !cleared.has(f));
  if (opts.shrink) {
    const seen = new Set<string>();
    const jobs: Job[] = [];
    const targets = new Map<string, FailureRecord[]>();
    for (const f of records) {
      if (f.failure.kind !== 'throw' && f.failure.kind !== 'unsafe') continue;
      const sig = signature(f.failure);
      if (!targets.has(sig)) targets.set(sig, []);
      targets.get(sig)!.push(f);
      if (seen.has(sig) || seen.size >= MAX_SHRINKS) continue;
      seen.add(sig);
      jobs.push({ type: 'shrink', caseNo: f.caseNo, mode: f.failure.mode as Mode, sig });
    }
    if (jobs.length) log(`shrinking ${jobs.length} failing input(s) (at most ${SHRINK.maxMs / 1000} s each)\n`);
    await pool.run(jobs, (end) => {
      if (end.job.type !== 'shrink') return;
      const rec = targets.get(end.job.sig)?.find((f) => f.caseNo === end.job.caseNo);
      if (!rec) return;
      if ('stopped' in end) rec.minimal = { html: `(shrinking stopped: ${end.stopped.message})`, path: null, runs: 0 };
      else if (end.reply.type === 'shrunk') rec.minimal = end.reply.minimal === null ? null : { html: end.reply.minimal, path: end.reply.path, runs: end.reply.runs };
    });
  }
  return { confirmed, cleared, notes };
}

/**
 * The budget is the user's browser: a case slow in jsdom (twice), or stopped there as hung in the engine's run, is
 * timed again in headless Chromium, and counts only when it is over the budget there too (both figures are
 * printed). Returns the records Chromium cleared. Without Chromium, jsdom's verdict stands.
 */
async function judgeInChromium(pool: Pool, records: FailureRecord[], notes: string[]): Promise<Set<FailureRecord>> {
  const cleared = new Set<FailureRecord>();
  const engineModes: readonly string[] = ['explicit', 'gated'];
  const judged = records.filter((f) => (f.failure.kind === 'slow' || f.failure.kind === 'hang') && engineModes.includes(f.failure.mode));
  if (!judged.length) return cleared;
  const caseNos = [...new Set(judged.map((f) => f.caseNo))];
  const inputs = new Map<number, { html: string; url: string }>();
  await pool.run(caseNos.map((caseNo): Job => ({ type: 'dump', caseNo })), (end) => {
    if ('reply' in end && end.reply.type === 'dumped') {
      inputs.set(end.job.caseNo, { html: readFileSync(end.reply.path, 'utf8'), url: end.reply.built.url });
      for (const f of judged) if (f.caseNo === end.job.caseNo) f.inputPath = end.reply.path;
    }
  }, () => true, 1);
  const timed = caseNos.filter((n) => inputs.has(n));
  log(`timing ${timed.length} slow or hung case(s) in headless Chromium\n`);
  const modesOf = (n: number) => [...new Set(judged.filter((f) => f.caseNo === n).map((f) => f.failure.mode as Mode))];
  const { results, why, version } = await timeInChromium(timed.map((n) => ({ ...inputs.get(n)!, modes: modesOf(n) })));
  if (!results) {
    notes.push(`slow or hung cases not timed in Chromium (${why}): jsdom's verdict stands`);
    return cleared;
  }
  const byCase = new Map(timed.map((n, i) => [n, results[i]]));
  const withinBudget: string[] = [];
  for (const f of judged) {
    const t = byCase.get(f.caseNo);
    if (!t) continue;
    if (t instanceof Error) {
      f.failure.message += `; in Chromium: not timed (${t.message})`;
      continue;
    }
    const runs = t.engine[f.failure.mode as Mode] ?? [];
    const best = runs.length ? Math.min(...runs) : Infinity;
    const readability = t.readability.length ? `${Math.min(...t.readability).toFixed(0)} ms` : '?';
    const inJsdom = f.failure.kind === 'hang' ? `stopped after ${HANG_MS / 1000} s` : `${(f.failure.ms ?? 0).toFixed(0)} ms`;
    if (best <= SLOW_MS) {
      cleared.add(f);
      withinBudget.push(`case ${f.caseNo} ${f.failure.mode}: jsdom ${inJsdom}, Chromium ${best.toFixed(0)} ms (bare Readability ${readability})`);
    } else {
      f.failure.message += `; in Chromium ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms (bare Readability ${readability})`;
    }
  }
  if (withinBudget.length) {
    notes.push(`slow or hung in jsdom but within ${SLOW_MS} ms in Chromium ${version ?? ''} (the budget is the browser's; not failures): ${withinBudget.length}`);
    for (const line of withinBudget) notes.push(`  ${line}`);
  }
  return cleared;
}

async function replay(opts: Options): Promise<number> {
  const { seed, caseNo } = opts.replay!;
  const pool = new Pool(1, { seed, root: ROOT, mirror: MIRROR, outDir: opts.out, shrinkBudget: SHRINK });
  const started = performance.now();
  try {
    let result: CaseResult | null = null;
    let stoppedRec: FailureRecord | null = null;
    await pool.run([{ type: 'case', caseNo }], (end) => {
      if ('stopped' in end) stoppedRec = recordOf(seed, unbuilt(caseNo), stoppedFailure(end));
      else if (end.reply.type === 'result') result = end.reply.result;
    });
    const r = result as CaseResult | null;
    const records: FailureRecord[] = r ? r.failures.map((f) => recordOf(seed, r, f)) : [stoppedRec!];
    if (r) {
      say(`case ${seed}:${caseNo}: ${r.source} (${r.category}) at ${r.url}, ${r.bytes} bytes`);
      say(`  mutations: ${r.mutations.join(', ') || 'none'}`);
      say(`  payloads: ${r.payloads.join(', ') || 'none'}`);
      say(`  parse ${r.parseMs.toFixed(0)} ms; ${Object.entries(r.runs).map(([m, x]) => `${m} ${x!.ms.toFixed(1)} ms (${x!.outcome})`).join('; ')}`);
    }
    const { confirmed, cleared, notes } = await followUp(pool, opts, r?.slow.length ? [r] : [], records, stoppedRec ? [stoppedRec] : []);
    for (const note of notes) say(`  note: ${note}`);
    const all = [...records.filter((f) => !cleared.has(f)), ...confirmed];
    if (!r?.inputPath && (all.length || r)) {
      await pool.run([{ type: 'dump', caseNo }], (end) => {
        if ('reply' in end && end.reply.type === 'dumped') say(`  input written to ${end.reply.path} (${end.reply.bytes} bytes)`);
      });
    }
    for (const line of failuresText(all)) say(line);
    say(`fuzz: 1 inputs, ${r?.payloads.length ?? 0} payloads, ${all.length} failures (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return all.length ? 1 : 0;
  } finally {
    await pool.close();
  }
}

async function main(): Promise<number> {
  let opts: Options;
  try {
    opts = options();
  } catch (error) {
    log(`fuzz: ${(error as Error).message}\n`);
    return 2;
  }
  if (opts.replay) return replay(opts);
  const started = performance.now();
  const pool = new Pool(opts.workers, { seed: opts.seed, root: ROOT, mirror: MIRROR, outDir: opts.out, shrinkBudget: SHRINK });
  const tally = new Tally();
  const slowCases: CaseResult[] = [];
  const stopped: FailureRecord[] = [];
  let stoppedEarly = false;
  let done = 0;
  const goOn = () => {
    if (opts.budgetMs !== null && performance.now() - started > opts.budgetMs) {
      stoppedEarly = true;
      return false;
    }
    return true;
  };
  const jobs: Job[] = Array.from({ length: opts.count }, (_, caseNo) => ({ type: 'case', caseNo }));
  log(`fuzz: seed ${opts.seed}, ${opts.count} cases, ${opts.workers} worker(s); "." ok, "F" failed, "S" slow (timed again later), "H" hung, "C" worker died\n`);
  try {
    await pool.run(jobs, (end) => {
      let mark = '.';
      if ('stopped' in end) {
        const rec = recordOf(opts.seed, unbuilt(end.job.caseNo), stoppedFailure(end));
        tally.inputs++;
        tally.failures.push(rec);
        stopped.push(rec);
        mark = end.stopped.reason === 'hang' ? 'H' : 'C';
      } else if (end.reply.type === 'result') {
        const r = end.reply.result;
        tally.add(opts.seed, r);
        if (r.slow.length) slowCases.push(r);
        mark = r.failures.length ? 'F' : r.slow.length ? 'S' : '.';
      }
      done++;
      log(mark + (done % 100 === 0 ? ` ${done} (${((performance.now() - started) / 1000).toFixed(0)} s)\n` : ''));
    }, goOn);
    log('\n');
    const notes = [...(pool.summary?.notes ?? [])];
    if (pool.summary) {
      notes.unshift(`sources: ${pool.summary.real.map((r) => `${r.set} ${r.pages} pages`).join(', ')}, ${pool.summary.fixtures} fixture pages, ${pool.summary.sites} site-rule URLs for synthetic pages`);
    }
    const caseFailures = [...tally.failures];
    const casesDone = performance.now();
    const { confirmed, cleared, notes: judged } = await followUp(pool, opts, slowCases, caseFailures, stopped);
    notes.push(...judged);
    tally.failures = tally.failures.filter((f) => !cleared.has(f));
    tally.failures.push(...confirmed);
    const seconds = (performance.now() - started) / 1000;
    const phases = `cases ${((casesDone - started) / 1000).toFixed(0)} s, re-timing, writing and shrinking failures ${((performance.now() - casesDone) / 1000).toFixed(0)} s`;
    const ran = tally.inputs;
    for (const line of summaryText(tally, opts.seed, { cases: `${ran} of ${opts.count} cases (0..${ran - 1}${stoppedEarly ? ', in the order the workers took them' : ''})`, workers: opts.workers, seconds, phases, stoppedEarly, notes })) say(line);
    if (tally.failures.length) {
      say('');
      for (const line of failuresText(tally.failures)) say(line);
      say(`(replay any case: ${replayCommand(opts.seed, 0).replace(/:0$/, ':<case>')}; inputs are in ${opts.out})`);
    }
    say(`fuzz: ${ran} inputs, ${tally.payloadTotal} payloads, ${tally.failures.length} failures`);
    return tally.failures.length ? 1 : 0;
  } finally {
    await pool.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    log(`fuzz: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  },
);
