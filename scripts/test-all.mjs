#!/usr/bin/env node
// `npm test`: lint, type-check, unit tests, then the browser tests (which build the extension first).
// CI does not read vitest's summary, so this prints one closing line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const skipE2E = process.argv.includes('--unit');

function step(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function check(name, cmd, args) {
  const ok = step(name, cmd, args);
  results[ok ? 'passed' : 'failed'] += 1;
  console.log(`--- ${name}: ${ok ? 'ok' : 'FAILED'}`);
}

function vitest(name, configArgs, jsonFile) {
  if (existsSync(jsonFile)) rmSync(jsonFile);
  const ok = step(name, 'npx', ['vitest', 'run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`]);
  if (!existsSync(jsonFile)) {
    // The runner died before reporting (config error, crash): count it as one failure, never as zero tests.
    results.failed += 1;
    console.log(`--- ${name}: no report written`);
    return;
  }
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  results.passed += report.numPassedTests;
  results.failed += report.numFailedTests;
  // Suites that failed to load count too (their tests never ran).
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  results.failed += brokenFiles;
  console.log(`--- ${name}: ${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed${ok ? '' : ' (runner exit non-zero)'}`);
  if (!ok && report.numFailedTests + brokenFiles === 0) results.failed += 1;
}

// Lint: eslint's zones, then the import graph's (no cycles, components away from the browser API): .dependency-cruiser.cjs.
check('lint', 'npm', ['run', '-s', 'lint']);
check('typecheck', 'npx', ['tsc', '--noEmit']);
vitest('unit tests', [], '.vitest-unit.json');
// Every fixture page through the engine, against the shared clutter list (npm run corpus).
check('corpus of fixture pages (no clutter, articles where expected)', 'npx', ['tsx', 'scripts/corpus.ts', 'test/fixtures', '--strict']);
if (!skipE2E) vitest('browser tests (Chromium, Firefox ESR)', ['-c', 'vitest.e2e.config.ts'], '.vitest-e2e.json');

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
