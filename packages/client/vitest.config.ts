import { defineConfig } from 'vitest/config';
import { resultsReporter } from '../../scripts/vitest-results.ts';

export default defineConfig({ test: { include: ['src/**/*.test.ts'], reporters: resultsReporter('client') } });
