import { defineConfig } from 'vitest/config';
import { resultsReporter } from '../../scripts/vitest-results.ts';

export default defineConfig({
  test: { include: ['src/server/**/*.test.ts'], reporters: resultsReporter('plugin-registry'), testTimeout: 30_000, hookTimeout: 30_000 },
});
