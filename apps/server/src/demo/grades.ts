import { academicTermOf, taipeiDate, withCheckDigit, type AcademicTerm, type ImportKind } from '@licheng/core';
import registryOffice, { importRoster } from '@licheng/plugin-registry/server';
import { upsertCourses, upsertStudents, type AuthedContext, type LichengApp } from '@licheng/server';

/**
 * The registry's course records in the demo: a night-division class (901, 進修部) of two
 * students, this term's grades of 101, 102 and 901 in 國語文 and 數學 with a make-up, a retake,
 * a repeat-year, a transfer-in and a borrowed-study row, the term's placements, two status
 * changes, the borrowed-study student's 借讀 columns of the 學生名冊 and one open appeal.
 * Everything goes through the registry's own import and procedures, as an office would do it.
 */

const csv = (rows: Array<Array<string | number>>) => new TextEncoder().encode(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);

function previousTerm(term: AcademicTerm): AcademicTerm {
  return term.semester === 2 ? { academicYear: term.academicYear, semester: 1 } : { academicYear: term.academicYear - 1, semester: 2 };
}

async function importCsv(ctx: AuthedContext, kind: ImportKind, rows: Array<Array<string | number>>): Promise<void> {
  const result = await importRoster(ctx, kind, csv(rows), `${kind}.csv`);
  if (!result.ok) throw new Error(`demo ${kind} import refused: ${result.issues.map((i) => `${i.row} ${i.message}`).join('; ')}`);
}

/** The night-division class 901 and its 國語文 and 數學 offerings. */
async function seedNightClass(ctx: AuthedContext, term: AcademicTerm, codes: { chinese: string; math: string }): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await upsertStudents(trx, ctx.config.code, [1, 2].map((seat) => ({
      studentNo: `11490${seat}`,
      name: seat === 1 ? '吳承翰' : '蔡佳蓉',
      nationalId: withCheckDigit(`${seat === 1 ? 'A1' : 'B2'}${String(7654320 + seat)}`),
      birthDate: '2008-09-0' + seat,
      grade: 1,
      className: '901',
      seatNo: seat,
      division: 'night' as const,
      departmentCode: null,
      hostUserId: `demo-s-901-${seat}`,
    })), now);
    await upsertCourses(trx, ctx.config.code, [
      { academicYear: term.academicYear, semester: term.semester, code: codes.chinese, subjectName: '國語文', gradeLevel: 1, credits: 4, className: '901', teacherNos: ['T01'] },
      { academicYear: term.academicYear, semester: term.semester, code: codes.math, subjectName: '數學', gradeLevel: 1, credits: 4, className: '901', teacherNos: ['T02'] },
    ], now);
  });
}

/**
 * The 學生名冊 row of the borrowed-study student again, with the 借讀學校代碼 and 借讀代碼 of
 * their 借讀成績 row (學生借讀資料). 群別 and 借讀科班學程別 stay empty: no source gives values of
 * their shape, so the student's 學生借讀資料 row, once a 借讀 change is recorded, names them on (缺).
 */
async function seedBorrowColumns(ctx: AuthedContext, studentNo: string, borrow: { school: string; code: string }): Promise<void> {
  const s = await ctx.db
    .selectFrom('students')
    .select(['student_no', 'name', 'national_id', 'birth_date', 'grade', 'class_name', 'seat_no', 'division', 'department_code', 'host_user_id'])
    .where('school_code', '=', ctx.config.code)
    .where('student_no', '=', studentNo)
    .executeTakeFirstOrThrow();
  await importCsv(ctx, 'students', [
    ['學號', '姓名', '身分證號', '出生日期', '年級', '班級', '座號', '部別', '科別代碼', '系統帳號', '借讀學校代碼', '借讀代碼'],
    [s.student_no, s.name, s.national_id, s.birth_date, s.grade, s.class_name, s.seat_no, s.division === 'night' ? '進修部' : '日間部', s.department_code ?? '', s.host_user_id, borrow.school, borrow.code],
  ]);
}

export async function seedDemoGrades(app: LichengApp): Promise<void> {
  if (!app.plugins.some((p) => p.id === 'registry')) return;
  const school = app.config.code;
  const registry = await app.actAs({ userId: 'demo-registry', name: '註冊組 林組長', school, roles: ['registry-staff'] });
  const term = academicTermOf(taipeiDate(registry.now()));
  const before = previousTerm(term);
  const courses = await registry.db.selectFrom('courses').select(['code', 'subject_name']).where('school_code', '=', school).where('class_name', '=', '101').execute();
  const codeOf = (name: string) => courses.find((c) => c.subject_name === name)!.code;
  const codes = { chinese: codeOf('國語文'), math: codeOf('數學'), physics: codeOf('物理') };
  await seedNightClass(registry, term, codes);

  const students = await registry.db.selectFrom('students').select(['student_no', 'class_name', 'seat_no', 'division']).where('school_code', '=', school).orderBy('class_name').orderBy('seat_no').execute();
  const { academicYear: y, semester: s } = term;
  const header = ['學號', '學年度', '學期', '成績類別', '課程代碼', '學期學業成績', '成績及格', '補考成績', '補考及格', '是否採計學分', '應修課學年度', '應修課學期', '補修方式', '原修課學年度', '原修課學期', '重讀註記', '再次修習成績', '學籍異動代碼', '對應學年度', '對應學期', '原修課學校代碼', '借讀學校代碼', '借讀代碼', '修課節數', '學年學業成績'];
  const row = (v: Record<string, string | number>) => header.map((h) => v[h] ?? '');
  const grades: Array<Array<string | number>> = [header];
  for (const st of students.filter((x) => x.class_name !== '201')) {
    for (const [name, code] of [['國語文', codes.chinese], ['數學', codes.math]] as const) {
      const score = 55 + ((st.seat_no * 7 + name.length * 3) % 40);
      const base = { 學號: st.student_no, 學年度: y, 學期: s, 課程代碼: code, 學期學業成績: score, 成績及格: score >= 60 ? 1 : 0, 是否採計學分: 1 };
      grades.push(row(st.division === 'night' ? { ...base, 成績類別: '進修部學期成績', 修課節數: 4, 學年學業成績: -1 } : base));
    }
  }
  const no = (className: string, seat: number) => students.find((x) => x.class_name === className && x.seat_no === seat)!.student_no;
  grades.push(
    row({ 學號: no('101', 2), 學年度: y, 學期: s, 成績類別: '補修成績', 課程代碼: codes.physics, 學期學業成績: 68, 成績及格: 1, 是否採計學分: 1, 應修課學年度: before.academicYear, 應修課學期: before.semester, 補修方式: 3 }),
    row({ 學號: no('101', 3), 學年度: y, 學期: s, 成績類別: '重修成績', 課程代碼: codes.math, 學期學業成績: 61, 成績及格: 1, 是否採計學分: 1, 原修課學年度: before.academicYear, 原修課學期: before.semester, 補修方式: 3 }),
    row({ 學號: no('201', 1), 學年度: y, 學期: s, 成績類別: '重讀成績', 課程代碼: codes.chinese, 學期學業成績: 72, 成績及格: 1, 是否採計學分: 1, 重讀註記: 2, 再次修習成績: 72 }),
    row({ 學號: no('102', 8), 學年度: y, 學期: s, 成績類別: '轉學轉科成績', 課程代碼: codes.chinese, 學期學業成績: 80, 成績及格: 1, 是否採計學分: 1, 學籍異動代碼: '111', 對應學年度: before.academicYear, 對應學期: before.semester, 原修課學校代碼: '013301' }),
    row({ 學號: no('201', 2), 學年度: y, 學期: s, 成績類別: '借讀成績', 課程代碼: codes.physics, 學期學業成績: 84, 成績及格: 1, 是否採計學分: 1, 借讀學校代碼: '013402', 借讀代碼: 'B1' }),
  );
  await importCsv(registry, 'placements', [['學號', '學年度', '學期', '部別', '班級', '座號'], ...students.map((st) => [st.student_no, y, s, st.division === 'night' ? '進修部' : '日間部', st.class_name, st.seat_no])]);
  await importCsv(registry, 'grades', grades);
  await seedBorrowColumns(registry, no('201', 2), { school: '013402', code: 'B1' });

  // 102 seat 8 came from another school this term (the transfer row above); 201 seat 8 is on leave.
  const today = taipeiDate(registry.now());
  await importCsv(registry, 'status-changes', [
    ['學號', '異動日期', '異動類別', '學籍異動代碼', '備註'],
    [no('102', 8), today, '轉入', '111', '自他校轉入'],
    [no('201', 8), today, '休學', '411', '因病休學'],
  ]);

  // One open appeal: 101 seat 1 thinks their 國語文 score was entered wrongly.
  const student = await app.actAs({ userId: 'demo-s-101-1', name: '學生', school, roles: ['student'] });
  const caller = registryOffice.router.createCaller(student);
  const mine = await caller.grades.mine();
  const grade = mine.grades.find((g) => g.courseCode === codes.chinese && g.take === 'term');
  if (grade && mine.window.state === 'open') await caller.appeals.raise({ gradeId: grade.id, text: '期末考卷分數為 78 分，系統顯示的學期成績似乎少算了' });
}
