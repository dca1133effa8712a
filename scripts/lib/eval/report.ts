/**
 * The eval's output: a table a set (engine and bare Readability side by side), the pages the engine loses, the
 * slow and failed pages, one page in full (--page), and the one-line JSON summary (--json).
 */
import { differences, HANG_MS, isSlow, SLOW_MS, worstPages, type SetSummary, type SideSummary } from './score';
import { normWs } from './metrics';
import { SIDES, type PageRun, type Side, type SkippedSet } from './types';

/** A set that ran. */
export interface SetReport {
  name: string;
  snapshots: { repo: string; commit: string }[];
  notes: string[];
  /** Pages listed whose file the snapshot lacks. */
  missing: string[];
  summary: SetSummary;
  runs: PageRun[];
}

export type Outcome = SetReport | SkippedSet;

const WORST = 10;
/** Tokens or snippets shown for each worst page. */
const SHOWN = 5;
const SIDE_LABEL: Record<Side, string> = { engine: 'engine', readability: 'Readability' };

const fx = (x: number | null | undefined, digits = 3): string => (x === null || x === undefined ? '-' : x.toFixed(digits));
const cut = (s: string, max = 140): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const quote = (s: string): string => `"${cut(normWs(s), 100)}"`;

function table(rows: string[][], rightAligned: boolean[]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(rows[0]), ...rows.slice(1).map(line)].join('\n');
}

/** The set's own metric, in one cell: trafilatura's snippet scores, the labels' clean pages. */
function ownMetric(s: SideSummary, pages: number): string {
  if (s.snippets) return `snippets F1 ${fx(s.snippets.f1)} P ${fx(s.snippets.precision)} R ${fx(s.snippets.recall)} acc ${fx(s.snippets.accuracy)}`;
  if (s.clean !== undefined) return `clean ${s.clean}/${pages}, leaks ${s.leaks}, missing ${s.missing}`;
  if (s.declined !== undefined) return `no article on ${s.declined}/${pages} (right)`;
  return '-';
}

function summaryTable(sum: SetSummary): string {
  const head = ['', 'pages', 'F1', 'P', 'R', 'own metric', 'empty', 'errors', 'stopped', 'median ms', 'p90 ms', `>${SLOW_MS / 1000} s`];
  const row = (side: Side): string[] => {
    const s = sum[side];
    return [
      SIDE_LABEL[side], String(sum.pages), fx(s.f1), fx(s.precision), fx(s.recall), ownMetric(s, sum.pages),
      String(s.empty), String(s.exceptions), String(s.stopped), fx(s.medianMs, 1), fx(s.p90Ms, 1), String(s.slow),
    ];
  };
  const right = head.map((_, i) => i !== 0 && i !== 5);
  const lines = [table([head, ...SIDES.map(row)], right)];
  lines.push(`time engine/Readability: median ${fx(sum.ratio.median, 2)}x, p90 ${fx(sum.ratio.p90, 2)}x`);
  const b = sum.browser;
  if (b) {
    lines.push(
      `in Chromium (${b.pages} pages${b.errors ? `, ${b.errors} failed` : ''}): engine median ${fx(b.engine.medianMs, 1)} ms, ` +
        `p90 ${fx(b.engine.p90Ms, 1)} ms; Readability median ${fx(b.readability.medianMs, 1)} ms, p90 ${fx(b.readability.p90Ms, 1)} ms; ` +
        `ratio median ${fx(b.ratio.median, 2)}x, p90 ${fx(b.ratio.p90, 2)}x`,
    );
  }
  return lines.join('\n');
}

function siteTable(sum: SetSummary): string | null {
  if (!sum.sites?.length) return null;
  const head = ['site', 'pages', 'clean', 'empty', 'leaks', 'missing', 'Readab. clean', 'empty', 'leaks', 'missing'];
  const rows = sum.sites.map((s) => [
    s.site, String(s.pages),
    ...[s.engine, s.readability].flatMap((l) => [String(l.clean), String(l.empty), String(l.leaks), String(l.missing)]),
  ]);
  return table([head, ...rows], head.map((_, i) => i > 0));
}

/** How a page scored, one side, in a few words. */
function pageScore(run: PageRun, side: Side): string {
  const s = run[side];
  const empty = !s.text?.trim() ? (s.error ? ` (threw: ${cut(s.error, 80)})` : ' (empty)') : '';
  const sc = s.score;
  if (sc.snippets) return `${sc.snippets.fn + sc.snippets.fp} of ${sc.snippets.tp + sc.snippets.fp + sc.snippets.fn + sc.snippets.tn} snippets wrong${empty}`;
  if (sc.label) return `${sc.label.clean ? 'clean' : `${sc.label.missing.length} missing, ${sc.label.leaks.length} clutter`}${empty}`;
  if (sc.declined !== undefined) return sc.declined ? 'no article (right)' : 'an article (wrong)';
  return `F1 ${fx(sc.tokens.f1)}${empty}`;
}

function differenceLines(run: PageRun, side: Side, indent: string): string[] {
  const d = differences(run[side].text, run.gold, SHOWN);
  const lines: string[] = [];
  if (d.missingSpan) lines.push(`${indent}first missing: ${quote(d.missingSpan)}`);
  if (d.missing.length) lines.push(`${indent}missing: ${d.missing.map((m) => (run.gold.kind === 'text' ? m : quote(m))).join(', ')}`);
  if (d.leakedSpan) lines.push(`${indent}first leaked:  ${quote(d.leakedSpan)}`);
  if (d.leaked.length) lines.push(`${indent}leaked:  ${d.leaked.map((m) => (run.gold.kind === 'text' ? m : quote(m))).join(', ')}`);
  return lines;
}

function worstLines(runs: readonly PageRun[]): string[] {
  const worst = worstPages(runs, WORST);
  if (!worst.length) return ['engine worse than Readability on no page'];
  return [
    `${worst.length} page(s) where the engine does worst against Readability:`,
    ...worst.flatMap((r, i) => [
      `${String(i + 1).padStart(2)}. ${r.id}  engine ${pageScore(r, 'engine')}; Readability ${pageScore(r, 'readability')}`,
      ...differenceLines(r, 'engine', '      '),
    ]),
  ];
}

/** Slow pages, exceptions and missing files: what must not hide in the means. */
function problemLines(rep: SetReport): string[] {
  const lines: string[] = [];
  for (const r of rep.runs.filter(isSlow)) {
    const ms = (side: Side) => (r.stopped?.includes(side) ? `over ${HANG_MS / 1000} s` : `${fx(r[side].ms, 0)} ms`);
    const finding = r.stopped ? ` <- FINDING: ${r.stopped.map((s) => SIDE_LABEL[s]).join(' and ')} stopped after ${HANG_MS / 1000} s with no result` : '';
    const again = r.again ? `; again: engine ${fx(r.again.engineMs, 0)} ms, Readability ${fx(r.again.readabilityMs, 0)} ms` : '';
    lines.push(`slow: ${r.id} (${(r.bytes / 1024).toFixed(0)} KB) engine ${ms('engine')}, Readability ${ms('readability')}${again}${finding}`);
  }
  for (const r of rep.runs) {
    for (const side of SIDES) {
      if (r[side].error && !r.stopped?.includes(side)) lines.push(`threw: ${r.id} (${SIDE_LABEL[side]}): ${cut(r[side].error!, 160)}`);
    }
    if (r.browser?.error) lines.push(`chromium failed: ${r.id}: ${cut(r.browser.error, 160)}`);
  }
  const taken = rep.runs.filter((r) => r.engine.score.declined === false);
  if (taken.length) lines.push(`engine took for an article ${taken.length} page(s) that are not: ${cut(taken.map((r) => r.id).join(', '), 600)}`);
  if (rep.missing.length) lines.push(`no file in the snapshot for ${rep.missing.length} page(s): ${cut(rep.missing.join(', '), 300)}`);
  return [...lines, ...rep.notes.map((n) => `note: ${n}`)];
}

export function setText(out: Outcome): string {
  if ('skipped' in out) return out.skipped;
  const source = out.snapshots.map((s) => `${s.repo}@${s.commit.slice(0, 10)}`).join(', ');
  return [
    `== ${out.name}: ${out.summary.pages} pages from ${source}`,
    summaryTable(out.summary),
    siteTable(out.summary),
    ...problemLines(out),
    ...(out.runs.length ? worstLines(out.runs) : []),
  ]
    .filter((l) => l !== null)
    .join('\n');
}

/** Text wrapped at `width` columns, for reading an output in a terminal. */
function wrap(text: string, width = 110): string {
  const lines: string[] = [];
  let line = '';
  for (const word of normWs(text).split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** --page: both outputs in full, then what each lacks and adds. */
export function pageText(run: PageRun): string {
  const lines = [`#### ${run.id}  ${run.url}  (${(run.bytes / 1024).toFixed(0)} KB)`];
  for (const side of SIDES) {
    const s = run[side];
    lines.push('', `--- ${SIDE_LABEL[side]}: ${pageScore(run, side)}, ${fx(s.ms, 1)} ms`, s.text?.trim() ? wrap(s.text) : '(no output)');
    lines.push(...differenceLines(run, side, '  '));
  }
  return lines.join('\n');
}

const sideJson = (s: SideSummary) => {
  const { f1, precision, recall, empty, exceptions, stopped, medianMs, p90Ms, slow, snippets, declined } = s;
  return {
    f1, precision, recall, empty, exceptions, stopped, medianMs, p90Ms, over2s: slow,
    ...(snippets ? { snippets } : {}),
    ...(declined !== undefined ? { declined } : {}),
  };
};

/** The --json object: one entry a set, skipped sets with the reason. */
export function jsonSummary(outcomes: readonly Outcome[], extra: Record<string, unknown>): Record<string, unknown> {
  const sets: Record<string, unknown> = {};
  for (const out of outcomes) {
    if ('skipped' in out) {
      sets[out.name] = { skipped: out.skipped };
      continue;
    }
    const s = out.summary;
    const common = {
      pages: s.pages,
      snapshot: out.snapshots.length === 1 ? out.snapshots[0].commit : out.snapshots.map((x) => `${x.repo}@${x.commit}`).join(','),
      missingFiles: out.missing.length,
      ratio: s.ratio,
      slowPages: out.runs.filter(isSlow).map((r) => ({
        id: r.id,
        engineMs: Math.round(r.engine.ms),
        readabilityMs: Math.round(r.readability.ms),
        stopped: r.stopped ?? [],
        again: r.again ? { engineMs: Math.round(r.again.engineMs), readabilityMs: Math.round(r.again.readabilityMs) } : null,
      })),
      ...(s.browser ? { browser: s.browser } : {}),
    };
    if (s.sites) {
      const labels = (side: Side) => ({ clean: s[side].clean, empty: s[side].empty, leaks: s[side].leaks, missing: s[side].missing, recall: s[side].recall, medianMs: s[side].medianMs, p90Ms: s[side].p90Ms });
      sets[out.name] = { ...common, sites: s.sites.length, engine: labels('engine'), readability: labels('readability'), perSite: s.sites };
    } else {
      sets[out.name] = { ...common, engine: sideJson(s.engine), readability: sideJson(s.readability) };
    }
  }
  return { ...extra, sets };
}
