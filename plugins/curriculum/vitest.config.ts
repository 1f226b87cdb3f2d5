import { defineConfig } from 'vitest/config';
import { resultsReporter } from '../../scripts/vitest-results.ts';

/** Server tests run in Node on every database dialect; web tests run in Chromium (web-test-runner.config.mjs). */
export default defineConfig({
  test: { include: ['src/server/**/*.test.ts'], reporters: resultsReporter('plugin-curriculum'), testTimeout: 30_000, hookTimeout: 30_000 },
});
