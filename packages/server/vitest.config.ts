import { defineConfig } from 'vitest/config';
import { resultsReporter } from '../../scripts/vitest-results.ts';

export default defineConfig({ test: { reporters: resultsReporter('server'), testTimeout: 30_000, hookTimeout: 30_000 } });
