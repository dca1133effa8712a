/** The shapes passed between the eval's set loaders, runner and report. */
import type { Confusion, LabelSentences } from './metrics';

/** What a page's output is scored against: a gold text, trafilatura's snippets, or an Indonesian label. */
export type Gold =
  | { kind: 'text'; text: string }
  | { kind: 'snippets'; with: string[]; without: string[] }
  | { kind: 'label'; label: LabelSentences }
  /** A page that is not an article (home, index, tag page): the right output is none. */
  | { kind: 'not-article' };

export interface LoadedPage {
  html: string;
  gold: Gold;
  /** The page's URL when only its content tells (defuddle's fixtures name theirs in a comment). */
  url?: string;
}

/** One page of a set, listed before it is read (so --limit and --page pick pages without reading them all). */
export interface PageEntry {
  /** "<set>/<name>": what --page matches and the report names. */
  id: string;
  /** The page's URL as far as known before it is read (LoadedPage.url may settle it). */
  url: string;
  /** The site, for the Indonesian set's per-site report. */
  site?: string;
  /** The page and its gold; null when the page's file is not in the snapshot (counted, not run). */
  load(): Promise<LoadedPage | null>;
}

export interface LoadedSet {
  name: string;
  /** owner/name@commit of every snapshot the pages come from. */
  snapshots: { repo: string; commit: string }[];
  entries: PageEntry[];
  /** Remarks for the report (pages left out and why). */
  notes: string[];
  close(): void;
}

/** A set that cannot run: the one line the report prints instead. */
export interface SkippedSet {
  name: string;
  skipped: string;
}

export interface LoadContext {
  /** The mirror folder of git snapshots. */
  mirror: string;
  /** This repository's root (label files live in it). */
  root: string;
}

export type SetLoader = (ctx: LoadContext) => Promise<LoadedSet | SkippedSet>;

/** How one output scored against its page's gold. */
export interface PageScore {
  /** Bag-of-words against the gold text (for labels: recall of the label sentences' words only). */
  tokens: { precision: number | null; recall: number | null; f1: number | null };
  snippets?: Confusion;
  label?: { clean: boolean; missing: string[]; leaks: string[] };
  /** Not-article pages: true when there was no output. */
  declined?: boolean;
  /** How far from perfect, 0..1 or a count: what the worst-pages list sorts the engine's deficit by. */
  loss: number;
}

export interface SideRun {
  /** The output's text; null when there was none (no article, or an exception). */
  text: string | null;
  ms: number;
  error: string | null;
  score: PageScore;
}

/** Timings of one page inside Chromium (--browser), or why there are none. */
export interface BrowserTiming {
  engineMs: number | null;
  readabilityMs: number | null;
  error: string | null;
}

export interface PageRun {
  id: string;
  url: string;
  site?: string;
  bytes: number;
  gold: Gold;
  engine: SideRun;
  readability: SideRun;
  browser?: BrowserTiming;
  /** Sides stopped after HANG_MS with no result (their ms is that bound; a finding). */
  stopped?: Side[];
  /** A slow page's second timing (see runSet): tells a slow page from a pause of a busy machine. */
  again?: { engineMs: number; readabilityMs: number };
}

export const SIDES = ['engine', 'readability'] as const;
export type Side = (typeof SIDES)[number];
