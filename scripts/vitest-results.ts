import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Vitest reporters for one suite: the default console output plus a JSON file that
 *  scripts/run-tests.mjs adds up into the single "N passed, N failed" line. */
export function resultsReporter(suite: string): Array<'default' | ['json', { outputFile: string }]> {
  const dir = process.env.TEST_RESULTS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../.test-results');
  return ['default', ['json', { outputFile: path.join(dir, `vitest-${suite}.json`) }]];
}
