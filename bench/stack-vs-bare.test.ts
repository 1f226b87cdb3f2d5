// Keeps the stack-vs-bare harness working: both servers, the byte-for-byte body check, the load
// generator and the CPU reports, on a tiny school for about a second of load on each side. It
// asserts only that the harness measured something, never how fast.
import { testDialects } from '@licheng/db/testing';
import { describe, expect, it } from 'vitest';
import { stackVsBareBench } from './stack-vs-bare.ts';

describe.each(testDialects())('stack-vs-bare harness on %s', (dialect) => {
  it('serves the same bytes from both sides and reports load and CPU for each', async () => {
    const result = await stackVsBareBench(dialect, { students: 12, outcomesPerStudent: 3, concurrency: 2, seconds: 1, rounds: 1, warmupSeconds: 0 });
    for (const side of [result.stack, result.bare]) {
      expect(side.requests).toBeGreaterThan(0);
      expect(side.failures).toBe(0);
      expect(side.cpuPerRequest).toBeGreaterThan(0);
    }
    expect(Number.isFinite(result.ratio)).toBe(true);
  }, 60_000);
});
