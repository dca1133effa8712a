/**
 * The pure scoring primitives of `npm run eval`: word tokens and bag-of-words precision/recall, trafilatura's
 * snippet confusion counts, the Indonesian label check, and the statistics of the report. No I/O, no DOM.
 */

// --- tokens ------------------------------------------------------------------------------------------------------

/**
 * Text as a reader reads it: without soft hyphens (U+00AD), which a browser shows only where it breaks a line.
 * "Mit\u00adtel\u00adal\u00adter" is the word "Mittelalter" on the page, whether an output keeps the marks or drops them.
 */
const asRead = (text: string): string => (text.includes('\u00ad') ? text.replace(/\u00ad/g, '') : text);

/** Lower-cased word tokens: runs of letters and digits in any script (punctuation and markup signs drop out). */
export function tokenize(text: string): string[] {
  return asRead(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function countTokens(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Precision, recall and F1; null where the figure has no meaning for the set (no gold text, no output). */
export interface Prf {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

const ratio = (a: number, b: number): number | null => (b ? a / b : null);

export function f1Of(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

/**
 * Bag-of-words overlap of an output with the gold text (multiset intersection: a word the gold has twice counts
 * twice). An empty output scores 0 everywhere rather than null, so empties pull a set's means down.
 */
export function bagOfWords(output: string | null, gold: string): Prf {
  const out = tokenize(output ?? '');
  const want = tokenize(gold);
  if (!out.length) return { precision: 0, recall: want.length ? 0 : null, f1: want.length ? 0 : null };
  const have = countTokens(out);
  let overlap = 0;
  for (const [t, n] of countTokens(want)) overlap += Math.min(n, have.get(t) ?? 0);
  const precision = ratio(overlap, out.length) ?? 0;
  const recall = ratio(overlap, want.length);
  return { precision, recall, f1: f1Of(precision, recall) };
}

/**
 * What the output lacks and what it adds, as tokens with their counts, most frequent first: the gold tokens
 * missing (gold count minus output count) and the output tokens the gold does not have that often.
 */
export function tokenDiff(output: string | null, gold: string, n: number): { missing: string[]; leaked: string[] } {
  const out = countTokens(tokenize(output ?? ''));
  const want = countTokens(tokenize(gold));
  const surplus = (a: Map<string, number>, b: Map<string, number>): string[] =>
    [...a]
      .map(([t, c]) => [t, c - (b.get(t) ?? 0)] as const)
      .filter(([, d]) => d > 0)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, n)
      .map(([t, d]) => (d > 1 ? `${t} ×${d}` : t));
  return { missing: surplus(want, out), leaked: surplus(out, want) };
}

/**
 * Sentence-ish spans: split after . ! ? … and at blank lines (not at single line breaks: a page's textContent
 * keeps the source's line breaks, which fall anywhere).
 */
export function spans(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n\s*\n/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * The first span of `from` (of at least `minTokens` words) whose words do not appear, in order and side by
 * side, in `within`: what a reader would notice first as missing (from = gold) or leaked (from = output).
 */
export function firstAbsentSpan(from: string, within: string, minTokens = 4): string | null {
  const haystack = ` ${tokenize(within).join(' ')} `;
  for (const span of spans(from)) {
    const words = tokenize(span);
    if (words.length >= minTokens && !haystack.includes(` ${words.join(' ')} `)) return span;
  }
  return null;
}

// --- trafilatura's snippets (tests/eval_common.py) ---------------------------------------------------------------

/** tests/eval_common.py MAX_CHUNKS: at most this many snippets a side, so no one page dominates the scores. */
export const MAX_CHUNKS = 6;

/**
 * eval_common.norm: runs of white space to one space, trimmed. Case is kept (the match is case-sensitive). Soft
 * hyphens go too (see asRead): a snippet copied from the page with them is the same words as an output without.
 */
export const normWs = (text: string): string => asRead(text).replace(/\s+/g, ' ').trim();

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/**
 * eval_common.count_item: true positives are "with" snippets found in the output, false negatives those missing,
 * false positives "without" snippets present, true negatives those absent. No output finds nothing.
 */
export function countSnippets(output: string | null, withs: readonly string[], withouts: readonly string[]): Confusion {
  const want = withs.slice(0, MAX_CHUNKS);
  const avoid = withouts.slice(0, MAX_CHUNKS);
  const text = output === null ? null : normWs(output);
  const tp = text === null ? 0 : want.filter((w) => text.includes(normWs(w))).length;
  const fp = text === null ? 0 : avoid.filter((w) => text.includes(normWs(w))).length;
  return { tp, fp, fn: want.length - tp, tn: avoid.length - fp };
}

export function addConfusion(a: Confusion, b: Confusion): Confusion {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

export interface SnippetScores {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

/** eval_common.ConfusionMatrix.scores: each figure 0 when its denominator is 0. */
export function snippetScores(c: Confusion): SnippetScores {
  const total = c.tp + c.fp + c.fn + c.tn;
  const f1Denominator = 2 * c.tp + c.fp + c.fn;
  return {
    precision: ratio(c.tp, c.tp + c.fp) ?? 0,
    recall: ratio(c.tp, c.tp + c.fn) ?? 0,
    f1: ratio(2 * c.tp, f1Denominator) ?? 0,
    accuracy: ratio(c.tp + c.tn, total) ?? 0,
  };
}

// --- Indonesian labels --------------------------------------------------------------------------------------------

export interface LabelSentences {
  first: string;
  last: string;
  middle: readonly string[];
  clutter: readonly string[];
}

export interface LabelCheck {
  clean: boolean;
  /** Label sentences (first, middle..., last) not found in the output. */
  missing: string[];
  /** Clutter strings found in the output. */
  leaks: string[];
}

/**
 * Compared with white space collapsed, case folded and Unicode in NFC (as the labels were checked): the label
 * is about words, not markup, capitals or how an accent is encoded.
 */
const looseText = (text: string): string => normWs(text.normalize('NFC')).toLowerCase();

/** Clean: every label sentence is in the output and no clutter string is. No output is never clean. */
export function checkLabel(output: string | null, label: LabelSentences): LabelCheck {
  const sentences = [label.first, ...label.middle, label.last].filter((s) => s.trim());
  const text = looseText(output ?? '');
  const missing = sentences.filter((s) => !text.includes(looseText(s)));
  const leaks = text ? label.clutter.filter((c) => c.trim() && text.includes(looseText(c))) : [];
  return { clean: !!text && !missing.length && !leaks.length, missing, leaks };
}

// --- statistics ----------------------------------------------------------------------------------------------------

function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p90 of 10 values is the 9th smallest). */
export function percentile(xs: readonly number[], p: number): number | null {
  if (!xs.length) return null;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Mean of the values that exist; null when none does. */
export function mean(xs: readonly (number | null)[]): number | null {
  const present = xs.filter((x): x is number => x !== null && !Number.isNaN(x));
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
}

export function ratioOrNull(a: number | null, b: number | null): number | null {
  return a === null || b === null || !b ? null : a / b;
}
