// Keeps the county harness working: a tiny county (3 schools) in one deployment against one
// school, every reader's own outcomes checked on both sides, load and CPU reported. It asserts
// only that the harness measured something, never how fast.
import { testDialects } from '@licheng/db/testing';
import { describe, expect, it } from 'vitest';
import { countyBench } from './county.ts';

describe.each(testDialects())('county harness on %s', (dialect) => {
  it('serves every school’s readers through one deployment and reports load and CPU beside one school', async () => {
    const result = await countyBench(dialect, { schools: 3, studentsPerSchool: 12, outcomesPerStudent: 2, concurrency: 2, seconds: 1, rounds: 1, warmupSeconds: 0 });
    for (const side of [result.county, result.school]) {
      expect(side.requests).toBeGreaterThan(0);
      expect(side.failures).toBe(0);
      expect(side.cpuPerRequest).toBeGreaterThan(0);
    }
    expect(Number.isFinite(result.ratio)).toBe(true);
  }, 90_000);
});
