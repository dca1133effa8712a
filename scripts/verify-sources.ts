/**
 * `npm run verify-sources`: does the sources archive (the one the Firefox add-on review gets) rebuild the Firefox
 * package we upload, byte for byte? Unzips .output/<name>-<version>-sources.zip into a temporary folder, follows
 * its SOURCES.md (`npm ci`, offline from npm's cache when it can; `npx wxt build -b firefox`), and compares every
 * file of the rebuilt .output/firefox-mv2 with .output/<name>-<version>-firefox.zip (the package `npm run zip`
 * made from the same tree at the same time). Exit 0 when identical, 1 with the differences listed.
 *
 *   --sources <zip>   another sources archive
 *   --against <path>  another package: a .zip, or a build folder such as .output/firefox-mv2
 *   --keep            keep the temporary folder (its path is printed)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { filesUnder } from './lib/package-contents';

const ROOT = resolve(import.meta.dirname, '..');
/** What the sources archive must never hold: installed packages, builds, test output, scratch files, docs, git. */
const FORBIDDEN = /^(node_modules|\.output|\.wxt|\.git|\.scratch|test-results|docs)(\/|$)|(^|\/)node_modules\//;

type Files = Map<string, Uint8Array>;

const readZip = (path: string): Files =>
  new Map(Object.entries(unzipSync(new Uint8Array(readFileSync(path)))).filter(([name]) => !name.endsWith('/')));

const readDir = (dir: string): Files => new Map(filesUnder(dir).map((p) => [p, new Uint8Array(readFileSync(join(dir, p)))]));

const readPackageAt = (path: string): Files => (statSync(path).isDirectory() ? readDir(path) : readZip(path));

export interface Difference {
  path: string;
  kind: 'only in the package' | 'only in the rebuild' | 'differs';
  detail?: string;
}

/** Every file that is not the same in both, in path order. */
export function compareFiles(pkg: Files, rebuilt: Files): Difference[] {
  const paths = [...new Set([...pkg.keys(), ...rebuilt.keys()])].sort();
  return paths.flatMap((path): Difference[] => {
    const a = pkg.get(path);
    const b = rebuilt.get(path);
    if (!b) return [{ path, kind: 'only in the package' }];
    if (!a) return [{ path, kind: 'only in the rebuild' }];
    if (Buffer.compare(a, b) === 0) return [];
    let at = 0;
    while (at < a.length && at < b.length && a[at] === b[at]) at++;
    return [{ path, kind: 'differs', detail: `${a.length} vs ${b.length} bytes, first difference at byte ${at}` }];
  });
}

function run(cmd: string, args: string[], cwd: string): { ok: boolean; output: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** A failed step: main prints it and exits 1, after the temporary folder is removed. */
class StepFailed extends Error {}

const tail = (text: string, lines = 15): string => text.trim().split('\n').slice(-lines).map((l) => `    ${l}`).join('\n');

function main(): void {
  const { values } = parseArgs({ options: { sources: { type: 'string' }, against: { type: 'string' }, keep: { type: 'boolean', default: false } } });
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const sourcesZip = resolve(values.sources ?? join(ROOT, '.output', `${name}-${version}-sources.zip`));
  const against = resolve(values.against ?? join(ROOT, '.output', `${name}-${version}-firefox.zip`));
  console.log(`sources archive: ${sourcesZip}\npackage:         ${against}`);

  const sources = readZip(sourcesZip);
  const forbidden = [...sources.keys()].filter((p) => FORBIDDEN.test(p));
  const top = [...new Set([...sources.keys()].map((p) => p.split('/')[0] + (p.includes('/') ? '/' : '')))].sort();
  console.log(`the archive holds ${sources.size} files: ${top.join(' ')}`);
  if (forbidden.length) {
    throw new StepFailed(`the archive holds what it must not: ${forbidden.slice(0, 10).join(', ')}${forbidden.length > 10 ? ` and ${forbidden.length - 10} more` : ''}`);
  }
  if (!sources.has('SOURCES.md')) throw new StepFailed('the archive has no SOURCES.md (the build steps a reviewer follows)');

  const work = mkdtempSync(join(tmpdir(), 'jernih-verify-sources-'));
  try {
    for (const [path, bytes] of sources) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), bytes);
    }
    console.log(`unpacked into ${work}`);

    // The review machine has the network; this check prefers npm's cache, so it runs offline and shows the
    // lockfile alone pins every package. When the cache lacks something, it says so and installs from the registry.
    let install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], work);
    if (install.ok) console.log('npm ci --offline: ok (every package from the npm cache)');
    else {
      console.log(`npm ci --offline failed; falling back to npm ci (network):\n${tail(install.output)}`);
      install = run('npm', ['ci', '--no-audit', '--no-fund'], work);
      if (!install.ok) throw new StepFailed(`npm ci failed:\n${tail(install.output)}`);
      console.log('npm ci (network): ok');
    }

    const build = run('npx', ['wxt', 'build', '-b', 'firefox'], work);
    if (!build.ok) throw new StepFailed(`npx wxt build -b firefox failed in the unpacked sources:\n${tail(build.output, 30)}`);
    console.log('npx wxt build -b firefox: ok');

    const rebuilt = readDir(join(work, '.output', 'firefox-mv2'));
    const pkg = readPackageAt(against);
    const differences = compareFiles(pkg, rebuilt);
    const bytes = [...pkg.values()].reduce((sum, b) => sum + b.length, 0);
    if (differences.length === 0) {
      console.log(`verify-sources: identical, ${pkg.size} files (${bytes} bytes), byte for byte`);
      return;
    }
    console.log(`verify-sources: ${differences.length} of ${new Set([...pkg.keys(), ...rebuilt.keys()]).size} files differ:`);
    for (const d of differences) console.log(`  ${d.kind}: ${d.path}${d.detail ? ` (${d.detail})` : ''}`);
    process.exitCode = 1;
  } finally {
    if (values.keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  console.error(`verify-sources: ${error.message}`);
  process.exitCode = 1;
}
