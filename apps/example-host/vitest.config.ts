import { defineConfig } from 'vitest/config';
import { resultsReporter } from '../../scripts/vitest-results.ts';

export default defineConfig({
  test: { include: ['src/**/*.test.ts'], reporters: resultsReporter('example-host'), testTimeout: 60_000, hookTimeout: 60_000 },
});
