import { defineConfig } from 'vitest/config';
import { resultsReporter } from '../../scripts/vitest-results.ts';

/** Node tests (the pure schedule rules and vocabulary, procedures and routes on every database dialect); web tests run in Chromium (web-test-runner.config.mjs). */
export default defineConfig({
  test: { include: ['src/server/**/*.test.ts', 'src/*.test.ts'], reporters: resultsReporter('plugin-working-group'), testTimeout: 30_000, hookTimeout: 30_000 },
});
