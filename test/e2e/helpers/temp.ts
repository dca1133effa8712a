/**
 * Where the browser tests put what they write outside the repository (downloads, files to import, browser
 * profiles): one directory per run, made by the global setup and removed by its teardown, so a run leaves
 * nothing in the system's temporary folder (each Chromium profile alone is a few MB, and the suite starts dozens).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Set by test/e2e/global-setup.ts; the workers inherit it. */
export const E2E_TMP_ENV = 'JERNIH_E2E_TMP';

let own: string | undefined;

/** The run's directory (a test file run without the global setup gets one of its own, left for the system to clear). */
export function e2eTempDir(): string {
  const dir = process.env[E2E_TMP_ENV] ?? (own ??= mkdtempSync(join(tmpdir(), 'jernih-e2e-')));
  mkdirSync(dir, { recursive: true });
  return dir;
}

let counter = 0;

/** A path for one file in the run's directory, never handed out twice. */
export function e2eTempFile(name: string): string {
  return join(e2eTempDir(), `${process.pid}-${++counter}-${name}`);
}

/** A new empty directory in the run's directory (a browser profile, a print folder). */
export function e2eTempSubdir(prefix: string): string {
  return mkdtempSync(join(e2eTempDir(), `${prefix}-`));
}
