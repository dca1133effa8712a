/**
 * (a) Node + jsdom: extractArticle vs bare Readability on every article fixture, same document, interleaved runs.
 */
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../utils/extract';
import { listFixtures, type Fixture } from '../../test/helpers/fixtures';
import { loadPage } from '../lib/page';
import { BUDGET, fx, log, median, r3, sum, table, verdict, type BenchOptions, type BenchSuite } from './shared';

/** Runs per page without --runs: as many as fit the time budget (--node-seconds), between these. */
const MIN_RUNS = 3;
const MAX_RUNS = 15;

interface NodePage {
  id: string;
  ruleId: string | null;
  bytes: number;
  words: number | null;
  runs: number;
  extractMs: number;
  readabilityMs: number;
  ratio: number;
}

function timeOnce(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function benchNodePage(f: Fixture, budgetMs: number, opts: BenchOptions): NodePage {
  const url = f.expected.url;
  const dom = loadPage(f.html, url);
  const doc = dom.window.document;
  try {
    const extract = () => extractArticle(doc, { url });
    // Bare Readability as a caller would use it: a clone (it mutates), default options, parse().
    const readability = () => new Readability(doc.cloneNode(true) as Document).parse();
    const article = extract();
    const tw = performance.now();
    for (let i = 0; i < opts.warmup; i++) {
      extract();
      readability();
    }
    const perRun = opts.warmup ? (performance.now() - tw) / opts.warmup : 0;
    const runs = opts.runs ?? Math.min(MAX_RUNS, Math.max(MIN_RUNS, perRun ? Math.floor(budgetMs / perRun) : MAX_RUNS));
    const te: number[] = [];
    const tr: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Interleaved, alternating which goes first, so drift and GC fall on both sides alike.
      if (i % 2) {
        tr.push(timeOnce(readability));
        te.push(timeOnce(extract));
      } else {
        te.push(timeOnce(extract));
        tr.push(timeOnce(readability));
      }
    }
    const extractMs = median(te);
    const readabilityMs = median(tr);
    return {
      id: f.id,
      ruleId: article?.ruleId ?? null,
      bytes: Buffer.byteLength(f.html),
      words: article?.wordCount ?? null,
      runs,
      extractMs,
      readabilityMs,
      ratio: extractMs / readabilityMs,
    };
  } finally {
    dom.window.close();
  }
}

function ratioGroup(pages: NodePage[]) {
  return {
    pages: pages.length,
    extractMedianMs: r3(median(pages.map((p) => p.extractMs))),
    readabilityMedianMs: r3(median(pages.map((p) => p.readabilityMs))),
    ratioMedian: r3(median(pages.map((p) => p.ratio))),
    ratioOfSums: r3(sum(pages.map((p) => p.extractMs)) / sum(pages.map((p) => p.readabilityMs))),
  };
}

function benchNode(opts: BenchOptions) {
  const fixtures = listFixtures().filter((f) => f.expected.article !== false);
  log(
    `(a) node/jsdom: ${fixtures.length} article fixtures, ${opts.warmup} warm-up + ` +
      `${opts.runs ?? `${MIN_RUNS}-${MAX_RUNS} (to fit ~${opts.nodeSeconds} s)`} interleaved runs each`,
  );
  const t0 = performance.now();
  const all: NodePage[] = [];
  fixtures.forEach((f, i) => {
    const left = opts.nodeSeconds * 1000 - (performance.now() - t0);
    all.push(benchNodePage(f, left / (fixtures.length - i), opts));
  });
  // Article fixtures the engine returns null for stop early: their time says nothing, so they are listed apart.
  const missed = all.filter((p) => p.words === null).map((p) => p.id);
  const pages = all.filter((p) => p.words !== null);
  // With a site rule: the result's ruleId is non-null.
  const withRule = pages.filter((p) => p.ruleId !== null);
  const withoutRule = pages.filter((p) => p.ruleId === null);
  log(`    done in ${(performance.now() - t0) / 1000 | 0} s`);
  return {
    runs: opts.runs ?? { min: Math.min(...all.map((p) => p.runs)), max: Math.max(...all.map((p) => p.runs)) },
    warmup: opts.warmup,
    pages: pages.map((p) => ({ ...p, extractMs: r3(p.extractMs), readabilityMs: r3(p.readabilityMs), ratio: r3(p.ratio) })),
    overall: {
      ...ratioGroup(pages),
      sumExtractMs: r3(sum(pages.map((p) => p.extractMs))),
      sumReadabilityMs: r3(sum(pages.map((p) => p.readabilityMs))),
    },
    withRule: ratioGroup(withRule),
    withoutRule: ratioGroup(withoutRule),
    /** Article fixtures for which extractArticle returned null (would be an engine regression). */
    nullResults: missed,
  };
}

type NodeFigures = ReturnType<typeof benchNode>;

function report(node: NodeFigures): string[] {
  const out: string[] = [];
  const runs = typeof node.runs === 'number' ? String(node.runs) : `${node.runs.min}-${node.runs.max}`;
  out.push(`(a) extractArticle vs bare Readability, Node + jsdom (median of ${runs} interleaved runs a page, ${node.warmup} warm-up)`);
  out.push(
    table(
      [
        ['page', 'rule', 'KB', 'words', 'runs', 'extract ms', 'readab. ms', 'ratio'],
        ...node.pages.map((p) => [p.id, p.ruleId, (p.bytes / 1024).toFixed(1), p.words, p.runs, fx(p.extractMs), fx(p.readabilityMs), fx(p.ratio)]),
      ],
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('');
  out.push(
    table(
      [
        ['group', 'pages', 'ratio (median of per-page)', 'ratio (sum of medians)'],
        ['all', node.overall.pages, fx(node.overall.ratioMedian), fx(node.overall.ratioOfSums)],
        ['with a site rule', node.withRule.pages, fx(node.withRule.ratioMedian), fx(node.withRule.ratioOfSums)],
        ['generic path', node.withoutRule.pages, fx(node.withoutRule.ratioMedian), fx(node.withoutRule.ratioOfSums)],
      ],
      ['l', 'r', 'r', 'r'],
    ),
  );
  out.push(
    `sums: extract ${fx(node.overall.sumExtractMs)} ms, readability ${fx(node.overall.sumReadabilityMs)} ms. ` +
      `Budget ${BUDGET.extractVsReadability}x: ${verdict(node.overall.ratioMedian <= BUDGET.extractVsReadability)} (median ratio).` +
      (node.nullResults.length
        ? `\nextractArticle returned null on ${node.nullResults.length} article fixture(s), left out of the ratios: ${node.nullResults.join(', ')}`
        : ''),
  );
  return out;
}

export const nodeSuite: BenchSuite<NodeFigures> = {
  run: async ({ opts }) => benchNode(opts),
  report,
};
