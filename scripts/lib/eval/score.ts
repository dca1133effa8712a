/**
 * Scoring one output against its page's gold, and a set's pages into the figures of the report. Pure.
 */
import {
  addConfusion, bagOfWords, checkLabel, countSnippets, firstAbsentSpan, mean, median, MAX_CHUNKS, normWs, percentile,
  ratioOrNull, snippetScores, tokenDiff, type Confusion, type SnippetScores,
} from './metrics';
import type { Gold, PageRun, PageScore, Side } from './types';

/** Pages slower than this are counted apart in the report. */
export const SLOW_MS = 2000;
/** A side still running after this long is stopped (its worker or tab is ended) and reported as a finding. */
export const HANG_MS = 60_000;

const isEmpty = (text: string | null): boolean => !text?.trim();

export const isSlow = (run: PageRun): boolean => Math.max(run.engine.ms, run.readability.ms) > SLOW_MS;

export function scorePage(text: string | null, gold: Gold): PageScore {
  switch (gold.kind) {
    case 'text': {
      const tokens = bagOfWords(text, gold.text);
      return { tokens, loss: 1 - (tokens.f1 ?? 0) };
    }
    case 'snippets': {
      const snippets = countSnippets(isEmpty(text) ? null : text, gold.with, gold.without);
      const total = snippets.tp + snippets.fp + snippets.fn + snippets.tn;
      return {
        // No gold text in this set: no token figures.
        tokens: { precision: null, recall: null, f1: null },
        snippets,
        loss: total ? (snippets.fn + snippets.fp) / total : 0,
      };
    }
    case 'label': {
      const l = gold.label;
      const check = checkLabel(text, l);
      const sentences = [l.first, ...l.middle, l.last].join('\n');
      return {
        tokens: { precision: null, recall: bagOfWords(text, sentences).recall, f1: null },
        label: check,
        loss: check.missing.length + check.leaks.length + (isEmpty(text) ? 1 : 0),
      };
    }
    case 'not-article': {
      const declined = isEmpty(text);
      return { tokens: { precision: null, recall: null, f1: null }, declined, loss: declined ? 0 : 1 };
    }
  }
}

export interface SideSummary extends TimeSummary {
  f1: number | null;
  precision: number | null;
  recall: number | null;
  empty: number;
  exceptions: number;
  /** Pages where this side was stopped after HANG_MS with no result. */
  stopped: number;
  /** Pages over SLOW_MS. */
  slow: number;
  /** trafilatura: eval_common's scores over the whole set. */
  snippets?: SnippetScores & Confusion;
  /** Indonesian labels. */
  clean?: number;
  leaks?: number;
  missing?: number;
  /** Not-article pages with no output (the right answer there). */
  declined?: number;
}

export interface SiteSummary {
  site: string;
  pages: number;
  engine: LabelSummary;
  readability: LabelSummary;
}

export interface LabelSummary {
  clean: number;
  empty: number;
  /** Pages with any clutter string. */
  leaks: number;
  /** Label sentences missing, over all pages. */
  missing: number;
}

export interface TimeSummary {
  medianMs: number | null;
  p90Ms: number | null;
}

export interface BrowserSummary {
  pages: number;
  errors: number;
  engine: TimeSummary;
  readability: TimeSummary;
  ratio: { median: number | null; p90: number | null };
}

export interface SetSummary {
  pages: number;
  engine: SideSummary;
  readability: SideSummary;
  /** Engine over Readability, of the medians and of the p90s. */
  ratio: { median: number | null; p90: number | null };
  sites?: SiteSummary[];
  /** The same pages timed inside headless Chromium (--browser). */
  browser?: BrowserSummary;
}

const round = (x: number | null, digits: number): number | null =>
  x === null || Number.isNaN(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;

function timeSummary(times: readonly number[]): TimeSummary {
  return { medianMs: round(median(times), 2), p90Ms: round(percentile(times, 90), 2) };
}

const ratios = (engine: TimeSummary, readability: TimeSummary) => ({
  median: round(ratioOrNull(engine.medianMs, readability.medianMs), 3),
  p90: round(ratioOrNull(engine.p90Ms, readability.p90Ms), 3),
});

function browserSummary(runs: readonly PageRun[]): BrowserSummary | undefined {
  const timings = runs.map((r) => r.browser).filter((b) => !!b);
  if (!timings.length) return undefined;
  const ok = timings.filter((b) => b.engineMs !== null && b.readabilityMs !== null);
  const engine = timeSummary(ok.map((b) => b.engineMs!));
  const readability = timeSummary(ok.map((b) => b.readabilityMs!));
  return { pages: ok.length, errors: timings.length - ok.length, engine, readability, ratio: ratios(engine, readability) };
}

function labelSummary(runs: readonly PageRun[], side: Side): LabelSummary {
  const labels = runs.map((r) => r[side].score.label).filter((l) => !!l);
  return {
    clean: labels.filter((l) => l.clean).length,
    empty: runs.filter((r) => isEmpty(r[side].text)).length,
    leaks: labels.filter((l) => l.leaks.length).length,
    missing: labels.reduce((n, l) => n + l.missing.length, 0),
  };
}

export function summarizeSide(runs: readonly PageRun[], side: Side): SideSummary {
  const scores = runs.map((r) => r[side].score);
  const times = runs.map((r) => r[side].ms);
  const summary: SideSummary = {
    f1: round(mean(scores.map((s) => s.tokens.f1)), 4),
    precision: round(mean(scores.map((s) => s.tokens.precision)), 4),
    recall: round(mean(scores.map((s) => s.tokens.recall)), 4),
    empty: runs.filter((r) => isEmpty(r[side].text)).length,
    exceptions: runs.filter((r) => r[side].error !== null && !r.stopped?.includes(side)).length,
    stopped: runs.filter((r) => r.stopped?.includes(side)).length,
    ...timeSummary(times),
    slow: times.filter((t) => t > SLOW_MS).length,
  };
  const confusions = scores.map((s) => s.snippets).filter((c) => !!c);
  if (confusions.length) {
    const total = confusions.reduce(addConfusion, { tp: 0, fp: 0, fn: 0, tn: 0 });
    const s = snippetScores(total);
    summary.snippets = { ...total, precision: round(s.precision, 4)!, recall: round(s.recall, 4)!, f1: round(s.f1, 4)!, accuracy: round(s.accuracy, 4)! };
  }
  if (scores.some((s) => s.declined !== undefined)) {
    // A side stopped for taking too long gave no article, but did not decline one.
    summary.declined = runs.filter((r) => r[side].score.declined && !r.stopped?.includes(side)).length;
  }
  if (scores.some((s) => s.label)) {
    const { clean, leaks, missing } = labelSummary(runs, side);
    Object.assign(summary, { clean, leaks, missing });
  }
  return summary;
}

function siteSummaries(runs: readonly PageRun[]): SiteSummary[] {
  const bySite = new Map<string, PageRun[]>();
  for (const r of runs) bySite.set(r.site ?? '-', [...(bySite.get(r.site ?? '-') ?? []), r]);
  return [...bySite]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([site, rs]) => ({ site, pages: rs.length, engine: labelSummary(rs, 'engine'), readability: labelSummary(rs, 'readability') }));
}

export function summarizeSet(runs: readonly PageRun[]): SetSummary {
  const engine = summarizeSide(runs, 'engine');
  const readability = summarizeSide(runs, 'readability');
  const summary: SetSummary = { pages: runs.length, engine, readability, ratio: ratios(engine, readability) };
  if (runs.some((r) => r.gold.kind === 'label')) summary.sites = siteSummaries(runs);
  const browser = browserSummary(runs);
  if (browser) summary.browser = browser;
  return summary;
}

/**
 * The pages where the engine does worst against Readability, worst first: by how much more the engine loses
 * (1 - F1, the share of snippets wrong, or label sentences missing plus clutter), then by the engine's own loss.
 * Only pages where the engine is behind.
 */
export function worstPages(runs: readonly PageRun[], n: number): PageRun[] {
  const deficit = (r: PageRun) => r.engine.score.loss - r.readability.score.loss;
  return runs
    .filter((r) => deficit(r) > 1e-9)
    .sort((a, b) => deficit(b) - deficit(a) || b.engine.score.loss - a.engine.score.loss)
    .slice(0, n);
}

export interface Differences {
  /** The first sentence-ish span of the gold the output lacks (text gold only). */
  missingSpan: string | null;
  /** The first span of the output the gold does not have (text gold only). */
  leakedSpan: string | null;
  /** Gold tokens (most frequent deficit first), "with" snippets or label sentences the output lacks. */
  missing: string[];
  /** Output tokens beyond the gold, "without" snippets or clutter strings the output has. */
  leaked: string[];
}

/** What one output lacks and adds against its gold, for the report (up to `n` of each). */
export function differences(text: string | null, gold: Gold, n: number): Differences {
  switch (gold.kind) {
    case 'text': {
      const tokens = tokenDiff(text, gold.text, n);
      return {
        missingSpan: firstAbsentSpan(gold.text, text ?? ''),
        leakedSpan: text ? firstAbsentSpan(text, gold.text) : null,
        ...tokens,
      };
    }
    case 'snippets': {
      const out = normWs(text ?? '');
      const found = (s: string) => !!out && out.includes(normWs(s));
      return {
        missingSpan: null,
        leakedSpan: null,
        missing: gold.with.slice(0, MAX_CHUNKS).filter((s) => !found(s)).slice(0, n),
        leaked: gold.without.slice(0, MAX_CHUNKS).filter(found).slice(0, n),
      };
    }
    case 'label': {
      const check = checkLabel(text, gold.label);
      return { missingSpan: null, leakedSpan: null, missing: check.missing.slice(0, n), leaked: check.leaks.slice(0, n) };
    }
    case 'not-article':
      // What it took for an article: its first words.
      return { missingSpan: null, leakedSpan: text?.trim() ? normWs(text).slice(0, 100) : null, missing: [], leaked: [] };
  }
}
