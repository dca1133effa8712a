/**
 * One input through the engine, as the eval runs a page (scripts/lib/eval/page-run.ts): parsed once with jsdom
 * (no scripts, no subresources), the page's window made the global one while the engine runs (the sanitizer falls
 * back to it for the engine's clones), then extractArticle as an explicit request asks and as auto-clean asks
 * (gate: true), each timed on its own, and each result held to the checks of check.ts. When the input carries
 * payloads, the sanitizer is also run on the whole input directly and its output checked.
 */
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { extractArticle, type Article } from '../../../utils/extract';
import { sanitizeHtml, toFragment } from '../../../utils/sanitize';
import { loadPage } from '../page';
import { checkArticle, checkHtml, type Parse, type Problem } from './check';

/** The budget of one extraction (DESIGN.md: no page over 2 s). */
export const SLOW_MS = 2000;
/**
 * Past this, the watchdog ends the worker: the case is reported as a hang. Ten times the budget: past the slowest
 * real page of the eval (Readability's wikipedia-2 takes 6-8 s in jsdom) on a busy machine, and short enough that
 * pages which would take minutes (5 000-level nesting does, in bare Readability too) do not eat the run.
 */
export const HANG_MS = 20_000;
/**
 * Building an input and parsing it with jsdom may take longer before a case counts as hung: that is jsdom's own
 * work (5 000 unclosed tags take it 10-20 s; a browser parses them natively), and the engine's run after it is
 * what the case is about.
 */
export const PARSE_HANG_MS = 180_000;
/** Inputs over this size skip the direct sanitizer run (it says nothing more about a page that big). */
const SANITIZE_MAX_BYTES = 2_000_000;

export type Mode = 'explicit' | 'gated' | 'sanitizer';
export const MODES: readonly Mode[] = ['explicit', 'gated', 'sanitizer'];
export type Phase = 'build' | 'parse' | Mode | 'check' | 'shrink' | 'retime' | 'readability';

export type FailureKind = 'throw' | 'slow' | 'hang' | 'crash' | 'unsafe' | 'harness';

export interface Failure {
  kind: FailureKind;
  /** The mode that failed, or for a hang the phase it hung in (build and parse: before the engine ran). */
  mode: Phase | 'start';
  message: string;
  stack?: string;
  problems?: Problem[];
  ms?: number;
  /** Bare Readability on the same page, for a slow extraction (is the slowness the engine's own?). */
  readabilityMs?: number;
}

export interface ModeRun {
  ms: number;
  outcome: 'article' | 'none' | 'error';
}

export interface InputRun {
  parseMs: number;
  runs: Partial<Record<Mode, ModeRun>>;
  failures: Failure[];
  /** Modes that took longer than SLOW_MS (timed again later before they count). */
  slow: Mode[];
}

const messageOf = (e: unknown): string => String((e as Error)?.message ?? e).split('\n')[0];
const stackOf = (e: unknown): string | undefined => (e as Error)?.stack?.split('\n').slice(0, 12).join('\n');

export interface RunOptions {
  modes?: readonly Mode[];
  onPhase?: (phase: Phase) => void;
  /** Check outputs (false when only timing). */
  check?: boolean;
  /** Also time bare Readability (for slow cases). */
  readability?: boolean;
  /**
   * Also check outputs once serialized and parsed again (mutation XSS) and as the reader puts them on screen
   * (toFragment): worth it where payloads were planted.
   */
  reparse?: boolean;
}

export interface Checker {
  parse: Parse;
  close(): void;
}

/** A jsdom window kept for parsing outputs: nothing it parses runs or loads. */
export function makeChecker(): Checker {
  const { window } = loadPage('<!DOCTYPE html><title>checker</title>', 'https://checker.invalid/');
  const parser = new window.DOMParser();
  return { parse: (html) => parser.parseFromString(html, 'text/html'), close: () => window.close() };
}

export function runInput(html: string, url: string, checker: Checker, { modes = MODES, onPhase, check = true, readability = false, reparse = true }: RunOptions = {}): InputRun & { readabilityMs?: number } {
  const failures: Failure[] = [];
  const runs: Partial<Record<Mode, ModeRun>> = {};
  const slow: Mode[] = [];
  onPhase?.('parse');
  const t0 = performance.now();
  let page: ReturnType<typeof loadPage>;
  try {
    page = loadPage(html, url);
  } catch (error) {
    // jsdom itself failing on an input is not the engine's fault, but worth knowing.
    return { parseMs: performance.now() - t0, runs, slow, failures: [{ kind: 'harness', mode: 'parse', message: `jsdom: ${messageOf(error)}`, stack: stackOf(error) }] };
  }
  const parseMs = performance.now() - t0;
  const { window } = page;
  const doc = window.document;
  const global = globalThis as { window?: unknown };
  const previous = global.window;
  global.window = window;
  const toScreen = (h: string): Element => {
    const box = doc.createElement('div');
    box.append(toFragment(h, doc));
    return box;
  };
  let readabilityMs: number | undefined;
  try {
    for (const mode of modes) {
      if (mode === 'sanitizer') continue;
      onPhase?.(mode);
      const start = performance.now();
      let article: Article | null = null;
      try {
        article = extractArticle(doc, { url, gate: mode === 'gated' });
      } catch (error) {
        const ms = performance.now() - start;
        runs[mode] = { ms, outcome: 'error' };
        failures.push({ kind: 'throw', mode, message: messageOf(error), stack: stackOf(error), ms });
        continue;
      }
      const ms = performance.now() - start;
      runs[mode] = { ms, outcome: article ? 'article' : 'none' };
      if (ms > SLOW_MS) slow.push(mode);
      if (!check || !article) continue;
      onPhase?.('check');
      let problems: Problem[];
      try {
        problems = checkArticle(article, { parse: checker.parse, toScreen: reparse ? toScreen : undefined, reparse });
      } catch (error) {
        failures.push({ kind: 'throw', mode, message: `checking the output: ${messageOf(error)}`, stack: stackOf(error) });
        continue;
      }
      if (problems.length) failures.push({ kind: 'unsafe', mode, message: `${problems[0].field}: ${problems[0].rule}`, problems });
    }
    if (modes.includes('sanitizer') && html.length <= SANITIZE_MAX_BYTES) {
      onPhase?.('sanitizer');
      const start = performance.now();
      try {
        const out = sanitizeHtml(html, doc);
        runs.sanitizer = { ms: performance.now() - start, outcome: 'article' };
        if (check) {
          const problems = checkHtml(out, 'sanitizeHtml(input)', checker.parse, reparse);
          if (problems.length) failures.push({ kind: 'unsafe', mode: 'sanitizer', message: `${problems[0].field}: ${problems[0].rule}`, problems });
        }
      } catch (error) {
        runs.sanitizer = { ms: performance.now() - start, outcome: 'error' };
        failures.push({ kind: 'throw', mode: 'sanitizer', message: messageOf(error), stack: stackOf(error) });
      }
    }
    if (readability) {
      onPhase?.('readability');
      const start = performance.now();
      try {
        new Readability(doc.cloneNode(true) as Document).parse();
      } catch {
        // Only its time matters here.
      }
      readabilityMs = performance.now() - start;
    }
  } finally {
    global.window = previous;
    try {
      window.close();
    } catch {
      // jsdom's close() throws on some pages with frames (window[i] undefined); the window is dropped anyway.
    }
  }
  return { parseMs, runs, failures, slow, ...(readabilityMs !== undefined ? { readabilityMs } : {}) };
}

/** What makes two failures the same bug, for grouping and for shrinking (which must keep it). */
export function signature(f: Failure): string {
  if (f.kind === 'unsafe' && f.problems?.length) {
    const p = f.problems[0];
    return `unsafe|${f.mode}|${p.field.replace(/ \(re-parsed\)$/, '')}|${p.rule}`;
  }
  return `${f.kind}|${f.mode}|${f.message.replace(/\d+/g, 'N').slice(0, 120)}`;
}
