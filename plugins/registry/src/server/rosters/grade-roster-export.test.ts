import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, setTestSchedule, testRoster, users, type TestLicheng } from '@licheng/server/testing';
import registry from '../index.ts';
import { seedGradeRoster } from '../grades/grade-test-support.ts';
import { ROSTER_WINDOWS } from '../test-support.ts';
import { CODES, COVER, seedGrades, sheets, workbookAt } from './grade-roster-test-support.ts';

const { chinese: C, physics: P, nineD: N, groupActivity: G } = CODES;
const [chen, lin, chang] = testRoster.students.map((s) => s.nationalId);
const NUMBERS = { grades: { regular: 21 }, 'retake-repeat': { regular: 22 }, 'night-grades': { regular: 23 } };

const TERM = ['身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '修課學分', '學期學業成績', '成績及格', '補考成績', '補考及格', '是否採計學分', '質性文字描述'];
const MAKE_UP = ['身分證號', '出生日期', '應修課學年度', '應修課學期', '課程代碼', '科目名稱', '開課年級', '修課學分', '補修成績', '補修及格', '補考成績', '補考及格', '補修方式', '是否採計學分', '質性文字描述'];
const TRANSFER = ['身分證號', '出生日期', '對應學年度', '對應學期', '課程代碼', '科目名稱', '對應年級', '修課學分', '身分別', '抵免後成績', '成績及格', '是否採計學分', '質性文字描述'];
const RETAKE = ['身分證號', '出生日期', '原修課學年度', '原修課學期', '原修課課程代碼', '原修課科目名稱', '原修課開課年級', '原修課修課學分', '重修方式', '重修成績', '重修及格', '質性文字描述'];
const REPEAT_2025 = ['身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '修課學分', '再次修習成績', '再次修習成績及格', '補考成績', '補考及格', '重讀成績', '成績及格', '重讀註記', '是否採計學分', '質性文字描述'];
const REPEAT_108 = REPEAT_2025.filter((c) => !c.startsWith('再次修習'));
const NIGHT_TERM = ['身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '修課節數', '學期學業成績', '成績及格', '學年學業成績', '學年及格', '是否採計學時', '質性文字描述'];
const NIGHT_MAKE_UP = ['身分證號', '出生日期', '課程代碼', '科目名稱', '開課年級', '第一學期開設修課節數', '第二學期開設修課節數', '第一次補考成績', '第一次及格', '第二次補考成績', '第二次及格'];
const NIGHT_TRANSFER = ['身分證號', '出生日期', '對應學年度', '對應學期', '課程代碼', '科目名稱', '對應年級', '修課節數', '身分別', '抵免後成績', '成績及格', '是否採計學時', '質性文字描述'];

/**
 * The grade rosters (ROSTERS §3–§4): 學生成績名冊, 學生重修重讀成績名冊 and 進修部(學校)學生成績名冊,
 * built from the registry's grades of the term; S001, S002 day, S003 進修部.
 */
describe.each(testDialects())('grade rosters on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());
  const db = () => t.db.kysely as any;

  async function start(rosters: Record<string, unknown> = { numbers: NUMBERS }) {
    t = await createTestLicheng({ dialect, plugins: [registry], config: { rosters } });
    await setTestSchedule(t, ROSTER_WINDOWS);
    await seedGradeRoster(t);
    await db().updateTable('students').set({ division: 'night' }).where('student_no', '=', 'S003').execute();
    await seedGrades(t, [
      { student: 'S001', code: C, take: 'term', score: '82', makeUpScore: '', description: '表現優良' },
      { student: 'S001', code: P, take: 'make-up', score: '70', context: { dueYear: 113, dueSemester: 2, method: '3' } },
      { student: 'S001', code: C, take: 'transfer', score: '75', context: { statusCode: '222', mappedYear: 113, mappedSemester: 2, originalSchool: '011301' } },
      { student: 'S001', code: G, take: 'term', score: '90' },
      { student: 'S001', code: N, take: 'term', score: '90', creditCounted: 1 },
      { student: 'S001', code: P, take: 'term', semester: 2, score: '99' },
      { student: 'S002', code: C, take: 'term', score: '58', passed: 0, makeUpScore: '61', makeUpPassed: 1 },
      { student: 'S002', code: P, take: 'make-up', context: { dueYear: 113, dueSemester: 1, method: '1' } },
      { student: 'S002', code: P, take: 'retake', score: '64', context: { originalYear: 113, originalSemester: 1, method: '3' } },
      { student: 'S002', code: C, take: 'repeat-year', score: '70', context: { repeatMark: 2, retakeScore: 66, retakePassed: 1 } },
      { student: 'S002', code: P, take: 'borrowed', context: { borrowSchool: '013402', borrowCode: 'B1' } },
      { student: 'S003', code: C, take: 'night', score: '77', context: { periods: 4, yearScore: 76, yearPassed: 1, firstMakeUpScore: 62, firstMakeUpPassed: 1, secondMakeUpScore: -1, secondMakeUpPassed: -1 } },
      { student: 'S003', code: C, take: 'night', semester: 2, context: { periods: 3 } },
      { student: 'S003', code: P, take: 'term' },
      { student: 'S003', code: P, take: 'transfer', context: { statusCode: '111', mappedYear: 113, mappedSemester: 2, originalSchool: '011301', periods: 2 } },
      { student: 'S003', code: C, take: 'retake', context: { originalYear: 113, originalSemester: 2, method: '3' } },
    ]);
  }
  const exportOf = (roster: string) => t.mutate('registry.rosters.export', { academicYear: 114, semester: 1, roster }, users.registry);

  it('builds 學生成績名冊: cover with the school’s number, 學期/補修/轉學轉科 sheets with the §4 codes, 8/9 left out and counted', async () => {
    await start();
    const res = await exportOf('grades');
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({
      kind: 21,
      fileName: '21_學生成績_123456_114_1.xlsx',
      rowCount: 5,
      notes: [{ code: 'activity-time-excluded', count: 1, text: '已排除 1 筆團體活動時間／彈性學習時間（課程類別 8、9，科目屬性非 D）的資料：不列入成績名冊' }],
      review: { fileName: '21_學生成績_123456_114_1_待處理(缺).xlsx', rowCount: 2 },
    });
    expect(res.data.problems).toEqual([
      { code: 'no-sheet', sheet: '學期成績', studentId: expect.any(String), recordId: expect.any(String), office: 'registry-staff', reason: '此名冊沒有這類修課方式的工作表（借讀成績）' },
      { code: 'method-unknown', sheet: '補修成績', studentId: expect.any(String), recordId: expect.any(String), office: 'registry-staff', reason: '補修方式／重修方式只知道 3（專班辦理），此值不明：「1」' },
    ]);
    const workbook = await workbookAt(t, res.data.downloadUrl);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['封面', '學期成績', '補修成績', '轉學轉科成績']);
    expect(sheets(workbook)).toEqual({
      封面: [COVER, ['123456', 114, 1, 21]],
      學期成績: [
        TERM,
        // A blank 補考成績 is -1 with its flag -1; 9 + D is always 是否採計學分 3.
        [chen, '0980301', C, '國語文', 1, 4, 82, 1, -1, -1, 1, '表現優良'],
        [chen, '0980301', N, '自主學習', 1, 0, 90, 1, -1, -1, 3, ''],
        [lin, '0980512', C, '國語文', 1, 4, 58, 0, 61, 1, 1, ''],
      ],
      補修成績: [MAKE_UP, [chen, '0980301', 113, 2, P, '物理', 1, 2, 70, 1, -1, -1, 3, 1, '']],
      // 身分別 2 from 學籍異動代碼 222.
      轉學轉科成績: [TRANSFER, [chen, '0980301', 113, 2, C, '國語文', 1, 4, 2, 75, 1, 1, '']],
    });
    const cells = JSON.stringify(sheets(workbook));
    expect(cells).not.toContain(G); // 團體活動時間 never submitted
    expect(cells).not.toContain(chang); // 進修部 student
    expect(cells).not.toContain('99'); // another semester

    expect(sheets(await workbookAt(t, res.data.review.downloadUrl))).toEqual({
      '學期成績(缺)': [[...TERM, '待處理原因'], [lin, '0980512', P, '物理', 1, 2, 80, 1, -1, -1, 1, '', '此名冊沒有這類修課方式的工作表（借讀成績）']],
      '補修成績(缺)': [[...MAKE_UP, '待處理原因'], [lin, '0980512', 113, 1, P, '物理', 1, 2, 80, 1, -1, -1, '', 1, '', '補修方式／重修方式只知道 3（專班辦理），此值不明：「1」']],
    });
    const audit = await db().selectFrom('audit_log').select(['action', 'after']).execute();
    expect(audit.map((a: any) => a.action)).toEqual(['roster.export.21']);
    expect(JSON.parse(audit[0].after)).toMatchObject({ kind: 21, rowCount: 5, layout: { roster: 'grades', version: 'v-2025' }, notes: [{ code: 'activity-time-excluded', count: 1 }] });
  });

  it('refuses a grade roster whose number the school has not set, storing nothing', async () => {
    await start({});
    const res = await exportOf('grades');
    expect(res.error?.licheng).toMatchObject({ code: 'roster-number-unset', params: { setting: 'rosters.numbers.grades.regular' } });
    expect(await db().selectFrom('stored_files').select('id').execute()).toEqual([]);
    expect((await exportOf('retake-repeat')).error?.licheng?.code).toBe('roster-number-unset');
    expect((await exportOf('night-grades')).error?.licheng?.code).toBe('roster-number-unset');
  });

  it('builds 學生重修重讀成績名冊 on the 2025 layout by default: 重修 on the original course, 重讀 with 再次修習 and 重讀註記', async () => {
    await start();
    const res = await exportOf('retake-repeat');
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ kind: 22, fileName: '22_重修重讀成績_123456_114_1.xlsx', rowCount: 2, review: null, problems: [] });
    expect(res.data.notes).toBeUndefined();
    expect(sheets(await workbookAt(t, res.data.downloadUrl))).toEqual({
      封面: [COVER, ['123456', 114, 1, 22]],
      重修成績: [RETAKE, [lin, '0980512', 113, 1, P, '物理', 1, 2, 3, 64, 1, '']],
      重讀成績: [REPEAT_2025, [lin, '0980512', C, '國語文', 1, 4, 66, 1, -1, -1, 70, 1, 2, 1, '']],
    });
  });

  it('honours the school’s chosen layout version: 108 重讀成績 without the 再次修習 columns', async () => {
    await start({ numbers: NUMBERS, layouts: { 'retake-repeat': 'd-108' } });
    const res = await exportOf('retake-repeat');
    expect(res.error).toBeNull();
    expect(sheets(await workbookAt(t, res.data.downloadUrl))).toEqual({
      封面: [COVER, ['123456', 114, 1, 22]],
      重修成績: [RETAKE, [lin, '0980512', 113, 1, P, '物理', 1, 2, 3, 64, 1, '']],
      重讀成績: [REPEAT_108, [lin, '0980512', C, '國語文', 1, 4, -1, -1, 70, 1, 2, 1, '']],
    });
    const audit = await db().selectFrom('audit_log').select('after').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after).layout).toEqual({ roster: 'retake-repeat', version: 'd-108' });
  });

  it('builds 進修部(學校)學生成績名冊 for 進修部 students only: 修課節數, 學年成績, 補考 with both semesters’ periods, 轉學轉科', async () => {
    await start();
    const res = await exportOf('night-grades');
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({ kind: 23, fileName: '23_進修部成績_123456_114_1.xlsx', rowCount: 3, review: { rowCount: 2 } });
    expect(sheets(await workbookAt(t, res.data.downloadUrl))).toEqual({
      封面: [COVER, ['123456', 114, 1, 23]],
      學期成績: [NIGHT_TERM, [chang, '0980730', C, '國語文', 1, 4, 77, 1, 76, 1, 1, '']],
      補考成績: [NIGHT_MAKE_UP, [chang, '0980730', C, '國語文', 1, 4, 3, 62, 1, -1, -1]],
      // 身分別 1 from 學籍異動代碼 111.
      轉學轉科成績: [NIGHT_TRANSFER, [chang, '0980730', 113, 2, P, '物理', 1, 2, 1, 80, 1, 1, '']],
    });
    expect(res.data.problems.map((p: any) => [p.code, p.sheet, p.reason])).toEqual([
      ['no-sheet', '學期成績', '此名冊沒有這類修課方式的工作表（重修成績）'],
      ['no-periods', '學期成績', '缺修課節數'],
    ]);
    const review = sheets(await workbookAt(t, res.data.review.downloadUrl));
    expect(review['學期成績(缺)']).toEqual([
      [...NIGHT_TERM, '待處理原因'],
      [chang, '0980730', C, '國語文', 1, '', '', '', '', '', 1, '', '此名冊沒有這類修課方式的工作表（重修成績）'],
      [chang, '0980730', P, '物理', 1, '', 80, 1, -1, -1, 1, '', '缺修課節數'],
    ]);
    // Day students are only in the day rosters.
    expect(JSON.stringify(review) + JSON.stringify(sheets(await workbookAt(t, res.data.downloadUrl)))).not.toMatch(new RegExp(`${chen}|${lin}`));
  });
});
