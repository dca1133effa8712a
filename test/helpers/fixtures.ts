import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The fixture format (the spec of the extractor). One folder per case:
 *   test/fixtures/<group>/<case>/source.html   the page as a browser would receive it
 *   test/fixtures/<group>/<case>/expected.json what extractArticle must return for it
 */
export interface FixtureExpectation {
  /** What this page proves, one sentence. */
  description: string;
  url: string;
  /** false: extractArticle must return null (home, search, login pages...). Default true. */
  article?: boolean;
  title?: string;
  byline?: string | null;
  siteName?: string | null;
  /** ISO 8601, compared exactly. */
  date?: string | null;
  lang?: string | null;
  dir?: 'ltr' | 'rtl';
  ruleId?: string | null;
  /** src of the expected lead image. */
  leadImage?: string | null;
  /** Text of the first and last <p> of the body, whitespace collapsed, compared exactly. */
  first_paragraph?: string;
  last_paragraph?: string;
  /** Substrings that must (not) appear in the body text (must_not_contain: also not in the title). */
  must_contain?: string[];
  must_not_contain?: string[];
  /** Substrings that must (not) appear in the body HTML (e.g. '<figcaption', 'src="https://…'). */
  html_must_contain?: string[];
  html_must_not_contain?: string[];
  min_words?: number;
  max_words?: number;
}

export interface Fixture {
  id: string;
  group: string;
  name: string;
  dir: string;
  html: string;
  expected: FixtureExpectation;
}

export const FIXTURES_DIR = resolve(import.meta.dirname, '..', 'fixtures');

export function listFixtures(root = FIXTURES_DIR): Fixture[] {
  const out: Fixture[] = [];
  for (const group of readdirSync(root).sort()) {
    const groupDir = join(root, group);
    if (!statSync(groupDir).isDirectory()) continue;
    for (const name of readdirSync(groupDir).sort()) {
      const dir = join(groupDir, name);
      if (!statSync(dir).isDirectory()) continue;
      const src = join(dir, 'source.html');
      const exp = join(dir, 'expected.json');
      if (!existsSync(src) || !existsSync(exp)) continue;
      out.push({
        id: `${group}/${name}`,
        group,
        name,
        dir,
        html: readFileSync(src, 'utf8'),
        expected: JSON.parse(readFileSync(exp, 'utf8')) as FixtureExpectation,
      });
    }
  }
  return out;
}

export const normalizeSpace = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();
