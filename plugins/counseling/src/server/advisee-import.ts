import { cellText, DomainError, formatMessage, type Cell, type MessageParams } from '@licheng/core';
import { readTableFile, tableTooLarge, type AuthedContext, type TableLimits } from '@licheng/server';
import { addAdvisees, assigningRole, studentsBy, teachersByNo } from './advisee-store.ts';

/** Counseling's advisee list: .xlsx or CSV (UTF-8 or Big5), columns 教師代號 and 學號 or 班級. */
export const ADVISEE_LIST_LIMITS: TableLimits = { maxBytes: 2 * 1024 * 1024, maxRows: 4999, headerRows: 1, maxColumns: 20 };
export const adviseeListTooLarge = () => tableTooLarge(ADVISEE_LIST_LIMITS);

export const ADVISEE_COLUMNS = ['教師代號', '學號', '班級'] as const;

export interface AdviseeImportIssue {
  /** The row as Excel shows it; null for the file as a whole. */
  row: number | null;
  column: string | null;
  code: string;
  params: MessageParams;
  /** zh-TW text. */
  message: string;
}

export interface AdviseeImportReport {
  committed: boolean;
  /** Data rows read. */
  rows: number;
  /** Links the list names (a class counts each of its students). */
  links: number;
  added: number;
  already: number;
  issues: AdviseeImportIssue[];
}

const issue = (row: number | null, column: string | null, code: string, params: MessageParams = {}): AdviseeImportIssue => ({ row, column, code, params, message: formatMessage(code, params, 'zh-TW') });

interface Line {
  row: number;
  teacherNo: string;
  studentNo: string;
  className: string;
}

/** The data lines below the header (found in the first rows), or the file's issue. */
function readLines(rows: readonly Cell[][]): { lines: Line[]; issues: AdviseeImportIssue[] } {
  const headerAt = rows.slice(0, 10).findIndex((r) => r.some((c) => cellText(c) === '教師代號'));
  if (headerAt === -1) return { lines: [], issues: [issue(null, '教師代號', 'import-header-missing', { column: '教師代號' })] };
  const header = rows[headerAt]!.map((c) => cellText(c));
  const at = (name: string) => header.indexOf(name);
  if (at('學號') === -1 && at('班級') === -1) return { lines: [], issues: [issue(null, '學號', 'import-header-missing', { column: '學號' })] };
  const cell = (r: readonly Cell[], name: string) => (at(name) === -1 ? '' : cellText(r[at(name)] ?? null));
  const lines = rows
    .slice(headerAt + 1)
    .map((r, i) => ({ row: headerAt + 2 + i, teacherNo: cell(r, '教師代號'), studentNo: cell(r, '學號'), className: cell(r, '班級') }))
    .filter((l) => l.teacherNo || l.studentNo || l.className);
  return { lines, issues: lines.length ? [] : [issue(null, null, 'import-empty')] };
}

/**
 * Reads counseling's list of who advises whom and, with `commit`, adds every link in one
 * transaction — or nothing when any row has an issue (no teacher, an unknown teacher or student,
 * a class without students, neither 學號 nor 班級). Links that exist are kept, not duplicated.
 */
export async function importAdviseeList(ctx: AuthedContext, bytes: Uint8Array, commit: boolean): Promise<AdviseeImportReport> {
  const role = assigningRole(ctx);
  const { lines, issues } = readLines((await readTableFile(bytes, ADVISEE_LIST_LIMITS)).rows);
  const teachers = await teachersByNo(ctx, lines.map((l) => l.teacherNo).filter(Boolean));
  const students = await studentsBy(ctx, { studentNos: lines.map((l) => l.studentNo).filter(Boolean), classNames: lines.map((l) => l.className).filter(Boolean) });
  const pairs: Array<{ teacherId: string; studentId: string }> = [];
  for (const l of lines) {
    const teacher = teachers.get(l.teacherNo);
    if (!l.teacherNo) issues.push(issue(l.row, '教師代號', 'import-value-required', { column: '教師代號' }));
    else if (!teacher) issues.push(issue(l.row, '教師代號', 'import-teacher-unknown', { value: l.teacherNo }));
    if (!l.studentNo && !l.className) issues.push(issue(l.row, '學號', 'advisee-target-required'));
    const ids: string[] = [];
    if (l.studentNo) {
      const id = students.byNo.get(l.studentNo);
      if (id) ids.push(id);
      else issues.push(issue(l.row, '學號', 'import-student-unknown', { value: l.studentNo }));
    }
    if (l.className) {
      const inClass = students.byClass.get(l.className) ?? [];
      if (inClass.length) ids.push(...inClass.map((s) => s.id));
      else issues.push(issue(l.row, '班級', 'import-class-unknown', { value: l.className }));
    }
    if (teacher) pairs.push(...ids.map((studentId) => ({ teacherId: teacher.id, studentId })));
  }
  const report = { rows: lines.length, links: pairs.length, issues: issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
  if (issues.length || !commit) return { ...report, committed: false, added: 0, already: 0 };
  const result = await ctx.db.transaction().execute((trx) => addAdvisees(trx, ctx, role, pairs));
  return { ...report, committed: true, ...result };
}

export function assertFile<T>(file: T | undefined): T {
  if (!file) throw new DomainError('file-missing', {});
  return file;
}
