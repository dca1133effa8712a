/**
 * Where the fuzzer's inputs come from: real pages read straight out of the git snapshots with the eval's own set
 * loaders (Mozilla Readability's test pages, trafilatura's evaluation pages, the Indonesian labelled and
 * not-article pages), our fixture pages (test/fixtures/**\/*.html, at the URL their expected.json gives), and the
 * site rules' fixture URLs, at which synthetic pages shaped like that site are made. Listed in a fixed order, so a
 * seed and a case number name the same page on every run over the same snapshots and fixtures.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SETS } from '../eval/sets';
import type { LoadContext, PageEntry } from '../eval/types';
import { fixtureUrlFor } from '../page';
import { findRule } from '../../../utils/extract';
import type { SiteTarget } from './synth';

/** The eval sets the fuzzer reads, with how often each is picked among real pages. */
export const REAL_SETS: readonly (readonly [string, number])[] = [
  ['readability', 3],
  ['trafilatura', 3],
  ['indonesian', 3],
  ['indonesian-not-articles', 1],
];

export interface FixturePage {
  /** Path relative to the repository root. */
  path: string;
  url: string;
}

export interface Catalogue {
  real: { set: string; weight: number; entries: PageEntry[] }[];
  fixtures: FixturePage[];
  sites: SiteTarget[];
  /** Sets that could not be read, and why. */
  notes: string[];
  close(): void;
}

function htmlFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) out.push(...htmlFiles(path));
    else if (/\.html?$/i.test(name)) out.push(path);
  }
  return out;
}

export async function loadCatalogue(ctx: LoadContext): Promise<Catalogue> {
  const real: Catalogue['real'] = [];
  const notes: string[] = [];
  const closers: (() => void)[] = [];
  for (const [set, weight] of REAL_SETS) {
    const loaded = await SETS[set](ctx);
    if ('skipped' in loaded) {
      notes.push(loaded.skipped);
      continue;
    }
    closers.push(() => loaded.close());
    real.push({ set, weight, entries: loaded.entries });
  }
  const fixtures = htmlFiles(join(ctx.root, 'test', 'fixtures')).map((file) => {
    const rel = relative(ctx.root, file).replace(/\\/g, '/');
    return { path: rel, url: fixtureUrlFor(file) ?? `https://example.com/${rel}` };
  });
  const sites: SiteTarget[] = [];
  for (const f of fixtures) {
    const rule = findRule(f.url);
    if (rule) sites.push({ url: f.url, rule });
  }
  return { real, fixtures, sites, notes, close: () => closers.forEach((c) => c()) };
}
