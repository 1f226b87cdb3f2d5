import { z } from 'zod';
import { isCourseCode, parseCourseCode } from './course-code.ts';
import { formatMessage, type MessageParams } from './errors.ts';
import { cellText, choiceField, courseCodeField, dateField, integerField, optionalTextField, textField } from './import-cells.ts';
import { CREDIT_COUNTED, gradeCodeProblem, isRosterScore, transferIdentityOf, type CreditCounted, type GradeTake, type PassFlag, type RepeatMark, type TransferIdentity } from './grade-codes.ts';
import { statusChangeKindOf, type StatusChangeKind } from './student-status.ts';
import type { Semester } from './calendar.ts';

/**
 * Row schemas of the registry's grade, status-change and term-placement imports. Cells read
 * as in import-schemas; the grade rules of ROSTERS §4 are checked per row (gradeRowProblems).
 */

function custom(ctx: z.RefinementCtx, code: string, params: MessageParams, path?: string) {
  ctx.addIssue({ code: 'custom', message: formatMessage(code, params, 'zh-TW'), params: { code, ...params }, ...(path ? { path: [path] } : {}) });
}

/** A roster score: 0–100 (two decimals at most) or -1 for none; `fallback` when blank. */
function scoreField(column: string, fallback: number | null) {
  return z.unknown().optional().transform((raw, ctx): number => {
    const text = cellText(raw).normalize('NFKC');
    if (text === '') {
      if (fallback !== null) return fallback;
      custom(ctx, 'import-value-required', { column });
      return z.NEVER;
    }
    const n = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    if (!isRosterScore(n)) {
      custom(ctx, 'import-decimal-invalid', { column, value: text, min: -1, max: 100 });
      return z.NEVER;
    }
    return n;
  });
}

function codeField<T extends number>(column: string, codes: readonly T[], fallback: T | null) {
  return z.unknown().optional().transform((raw, ctx): T => {
    const text = cellText(raw).normalize('NFKC');
    if (text === '' && fallback !== null) return fallback;
    const found = codes.find((c) => String(c) === text);
    if (found === undefined) {
      custom(ctx, text === '' ? 'import-value-required' : 'import-code-invalid', { column, value: text, codes: codes.join('/') });
      return z.NEVER;
    }
    return found;
  });
}

const passFlag = (column: string) => codeField<PassFlag>(column, [1, 0, -1], -1);
const optionalYear = (column: string) => integerField(column, { min: 0, max: 199, strip: /學年度?$/, fallback: 0 });
const optionalSemester = (column: string) => integerField(column, { min: 0, max: 2, strip: /學期$/, words: { 一: 1, 二: 2, 上: 1, 下: 2 }, fallback: 0 });
const academicYear = integerField('學年度', { min: 100, max: 199, strip: /學年度?$/ });
const semester = integerField('學期', { min: 1, max: 2, strip: /學期$/, words: { 一: 1, 二: 2, 上: 1, 下: 2 } }).transform((n) => n as Semester);

const take = choiceField<GradeTake>(
  'import-code-invalid',
  {
    學期成績: 'term', 學期: 'term', term: 'term',
    補修成績: 'make-up', 補修: 'make-up', 'make-up': 'make-up',
    重修成績: 'retake', 重修: 'retake', retake: 'retake',
    重讀成績: 'repeat-year', 重讀: 'repeat-year', 'repeat-year': 'repeat-year',
    轉學轉科成績: 'transfer', 轉學轉科: 'transfer', transfer: 'transfer',
    借讀成績: 'borrowed', 借讀: 'borrowed', borrowed: 'borrowed',
    進修部學期成績: 'night', 進修部: 'night', night: 'night',
  },
  'term',
);

const gradeObject = z.object({
  studentNo: textField('學號'),
  academicYear,
  semester,
  take,
  code: courseCodeField('課程代碼'),
  score: scoreField('學期學業成績', null),
  passed: passFlag('成績及格'),
  makeUpScore: scoreField('補考成績', -1),
  makeUpPassed: passFlag('補考及格'),
  creditCounted: codeField<CreditCounted>('是否採計學分', CREDIT_COUNTED, null),
  description: optionalTextField('質性文字描述', ''),
  dueYear: optionalYear('應修課學年度'),
  dueSemester: optionalSemester('應修課學期'),
  method: optionalTextField('補修/重修方式', ''),
  originalYear: optionalYear('原修課學年度'),
  originalSemester: optionalSemester('原修課學期'),
  repeatMark: codeField<RepeatMark | 0>('重讀註記', [1, 2], 0),
  retakeScore: scoreField('再次修習成績', -1),
  retakePassed: passFlag('再次修習成績及格'),
  statusCode: optionalTextField('學籍異動代碼', ''),
  mappedYear: optionalYear('對應學年度'),
  mappedSemester: optionalSemester('對應學期'),
  originalSchool: optionalTextField('原修課學校代碼', ''),
  borrowSchool: optionalTextField('借讀學校代碼', ''),
  borrowCode: optionalTextField('借讀代碼', ''),
  periods: integerField('修課節數', { min: 0, max: 40, fallback: 0 }),
  yearScore: scoreField('學年學業成績', -1),
  yearPassed: passFlag('學年及格'),
  firstMakeUpScore: scoreField('第一次補考成績', -1),
  firstMakeUpPassed: passFlag('第一次及格'),
  secondMakeUpScore: scoreField('第二次補考成績', -1),
  secondMakeUpPassed: passFlag('第二次及格'),
});

export type GradeRowInput = z.output<typeof gradeObject>;
export type GradeRow = GradeRowInput & { transferIdentity: TransferIdentity | null };

/** A problem of one grade row: the key of the column it is reported on, a catalogue code and its params. */
export interface GradeRowProblem {
  key: keyof GradeRowInput;
  code: string;
  params: MessageParams;
}

/**
 * The rules across a grade row's columns: the course-code rules of ROSTERS §4 (rows of
 * 課程類別 8/9 kept out unless 科目屬性 D; 9 + D counted as 3), and the context each kind of
 * taking needs (補修: 應修課學年度/學期; 重修: 原修課學年度/學期; 重讀: 重讀註記, with 再次修習成績
 * when 2; 轉學轉科: 學籍異動代碼 that gives a 身分別, 對應學年度/學期, 原修課學校代碼; 借讀: 借讀學校代碼;
 * 進修部: 修課節數).
 */
export function gradeRowProblems(row: GradeRowInput): GradeRowProblem[] {
  const problems: GradeRowProblem[] = [];
  const need = (key: keyof GradeRowInput, column: string, missing: boolean) => {
    if (missing) problems.push({ key, code: 'grade-context-required', params: { column, take: row.take } });
  };
  const code = isCourseCode(row.code) ? parseCourseCode(row.code) : null;
  const codeProblem = code ? gradeCodeProblem(code, row.creditCounted) : null;
  if (codeProblem === 'grade-kept-out') problems.push({ key: 'code', code: codeProblem, params: { course: row.code } });
  if (codeProblem === 'grade-credit-9d') problems.push({ key: 'creditCounted', code: codeProblem, params: { course: row.code, value: row.creditCounted } });
  switch (row.take) {
    case 'make-up':
      need('dueYear', '應修課學年度', row.dueYear === 0);
      need('dueSemester', '應修課學期', row.dueSemester === 0);
      break;
    case 'retake':
      need('originalYear', '原修課學年度', row.originalYear === 0);
      need('originalSemester', '原修課學期', row.originalSemester === 0);
      break;
    case 'repeat-year':
      need('repeatMark', '重讀註記', row.repeatMark === 0);
      need('retakeScore', '再次修習成績', row.repeatMark === 2 && row.retakeScore === -1);
      break;
    case 'transfer':
      need('statusCode', '學籍異動代碼', row.statusCode === '');
      if (row.statusCode !== '' && transferIdentityOf(row.statusCode) === null) {
        problems.push({ key: 'statusCode', code: 'grade-status-code-unknown', params: { value: row.statusCode } });
      }
      need('mappedYear', '對應學年度', row.mappedYear === 0);
      need('mappedSemester', '對應學期', row.mappedSemester === 0);
      need('originalSchool', '原修課學校代碼', row.originalSchool === '');
      break;
    case 'borrowed':
      need('borrowSchool', '借讀學校代碼', row.borrowSchool === '');
      break;
    case 'night':
      need('periods', '修課節數', row.periods === 0);
      break;
    case 'term':
      break;
  }
  return problems;
}

export const gradeRowSchema = gradeObject
  .superRefine((row, ctx) => {
    for (const p of gradeRowProblems(row)) custom(ctx, p.code, p.params, p.key);
  })
  .transform((row): GradeRow => ({ ...row, transferIdentity: row.take === 'transfer' ? transferIdentityOf(row.statusCode) : null }));

/** 學籍異動 — one dated change of a student's status, from the admin system's export. */
export const statusChangeRowSchema = z.object({
  studentNo: textField('學號'),
  date: dateField('異動日期'),
  kind: z.unknown().optional().transform((raw, ctx): StatusChangeKind => {
    const text = cellText(raw);
    const kind = statusChangeKindOf(text);
    if (kind === null) {
      custom(ctx, text === '' ? 'import-value-required' : 'import-code-invalid', { column: '異動類別', value: text, codes: '轉入/轉出/休學/復學/重讀/畢業/借讀' });
      return z.NEVER;
    }
    return kind;
  }),
  statusCode: z.unknown().optional().transform((raw, ctx): string => {
    const text = cellText(raw).normalize('NFKC');
    if (/^\d{3}$/.test(text)) return text;
    custom(ctx, text === '' ? 'import-value-required' : 'import-code-invalid', { column: '學籍異動代碼', value: text, codes: '3 位數字' });
    return z.NEVER;
  }),
  note: optionalTextField('備註', ''),
});
export type StatusChangeRow = z.output<typeof statusChangeRowSchema>;

/** 學期編班 — where a student sat in one term: division, class and seat. */
export const placementRowSchema = z.object({
  studentNo: textField('學號'),
  academicYear,
  semester,
  division: choiceField<'day' | 'night'>('import-division-invalid', { 日間部: 'day', 日間: 'day', 日: 'day', day: 'day', 進修部: 'night', 夜間部: 'night', 進修: 'night', night: 'night' }, 'day'),
  className: textField('班級'),
  seatNo: integerField('座號', { min: 1, max: 99 }),
});
export type PlacementRow = z.output<typeof placementRowSchema>;
