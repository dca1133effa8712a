/**
 * `npm run release -- <version>`: a new version, then the store packages.
 * 1. Checks the version: MAJOR.MINOR.PATCH (semver without a pre-release or build part, since both stores take
 *    dotted integers) and greater than the current one.
 * 2. Writes it into package.json (WXT takes the manifest's version from there) and package-lock.json (its top
 *    level and packages[""]), and moves CHANGELOG.md's "Unreleased" entries under the new version with today's date.
 *    All three are worked out before any is written; nothing is written when one cannot be.
 * 3. Runs `npm run zip` (the manifest check, then the Chrome, Firefox and sources archives in .output/).
 * It commits and tags nothing: the release commit is yours to review.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CORE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
// semver.org's grammar (2.0.0): core, optional -pre-release and +build parts.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

const parts = (version: string): number[] => version.split('.').map(Number);

/** Why `next` cannot follow `current`, or undefined when it can. */
export function versionProblem(next: string, current: string): string | undefined {
  if (!SEMVER.test(next)) return `"${next}" is not a semantic version (MAJOR.MINOR.PATCH, e.g. 0.2.0)`;
  if (!CORE.test(next)) return `"${next}" has a pre-release or build part: the stores take MAJOR.MINOR.PATCH only`;
  const [a, b] = [parts(next), parts(current.replace(/[-+].*$/, ''))];
  const order = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  return order > 0 ? undefined : `${next} is not greater than the current version ${current}`;
}

/** The indent a JSON text uses (npm keeps the file's own), two spaces when it cannot tell. */
const indentOf = (text: string): string => /^\{\r?\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
const writeJson = (value: unknown, like: string): string => `${JSON.stringify(value, null, indentOf(like))}${like.endsWith('\n') ? '\n' : ''}`;

/** package.json with its version set; everything else as it was. */
export function bumpPackageJson(text: string, version: string): string {
  const pkg = JSON.parse(text) as Record<string, unknown>;
  if (typeof pkg.version !== 'string') throw new Error('package.json has no version');
  return writeJson({ ...pkg, version }, text);
}

/** package-lock.json with the version set at its top level and in packages[""] (the project itself). */
export function bumpLockfile(text: string, version: string): string {
  const lock = JSON.parse(text) as { version?: unknown; packages?: Record<string, Record<string, unknown>> };
  const self = lock.packages?.[''];
  if (typeof lock.version !== 'string' || !self || typeof self.version !== 'string') {
    throw new Error('package-lock.json has no version at its top level or in packages[""]: run npm install first');
  }
  return writeJson({ ...lock, version, packages: { ...lock.packages, '': { ...self, version } } }, text);
}

/** YYYY-MM-DD in local time. */
export const isoDate = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

const UNRELEASED = /^## \[Unreleased\][^\S\n]*$/im;

/**
 * The changelog with the "Unreleased" entries under `## [version] - date` (Keep a Changelog 1.1.0), and an empty
 * "Unreleased" above it for what comes next. Refuses when there is nothing to release or the version is there.
 */
export function releaseChangelog(text: string, version: string, date: string): string {
  const heading = UNRELEASED.exec(text);
  if (!heading) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  const escaped = version.replace(/\./g, '\\.');
  if (new RegExp(`^## \\[${escaped}\\]`, 'm').test(text)) throw new Error(`CHANGELOG.md already has a ${version} section`);
  const bodyStart = heading.index + heading[0].length;
  const next = /^## /m.exec(text.slice(bodyStart));
  const bodyEnd = next ? bodyStart + next.index : text.length;
  const body = text.slice(bodyStart, bodyEnd).trim();
  if (!/^[-*] \S/m.test(body)) throw new Error('CHANGELOG.md has nothing under "Unreleased": write what changed first');
  const rest = text.slice(bodyEnd);
  return `${text.slice(0, bodyStart)}\n\n## [${version}] - ${date}\n\n${body}\n${rest ? `\n${rest}` : ''}`;
}

function main(): void {
  const root = resolve(import.meta.dirname, '..');
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length !== 1) {
    console.error('usage: npm run release -- <version>   (e.g. npm run release -- 0.2.0)');
    process.exit(2);
  }
  const [version] = args;
  const files = { pkg: join(root, 'package.json'), lock: join(root, 'package-lock.json'), changelog: join(root, 'CHANGELOG.md') };
  const current = (JSON.parse(readFileSync(files.pkg, 'utf8')) as { version: string }).version;
  const problem = versionProblem(version, current);
  if (problem) {
    console.error(`release: ${problem}`);
    process.exit(2);
  }
  let texts: Record<keyof typeof files, string>;
  try {
    texts = {
      pkg: bumpPackageJson(readFileSync(files.pkg, 'utf8'), version),
      lock: bumpLockfile(readFileSync(files.lock, 'utf8'), version),
      changelog: releaseChangelog(readFileSync(files.changelog, 'utf8'), version, isoDate(new Date())),
    };
  } catch (error) {
    console.error(`release: ${(error as Error).message} (nothing written)`);
    process.exit(1);
  }
  for (const key of Object.keys(files) as (keyof typeof files)[]) writeFileSync(files[key], texts[key]);
  console.log(`release: ${current} -> ${version} in package.json, package-lock.json and CHANGELOG.md (${isoDate(new Date())})`);

  const zip = spawnSync('npm', ['run', 'zip'], { cwd: root, stdio: 'inherit' });
  if (zip.status !== 0) {
    console.error(`release: npm run zip failed; the version is already ${version} in the files above: fix the cause and run npm run zip again`);
    process.exit(1);
  }
  console.log(`release: ${version} is ready in .output/ (chrome, firefox and sources archives); nothing is committed or tagged`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
