/**
 * The trafilatura set: its evaluation corpus (tests/evaldata.json: page URL -> file, "with" snippets that must
 * be in the output, "without" snippets that must not), scored as tests/eval_common.py scores it. The page is
 * tests/cache/<file>, else tests/eval/<file> (eval_common.resolve), gzipped or not.
 */
import { openSnapshot, missingSnapshot } from '../snapshot';
import { decodeHtml } from '../text';
import type { SetLoader } from '../types';

const REPO = 'adbar/trafilatura';
const EVALDATA = 'tests/evaldata.json';
/** eval_common.resolve: the first folder holding the file wins. */
const FOLDERS = ['tests/cache/', 'tests/eval/'];

interface Annotation {
  file: string;
  with: string[];
  without: string[];
}

/** The page's URL: the annotation's key, except where the key is not one ("hard::<file>", "xhttps://…"). */
export function pageUrl(key: string, file: string): string {
  return key.match(/https?:\/\/\S+/)?.[0] ?? `https://example.com/${encodeURIComponent(file)}`;
}

export const loadTrafilaturaSet: SetLoader = async ({ mirror }) => {
  const name = 'trafilatura';
  const snap = openSnapshot(mirror, REPO);
  if (!snap) return { name, skipped: missingSnapshot(name, REPO) };
  const present = new Set(FOLDERS.flatMap((f) => snap.list(f)));
  const where = (file: string): string | null =>
    FOLDERS.flatMap((f) => [`${f}${file}`, `${f}${file}.gz`]).find((p) => present.has(p)) ?? null;
  // Read once, here: the annotations decide which pages exist.
  const json = await snap.read(EVALDATA);
  if (!json) {
    snap.close();
    return { name, skipped: `skipped ${name}: ${REPO}@${snap.commit.slice(0, 7)} has no ${EVALDATA}` };
  }
  const data = JSON.parse(json.toString('utf8')) as Record<string, Annotation>;
  const all = Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1));
  const found = all.filter(([, a]) => where(a.file));
  const notes = found.length < all.length
    ? [`${all.length - found.length} of ${all.length} annotated pages have no HTML file in the snapshot (left out)`]
    : [];
  return {
    name,
    snapshots: [{ repo: REPO, commit: snap.commit }],
    notes,
    close: () => snap.close(),
    entries: found.map(([key, a]) => ({
      id: `${name}/${a.file}`,
      url: pageUrl(key, a.file),
      async load() {
        const path = where(a.file)!;
        const bytes = await snap.read(path);
        if (!bytes) return null;
        return { html: decodeHtml(bytes, path), gold: { kind: 'snippets', with: a.with, without: a.without } };
      },
    })),
  };
};
