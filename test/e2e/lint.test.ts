/**
 * The builds people install: the Firefox build passes `web-ext lint` with no errors, and neither release build
 * carries the test-only toggle trigger of the e2e build (wxt.config.ts, `--mode e2e`).
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SITE_RULES } from '../../utils/extract/sites';
import { pictureHostPatterns, sitePatterns } from '../../utils/extract/site-patterns';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUTPUT = join(ROOT, '.output');
const RELEASE_BUILDS = ['firefox-mv2', 'chrome-mv3'];

interface LintMessage { code: string; message: string; file?: string; line?: number }
interface LintReport { summary: { errors: number; warnings: number; notices: number }; errors: LintMessage[]; warnings: LintMessage[] }

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));

describe('release builds', () => {
  it('web-ext lint: the Firefox build has 0 errors', async () => {
    // web-ext exits non-zero when it finds errors; the JSON on stdout says which, so read it either way.
    const { stdout } = await promisify(execFile)(
      'npx',
      ['web-ext', 'lint', '--source-dir', join(OUTPUT, 'firefox-mv2'), '--no-config-discovery', '--output', 'json'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
    const report = JSON.parse(stdout) as LintReport;
    const line = (m: LintMessage) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`;
    // Known warnings: UNSAFE_VAR_ASSIGNMENT (innerHTML) inside bundled Readability, DOMPurify and Preact.
    console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
    for (const w of report.warnings) console.log(`  warning ${line(w)}`);
    expect(report.errors.map(line)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  it.each(RELEASE_BUILDS)('%s carries no test-only trigger or test host permission', (build) => {
    const dir = join(OUTPUT, build);
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(5);
    const leaks = files.filter((f) => /e2e-toggle|jernih:e2e|127\.0\.0\.1/.test(readFileSync(f, 'latin1')));
    expect(leaks.map((f) => f.slice(dir.length + 1))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    // The only declared content script is auto-clean, for the supported news sites and nothing else; the reader
    // itself is injected on demand (activeTab), and every other site is asked for at the moment it is added.
    const declared = (manifest.content_scripts ?? []) as { matches: string[]; js: string[] }[];
    expect(declared.map((c) => c.js)).toEqual([['content-scripts/autoclean.js']]);
    expect([...declared[0].matches].sort()).toEqual(sitePatterns(SITE_RULES));
    expect(declared[0].matches.some((m) => m === '<all_urls>' || m.startsWith('*://*/'))).toBe(false);
    // Install-time host access beyond them: exactly the supported sites' picture hosts (issue 13), one host each.
    const hosts = [...((manifest.host_permissions ?? []) as string[]), ...(manifest.permissions as string[]).filter((p) => p.includes('://') || p === '<all_urls>')];
    expect(hosts.sort()).toEqual(pictureHostPatterns(SITE_RULES));
  });

  it('the e2e build does carry the trigger (so the check above tests something)', () => {
    const dir = join(OUTPUT, 'firefox-mv2-e2e');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect((manifest.content_scripts as { js: string[] }[]).flatMap((c) => c.js)).toContain('content-scripts/e2e-toggle.js');
    expect(manifest.permissions).toContain('http://127.0.0.1/*');
    expect(readFileSync(join(dir, 'background.js'), 'utf8')).toContain('jernih:e2e-toggle');
  });
});
