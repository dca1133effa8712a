/** scripts/release.ts: the version check, the version in package.json and package-lock.json, the changelog. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bumpLockfile, bumpPackageJson, isoDate, releaseChangelog, versionProblem } from '../../scripts/release';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('release: the version', () => {
  it('takes MAJOR.MINOR.PATCH greater than the current one', () => {
    expect(versionProblem('0.2.0', '0.1.0')).toBeUndefined();
    expect(versionProblem('0.1.1', '0.1.0')).toBeUndefined();
    expect(versionProblem('1.0.0', '0.9.9')).toBeUndefined();
    expect(versionProblem('0.10.0', '0.9.0')).toBeUndefined(); // numbers, not strings
  });

  it('refuses what is not semver, pre-releases, and versions not above the current one', () => {
    expect(versionProblem('v0.2.0', '0.1.0')).toMatch(/not a semantic version/);
    expect(versionProblem('0.2', '0.1.0')).toMatch(/not a semantic version/);
    expect(versionProblem('01.2.0', '0.1.0')).toMatch(/not a semantic version/);
    expect(versionProblem('0.2.0-beta.1', '0.1.0')).toMatch(/pre-release or build part/);
    expect(versionProblem('0.2.0+build.5', '0.1.0')).toMatch(/pre-release or build part/);
    expect(versionProblem('0.1.0', '0.1.0')).toMatch(/not greater than the current version 0\.1\.0/);
    expect(versionProblem('0.0.9', '0.1.0')).toMatch(/not greater/);
  });
});

describe('release: package.json and package-lock.json', () => {
  it('changes only the version in package.json, keeping its layout', () => {
    const text = readFileSync(resolve(ROOT, 'package.json'), 'utf8');
    const current = (JSON.parse(text) as { version: string }).version;
    const bumped = bumpPackageJson(text, '9.8.7');
    expect(bumped).toBe(text.replace(`"version": "${current}"`, '"version": "9.8.7"'));
    expect(bumped.endsWith('}\n')).toBe(true);
  });

  it('changes the top-level and packages[""] versions of the lockfile, not the dependencies\'', () => {
    const text = `{
    "name": "jernih",
    "version": "0.1.0",
    "lockfileVersion": 3,
    "packages": {
        "": { "name": "jernih", "version": "0.1.0" },
        "node_modules/dep": { "version": "0.1.0" }
    }
}
`;
    const lock = JSON.parse(bumpLockfile(text, '0.2.0'));
    expect(lock.version).toBe('0.2.0');
    expect(lock.packages['']).toEqual({ name: 'jernih', version: '0.2.0' });
    expect(lock.packages['node_modules/dep'].version).toBe('0.1.0');
    // The file's own indent (four spaces here) and closing newline stay.
    expect(bumpLockfile(text, '0.2.0')).toMatch(/^\{\n {4}"name": "jernih",\n {4}"version": "0\.2\.0",[^]*\n\}\n$/);
  });

  it("changes only the two versions in this project's lockfile", () => {
    const text = readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8');
    const bumped = bumpLockfile(text, '9.8.7');
    const before = text.split('\n');
    const changed = bumped.split('\n').filter((line, i) => line !== before[i]);
    expect(changed).toEqual(['  "version": "9.8.7",', '      "version": "9.8.7",']);
  });

  it('refuses files without a version', () => {
    expect(() => bumpPackageJson('{"name":"x"}', '1.0.0')).toThrow(/no version/);
    expect(() => bumpLockfile('{"version":"1.0.0","packages":{}}', '1.0.1')).toThrow(/packages\[""\]/);
  });
});

describe('release: the changelog', () => {
  const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

### Added

- Store packages.

### Fixed

- A thing.

## [0.1.0] - 2026-12-07

### Added

- Everything.
`;

  it('moves the Unreleased entries under the new version with the date, leaving Unreleased empty', () => {
    expect(releaseChangelog(CHANGELOG, '0.2.0', '2026-12-24')).toBe(`# Changelog

Intro.

## [Unreleased]

## [0.2.0] - 2026-12-24

### Added

- Store packages.

### Fixed

- A thing.

## [0.1.0] - 2026-12-07

### Added

- Everything.
`);
  });

  it('works when Unreleased is the only section', () => {
    expect(releaseChangelog('# Changelog\n\n## [Unreleased]\n\n- One.\n', '1.0.0', '2027-01-02')).toBe('# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2027-01-02\n\n- One.\n');
  });

  it('refuses an empty Unreleased, a version already there, and a changelog without Unreleased', () => {
    const released = releaseChangelog(CHANGELOG, '0.2.0', '2026-12-24');
    expect(() => releaseChangelog(released, '0.3.0', '2026-12-25')).toThrow(/nothing under "Unreleased"/);
    expect(() => releaseChangelog(CHANGELOG, '0.1.0', '2026-12-25')).toThrow(/already has a 0\.1\.0 section/);
    expect(() => releaseChangelog('# Changelog\n\n## [0.1.0] - 2026-12-07\n', '0.2.0', '2026-12-25')).toThrow(/no "## \[Unreleased\]"/);
  });

  it("this project's changelog has an Unreleased section a release can move", () => {
    const text = readFileSync(resolve(ROOT, 'CHANGELOG.md'), 'utf8');
    const out = releaseChangelog(text, '99.0.0', '2026-12-31');
    expect(out).toMatch(/^## \[Unreleased\]\n\n## \[99\.0\.0\] - 2026-12-31\n\n### Added\n/m);
    expect(out).toContain('## [0.1.0] - ');
  });

  it('dates in local time as YYYY-MM-DD', () => {
    expect(isoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
