import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { certificateRecords, chen, csvBytes, HEADER, importList, practicumSchool, registry, staff } from './test-support.ts';

const lin = { userId: 's-lin', name: '林小華', roles: ['student' as const] };
const internship = { studentNo: 'S001', kind: 2, organisation: '雲林農會', title: '農產品行銷實習', start: '2025-09-01', end: '2025-09-30', hours: 160 };
const studentCertificate = { name: '農業機械修護', level: '丙級', number: 'C-77', date: '2025-08-20', issuer: null };

type Row = { id: string; kind: string; status: string; version: number; data: Record<string, unknown>; statusReason: string | null; correctable: string; withdrawable: boolean };

/** 技能證照 and 校外實習 through practicum.records.*: corrections keeping the office's keys, withdrawal, the student's own list, and certificates students enter. */
describe.each(testDialects())('practicum corrections and student certificates on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const rows = async (user: typeof staff, input: Record<string, unknown> = {}) => (await t.query('practicum.records.list', input, user)).data as { rows: Row[]; total: number };

  it('corrects a registered certificate with a reason keeping who registered it and its 技術士 code, then withdraws it, audited', async () => {
    t = await practicumSchool(dialect);
    expect((await importList(t, csvBytes([[...HEADER], ['S001', '園藝', '丙級', 'N-3', '114/08/15', '勞動部']]))).data.imported).toBe(1);
    const [listed] = (await rows(staff, { kind: 'skill-certificate' })).rows;
    expect(listed).toMatchObject({ status: 'passed', correctable: 'with-reason', withdrawable: true });
    const before = JSON.parse((await certificateRecords(t))[0]!.data) as Record<string, unknown>;
    expect(before.registeredByName).toBe('實習處 就業組長');
    const data = { name: '園藝', level: '乙級', number: 'N-3', date: '2025-08-15', issuer: '勞動部' };
    const noReason = await t.mutate('practicum.records.correct', { id: listed!.id, version: 1, summary: '園藝 乙級', data }, staff);
    expect(noReason.error?.licheng?.code).toBe('correction-reason-required');
    const badDate = await t.mutate('practicum.records.correct', { id: listed!.id, version: 1, summary: '園藝', data: { ...data, date: '2025-02-30' }, reason: '級別' }, staff);
    expect(badDate.status).toBe(400);
    const corrected = await t.mutate('practicum.records.correct', { id: listed!.id, version: 1, summary: '園藝 乙級', data, reason: '級別登錄錯誤' }, staff);
    expect(corrected.data).toMatchObject({ status: 'passed', version: 2 });
    const after = JSON.parse((await certificateRecords(t))[0]!.data) as Record<string, unknown>;
    expect(after).toEqual({ ...before, level: '乙級' });
    const view = await t.query('practicum.certificates.list', {}, staff);
    expect(view.data.items[0]).toMatchObject({ level: '乙級', registeredByName: '實習處 就業組長', code: before.code });

    expect((await t.mutate('practicum.records.withdraw', { id: listed!.id, version: 2, reason: ' ' }, staff)).error?.licheng?.code).toBe('reason-required');
    expect((await t.mutate('practicum.records.withdraw', { id: listed!.id, version: 2, reason: '重複' }, chen)).error?.licheng?.code).toBe('forbidden');
    expect((await t.mutate('practicum.records.withdraw', { id: listed!.id, version: 2, reason: '重複' }, registry)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('practicum.records.withdraw', { id: listed!.id, version: 2, reason: '重複登錄' }, staff)).data).toMatchObject({ status: 'withdrawn', version: 3 });
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', listed!.id).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['skill-certificate.correct', 'skill-certificate.withdraw']));
  });

  it('corrects an internship keeping registeredByName; the practicum views read the corrected category', async () => {
    t = await practicumSchool(dialect);
    const registered = await t.mutate('practicum.internships.register', internship, staff);
    const id = registered.data.id as string;
    const data = { kind: '3', organisation: '雲林農會', title: '農產品行銷實習', start: '2025-09-01', end: '2025-09-30', hours: 120 };
    const badCode = await t.mutate('practicum.records.correct', { id, version: 1, summary: '實習', data: { ...data, kind: '9' }, reason: '類別' }, staff);
    expect(badCode.error?.licheng?.code).toBe('field-code-invalid');
    expect((await t.mutate('practicum.records.correct', { id, version: 1, summary: '實習', data, reason: '時數更正' }, staff)).data).toMatchObject({ version: 2 });
    const listed = await t.query('practicum.internships.list', {}, staff);
    expect(listed.data.items[0]).toMatchObject({ kind: 3, hours: 120, registeredByName: '實習處 就業組長' });
  });

  it('lets a student enter a certificate, see only their own practicum records, and the office pass or fail it with a reason', async () => {
    t = await practicumSchool(dialect);
    await t.mutate('practicum.internships.register', internship, staff);
    const mine = await t.mutate('practicum.records.enter', { kind: 'skill-certificate', academicYear: 114, semester: 1, summary: '農機丙級', data: studentCertificate }, chen);
    expect(mine.error).toBeNull();
    expect(mine.data).toMatchObject({ status: 'pending', version: 1 });
    const second = await t.mutate('practicum.records.enter', { kind: 'skill-certificate', academicYear: 114, semester: 1, summary: '第二張', data: { ...studentCertificate, number: 'C-78' } }, chen);
    // Not theirs to enter: an internship, or a certificate for someone else.
    expect((await t.mutate('practicum.records.enter', { kind: 'internship', academicYear: 114, semester: 1, summary: 'x', data: { ...internship, kind: '2' } }, chen)).error?.licheng?.code).toBe('forbidden');
    expect((await t.mutate('practicum.records.enter', { kind: 'skill-certificate', studentNo: 'S002', academicYear: 114, semester: 1, summary: 'x', data: studentCertificate }, chen)).error?.licheng?.code).toBe('forbidden');
    expect((await t.mutate('practicum.records.enter', { kind: 'skill-certificate', academicYear: 114, semester: 1, summary: 'x', data: { ...studentCertificate, date: '114/08/20' } }, chen)).status).toBe(400);

    const own = await rows(chen);
    expect(own.rows.map((r) => `${r.kind}:${r.status}`).sort()).toEqual(['internship:passed', 'skill-certificate:pending', 'skill-certificate:pending']);
    expect((await rows(lin)).total).toBe(0);

    const pending = await rows(staff, { kind: 'skill-certificate', status: 'pending' });
    expect(pending.total).toBe(2);
    const id = mine.data.id as string;
    // Only the certifier decides; a student (even the owner) and another office are refused as not found.
    expect((await t.mutate('practicum.records.decide', { id, version: 1, decision: 'pass' }, chen)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('practicum.records.decide', { id, version: 1, decision: 'pass' }, registry)).error?.licheng?.code).toBe('not-found');
    expect((await t.mutate('practicum.records.decide', { id, version: 1, decision: 'maybe' }, staff)).status).toBe(400);
    expect((await t.mutate('practicum.records.decide', { id, version: 1, decision: 'fail', reason: '  ' }, staff)).error?.licheng?.code).toBe('reason-required');
    expect((await t.mutate('practicum.records.decide', { id, version: 7, decision: 'pass' }, staff)).error?.licheng?.code).toBe('record-changed');
    expect((await t.mutate('practicum.records.decide', { id, version: 1, decision: 'pass' }, staff)).data).toMatchObject({ status: 'passed', version: 2 });
    expect((await t.mutate('practicum.records.decide', { id, version: 2, decision: 'pass' }, staff)).error?.licheng?.code).toBe('already-decided');
    const failed = await t.mutate('practicum.records.decide', { id: second.data.id, version: 1, decision: 'fail', reason: '證照影本不清楚' }, staff);
    expect(failed.data).toMatchObject({ status: 'failed', version: 2 });
    const after = await rows(chen, { kind: 'skill-certificate' });
    expect(after.rows.find((r) => r.id === second.data.id)).toMatchObject({ status: 'failed', statusReason: '證照影本不清楚', correctable: 'yes' });
    // The student fixes what failed; it goes back to pending for the office.
    const fixed = await t.mutate('practicum.records.correct', { id: second.data.id, version: 2, summary: '第二張', data: { ...studentCertificate, number: 'C-79' } }, chen);
    expect(fixed.error).toBeNull();
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toContain('skill-certificate.certify.pass');
  });
});
