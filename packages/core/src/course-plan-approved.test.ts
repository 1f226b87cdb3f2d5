import { describe, expect, it } from 'vitest';
import { classGroupKind, COURSE_CATEGORIES, courseCodeListIssues, parseCourseCode, SUBJECT_ATTRIBUTES } from './course-code.ts';
import {
  coursePlanJsonRows,
  diffCoursePlans,
  precheckDeadline,
  precheckDifferences,
  readCoursePlanRow,
  semesterIndex,
  type ApprovedPlanLine,
} from './course-plan.ts';
import { DomainError } from './errors.ts';

const CODE = '114123456E22L0101010101'; // 部定必修 (1), attribute 1, domain 01
const row = (over: Record<string, string> = {}) => ({
  實施學年度: '114', 課程類型: '日間部', 課程代碼: CODE, 科目名稱: '國語文', 授課學期學分節數: '440000', 授課學期開課方式: '11----', 課程屬性: '1101', ...over,
});

describe('course code lists', () => {
  it('holds every 課程類別 1–9 and A–F, every 科目屬性 0–6 and A–I', () => {
    expect(Object.keys(COURSE_CATEGORIES).sort().join('')).toBe('123456789ABCDEF');
    expect(Object.keys(SUBJECT_ATTRIBUTES).sort().join('')).toBe('0123456ABCDEFGHI');
    expect(COURSE_CATEGORIES['3']?.['zh-TW']).toBe('加深加廣選修');
    expect(SUBJECT_ATTRIBUTES['D']?.['zh-TW']).toContain('採計學分');
  });

  it('accepts school-defined 班群 letters and tells the kinds apart', () => {
    expect(parseCourseCode('114123456E22L01A1010101').classGroup).toBe('A');
    expect(classGroupKind('0')).toBe('none');
    expect(classGroupKind('3')).toBe('cooperative');
    expect(classGroupKind('B')).toBe('school-defined');
  });

  it('reports category, attribute and domain outside the lists', () => {
    expect(courseCodeListIssues(parseCourseCode(CODE))).toEqual([]);
    const bad = parseCourseCode('114123456E22L010G0X1001');
    expect(courseCodeListIssues(bad).map((i) => i.field)).toEqual(['category', 'attribute', 'domain']);
  });
});

describe('readCoursePlanRow', () => {
  it('reads a good row into a plan line', () => {
    expect(readCoursePlanRow(row(), 114)).toEqual({
      line: { planYear: 114, courseType: '日間部', code: CODE, subjectName: '國語文', credits: '440000', offeringModes: '11----', attributes: '1101' },
      issues: [],
    });
  });

  it.each([
    [{ 課程代碼: CODE.slice(0, 22) }, '課程代碼', 'code-length'],
    [{ 課程代碼: `${CODE.slice(0, 16)}G${CODE.slice(17)}`, 課程屬性: '' }, '課程代碼', 'code-category'],
    [{ 課程代碼: `${CODE.slice(0, 18)}X${CODE.slice(19)}`, 課程屬性: '' }, '課程代碼', 'code-attribute'],
    [{ 課程代碼: '' }, '課程代碼', 'missing'],
    [{ 授課學期學分節數: '44000' }, '授課學期學分節數', 'credits'],
    [{ 授課學期學分節數: '44000X' }, '授課學期學分節數', 'credits'],
    [{ 授課學期開課方式: '11--' }, '授課學期開課方式', 'modes'],
    [{ 課程屬性: '2101' }, '課程屬性', 'attributes-mismatch'],
    [{ 科目名稱: ' ' }, '科目名稱', 'missing'],
    [{ 實施學年度: '107' }, '實施學年度', 'year'],
    [{ 實施學年度: '113' }, '實施學年度', 'other-year'],
  ])('refuses %j at %s (%s)', (over, column, reason) => {
    const result = readCoursePlanRow(row(over), 114);
    expect(result.line).toBeNull();
    expect(result.issues).toContainEqual(expect.objectContaining({ column, reason }));
  });

  it('reports every problem of a row at once', () => {
    expect(readCoursePlanRow(row({ 科目名稱: '', 授課學期學分節數: 'x' })).issues).toHaveLength(2);
  });
});

describe('coursePlanJsonRows', () => {
  it('flattens the platform shape', () => {
    const rows = coursePlanJsonRows([{ 實施學年度: 114, 課程類型: '日間部', 課程資料: [{ 課程代碼: CODE, 科目名稱: '國語文', 授課學期學分節數: '440000', 授課學期開課方式: '11----', 課程屬性: '1101' }] }]);
    expect(rows).toEqual([row()]);
  });

  it('refuses another shape', () => {
    expect(() => coursePlanJsonRows({ courses: [] })).toThrow(DomainError);
    expect(() => coursePlanJsonRows([1])).toThrow(DomainError);
  });
});

describe('diffCoursePlans', () => {
  it('lists added, removed and changed lines with the fields that changed', () => {
    const a = readCoursePlanRow(row()).line!;
    const b = readCoursePlanRow(row({ 課程代碼: '114123456E22L0102010201', 科目名稱: '數學', 課程屬性: '' })).line!;
    const c = readCoursePlanRow(row({ 課程代碼: '114123456E22L0102010301', 科目名稱: '英語文', 課程屬性: '' })).line!;
    const diff = diffCoursePlans([a, b], [{ ...a, credits: '330000', subjectName: '國語文A' }, c]);
    expect(diff.added.map((l) => l.code)).toEqual([c.code]);
    expect(diff.removed.map((l) => l.code)).toEqual([b.code]);
    expect(diff.changed).toEqual([{ code: CODE, fields: [{ field: 'subjectName', before: '國語文', after: '國語文A' }, { field: 'credits', before: '440000', after: '330000' }] }]);
    expect(diffCoursePlans([a], [a])).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('the pre-check rules', () => {
  it('indexes semesters and sets the 4-week deadline', () => {
    expect(semesterIndex(1, 1)).toBe(0);
    expect(semesterIndex(2, 2)).toBe(3);
    expect(precheckDeadline(115, 1)).toBe('2026-08-28');
    expect(precheckDeadline(115, 2)).toBe('2027-02-28');
  });

  const line = (code: string, name: string, credits: string): ApprovedPlanLine => ({ planYear: 115, courseType: '', code, subjectName: name, credits, offeringModes: '------', attributes: '' });
  const CHINESE = '115123456E22L0101010101';
  const MATH = '115123456E22L0101010201';
  const PROJECT = '115123456E22L0102010601'; // 校訂必修
  const GROUP_B = '115123456E22L01B5010701'; // 多元選修 of 班群 B
  const SPLIT = '115123456E22L0102010801'; // 校訂必修 split-offered

  it('finds each kind of difference, and nothing where offerings match the plan', () => {
    const plans = new Map([[115, [line(CHINESE, '國語文', '440000'), line(MATH, '數學', '440000'), line(PROJECT, '專題實作', '200000'), line(GROUP_B, '程式設計', '200000'), line(SPLIT, '探究', 'B00000')]]]);
    const offering = (courseId: string, code: string, subjectName: string, credits: number) => ({ courseId, code, subjectName, gradeLevel: 1, credits, className: '101' });
    const students = [{ studentId: 's1', studentNo: '1', name: '甲', className: '101', grade: 1 }, { studentId: 's2', studentNo: '2', name: '乙', className: '101', grade: 1 }];
    const result = precheckDifferences({
      academicYear: 115, semester: 1, students, plans, classGroups: new Map([['101', 'A']]),
      offerings: [offering('c1', CHINESE, '國語文', 4), offering('c2', MATH, '數學Ａ', 3), offering('c3', '115123456E22L0109010901', '其他', 2), offering('c4', GROUP_B, '程式設計', 2), offering('c5', PROJECT, '專題實作', 2)],
      enrolments: new Map([['c1', new Set(['s1', 's2'])], ['c2', new Set(['s1', 's2'])], ['c5', new Set(['s1'])]]),
    });
    expect(result.map((d) => [d.kind, d.code, d.expected, d.found, d.fixer, d.studentNo])).toEqual([
      ['credits', MATH, '4', '3', 'curriculum', null],
      ['subject-name', MATH, '數學', '數學Ａ', 'curriculum', null],
      ['unknown-code', '115123456E22L0109010901', '', '115123456E22L0109010901', 'curriculum', null],
      ['class-group', GROUP_B, 'A', 'B', 'curriculum', null],
      ['class-group', '', 'B', 'A', 'curriculum', null],
      ['required-missing', PROJECT, PROJECT, '', 'registry', '2'],
    ]);
  });

  it('reports a cohort without a plan once per class', () => {
    const offering = { courseId: 'c', code: CHINESE, subjectName: '國語文', gradeLevel: 2, credits: 4, className: '201' };
    const result = precheckDifferences({ academicYear: 115, semester: 1, students: [], plans: new Map(), classGroups: new Map(), enrolments: new Map(), offerings: [offering, { ...offering, courseId: 'd' }] });
    expect(result).toEqual([expect.objectContaining({ kind: 'plan-missing', expected: '114', className: '201' })]);
  });
});

describe('a class group the plan does not know', () => {
  it('is a class-group difference naming the plan’s groups', () => {
    const line = (code: string): ApprovedPlanLine => ({ planYear: 115, courseType: '', code, subjectName: '程式設計', credits: '200000', offeringModes: '', attributes: '' });
    const plans = new Map([[115, [line('115123456E22L01B5010701'), line('115123456E22L01C5010801')]]]);
    const offerings = [{ courseId: 'c', code: '115123456E22L0101010101', subjectName: '國語文', gradeLevel: 1, credits: 4, className: '101' }];
    const result = precheckDifferences({ academicYear: 115, semester: 1, students: [], plans, offerings, enrolments: new Map(), classGroups: new Map([['101', 'A']]) });
    expect(result.filter((d) => d.kind === 'class-group')).toEqual([expect.objectContaining({ className: '101', code: '', expected: 'B、C', found: 'A' })]);
    const known = precheckDifferences({ academicYear: 115, semester: 1, students: [], plans, offerings, enrolments: new Map(), classGroups: new Map([['101', 'B']]) });
    expect(known.filter((d) => d.kind === 'class-group')).toEqual([]);
  });
});
