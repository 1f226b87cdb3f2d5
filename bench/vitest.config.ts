import { defineConfig } from 'vitest/config';
import { resultsReporter } from '../scripts/vitest-results.ts';

// The benchmarks' harness at a tiny size, so it cannot rot; no timing is asserted (figures live in results/).
export default defineConfig({ test: { reporters: resultsReporter('bench'), testTimeout: 120_000, hookTimeout: 120_000 } });
