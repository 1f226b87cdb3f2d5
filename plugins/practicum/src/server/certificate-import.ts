import { assertMayEnter, enterRecords, lockStudents, type AuthedContext } from '@licheng/server';
import { CERTIFICATE_KIND, certificateNumberKey, certificateSummary, certificateTerm, type CertificateData } from './certificate-fields.ts';
import { recordedCertificateNumbers } from './certificate-store.ts';
import { checkListRows, rowIssue, type RowIssue } from './certificate-rows.ts';
import { studentsByNo } from './students.ts';
import { readTable } from './table-file.ts';

export interface ImportReport {
  dryRun: boolean;
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** Certificates written (0 on a dry run or with any issue). */
  imported: number;
  /** The certificates written, so a list can show them (empty when nothing was written). */
  ids: string[];
  /** The academic years they are filed under (by the date issued), ascending. */
  academicYears: number[];
  issues: RowIssue[];
}

/** Thrown inside the transaction to roll it back when checks under lock find issues, or on a dry run. */
class Rollback extends Error {
  constructor(readonly issues: RowIssue[]) {
    super('rollback');
  }
}

/**
 * Imports a skill-test centre list: every row is checked, against the file and against what is
 * recorded (under the students' row locks), and only a list without any issue is written —
 * all of it, in one transaction. A dry run checks the same way and writes nothing.
 */
export async function importCertificateList(ctx: AuthedContext, bytes: Uint8Array, dryRun: boolean): Promise<ImportReport> {
  const checked = checkListRows(await readTable(bytes), ctx.now());
  const issues = [...checked.issues];
  const students = await studentsByNo(ctx, checked.rows.map((r) => r.studentNo));
  const known = checked.rows.filter((r) => {
    if (students.has(r.studentNo)) return true;
    issues.push(rowIssue(r.row, '學號', 'import-student-unknown', { value: r.studentNo }));
    return false;
  });
  const report = (written: Array<{ id: string; academic_year: number }>, all: RowIssue[]): ImportReport => ({
    dryRun,
    rows: checked.dataRows,
    imported: written.length,
    ids: written.map((w) => w.id),
    academicYears: [...new Set(written.map((w) => w.academic_year))].sort((a, b) => a - b),
    issues: sortIssues(all),
  });
  if (issues.some((i) => i.row === null)) return report([], issues);
  // Refused before any check under lock when the school's recordKinds do not let this role enter certificates.
  if (known.length) assertMayEnter(ctx, CERTIFICATE_KIND, students.get(known[0]!.studentNo)!);
  try {
    const written = await ctx.db.transaction().execute(async (trx) => {
      const ids = [...new Set(known.map((r) => students.get(r.studentNo)!.id))];
      await lockStudents(trx, ctx, ids);
      const recorded = await recordedCertificateNumbers(trx, ctx.config.code, ids);
      for (const r of known) {
        const student = students.get(r.studentNo)!;
        if (recorded.get(student.id)?.has(certificateNumberKey(r.fields.number))) {
          issues.push(rowIssue(r.row, '證照號碼', 'certificate-duplicate', { studentNo: r.studentNo, number: r.fields.number }));
        }
      }
      if (issues.length || dryRun) throw new Rollback(issues);
      const records = known.map((r) => {
        const term = certificateTerm(r.fields.date);
        const data: CertificateData = { ...r.fields, registeredByName: ctx.identity.name };
        return { student: students.get(r.studentNo)!, academicYear: term.academicYear, semester: term.semester, summary: certificateSummary(r.fields), data: { ...data } };
      });
      // The list's own entry; each certificate's entry points at it.
      const list = { action: `${CERTIFICATE_KIND}.import`, entity: 'certificate-list', entityId: CERTIFICATE_KIND, after: { rows: checked.dataRows, imported: records.length } };
      return enterRecords(trx, ctx, CERTIFICATE_KIND, records, { operation: list });
    });
    return report(written, []);
  } catch (error) {
    if (error instanceof Rollback) return report([], error.issues);
    throw error;
  }
}

function sortIssues(issues: RowIssue[]): RowIssue[] {
  return [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

