#!/usr/bin/env node
// Runs every test suite of the monorepo (type checks, Vitest on both databases, web-test-runner
// in Chromium, the end-to-end test) and ends with one line that adds them all up:
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.test-results');
const env = { ...process.env, TEST_RESULTS_DIR: resultsDir, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };

function run(cmd, args) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;
}

fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

let failedSteps = 0;
if (run('bash', ['scripts/ensure-services.sh']) !== 0) failedSteps++;
if (run('pnpm', ['exec', 'turbo', 'run', 'typecheck', '--continue', '--output-logs=errors-only']) !== 0) {
  console.error('type check failed');
  failedSteps++;
}
const testsExit = run('pnpm', ['exec', 'turbo', 'run', 'test', '--continue', '--concurrency=1', '--output-logs=full']);

let passed = 0;
let failed = 0;
const suites = [];
for (const file of fs.readdirSync(resultsDir).sort()) {
  const data = JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8'));
  // Vitest's JSON report, or the web-test-runner summary our reporter writes.
  const p = data.numPassedTests ?? data.passed ?? 0;
  const f = (data.numFailedTests ?? data.failed ?? 0) + (data.success === false && !data.numFailedTests ? 1 : 0);
  passed += p;
  failed += f;
  suites.push(`${file.replace(/\.json$/, '')}: ${p} passed, ${f} failed`);
}
if (testsExit !== 0 && failed === 0) failedSteps++;
failed += failedSteps;
console.log(`\n${suites.join('\n')}`);
if (failedSteps) console.log(`(${failedSteps} step(s) failed outside the counted tests: services, type check or a suite that did not report)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || testsExit !== 0 ? 1 : 0);
