/**
 * The defuddle set: kepano/defuddle's fixtures (tests/fixtures/<name>.html), scored against the body text of
 * defuddle's expected Markdown (tests/expected/<name>.md, its metadata preamble stripped). The URL is found as
 * defuddle's tests/fixtures.test.ts finds it: a `<!-- {"url": ...} -->` comment in the page, else
 * https://<name without its "group--" prefix>.
 */
import { openSnapshot, missingSnapshot } from '../snapshot';
import { decodeHtml, markdownToText } from '../text';
import type { SetLoader } from '../types';

const REPO = 'kepano/defuddle';
const FIXTURES = 'tests/fixtures/';
const EXPECTED = 'tests/expected/';

/** The fixture's URL, as defuddle's fixture test derives it; example.com when that is not a valid URL. */
export function defuddleUrl(html: string, name: string): string {
  const comment = html.match(/<!--\s*(\{"url":.*?\})\s*-->/);
  if (comment) {
    try {
      const url = (JSON.parse(comment[1]) as { url?: unknown }).url;
      if (typeof url === 'string' && URL.canParse(url)) return url;
    } catch {
      // A malformed comment: the name decides.
    }
  }
  const fromName = `https://${name.replace(/^[a-z]+--/, '')}`;
  return URL.canParse(fromName) ? fromName : `https://example.com/${encodeURIComponent(name)}`;
}

export const loadDefuddleSet: SetLoader = async ({ mirror }) => {
  const name = 'defuddle';
  const snap = openSnapshot(mirror, REPO);
  if (!snap) return { name, skipped: missingSnapshot(name, REPO) };
  const expected = new Set(snap.list(EXPECTED));
  const fixtures = snap.list(FIXTURES).filter((p) => p.endsWith('.html') && !p.slice(FIXTURES.length).includes('/'));
  const named = fixtures.map((p) => ({ path: p, name: p.slice(FIXTURES.length, -'.html'.length) }));
  const scored = named.filter((f) => expected.has(`${EXPECTED}${f.name}.md`));
  const notes = scored.length < named.length
    ? [`${named.length - scored.length} of ${named.length} fixtures have no expected Markdown (left out)`]
    : [];
  return {
    name,
    snapshots: [{ repo: REPO, commit: snap.commit }],
    notes,
    close: () => snap.close(),
    entries: scored.map((f) => ({
      id: `${name}/${f.name}`,
      // Until the page is read: its comment may name another URL.
      url: defuddleUrl('', f.name),
      async load() {
        const [page, md] = [await snap.read(f.path), await snap.read(`${EXPECTED}${f.name}.md`)];
        if (!page || !md) return null;
        const html = decodeHtml(page);
        return { html, url: defuddleUrl(html, f.name), gold: { kind: 'text', text: markdownToText(md.toString('utf8')) } };
      },
    })),
  };
};
