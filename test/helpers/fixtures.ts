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
  /** false: not even an explicit request finds text here (the page has none); the reader says "no article". */
  explicit_article?: boolean;
  /** false: an article on request, but auto-clean (gated) leaves the page alone (a short notice, say). */
  auto_article?: boolean;
  /** The metadata picture is (true) or is not (false) already shown in the body. */
  lead_in_body?: boolean;
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
  /**
   * Multi-page articles: the other pages the reader may fetch, URL -> file in the fixture folder. With this,
   * the runner reads the article with readArticle and a fetchPage that serves only these files (any other URL
   * fails like a 404), and the expectations apply to the joined article.
   */
  pages?: Record<string, string>;
  /** How many pages readArticle must report as joined, and which page numbers as missing. */
  joined?: number;
  missing_pages?: number[];
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

/** fetchPage for a fixture: serves the files its expected.json lists, fails for anything else. */
export function fixtureFetcher(f: Fixture, log: string[] = []): (url: string) => Promise<string> {
  return async (url: string) => {
    log.push(url);
    const file = f.expected.pages?.[url];
    if (!file) throw new Error(`HTTP 404 for ${url}`);
    return readFileSync(join(f.dir, file), 'utf8');
  };
}

export const normalizeSpace = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();
