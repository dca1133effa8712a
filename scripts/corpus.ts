/**
 * `npm run corpus -- <folder of saved pages> [--strict] [--json]`: runs the engine over every page and prints,
 * for each, the site rule used, pages joined, word count and any clutter from the shared list found in the
 * output; then a summary line. Pages of fixture folders are read with their other pages (expected.json
 * "pages"); other pages are read alone (nothing is fetched). --strict: exit 1 when clutter was found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readArticle } from '../utils/extract';
import { loadPage, fixtureUrlFor } from './lib/page';
import { findClutter } from './lib/clutter';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const asJson = args.includes('--json');
const root = resolve(args.find((a) => !a.startsWith('--')) ?? 'test/fixtures');

function htmlFiles(dir: string): string[] {
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return htmlFiles(p);
    // In a fixture folder only source.html is a page to read; the other files are its later pages.
    const inFixture = readdirSync(dir).includes('expected.json');
    return d.name.endsWith('.html') && (!inFixture || d.name === 'source.html') ? [p] : [];
  });
}

interface Row { file: string; rule: string | null; article: boolean; expectedArticle: boolean | null; joined: number; missing: number; words: number; clutter: string[] }

const rows: Row[] = [];
for (const file of htmlFiles(root)) {
  const url = fixtureUrlFor(file) ?? `https://local.invalid/${encodeURIComponent(relative(root, file))}`;
  const dir = resolve(file, '..');
  let expected: { article?: boolean; auto_article?: boolean; pages?: Record<string, string> } = {};
  try {
    expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  } catch {
    // Not a fixture: no expectations, no other pages.
  }
  const { window } = loadPage(readFileSync(file, 'utf8'), url);
  const pages = expected.pages ?? {};
  // Gated as auto-clean is: the corpus asks which pages are articles, and a request would read them all.
  const article = await readArticle(window.document, {
    url,
    gate: true,
    fetchPage: Object.keys(pages).length
      ? async (u) => {
          if (!pages[u]) throw new Error('HTTP 404');
          return readFileSync(join(dir, pages[u]), 'utf8');
        }
      : undefined,
  });
  rows.push({
    file: relative(process.cwd(), file),
    rule: article?.ruleId ?? null,
    article: !!article,
    // Judged as auto-clean judges (gated): a page that a request reads but auto-clean leaves alone says so.
    expectedArticle: typeof (expected.auto_article ?? expected.article) === 'boolean' ? (expected.auto_article ?? expected.article)! : fixtureUrlFor(file) ? true : null,
    joined: article?.pages?.joined ?? 0,
    missing: article?.pages?.missing.length ?? 0,
    words: article?.wordCount ?? 0,
    clutter: article ? findClutter(`${article.title}\n${article.textContent}\n${article.contentHtml.replace(/<\/(p|li|h\d|div)>/g, '\n').replace(/<[^>]+>/g, '')}`) : [],
  });
  window.close();
}

const withClutter = rows.filter((r) => r.clutter.length);
const wrong = rows.filter((r) => r.expectedArticle !== null && r.expectedArticle !== r.article);
const summary = {
  pages: rows.length,
  articles: rows.filter((r) => r.article).length,
  noArticle: rows.filter((r) => !r.article).length,
  withRule: rows.filter((r) => r.rule).length,
  multiPage: rows.filter((r) => r.joined > 1).length,
  withClutter: withClutter.length,
  unexpected: wrong.length,
};

if (asJson) {
  console.log(JSON.stringify({ rows, summary }, null, 2));
} else {
  const w = Math.min(70, Math.max(...rows.map((r) => r.file.length)));
  console.log(`${'page'.padEnd(w)}  ${'rule'.padEnd(12)} pages  words  clutter`);
  for (const r of rows) {
    const pagesCol = r.article ? `${r.joined}${r.missing ? `(-${r.missing})` : ''}` : '-';
    console.log(`${r.file.slice(-w).padEnd(w)}  ${(r.rule ?? (r.article ? 'generic' : 'no article')).padEnd(12)} ${pagesCol.padStart(5)}  ${String(r.words).padStart(5)}  ${r.clutter.join(', ') || '-'}`);
  }
  console.log(
    `\ncorpus: ${summary.pages} pages, ${summary.articles} articles (${summary.withRule} by a site rule, ${summary.multiPage} multi-page), ${summary.noArticle} without article, ${summary.withClutter} with clutter, ${summary.unexpected} not as expected`,
  );
}
process.exit(strict && (withClutter.length || wrong.length) ? 1 : 0);
