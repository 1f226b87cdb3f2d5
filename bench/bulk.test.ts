// Keeps the bulk harness working on a tiny school: the import and its baseline must leave the same
// student rows, and each export's baseline must write the same cells as the exported workbook
// (bulkBench throws otherwise). It asserts what was written, never how fast.
import { testDialects } from '@licheng/db/testing';
import { describe, expect, it } from 'vitest';
import { bulkBench } from './bulk.ts';

describe.each(testDialects())('bulk harness on %s', (dialect) => {
  it('imports the same rows as the baseline inserts and exports the rows the streaming writer writes', async () => {
    const lines = await bulkBench(dialect, { rows: 40, students: 12, idleReadSeconds: 0.5 }, ['outcomes']);
    const imports = lines.filter((l) => l.name.startsWith('bulk import'));
    expect(imports.map((l) => (l as any).size.rows)).toEqual([10, 40]);
    const exports = lines.filter((l) => l.name.startsWith('bulk export: roster'));
    // 12 students, one in ten at night: 11 day students × 6 selected outcomes.
    expect(exports.map((l) => l.name.match(/\(([\d,]+) rows/)?.[1])).toEqual(['66']);
    expect(lines.at(-1)!.detail).toContain('0 failed');
  }, 180_000);
});
