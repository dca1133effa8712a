/** Every set `npm run eval` knows, by the name --set takes, in the order they run. */
import { loadReadabilitySet } from './readability';
import { loadTrafilaturaSet } from './trafilatura';
import { loadDefuddleSet } from './defuddle';
import { loadIndonesianNonArticleSet, loadIndonesianSet } from './indonesian';
import type { LoadedSet, PageEntry, SetLoader } from '../types';

export const SETS: Record<string, SetLoader> = {
  readability: loadReadabilitySet,
  trafilatura: loadTrafilaturaSet,
  defuddle: loadDefuddleSet,
  indonesian: loadIndonesianSet,
  'indonesian-not-articles': loadIndonesianNonArticleSet,
};

/** The pages of a set that --page (a part of the id) and --limit pick, in the set's order. */
export function pickEntries(set: LoadedSet, page?: string, limit?: number): PageEntry[] {
  const picked = page ? set.entries.filter((e) => e.id.includes(page)) : set.entries;
  return limit !== undefined ? picked.slice(0, limit) : picked;
}
