/**
 * npm run extract -- <file.html | folder> [--url <page url>] [--format json|md|html] [--out <folder>] [--why] [--gate]
 *
 * Runs the reader's engine (extractArticle) on saved pages in Node, with jsdom (no page scripts, no network).
 *   file:   --url is required (the engine needs the page's URL for site rules, links and metadata), unless the
 *           file sits in a fixture folder, whose expected.json gives it.
 *   folder: every *.html inside, recursively; each file's URL is --url when given, else its fixture's expected.json.
 *           Results go to stdout (json: one array; md/html: documents one after another, each headed by an HTML
 *           comment naming the file), or with --out one file per page, mirroring the folder layout.
 * Exit codes: 0 ok; 2 no article found (file mode; in folder mode: no article in any file); 1 anything else
 * (bad arguments, unreadable file, missing URL, the engine threw). In folder mode, files with no URL are skipped
 * with a message (a fixture's deliberately unlisted page, for one); only when every file is skipped is that an error.
 */
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { explainExtraction, type Article } from '../utils/extract';
import { articleToHtml, articleToMarkdown } from './lib/format';
import { fixtureUrlFor, loadPage } from './lib/page';

const FORMATS = ['json', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: npm run extract -- <file.html | folder> [--url <page url>] [--format json|md|html] [--out <folder>]

  --url      the page's URL (required for a single file outside a fixture folder)
  --format   json (default): the Article; md: Markdown (GFM tables); html: a small standalone page
  --out      folder mode: write one file per page there instead of printing
  --why      print every stage's decision to stderr: the rule, each gate and its figure, what each cleaner
             removed (and why, with its first words), whether Readability's result was taken as the floor
  --gate     judge the page as auto-clean does (too short, a teaser listing: no article)
Exit codes: 0 ok, 2 no article found, 1 error.`;

class UsageError extends Error {}

interface Outcome {
  file: string;
  url: string | null;
  article: Article | null;
  output: string | null;
  error?: string;
  skipped?: boolean;
}

function render(article: Article, format: Format, doc: Document): string {
  if (format === 'json') return `${JSON.stringify(article, null, 2)}\n`;
  if (format === 'md') return articleToMarkdown(article, doc);
  return articleToHtml(article);
}

interface RunFlags {
  why: boolean;
  gate: boolean;
}

function extractFile(file: string, url: string, format: Format, flags: RunFlags): Outcome {
  const dom = loadPage(readFileSync(file, 'utf8'), url);
  try {
    const { article, trace } = explainExtraction(dom.window.document, { url, gate: flags.gate });
    if (flags.why) process.stderr.write(`why: ${relative(process.cwd(), file) || file}\n${trace.map((t) => `  ${t}`).join('\n')}\n`);
    return { file, url, article, output: article ? render(article, format, dom.window.document) : null };
  } finally {
    dom.window.close();
  }
}

function htmlFilesIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) out.push(...htmlFilesIn(path));
    else if (st.isFile() && /\.html?$/i.test(name)) out.push(path);
  }
  return out;
}

function checkUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    return u.href;
  } catch {
    throw new UsageError(`--url must be an absolute http(s) URL, got "${url}"`);
  }
}

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        format: { type: 'string', short: 'f', default: 'json' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
        why: { type: 'boolean', default: false },
        gate: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one file or folder' : 'missing <file.html or folder>');
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
  const givenUrl = values.url !== undefined ? checkUrl(values.url) : null;
  const flags: RunFlags = { why: !!values.why, gate: !!values.gate };

  const target = resolve(positionals[0]);
  let st;
  try {
    st = statSync(target);
  } catch {
    throw new UsageError(`no such file or folder: ${positionals[0]}`);
  }

  if (!st.isDirectory()) {
    if (values.out) throw new UsageError('--out is for folders; redirect stdout for a single file');
    const url = givenUrl ?? fixtureUrlFor(target);
    if (!url) throw new UsageError(`--url is required for a single file (the engine needs the page's URL): ${positionals[0]}`);
    const result = extractFile(target, url, format, flags);
    if (!result.article) {
      process.stderr.write(`no article found in ${positionals[0]}\n`);
      return 2;
    }
    process.stdout.write(result.output!);
    return 0;
  }

  const files = htmlFilesIn(target);
  if (!files.length) throw new UsageError(`no .html files in ${positionals[0]}`);
  const outcomes: Outcome[] = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    const url = givenUrl ?? fixtureUrlFor(file);
    if (!url) {
      const why = existsSync(join(dirname(file), 'expected.json'))
        ? 'its expected.json gives no URL for this file (not source.html, not listed in "pages")'
        : 'no --url and no expected.json beside it';
      process.stderr.write(`skipped ${shown}: ${why}\n`);
      outcomes.push({ file, url: null, article: null, output: null, skipped: true });
      continue;
    }
    try {
      const result = extractFile(file, url, format, flags);
      if (!result.article) process.stderr.write(`no article found in ${shown}\n`);
      outcomes.push(result);
    } catch (error) {
      process.stderr.write(`error in ${shown}: ${(error as Error).stack ?? error}\n`);
      outcomes.push({ file, url, article: null, output: null, error: String(error) });
    }
  }

  const ext = format === 'md' ? '.md' : format === 'html' ? '.html' : '.json';
  if (values.out) {
    const outDir = resolve(values.out);
    for (const o of outcomes) {
      if (!o.output) continue;
      const rel = relative(target, o.file);
      let dest = join(outDir, rel.slice(0, rel.length - extname(rel).length) + ext);
      if (dest === o.file) dest = dest.replace(/\.html$/, '.reader.html'); // never overwrite a source page
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, o.output);
    }
  } else if (format === 'json') {
    const list = outcomes.map((o) => ({ file: relative(target, o.file), url: o.url, article: o.article }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
  } else {
    for (const o of outcomes) {
      if (!o.output) continue;
      process.stdout.write(`<!-- jernih-extract: ${relative(target, o.file)} -->\n${o.output}\n`);
    }
  }

  const found = outcomes.filter((o) => o.article).length;
  const errors = outcomes.filter((o) => o.error).length;
  const skipped = outcomes.filter((o) => o.skipped).length;
  const none = outcomes.length - found - errors - skipped;
  process.stderr.write(
    `${outcomes.length} file(s): ${found} article(s), ${none} without an article, ${skipped} skipped (no URL), ${errors} error(s)` +
      (values.out ? `; written to ${relative(process.cwd(), resolve(values.out)) || '.'}` : '') +
      '\n',
  );
  if (errors || skipped === outcomes.length) return 1;
  return found ? 0 : 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`extract: ${error.message}\n\n${USAGE}\n`);
  } else {
    process.stderr.write(`extract: ${(error as Error).stack ?? error}\n`);
  }
  process.exitCode = 1;
}
