/**
 * The README's first command, run as a newcomer runs it: `npm run demo` with no display, from a clean build.
 * It builds the extension, opens headless Chromium on the bundled Kompas article and must end with the reader
 * open and two screenshots written, whatever auto-clean did before the button would be pressed.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHOTS = ['demo-reader.png', 'demo-reader-phone.png'].map((f) => resolve(ROOT, 'test-results', f));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('npm run demo', () => {
  it('builds, opens the reader on the demo article headless, and writes the screenshots', () => {
    for (const f of SHOTS) rmSync(f, { force: true });
    rmSync(resolve(ROOT, '.output', 'chrome-mv3'), { recursive: true, force: true });
    const env = { ...process.env };
    delete env.DISPLAY; // as on a server: the demo must pick headless by itself
    const run = spawnSync('npm', ['run', 'demo'], { cwd: ROOT, env, encoding: 'utf8', timeout: 240_000 });
    const out = `${run.stdout}\n${run.stderr}`;
    expect(run.status, out.slice(-3000)).toBe(0);
    expect(out).toMatch(/Reader view: \d{3,} words on screen; headline: Kim Jong Un Undang Putin/);
    for (const f of SHOTS) {
      expect(existsSync(f), f).toBe(true);
      expect(statSync(f).size).toBeGreaterThan(20_000);
    }
    expect(pngSize(SHOTS[0]).width).toBe(1280);
    expect(pngSize(SHOTS[1]).width).toBe(390);
  }, 300_000);
});
