// Keeps the deadline harness working: the server and load processes, the selection flow, uploads,
// the disk baseline and the memory samples, on a tiny school for a second or two of load. It
// asserts only that every step ran and nothing failed, never how fast.
import { testDialects } from '@licheng/db/testing';
import { describe, expect, it } from 'vitest';
import { deadlineBench } from './deadline.ts';

describe.each(testDialects())('deadline harness on %s', (dialect) => {
  it('runs every step of the selection flow and the uploads without an error, and reports the save statements', async () => {
    const [peak, speed, cpu, memory] = (await deadlineBench(dialect, { students: 6, seconds: 1, thinkMs: 100, uploadsPerSecond: 2, uploadBytes: 256 * 1024, uploadSeconds: 1, settleSeconds: 0, diskFiles: 2 })) as any[];
    expect(peak.failures).toBe(0);
    for (const step of ['list', 'courses', 'selectionGet', 'selectionSave', 'upload']) expect(peak.steps[step].n).toBeGreaterThan(0);
    expect(peak.steps.selectionSave.n).toBe(6);
    // The save runs in one transaction and writes the selection and its audit entry.
    expect(peak.statements.some((s: string) => /^insert into .selections./i.test(s))).toBe(true);
    expect(peak.statements.some((s: string) => /^insert into .audit_log./i.test(s))).toBe(true);
    for (const line of [speed, cpu, memory]) expect(Number.isFinite(line.ratio)).toBe(true);
  }, 120_000);
});
