import { describe, expect, it } from 'vitest';
import { TRANSFER_PACKAGE_FORMAT, TRANSFER_PACKAGE_VERSION, transferFileFits, transferManifestSchema } from './transfer-package.ts';

const manifest = {
  format: TRANSFER_PACKAGE_FORMAT,
  version: TRANSFER_PACKAGE_VERSION,
  reason: 'transfer',
  schoolCode: '002000',
  schoolName: '羅東高中',
  exportedAt: '2026-02-01T02:00:00.000Z',
  exportedBy: { userId: 'r', name: '註冊組長' },
  student: { studentNo: 'S001', name: '陳小明', nationalId: 'A123456789', birthDate: '2009-03-01' },
  statusChanges: [{ date: '2026-01-31', kind: 'transfer-out', statusCode: '311', note: '' }],
  records: [
    {
      origin: { schoolCode: '002000', recordId: 'r1' },
      kind: 'outcome', academicYear: 114, semester: 1, summary: '報告', data: {}, status: 'passed', statusReason: null,
      decided: { by: 't', name: '王老師', role: 'subject-teacher', at: '2025-11-01T00:00:00.000Z' },
      enteredRole: 'student', createdAt: '2025-10-01T00:00:00.000Z', selected: true,
      files: [{ slot: 'document', sha256: 'a'.repeat(64), size: 10, type: 'pdf', name: 'a.pdf' }],
    },
  ],
};

describe('transfer manifest', () => {
  it('accepts a well-formed manifest', () => {
    expect(transferManifestSchema.parse(manifest).records).toHaveLength(1);
  });
  it('refuses a wrong format, a bad national id, an unknown status and a capital-letter hash', () => {
    expect(transferManifestSchema.safeParse({ ...manifest, format: 'other' }).success).toBe(false);
    expect(transferManifestSchema.safeParse({ ...manifest, student: { ...manifest.student, nationalId: 'A123456780' } }).success).toBe(false);
    expect(transferManifestSchema.safeParse({ ...manifest, records: [{ ...manifest.records[0], status: 'lost' }] }).success).toBe(false);
    const file = { ...manifest.records[0]!.files[0]!, sha256: 'A'.repeat(64) };
    expect(transferManifestSchema.safeParse({ ...manifest, records: [{ ...manifest.records[0], files: [file] }] }).success).toBe(false);
    expect(transferManifestSchema.safeParse({ ...manifest, extra: 1 }).success).toBe(false);
  });
  it('holds files to the slot limits of an upload', () => {
    expect(transferFileFits({ slot: 'document', size: 4 * 1024 * 1024 })).toBe(true);
    expect(transferFileFits({ slot: 'document', size: 4 * 1024 * 1024 + 1 })).toBe(false);
  });
});
