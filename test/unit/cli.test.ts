/**
 * Smoke test of `npm run extract` (scripts/extract.ts): one fixture through each output format, a page without
 * an article (exit 2), and a file with no URL (exit 1). It runs the real command, so each case costs a tsx start.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURE = 'test/fixtures/blog/tech-blog-with-code/source.html';
const expected = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/blog/tech-blog-with-code/expected.json'), 'utf8')) as {
  url: string;
  title: string;
};

function extract(...args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/extract.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

describe('extract CLI', { timeout: 90_000 }, () => {
  it('json: prints the Article', () => {
    const r = extract(FIXTURE, '--url', expected.url, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const article = JSON.parse(r.stdout);
    expect(article.title).toBe(expected.title);
    expect(article.contentHtml).toContain('<h2');
    expect(article.wordCount).toBeGreaterThan(100);
  });

  it('md: Markdown with the title, a heading and a fenced code block', () => {
    // No --url: a fixture folder's expected.json gives it.
    const r = extract(FIXTURE, '--format', 'md');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith(`# ${expected.title}\n`)).toBe(true);
    expect(r.stdout).toMatch(/^## \S/m);
    expect(r.stdout).toMatch(/^```\w*\n[\s\S]+?\n```$/m);
    expect(r.stdout).not.toMatch(/<(p|div|h2)\b/);
  });

  it('html: a standalone document with the title', () => {
    const r = extract(FIXTURE, '--url', expected.url, '--format', 'html');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/i);
    expect(r.stdout).toContain(`<h1>${expected.title}</h1>`);
    expect(r.stdout).toContain('<h2');
    expect(r.stdout).not.toContain('<script');
  });

  it('a page without an article: message on stderr, exit code 2', () => {
    const r = extract('test/fixtures/non-article/app-shell/source.html', '--format', 'md');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no article found in test/fixtures/non-article/app-shell/source.html');
  });

  it('a single file outside a fixture folder needs --url', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jernih-cli-'));
    try {
      copyFileSync(join(ROOT, FIXTURE), join(dir, 'page.html'));
      const r = extract(join(dir, 'page.html'));
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('--url is required');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
