/**
 * The Indonesian sets, from hand-made label files in this repository (test/eval/indonesian/**\/*.json; see the
 * README there). Each label names a page in a mirror snapshot (repo, commit, path):
 *   indonesian               one object a file: the sentences the body must hold (first, last, a few from the
 *                            middle) and the clutter it must not. Clean: all the sentences, none of the clutter.
 *   indonesian-not-articles  files holding an array: pages that are not articles (home, index, tag pages).
 *                            Right: no article at all, with the engine's auto-clean gates on (page-run.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { openSnapshot, missingSnapshot, type Snapshot } from '../snapshot';
import { decodeHtml } from '../text';
import type { Gold, LoadedSet, PageEntry, SetLoader, SkippedSet } from '../types';

export const LABELS_DIR = join('test', 'eval', 'indonesian');

interface Source {
  repo: string;
  commit?: string;
  path: string;
}

export interface Label {
  source: Source;
  url: string;
  site: string;
  title?: string;
  first: string;
  last: string;
  middle: string[];
  clutter: string[];
}

/** An entry of a not-articles list. */
interface NonArticle {
  source: Source;
  url: string;
  site: string;
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Why a page reference (source, url, site) cannot be used, or null when it can. */
function sourceProblem(x: unknown): string | null {
  const l = x as Partial<NonArticle> | null;
  if (!l || typeof l !== 'object') return 'not an object';
  if (typeof l.source?.repo !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(l.source.repo)) return 'source.repo is not owner/name';
  if (typeof l.source.path !== 'string' || !l.source.path) return 'no source.path';
  if (l.source.commit !== undefined && (typeof l.source.commit !== 'string' || !/^[0-9a-f]{7,40}$/i.test(l.source.commit))) return 'source.commit is not a hash';
  if (typeof l.url !== 'string' || !URL.canParse(l.url)) return 'no valid url';
  if (typeof l.site !== 'string' || !l.site) return 'no site';
  return null;
}

/** Why a parsed label cannot be used, or null when it can. */
export function labelProblem(x: unknown): string | null {
  const problem = sourceProblem(x);
  if (problem) return problem;
  const l = x as Partial<Label>;
  if (typeof l.first !== 'string' || typeof l.last !== 'string' || !l.first.trim() || !l.last.trim()) return 'no first/last sentence';
  if (!isStrings(l.middle) || !isStrings(l.clutter)) return 'middle and clutter must be lists of strings';
  return null;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? jsonFiles(join(dir, d.name)) : d.name.endsWith('.json') ? [join(dir, d.name)] : []))
    .sort();
}

/** A usable page reference with its set-level id and gold, before its snapshot is opened. */
interface Item {
  id: string;
  ref: NonArticle;
  gold: Gold;
}

/** Every label file read once: labels (objects) and not-article lists (arrays), with remarks on bad ones. */
function readLabelFiles(root: string): { labels: Item[]; nonArticles: Item[]; notes: string[] } | null {
  const dir = join(root, LABELS_DIR);
  const files = existsSync(dir) ? jsonFiles(dir) : [];
  if (!files.length) return null;
  const labels: Item[] = [];
  const nonArticles: Item[] = [];
  const notes: string[] = [];
  for (const file of files) {
    const name = relative(dir, file).replace(/\\/g, '/').replace(/\.json$/, '');
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      notes.push(`${name}: unreadable (${(error as Error).message})`);
      continue;
    }
    if (Array.isArray(data)) {
      data.forEach((ref: NonArticle, i) => {
        const problem = sourceProblem(ref);
        if (problem) notes.push(`${name}[${i}]: bad entry (${problem})`);
        // The file name in the snapshot says what the page is; the index keeps ids unique.
        else nonArticles.push({ id: `${ref.site}/${basename(ref.source.path).replace(/\..*$/, '')}-${i}`, ref, gold: { kind: 'not-article' } });
      });
      continue;
    }
    const problem = labelProblem(data);
    if (problem) notes.push(`${name}: bad label (${problem})`);
    else labels.push({ id: name, ref: data as Label, gold: { kind: 'label', label: data as Label } });
  }
  return { labels, nonArticles, notes };
}

/** The set of `items`, each read from its repository's snapshot; pages whose snapshot is absent are left out. */
function buildSet(name: string, mirror: string, items: readonly Item[], notes: string[]): LoadedSet | SkippedSet {
  const snapshots = new Map<string, Snapshot | null>();
  const snapshotOf = (repo: string) => {
    if (!snapshots.has(repo)) snapshots.set(repo, openSnapshot(mirror, repo));
    return snapshots.get(repo)!;
  };
  const entries: PageEntry[] = [];
  for (const { id, ref, gold } of items) {
    const snap = snapshotOf(ref.source.repo);
    if (!snap) continue;
    entries.push({
      id: `${name}/${id}`,
      url: ref.url,
      site: ref.site,
      async load() {
        const bytes = await snap.read(ref.source.path, ref.source.commit);
        return bytes && { html: decodeHtml(bytes, ref.source.path), gold };
      },
    });
  }
  const open = [...snapshots.values()].filter((s) => !!s);
  const absent = [...snapshots].filter(([, s]) => !s).map(([repo]) => repo);
  if (!open.length) return { name, skipped: missingSnapshot(name, absent.join(', ') || 'the labelled repositories') };
  const left = absent.map((repo) => `${items.filter((i) => i.ref.source.repo === repo).length} page(s) left out: needs a snapshot of ${repo} in ../.mirror`);
  return {
    name,
    snapshots: open.map((s) => ({ repo: s.repo, commit: s.commit })),
    entries,
    notes: [...left, ...notes],
    close: () => open.forEach((s) => s.close()),
  };
}

const noLabels = (name: string): SkippedSet => ({ name, skipped: `skipped ${name}: no labels yet (${LABELS_DIR}/**/*.json)` });

export const loadIndonesianSet: SetLoader = async ({ mirror, root }) => {
  const name = 'indonesian';
  const files = readLabelFiles(root);
  if (!files?.labels.length) return noLabels(name);
  return buildSet(name, mirror, files.labels, files.notes);
};

export const loadIndonesianNonArticleSet: SetLoader = async ({ mirror, root }) => {
  const name = 'indonesian-not-articles';
  const files = readLabelFiles(root);
  if (!files?.nonArticles.length) return noLabels(name);
  // The label notes are the indonesian set's to report.
  return buildSet(name, mirror, files.nonArticles, []);
};
