/**
 * The readability set: Mozilla Readability's own test pages (test/test-pages/<name>/source.html), scored against
 * the text of Readability's expected output (expected.html) at the URL Readability's tests use.
 */
import { openSnapshot, missingSnapshot } from '../snapshot';
import { htmlToText } from '../text';
import type { SetLoader } from '../types';

const REPO = 'mozilla/readability';
const PAGES = 'test/test-pages/';
const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

/** What Readability's own tests pass as the page's URL. */
const URL = 'http://fakehost/test/page.html';

export const loadReadabilitySet: SetLoader = async ({ mirror }) => {
  const name = 'readability';
  const snap = openSnapshot(mirror, REPO);
  if (!snap) return { name, skipped: missingSnapshot(name, REPO) };
  const folders = snap
    .list(PAGES)
    .filter((p) => p.endsWith('/source.html'))
    .map((p) => p.slice(0, -'/source.html'.length));
  return {
    name,
    snapshots: [{ repo: REPO, commit: snap.commit }],
    notes: [],
    close: () => snap.close(),
    entries: folders.map((dir) => ({
      id: `${name}/${dir.slice(PAGES.length)}`,
      url: URL,
      async load() {
        const [source, expected] = [await snap.read(`${dir}/source.html`), await snap.read(`${dir}/expected.html`)];
        if (!source || !expected) return null;
        // Read as UTF-8, as the set's own harness reads them (test/utils.js): its pages were saved as UTF-8, and
        // some still declare the encoding they were served in (qq: gb2312), which would read them as mojibake.
        return { html: utf8(source), gold: { kind: 'text', text: htmlToText(utf8(expected)) } };
      },
    })),
  };
};
