/** The fuzz run's tallies and its printed summary. */
import { PAYLOAD_KINDS, type PayloadKind } from './payloads';
import { MUTATION_KINDS, type MutationKind } from './mutate';
import { MODES, SLOW_MS, signature, type Failure, type Mode } from './run';
import type { CaseResult } from './worker';

export interface FailureRecord {
  seed: number;
  caseNo: number;
  category: string;
  source: string;
  url: string;
  mutations: MutationKind[];
  payloads: PayloadKind[];
  failure: Failure;
  inputPath?: string;
  minimal?: { html: string; path: string | null; runs: number } | null;
}

export class Tally {
  inputs = 0;
  byCategory = new Map<string, number>();
  byKind = new Map<string, number>();
  mutations = new Map<MutationKind, number>();
  unmutated = 0;
  payloads = new Map<PayloadKind, number>();
  payloadTotal = 0;
  bytes = { total: 0, max: 0, maxCase: -1 };
  /** Worker time spent building inputs and parsing them (outside the timed extractions). */
  buildMs = 0;
  parseMs = 0;
  times: Record<Mode, { ms: number; caseNo: number }[]> = { explicit: [], gated: [], sanitizer: [] };
  outcomes: Record<Mode, Record<'article' | 'none' | 'error', number>> = {
    explicit: { article: 0, none: 0, error: 0 }, gated: { article: 0, none: 0, error: 0 }, sanitizer: { article: 0, none: 0, error: 0 },
  };
  failures: FailureRecord[] = [];

  add(seed: number, r: CaseResult): void {
    this.inputs++;
    inc(this.byCategory, r.category);
    inc(this.byKind, r.kind);
    if (!r.mutations.length) this.unmutated++;
    for (const m of r.mutations) inc(this.mutations, m);
    for (const p of r.payloads) inc(this.payloads, p);
    this.payloadTotal += r.payloads.length;
    this.bytes.total += r.bytes;
    this.buildMs += r.buildMs;
    this.parseMs += r.parseMs;
    if (r.bytes > this.bytes.max) this.bytes = { ...this.bytes, max: r.bytes, maxCase: r.caseNo };
    for (const mode of MODES) {
      const run = r.runs[mode];
      if (!run) continue;
      this.times[mode].push({ ms: run.ms, caseNo: r.caseNo });
      this.outcomes[mode][run.outcome]++;
    }
    for (const failure of r.failures) this.failures.push(recordOf(seed, r, failure));
  }
}

export const recordOf = (seed: number, r: Pick<CaseResult, 'caseNo' | 'category' | 'source' | 'url' | 'mutations' | 'payloads' | 'inputPath'>, failure: Failure): FailureRecord => ({
  seed, caseNo: r.caseNo, category: r.category, source: r.source, url: r.url, mutations: r.mutations, payloads: r.payloads, failure, inputPath: r.inputPath,
});

function inc<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

const quantile = (sorted: number[], q: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const counts = <K extends string>(map: Map<K, number>, order?: readonly K[]): string =>
  (order ? order.filter((k) => map.has(k)) : [...map.keys()].sort()).map((k) => `${k} ${map.get(k)}`).join(', ') || 'none';

export const replayCommand = (seed: number, caseNo: number): string => `npm run fuzz -- --replay ${seed}:${caseNo}`;

function failureText(f: FailureRecord, full: boolean): string[] {
  const { failure } = f;
  const lines = [`${failure.kind} (${failure.mode}) in case ${f.caseNo}: ${failure.message}`];
  lines.push(`    input: ${f.source} at ${f.url}; mutations: ${f.mutations.join(', ') || 'none'}; payloads: ${f.payloads.join(', ') || 'none'}`);
  if (failure.kind === 'slow') lines.push(`    took ${ms(failure.ms ?? 0)} ms (budget ${SLOW_MS} ms); bare Readability on the same page: ${failure.readabilityMs === undefined ? '?' : `${ms(failure.readabilityMs)} ms`}`);
  if (full) {
    for (const p of (failure.problems ?? []).slice(0, 6)) lines.push(`    - ${p.field} ${p.rule}: ${p.detail}`);
    if ((failure.problems?.length ?? 0) > 6) lines.push(`    … and ${failure.problems!.length - 6} more problems`);
    if (failure.stack) lines.push(...failure.stack.split('\n').map((l) => `    | ${l.trim()}`));
  }
  lines.push(`    replay: ${replayCommand(f.seed, f.caseNo)}`);
  if (f.inputPath) lines.push(`    input file: ${f.inputPath}`);
  if (f.minimal) {
    const html = f.minimal.html;
    lines.push(`    minimal input (${Buffer.byteLength(html)} bytes after ${f.minimal.runs} runs${f.minimal.path ? `, ${f.minimal.path}` : ''}):`);
    lines.push(`      ${html.length > 1500 ? `${html.slice(0, 1500)}… (cut here; the file has it all)` : html}`);
  } else if (f.minimal === null) {
    lines.push('    minimal input: the failure did not recur when the input was run again alone');
  }
  return lines;
}

/** Failures grouped by what makes them the same bug, each group's first case in full. */
export function failuresText(failures: readonly FailureRecord[]): string[] {
  const groups = new Map<string, FailureRecord[]>();
  for (const f of failures) {
    const key = signature(f.failure);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(f);
  }
  const out: string[] = [];
  let n = 0;
  for (const [key, list] of groups) {
    out.push(`FAIL ${++n}/${groups.size} [${key}] ×${list.length}`);
    out.push(...failureText(list[0], true).map((l) => `  ${l}`));
    if (list.length > 1) {
      out.push(`  same failure in cases: ${list.slice(1, 21).map((f) => f.caseNo).join(', ')}${list.length > 21 ? `, … (${list.length - 21} more)` : ''}`);
    }
  }
  return out;
}

export function summaryText(t: Tally, seed: number, extra: { cases: string; workers: number; seconds: number; phases: string; stoppedEarly: boolean; notes: string[] }): string[] {
  const out: string[] = [];
  out.push(`fuzz: seed ${seed}, ${extra.cases}, ${extra.workers} worker(s)${extra.stoppedEarly ? ' (time budget reached: stopped early)' : ''}`);
  for (const note of extra.notes) out.push(`  note: ${note}`);
  out.push(`inputs by source (${t.inputs}): ${counts(t.byKind)}`);
  out.push(`  by category: ${counts(t.byCategory)}`);
  out.push(`  bytes: ${(t.bytes.total / 1e6).toFixed(1)} MB in all, largest ${(t.bytes.max / 1e6).toFixed(2)} MB (case ${t.bytes.maxCase})`);
  out.push(`mutations by kind (${[...t.mutations.values()].reduce((a, b) => a + b, 0)}; ${t.unmutated} inputs unmutated): ${counts(t.mutations, MUTATION_KINDS)}`);
  out.push(`payloads injected by kind (${t.payloadTotal}): ${counts(t.payloads, PAYLOAD_KINDS)}`);
  for (const mode of MODES) {
    const times = t.times[mode].map((x) => x.ms).sort((a, b) => a - b);
    if (!times.length) continue;
    const max = t.times[mode].reduce((a, b) => (b.ms > a.ms ? b : a));
    const o = t.outcomes[mode];
    const what = mode === 'sanitizer' ? `${o.article} runs, ${o.error} threw` : `${o.article} articles, ${o.none} no article, ${o.error} threw`;
    out.push(`${mode === 'sanitizer' ? 'sanitizer on the input' : `extraction ${mode}`}: ${times.length} runs (${what}); median ${ms(quantile(times, 0.5))} ms, p90 ${ms(quantile(times, 0.9))} ms, p99 ${ms(quantile(times, 0.99))} ms, max ${ms(max.ms)} ms (case ${max.caseNo}); over ${SLOW_MS} ms at first: ${times.filter((x) => x > SLOW_MS).length}`);
  }
  const byKind = new Map<string, number>();
  for (const f of t.failures) byKind.set(f.failure.kind, (byKind.get(f.failure.kind) ?? 0) + 1);
  out.push(`failures by kind: ${['throw', 'slow', 'hang', 'crash', 'unsafe', 'harness'].map((k) => `${k} ${byKind.get(k) ?? 0}`).join(', ')}`);
  out.push(`time: ${extra.seconds.toFixed(1)} s (${extra.phases}); worker time building inputs ${(t.buildMs / 1000).toFixed(0)} s, parsing them ${(t.parseMs / 1000).toFixed(0)} s`);
  return out;
}
