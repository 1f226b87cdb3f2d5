import { defineConfig } from 'vitest/config';
import { resultsReporter } from '../scripts/vitest-results.ts';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    reporters: resultsReporter('e2e'),
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // The screens at every size (small-screens) are independent pages: three at a time keep both
    // cores busy while each waits for its network to settle.
    maxConcurrency: 3,
  },
});
