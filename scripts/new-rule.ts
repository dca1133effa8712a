/**
 * `npm run new-rule -- <id> <host>`: scaffolds a site rule (utils/extract/sites/<id>.ts), its lines in the registry
 * (index.ts) and among the addresses (addresses.ts), and its fixture folder (test/fixtures/<id>/article/). The meta-tests fail until the rule has three real fixtures.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [id, host] = process.argv.slice(2);
if (!id || !host || !/^[a-z][a-z0-9]*$/.test(id) || !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)) {
  console.error('usage: npm run new-rule -- <id: lower-case letters/digits> <host, e.g. example.co.id>');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const ruleFile = resolve(root, 'utils/extract/sites', `${id}.ts`);
const registry = resolve(root, 'utils/extract/sites/index.ts');
const addresses = resolve(root, 'utils/extract/sites/addresses.ts');
const fixtureDir = resolve(root, 'test/fixtures', id, 'article');
if (existsSync(ruleFile)) {
  console.error(`${ruleFile} exists already`);
  process.exit(2);
}

writeFileSync(
  ruleFile,
  `import type { SiteAddress, SiteRule } from './types';

/** The site and which of its pages are articles: all that auto-clean needs to decide (sites/addresses.ts). */
export const ${id}Address: SiteAddress = {
  id: '${id}',
  name: '${host}',
  hosts: ['${host}'],
  // Which paths are articles (so home and tag pages are never cleaned). TODO: the site's article URL shape.
  articleUrl: /^\\/.+/,
};

/** ${host}: facts (with sources) belong in shared/notes/id-news-sites.md. */
export const ${id}: SiteRule = {
  ...${id}Address,
  // TODO: articles of every layout the rule knows, and at least five pages that are not (home, section, tag,
  // search, index): test/unit/site-examples.test.ts holds articleUrl to them.
  examples: {
    articles: ['https://${host}/TODO-an-article-address'],
    notArticles: ['https://${host}/'],
  },
  body: ['article'],
  remove: [],
  endBefore: [],
  timezone: '+07:00',
  metadata: {},
};
`,
);

/** Adds `name` to a registry file: its import after the last import, and a line at the end of its list. */
function register(file: string, name: string, comment: string): void {
  const src = readFileSync(file, 'utf8');
  const lastImport = src.lastIndexOf('import { ');
  const afterLastImport = src.indexOf('\n', lastImport) + 1;
  const next = src.slice(0, afterLastImport) + `import { ${name} } from './${id}';\n` + src.slice(afterLastImport);
  writeFileSync(file, next.replace(/\n\];/, `\n  ${name},${comment}\n];`));
}
// The rule in the registry, and its address beside the others (same order: test/unit/autoclean.test.ts checks).
register(registry, id, ` // ${host}`);
register(addresses, `${id}Address`, '');

mkdirSync(fixtureDir, { recursive: true });
writeFileSync(resolve(fixtureDir, 'source.html'), `<!doctype html>\n<html lang="id">\n<head><title>TODO</title></head>\n<body><!-- TODO: a page written from the documented structure of ${host} --></body>\n</html>\n`);
writeFileSync(
  resolve(fixtureDir, 'expected.json'),
  JSON.stringify({ description: `TODO: what this ${host} page proves`, url: `https://${host}/TODO`, ruleId: id, title: 'TODO', first_paragraph: 'TODO', last_paragraph: 'TODO', must_not_contain: [] }, null, 2) + '\n',
);
console.log(`Created:\n  ${ruleFile}\n  ${fixtureDir}/{source.html,expected.json}\nRegistered '${id}' in ${registry}.\nNext: write three fixtures (one multi-page, one gallery/video where the site has them), then the rule.`);
