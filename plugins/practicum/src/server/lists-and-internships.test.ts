import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import type { TestLicheng } from '@licheng/server/testing';
import { addStudent, chen, csvBytes, HEADER, importList, practicumSchool, registry, staff } from './test-support.ts';

const internship = { studentNo: 'S001', kind: 2, organisation: '雲林農會', title: '農產品行銷實習', start: '2025-09-01', end: '2025-09-30', hours: 160 };

describe.each(testDialects())('practicum lists and internships on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  it('lists certificates of the current academic year by default, filtered by class and student', async () => {
    t = await practicumSchool(dialect);
    await addStudent(t, 'S201', '201', 5);
    const list = csvBytes([[...HEADER], ['S201', '農業機械', '丙級', 'N-1', '114/09/01', ''], ['S002', '園藝', '丙級', 'N-2', '114/08/15', ''], ['S001', '園藝', '丙級', 'N-3', '114/08/15', ''], ['S001', '造園景觀', '乙級', 'N-4', '114/06/01', '']]);
    expect((await importList(t, list)).data.imported).toBe(4);
    const current = await t.query('practicum.certificates.list', {}, staff);
    expect(current.data.academicYear).toBe(114);
    expect(current.data.items.map((i: { student: { studentNo: string }; number: string }) => `${i.student.studentNo}:${i.number}`)).toEqual(['S001:N-3', 'S002:N-2', 'S201:N-1']);
    expect(current.data.items[0]).toMatchObject({ student: { studentNo: 'S001', name: '陳小明', className: '101', seatNo: 1 }, status: 'passed', registeredByName: '實習處 就業組長', date: '2025-08-15', level: '丙級' });
    const byClass = await t.query('practicum.certificates.list', { className: '201' }, staff);
    expect(byClass.data.items.map((i: { number: string }) => i.number)).toEqual(['N-1']);
    const byStudent = await t.query('practicum.certificates.list', { academicYear: 113, studentNo: 'S001' }, staff);
    expect(byStudent.data.items.map((i: { number: string }) => i.number)).toEqual(['N-4']);
    expect((await t.query('practicum.certificates.list', { studentNo: 'S003' }, staff)).data.items).toEqual([]);
    // Every year at once, newest year first: what an import filed under an earlier year is found too.
    const all = await t.query('practicum.certificates.list', { allYears: true, academicYear: 113 }, staff);
    expect(all.data.academicYear).toBeNull();
    expect(all.data.items.map((i: { academicYear: number; number: string }) => `${i.academicYear}:${i.number}`)).toEqual(['114:N-3', '114:N-2', '114:N-1', '113:N-4']);
    const allOfClass = await t.query('practicum.certificates.list', { allYears: true, className: '101' }, staff);
    expect(allOfClass.data.items.map((i: { number: string }) => i.number)).toEqual(['N-3', 'N-2', 'N-4']);
    expect((await t.query('practicum.certificates.list', { allYears: 'yes' }, staff)).status).toBe(400);
  });

  it('records an internship in the term it starts, passed on entry (the practicum office certifies internships, seed 000), and lists it', async () => {
    t = await practicumSchool(dialect);
    const res = await t.mutate('practicum.internships.register', internship, staff);
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ academicYear: 114, semester: 1, status: 'passed', decidedByName: '實習處 就業組長', kind: 2, organisation: '雲林農會', hours: 160, registeredByName: '實習處 就業組長' });
    await t.mutate('practicum.internships.register', { ...internship, studentNo: 'S002', kind: 1, start: '2026-02-10', end: '2026-02-10', hours: 4 }, staff);
    const listed = await t.query('practicum.internships.list', { className: '101' }, staff);
    expect(listed.data.items.map((i: { student: { studentNo: string }; semester: number; kind: number }) => [i.student.studentNo, i.semester, i.kind])).toEqual([['S001', 1, 2], ['S002', 2, 1]]);
    const rows = await t.db.kysely.selectFrom('records').select(['summary', 'data', 'entered_role']).where('kind', '=', 'internship').orderBy('created_at').execute();
    expect(rows[0]).toMatchObject({ summary: '雲林農會 農產品行銷實習', entered_role: 'practicum-staff' });
    // Stored as the declared code field holds it (core's INTERNSHIP_FIELDS), so the generic correction takes it as it is.
    expect(JSON.parse(rows[0]!.data)).toEqual({ kind: '2', organisation: '雲林農會', title: '農產品行銷實習', start: '2025-09-01', end: '2025-09-30', hours: 160, registeredByName: '實習處 就業組長' });
  });

  it('validates internships: dates in order, hours 1–2000, kind 1–4, lengths', async () => {
    t = await practicumSchool(dialect);
    const reversed = await t.mutate('practicum.internships.register', { ...internship, end: '2025-08-31' }, staff);
    expect(reversed.error?.licheng).toEqual({ code: 'internship-dates-reversed', params: { start: '2025-09-01', end: '2025-08-31' } });
    expect(reversed.error?.message).toBe('結束日期 114/08/31 早於開始日期 114/09/01');
    for (const [field, value] of [['hours', 0], ['hours', 2001], ['hours', 1.5], ['kind', 5], ['organisation', '字'.repeat(101)], ['title', ''], ['start', '2025-13-01']] as const) {
      const bad = await t.mutate('practicum.internships.register', { ...internship, [field]: value }, staff);
      expect(bad.status, `${field}=${value}`).toBe(400);
      expect(bad.error?.message).toMatch(new RegExp(`^${field}: `));
    }
    expect((await t.mutate('practicum.internships.register', { ...internship, hours: 2000 }, staff)).error).toBeNull();
    expect((await t.mutate('practicum.internships.register', { ...internship, studentNo: 'S404' }, staff)).error?.licheng?.code).toBe('student-unknown');
  });

  it('answers 401 without a token and 403 to other roles', async () => {
    t = await practicumSchool(dialect);
    for (const path of ['practicum.certificates.list', 'practicum.internships.list']) {
      expect((await t.query(path, {})).status).toBe(401);
      expect((await t.query(path, {}, chen)).status).toBe(403);
      expect((await t.query(path, {}, registry)).status).toBe(403);
    }
    expect((await t.mutate('practicum.internships.register', internship)).status).toBe(401);
    expect((await t.mutate('practicum.internships.register', internship, chen)).status).toBe(403);
  });
});
