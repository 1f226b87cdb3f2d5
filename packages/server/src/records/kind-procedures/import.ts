import { DomainError, type RecordKindDefinition } from '@licheng/core';
import { inChunks } from '@licheng/db';
import type { AuthedContext } from '../../context.ts';
import { readTableFile, tableTooLarge, type TableLimits } from '../../tables/table-file.ts';
import type { Student } from '../../platform/tables.ts';
import { enterRecords, lockStudents } from '../enter.ts';
import { assertMayEnter } from '../policy.ts';
import { checkImportRows, importIssue } from './import-rows.ts';
import { mountedKind } from './mounted-kinds.ts';
import { assertStudentInScope } from './scope.ts';
import type { RecordImportIssue, RecordImportReport } from './types.ts';

/** An office's list: .xlsx or CSV (UTF-8 with or without BOM, or Big5), told by its bytes. */
export const KIND_LIST_LIMITS: TableLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 4999, headerRows: 1, maxColumns: 60 };
export const kindListTooLarge = () => tableTooLarge(KIND_LIST_LIMITS);

const PREVIEW_ROWS = 200;

/**
 * Reads an office's list of one kind and, with `commit`, enters all of it in one transaction —
 * or nothing at all when any row has an issue (unknown student, a student outside the caller's
 * scope, a bad cell). Without `commit` it only reports (the preview).
 */
export async function importKindList(ctx: AuthedContext, kinds: readonly RecordKindDefinition[], kindId: string, bytes: Uint8Array, commit: boolean): Promise<RecordImportReport> {
  const kind = mountedKind(kinds, kindId);
  const checked = checkImportRows(kind, (await readTableFile(bytes, KIND_LIST_LIMITS)).rows);
  const issues = [...checked.issues];
  const numbers = [...new Set(checked.rows.map((r) => r.studentNo))];
  const students = new Map<string, Student>();
  for (const part of inChunks(numbers)) {
    const found = await ctx.db.selectFrom('students').selectAll().where('school_code', '=', ctx.config.code).where('student_no', 'in', part).execute();
    for (const s of found) students.set(s.student_no, s);
  }
  const known = checked.rows.filter((r) => {
    if (students.has(r.studentNo)) return true;
    issues.push(importIssue(r.row, '學號', 'import-student-unknown', { value: r.studentNo }));
    return false;
  });
  if (known.length) {
    const role = assertMayEnter(ctx, kind.id, students.get(known[0]!.studentNo)!);
    for (const r of known) {
      try {
        await assertStudentInScope(ctx, role, students.get(r.studentNo)!);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        issues.push(importIssue(r.row, '學號', 'import-student-out-of-scope', { value: r.studentNo }));
      }
    }
  }
  const report = (ids: string[], all: RecordImportIssue[]): RecordImportReport => ({
    kind: kind.id,
    committed: ids.length > 0,
    rows: checked.dataRows,
    imported: ids.length,
    ids,
    preview: all.length ? [] : known.slice(0, PREVIEW_ROWS).map((r) => {
      const s = students.get(r.studentNo)!;
      return { row: r.row, studentNo: r.studentNo, studentName: s.name, className: s.class_name, academicYear: r.academicYear, semester: r.semester, summary: r.summary, data: r.data };
    }),
    issues: [...all].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  });
  if (issues.length || !commit) return report([], issues);
  const written = await ctx.db.transaction().execute(async (trx) => {
    await lockStudents(trx, ctx, known.map((r) => students.get(r.studentNo)!.id));
    const items = known.map((r) => ({ student: students.get(r.studentNo)!, academicYear: r.academicYear, semester: r.semester, summary: r.summary, data: r.data }));
    const operation = { action: `${kind.id}.import`, entity: 'record-list', entityId: kind.id, after: { rows: checked.dataRows, imported: items.length } };
    return enterRecords(trx, ctx, kind.id, items, { operation });
  });
  return report(written.map((w) => w.id), []);
}
