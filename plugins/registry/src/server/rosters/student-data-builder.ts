import { readStudentRosterFields, rocDateOf, ROSTER_BATCHES, sheetColumns, studentRosterFieldsOf, type StudentRosterFields, type StudentRosterSheet, type LayoutSheet, type RosterCell, type RosterLayout } from '@licheng/core';
import { studentsWhoLeft, type AuthedContext } from '@licheng/server';
import type { RosterAttachments } from './attachments.ts';
import { keepBack, type BuiltSheets, type RosterBuilder, type RosterProblem, type RosterRequest } from './builder.ts';
import { batchScope } from './batch-scope.ts';
import { gradeOfBatch } from './record-sources.ts';
import type { SheetRows } from './workbook.ts';

/**
 * 學生資料名冊 (學生資料, 學生借讀資料; its 名冊別 is the school's setting rosters.numbers
 * .student-data): the term's students from the students table, their term placement (學期編班)
 * and their status changes (學籍異動), with the columns the school imported with its 學生名冊
 * (students.roster_fields: thirteen of 學生資料 and 借讀學校代碼, 群別, 借讀科班學程別, 借讀代碼
 * of 學生借讀資料). Only columns the platform holds are filled; a code list no source gives
 * (性別代碼, 部別代碼, 學籍狀態 …) is never made up. A row with a column nothing fills is kept
 * back on the `(缺)` sheet naming those columns (docs/rosters.md).
 */

/** First and last day (ISO) of a term: semester 1 is August–January, semester 2 February–July. */
export function termRange(academicYear: number, semester: number): { start: string; end: string } {
  const year = academicYear + 1911;
  return semester === 1 ? { start: `${year}-08-01`, end: `${year + 1}-01-31` } : { start: `${year + 1}-02-01`, end: `${year + 1}-07-31` };
}

/** A row's values by column; a column absent from it has no data in the platform. */
type Values = Record<string, RosterCell>;

function placeRow(sheet: LayoutSheet, values: Values): { row: RosterCell[]; missing: string[] } {
  const columns = sheetColumns(sheet);
  return { row: columns.map((c) => values[c] ?? ''), missing: columns.filter((c) => !(c in values)) };
}

interface TermStudent {
  id: string;
  nationalId: string;
  birthDate: string;
  grade: number;
  className: string;
  seatNo: number;
  departmentCode: string | null;
  /** 學生資料名冊 columns the school imported. */
  rosterFields: StudentRosterFields;
  changes: Array<{ date: string; kind: string }>;
}

/** The term's students (not left by its first day), placed as the term's placement says, else as the student's row. */
async function termStudents(ctx: AuthedContext, request: RosterRequest, since: string | null = null): Promise<TermStudent[]> {
  const school = ctx.config.code;
  const grade = gradeOfBatch(request.batch);
  let query = ctx.db.selectFrom('students').select(['id', 'national_id', 'birth_date', 'grade', 'class_name', 'seat_no', 'department_code', 'roster_fields', 'student_no', 'updated_at']).where('school_code', '=', school);
  if (grade !== null) query = query.where('grade', '=', grade);
  const students = await query.orderBy('class_name').orderBy('seat_no').orderBy('student_no').execute();
  if (students.length === 0) return [];
  const ids = students.map((s) => s.id);
  const { start } = termRange(request.academicYear, request.semester);
  const left = await studentsWhoLeft(ctx.db, school, ids, start);
  const placements = await ctx.db
    .selectFrom('term_placements')
    .select(['student_id', 'class_name', 'seat_no'])
    .where('school_code', '=', school)
    .where('academic_year', '=', request.academicYear)
    .where('semester', '=', request.semester)
    .where('student_id', 'in', ids)
    .execute();
  const changes = await ctx.db.selectFrom('status_changes').select(['student_id', 'date', 'kind', 'created_at']).where('school_code', '=', school).where('student_id', 'in', ids).orderBy('date').orderBy('created_at').execute();
  // Each student's placement and status changes, found once (the changes stay in date order).
  const placementOf = new Map(placements.map((p) => [p.student_id, p]));
  const changesOf = new Map<string, typeof changes>();
  for (const c of changes) {
    const list = changesOf.get(c.student_id);
    if (list) list.push(c);
    else changesOf.set(c.student_id, [c]);
  }
  // The second batch of changes only: a student whose row or status changes changed after `since`.
  const changed = (id: string, updatedAt: string) => since === null || updatedAt > since || (changesOf.get(id) ?? []).some((c) => c.created_at > since);
  return students
    .filter((s) => !left.has(s.id) && changed(s.id, s.updated_at))
    .map((s) => {
      const placed = placementOf.get(s.id);
      return {
        id: s.id,
        nationalId: s.national_id,
        birthDate: s.birth_date,
        grade: Number(s.grade),
        className: placed?.class_name ?? s.class_name,
        seatNo: Number(placed?.seat_no ?? s.seat_no),
        departmentCode: s.department_code,
        rosterFields: readStudentRosterFields(s.roster_fields),
        changes: changesOf.get(s.id) ?? [],
      };
    });
}

/** The grades and classes of the term's students (as termStudents places them), read without their columns and changes. */
async function termClasses(ctx: AuthedContext, request: RosterRequest): Promise<Array<{ grade: number; className: string }>> {
  const school = ctx.config.code;
  const grade = gradeOfBatch(request.batch);
  let query = ctx.db.selectFrom('students').select(['id', 'grade', 'class_name']).where('school_code', '=', school);
  if (grade !== null) query = query.where('grade', '=', grade);
  const students = await query.execute();
  if (students.length === 0) return [];
  const left = await studentsWhoLeft(ctx.db, school, students.map((s) => s.id), termRange(request.academicYear, request.semester).start);
  const placed = new Map(
    (
      await ctx.db
        .selectFrom('term_placements')
        .select(['student_id', 'class_name'])
        .where('school_code', '=', school)
        .where('academic_year', '=', request.academicYear)
        .where('semester', '=', request.semester)
        .execute()
    ).map((p) => [p.student_id, p.class_name]),
  );
  const seen = new Map<string, { grade: number; className: string }>();
  for (const s of students) {
    if (left.has(s.id)) continue;
    const className = placed.get(s.id) ?? s.class_name;
    seen.set(`${s.grade}|${className}`, { grade: Number(s.grade), className });
  }
  return [...seen.values()];
}

/** The imported columns of `sheet` the student has a value of, by roster column. */
function importedValues(student: TermStudent, sheet: StudentRosterSheet): Values {
  const values: Values = {};
  for (const field of studentRosterFieldsOf(sheet)) {
    const value = student.rosterFields[field.key];
    if (value) values[field.column] = value;
  }
  return values;
}

/** 學生資料: what the students table, the placement and the status changes give. */
function studentValues(student: TermStudent, termEnd: string): Values {
  const values: Values = {
    身分證號: student.nationalId,
    年級: student.grade,
    班級名稱: student.className,
    座號: student.seatNo,
  };
  const birth = rocDateOf(student.birthDate, '');
  if (birth) values['出生日期'] = birth;
  if (student.departmentCode) values['科班學程別代碼'] = student.departmentCode;
  Object.assign(values, importedValues(student, '學生資料'));
  const last = student.changes.filter((c) => c.date.slice(0, 10) <= termEnd).at(-1);
  values['學籍異動日期'] = last ? (rocDateOf(last.date.slice(0, 10), '') ?? '') : '';
  return values;
}

/**
 * 學生借讀資料: a 借讀 change that stands in the term; its date starts it, the next change ends
 * it; 借讀學校代碼, 群別, 借讀科班學程別 and 借讀代碼 are the student's imported values (one set
 * per student: the 借讀 the latest 學生名冊 describes).
 */
function borrowValues(student: TermStudent, school: string, range: { start: string; end: string }): Values | null {
  const at = student.changes.findLastIndex((c) => c.kind === 'borrow' && c.date.slice(0, 10) <= range.end);
  if (at < 0) return null;
  const next = student.changes[at + 1];
  if (next && next.date.slice(0, 10) < range.start) return null;
  const values: Values = { 身分證號: student.nationalId, 所屬學校代碼: school, ...importedValues(student, '學生借讀資料') };
  const start = rocDateOf(student.changes[at]!.date.slice(0, 10), '');
  if (start) values['申請開始日期'] = start;
  if (next) values['申請結束日期'] = rocDateOf(next.date.slice(0, 10), '') ?? '';
  return values;
}

export async function buildStudentData(ctx: AuthedContext, layout: RosterLayout, request: RosterRequest, attachments: RosterAttachments): Promise<BuiltSheets> {
  const sheets = new Map<string, SheetRows>(layout.sheets.map((sheet) => [sheet.name, { sheet, extraColumns: attachments.columns(sheet), rows: [], refs: [] }]));
  const review = new Map<string, SheetRows>();
  const problems: RosterProblem[] = [];
  const range = termRange(request.academicYear, request.semester);
  let rowCount = 0;
  const place = (sheetName: string, student: TermStudent, values: Values) => {
    const part = sheets.get(sheetName);
    if (!part) return;
    const { row, missing } = placeRow(part.sheet, values);
    const ref = { studentId: student.id, recordId: null };
    if (missing.length === 0) {
      part.rows.push(row);
      part.refs.push(ref);
      rowCount++;
      return;
    }
    const reason = `平臺無此欄位資料：${missing.join('、')}`;
    keepBack(review, part.sheet, row, reason, ref);
    problems.push({ code: 'column-unfilled', sheet: sheetName, studentId: student.id, recordId: null, office: 'registry-staff', reason });
  };
  for (const student of await termStudents(ctx, request, (await batchScope(ctx, layout, request)).since)) {
    place('學生資料', student, studentValues(student, range.end));
    const borrow = borrowValues(student, ctx.config.code, range);
    if (borrow) place('學生借讀資料', student, borrow);
  }
  return { sheets: [...sheets.values()], review: [...review.values()], rowCount, reviewCount: problems.length, problems };
}

/** 學生資料名冊: a term roster of every batch; grade 12's batches carry grade-12 students only. */
export function studentDataBuilder(): RosterBuilder {
  return {
    roster: 'student-data',
    batches: ROSTER_BATCHES,
    audiences: termClasses,
    build: buildStudentData,
  };
}
