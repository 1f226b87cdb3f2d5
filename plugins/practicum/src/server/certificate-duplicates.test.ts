import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { certificateRecords, chen, csvBytes, HEADER, importList, practicumSchool, staff } from './test-support.ts';

const certificate = (number: string) => ({ name: '園藝', level: '丙級', number, date: '2025-08-15', issuer: '勞動部' });

/** A certificate number is recorded once per student: on registration, on the student's entry and on every correction. */
describe.each(testDialects())('practicum certificate numbers on correction on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  async function twoCertificates() {
    t = await practicumSchool(dialect);
    const imported = await importList(t, csvBytes([[...HEADER], ['S001', '園藝', '丙級', 'N-3', '114/08/15', '勞動部'], ['S001', '園藝', '丙級', 'N-4', '114/08/15', '勞動部'], ['S002', '園藝', '丙級', 'N-5', '114/08/15', '勞動部']]));
    expect(imported.data.imported).toBe(3);
    const rows = await certificateRecords(t);
    const byNumber = new Map(rows.map((r) => [(JSON.parse(r.data) as { number: string }).number, r.id]));
    return { n3: byNumber.get('N-3')!, n4: byNumber.get('N-4')!, n5: byNumber.get('N-5')! };
  }
  const correct = (id: string, number: string, version = 1) => t.mutate('practicum.records.correct', { id, version, summary: '園藝 丙級', data: certificate(number), reason: '號碼更正' }, staff);

  it('refuses a correction that repeats another certificate number of the student, as an entry would be, and changes nothing', async () => {
    const { n3, n4, n5 } = await twoCertificates();
    const duplicate = await correct(n4, 'n-3');
    expect(duplicate.error?.licheng?.code).toBe('certificate-duplicate');
    expect(duplicate.error?.licheng?.params).toMatchObject({ studentNo: 'S001', number: 'n-3' });
    const stored = (await certificateRecords(t)).find((r) => r.id === n4)!;
    expect([JSON.parse(stored.data).number, stored.version]).toEqual(['N-4', 1]);
    // Its own number, another student's number, and a new one are fine.
    expect((await correct(n3, 'N-3')).error).toBeNull();
    expect((await correct(n5, 'N-4')).error).toBeNull();
    expect((await correct(n4, 'N-9')).error).toBeNull();
    // Once the holder of a number is withdrawn, the number is free again.
    expect((await t.mutate('practicum.records.withdraw', { id: n3, version: 2, reason: '重複登錄' }, staff)).error).toBeNull();
    expect((await correct(n4, 'N-3', 2)).error).toBeNull();
  });

  it('refuses a student entering a number they already have', async () => {
    await twoCertificates();
    const entered = await t.mutate('practicum.records.enter', { kind: 'skill-certificate', academicYear: 114, semester: 1, summary: '園藝', data: certificate('N-4') }, chen);
    expect(entered.error?.licheng?.code).toBe('certificate-duplicate');
    expect((await t.mutate('practicum.records.enter', { kind: 'skill-certificate', academicYear: 114, semester: 1, summary: '園藝', data: certificate('N-8') }, chen)).error).toBeNull();
  });

  it('lets exactly one of two concurrent corrections to the same new number through', async () => {
    const { n3, n4 } = await twoCertificates();
    const results = await Promise.all([correct(n3, 'N-7'), correct(n4, 'N-7')]);
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    expect(results.filter((r) => r.error?.licheng?.code === 'certificate-duplicate' || r.error?.licheng?.code === 'try-again')).toHaveLength(1);
    const numbers = (await certificateRecords(t)).map((r) => (JSON.parse(r.data) as { number: string }).number);
    expect(numbers.filter((n) => n === 'N-7')).toHaveLength(1);
  });
});
