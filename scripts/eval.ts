/**
 * npm run eval [-- --set NAME[,NAME]] [--page ID] [--limit N] [--json] [--browser] [--runs FILE]
 *
 * How well the engine extracts real pages, against bare Readability on the same parsed documents: the test pages
 * of Mozilla Readability, trafilatura's evaluation corpus, defuddle's fixtures (read straight out of the git
 * snapshots in ../.mirror, or $JERNIH_MIRROR; nothing is copied here) and the Indonesian labels in
 * test/eval/indonesian/ (labelled articles, and pages that are not articles). A dev tool, not a test: it
 * asserts nothing.
 *
 *   --set      readability, trafilatura, defuddle, indonesian, indonesian-not-articles (repeatable or
 *              comma-separated; default all)
 *   --page     only pages whose id contains this; prints both outputs in full and what each lacks and adds
 *   --limit    at most N pages a set (a quick run)
 *   --json     after the report, one JSON object on the last line
 *   --browser  also time every page inside headless Chromium (/usr/bin/chromium, or $CHROMIUM_PATH)
 *   --runs     writes every page's run (both outputs' text, scores, times) to FILE, one JSON object a line: for
 *              looking past the ten worst pages (e.g. every snippet the engine gets wrong)
 * Progress goes to stderr, one character a page ("." done, "x" an exception, "S" over 2 s, "H" stopped after
 * 60 s, "-" no file). Pages run one at a time in a worker thread, so a page that never finishes is stopped
 * after 60 s (and reported) instead of stopping the run.
 */
import { parseArgs } from 'node:util';
import { appendFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pickEntries, SETS } from './lib/eval/sets';
import { runSet, type RunOptions } from './lib/eval/runner';
import { summarizeSet } from './lib/eval/score';
import { jsonSummary, pageText, setText, type Outcome } from './lib/eval/report';
import type { BrowserRun } from './lib/eval/browser';

const ROOT = resolve(import.meta.dirname, '..');
const MIRROR = process.env.JERNIH_MIRROR ? resolve(process.env.JERNIH_MIRROR) : resolve(ROOT, '..', '.mirror');

const log = (msg: string) => process.stderr.write(msg);
const say = (text: string) => process.stdout.write(`${text}\n`);

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      set: { type: 'string', multiple: true },
      page: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      browser: { type: 'boolean', default: false },
      runs: { type: 'string' },
    },
  });
  const sets = (values.set ?? Object.keys(SETS)).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = sets.filter((s) => !SETS[s]);
  if (unknown.length) throw new Error(`unknown set ${unknown.join(', ')} (sets: ${Object.keys(SETS).join(', ')})`);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error('--limit takes a positive whole number');
  return { sets: [...new Set(sets)], page: values.page, limit, json: values.json, browser: values.browser, runs: values.runs };
}

async function evaluate(name: string, run: RunOptions): Promise<Outcome> {
  const ctx = { mirror: MIRROR, root: ROOT };
  // Listed here for the report; the worker lists it again and reads the pages.
  const set = await SETS[name](ctx);
  if ('skipped' in set) return set;
  set.close();
  const pages = pickEntries(set, run.page, run.limit).length;
  if (!pages) return { name, skipped: `${name}: no page id contains "${run.page}"` };
  log(`${name} (${pages} pages) `);
  const t0 = performance.now();
  const { runs, missing } = await runSet(name, ctx, { ...run, progress: log });
  log(` ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  return { name, snapshots: set.snapshots, notes: set.notes, missing, runs, summary: summarizeSet(runs) };
}

async function main() {
  let opts: ReturnType<typeof options>;
  try {
    opts = options();
  } catch (error) {
    log(`eval: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  let browser: BrowserRun | null = null;
  if (opts.browser) {
    const { startBrowser } = await import('./lib/eval/browser');
    browser = await startBrowser(ROOT);
    log(`timing in Chromium ${browser.version} too\n`);
  }
  const outcomes: Outcome[] = [];
  if (opts.runs) writeFileSync(opts.runs, '');
  try {
    for (const name of opts.sets) {
      const out = await evaluate(name, { page: opts.page, limit: opts.limit, browser: browser?.time });
      outcomes.push(out);
      say(setText(out));
      if (opts.page && 'runs' in out) for (const r of out.runs) say(`\n${pageText(r)}`);
      if (opts.runs && 'runs' in out) appendFileSync(opts.runs, out.runs.map((r) => `${JSON.stringify(r)}\n`).join(''));
      say('');
    }
  } finally {
    await browser?.close();
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  say(`total ${seconds} s (Node ${process.version}${browser ? `, Chromium ${browser.version}` : ''})`);
  if (opts.json) {
    const extra = { date: new Date().toISOString(), node: process.version, seconds, ...(opts.limit ? { limit: opts.limit } : {}) };
    say(JSON.stringify(jsonSummary(outcomes, extra)));
  }
}

main().catch((error) => {
  log(`eval: ${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
