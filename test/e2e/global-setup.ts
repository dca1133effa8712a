/**
 * Builds what the e2e suite loads, once, before it runs (about 2 s each):
 *   .output/firefox-mv2-e2e  `wxt build -b firefox --mode e2e`  the Firefox tests (test-only toggle trigger)
 *   .output/chrome-mv3-e2e   `wxt build --mode e2e`             the user-added-site test (permission held from install)
 *   .output/firefox-mv2      `wxt build -b firefox`             web-ext lint, and the check that no trigger ships
 *   .output/chrome-mv3       `wxt build`                        the Chromium tests
 * The e2e build goes first: every build rewrites .wxt/types, and the last one should be a normal build.
 * JERNIH_E2E_SKIP_BUILD=1 reuses builds that already exist (e.g. when CI has just built them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { E2E_TMP_ENV } from './helpers/temp';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BUILDS: { out: string; args: string[] }[] = [
  { out: 'firefox-mv2-e2e', args: ['-b', 'firefox', '--mode', 'e2e'] },
  { out: 'chrome-mv3-e2e', args: ['--mode', 'e2e'] },
  { out: 'firefox-mv2', args: ['-b', 'firefox'] },
  { out: 'chrome-mv3', args: [] },
];

export default function setup(): () => void {
  // The run's temporary directory (helpers/temp.ts): made before the workers start, so they inherit its name.
  const tmp = mkdtempSync(join(tmpdir(), 'jernih-e2e-'));
  process.env[E2E_TMP_ENV] = tmp;
  for (const { out, args } of BUILDS) {
    if (process.env.JERNIH_E2E_SKIP_BUILD === '1' && existsSync(join(ROOT, '.output', out, 'manifest.json'))) continue;
    try {
      execFileSync('npx', ['wxt', 'build', ...args], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`npx wxt build ${args.join(' ')} failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    }
  }
  return () => rmSync(tmp, { recursive: true, force: true });
}
