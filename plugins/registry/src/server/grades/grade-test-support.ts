import { seedRoster, users, type TestLicheng, type TestUser } from '@licheng/server/testing';
import { codes, csvBytes, fileOf, importForm, type Rows } from '../test-support.ts';

/** Course codes of the test school (123456) by 課程類別 (char 17) and 科目屬性 (char 19). */
export const gradeCodes = {
  chinese: codes.chinese,
  physics: '108123456E22L0104010005',
  nineD: '108123456E22L0109' + '0D' + '0005',
  groupActivity: '108123456E22L0108' + '01' + '0005',
};

export const registryUser = users.registry as TestUser;
export const chenUser = users.chen as TestUser;
export const linUser = users.lin as TestUser;

export const gradeHeader = ['學號', '學年度', '學期', '成績類別', '課程代碼', '學期學業成績', '成績及格', '補考成績', '補考及格', '是否採計學分', '應修課學年度', '應修課學期', '補修方式', '原修課學年度', '原修課學期', '重讀註記', '再次修習成績', '學籍異動代碼', '對應學年度', '對應學期', '原修課學校代碼', '借讀學校代碼', '借讀代碼', '修課節數', '學年學業成績'];

/** A grade row: the header's columns, blanks unless given. */
export function gradeRow(values: Record<string, string | number>): Array<string | number> {
  return gradeHeader.map((h) => values[h] ?? '');
}

/** The usual term: 114-1 chinese and physics for S001–S003, with a make-up, a retake, a repeat-year, a transfer, a borrowed and a night row. */
export const termGrades: Rows = [
  gradeHeader,
  gradeRow({ 學號: 'S001', 學年度: 114, 學期: 1, 課程代碼: gradeCodes.chinese, 學期學業成績: 82, 成績及格: 1, 是否採計學分: 1 }),
  gradeRow({ 學號: 'S002', 學年度: 114, 學期: 1, 課程代碼: gradeCodes.chinese, 學期學業成績: 58, 成績及格: 0, 補考成績: 61, 補考及格: 1, 是否採計學分: 1 }),
  gradeRow({ 學號: 'S003', 學年度: 114, 學期: 1, 課程代碼: gradeCodes.chinese, 學期學業成績: 58, 成績及格: 0, 是否採計學分: 1 }),
  gradeRow({ 學號: 'S001', 學年度: 114, 學期: 1, 成績類別: '補修成績', 課程代碼: gradeCodes.physics, 學期學業成績: 70, 成績及格: 1, 是否採計學分: 1, 應修課學年度: 113, 應修課學期: 2, 補修方式: 3 }),
  gradeRow({ 學號: 'S002', 學年度: 114, 學期: 1, 成績類別: '重修成績', 課程代碼: gradeCodes.physics, 學期學業成績: 64, 成績及格: 1, 是否採計學分: 1, 原修課學年度: 113, 原修課學期: 1, 補修方式: 3 }),
  gradeRow({ 學號: 'S003', 學年度: 114, 學期: 1, 成績類別: '重讀成績', 課程代碼: gradeCodes.physics, 學期學業成績: 66, 成績及格: 1, 是否採計學分: 1, 重讀註記: 2, 再次修習成績: 66 }),
  gradeRow({ 學號: 'S003', 學年度: 114, 學期: 1, 成績類別: '轉學轉科成績', 課程代碼: gradeCodes.chinese, 學期學業成績: 75, 成績及格: 1, 是否採計學分: 1, 學籍異動代碼: '111', 對應學年度: 113, 對應學期: 2, 原修課學校代碼: '011301' }),
  gradeRow({ 學號: 'S002', 學年度: 114, 學期: 1, 成績類別: '借讀成績', 課程代碼: gradeCodes.physics, 學期學業成績: 80, 成績及格: 1, 是否採計學分: 1, 借讀學校代碼: '013402', 借讀代碼: 'B1' }),
  gradeRow({ 學號: 'S001', 學年度: 114, 學期: 1, 成績類別: '進修部學期成績', 課程代碼: gradeCodes.chinese, 學期學業成績: 77, 成績及格: 1, 是否採計學分: 1, 修課節數: 4, 學年學業成績: 76 }),
  gradeRow({ 學號: 'S001', 學年度: 114, 學期: 1, 課程代碼: gradeCodes.nineD, 學期學業成績: 90, 成績及格: 1, 是否採計學分: 3 }),
];

/** The test roster plus offerings of the 9 + D and 團體活動時間 codes. */
export async function seedGradeRoster(t: TestLicheng): Promise<void> {
  await seedRoster(t);
  const db = t.db.kysely as any;
  const now = new Date().toISOString();
  for (const [code, name] of [[gradeCodes.nineD, '自主學習'], [gradeCodes.groupActivity, '班級活動']] as const) {
    await db.insertInto('courses').values({ id: `c-${code}`, school_code: t.config.code, academic_year: 114, semester: 1, code, subject_name: name, grade_level: 1, credits: 0, class_name: '', created_at: now, updated_at: now }).execute();
  }
}

export function importGrades(t: TestLicheng, rows: Rows, extra: Record<string, string> = {}, kind = 'grades', user: TestUser = registryUser) {
  return t.upload('registry.imports.run', importForm(kind, fileOf(csvBytes(rows), `${kind}.csv`), extra), user);
}
