// A web-test-runner reporter that writes `{ "passed": N, "failed": N }` for the repository's
// test summary (scripts/run-tests.mjs adds every such file into the one "N passed, N failed"
// line). Used next to the default reporter by every package's web-test-runner.config.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function count(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) continue;
    if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

/** @param {{ name: string }} options name of the suite, e.g. 'ui' → wtr-ui.json */
export function resultsReporter({ name }) {
  const write = (sessions) => {
    const totals = { passed: 0, failed: 0 };
    for (const session of sessions) {
      const before = totals.passed + totals.failed;
      count(session.testResults, totals);
      // A test file that failed to load (syntax error, 404, uncaught error) ran no tests: count it once.
      if (totals.passed + totals.failed === before && session.passed === false) totals.failed++;
      else if (session.passed === false && (session.errors?.length ?? 0) > 0) totals.failed++;
    }
    const dir = process.env.TEST_RESULTS_DIR ?? path.join(repoRoot, '.test-results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `wtr-${name}.json`), `${JSON.stringify({ passed: totals.passed, failed: totals.failed })}\n`);
  };
  return {
    onTestRunFinished({ sessions }) {
      write(sessions);
    },
  };
}
