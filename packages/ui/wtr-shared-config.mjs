// The web-test-runner setup every package shares: real Chromium (Debian's, headless, no
// sandbox, no background networking), TypeScript through esbuild, node resolution, the
// default reporter plus the results file for the repository's test summary.
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { resultsReporter } from './wtr-results-reporter.mjs';

export const chromiumFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * @param {{ name: string, files: string | string[], tsconfig: string }} options
 *   name — the suite's name in the summary (wtr-<name>.json); files — test globs; tsconfig — the package's tsconfig
 */
export function lichengWebTestConfig({ name, files, tsconfig }) {
  return {
    files,
    nodeResolve: true,
    concurrency: 1,
    concurrentBrowsers: 1,
    testFramework: { config: { timeout: 10_000 } },
    // Lit's one-line dev-mode notice in every file says nothing about the test.
    filterBrowserLogs: ({ args }) => !String(args[0] ?? '').startsWith('Lit is in dev mode'),
    plugins: [esbuildPlugin({ ts: true, tsconfig })],
    browsers: [
      chromeLauncher({
        launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumFlags },
      }),
    ],
    reporters: [defaultReporter(), resultsReporter({ name })],
  };
}
