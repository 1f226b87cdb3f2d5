import type { RecordDeskSource } from '../record-desk/record-desk.component.ts';
import type { RecordImportReportView } from '../record-import/record-import.component.ts';
import type { RecordRow, RecordSubmission } from '../record-fields/record-fields.ts';

/**
 * A host for the record screens' tests and demo: keeps records in memory the way an office's
 * procedures answer (ids, statuses, refusals as Errors). `calls` records what was asked.
 */
export function memoryRecordSource(initial: readonly RecordRow[], importReport?: RecordImportReportView) {
  let rows = [...initial];
  let next = 100;
  const calls: string[] = [];
  const students: Record<string, { name: string; className: string }> = { '110001': { name: '王小明', className: '電子三甲' }, '110002': { name: '林美華', className: '電子三甲' } };
  const source: RecordDeskSource = {
    async list(kind) {
      calls.push(`list ${kind}`);
      return rows.filter((r) => r.kind === kind);
    },
    async enter(kind, s: RecordSubmission) {
      calls.push(`enter ${kind}`);
      const student = students[s.studentNo ?? ''];
      if (!student) throw new Error(`找不到學號 ${s.studentNo} 的學生`);
      const id = `n${next++}`;
      rows = [{ id, kind, academicYear: s.academicYear ?? 114, semester: s.semester ?? 1, status: 'pending', data: s.data, summary: s.summary, student: { studentNo: s.studentNo!, ...student } }, ...rows];
      return { id };
    },
    async correct(record, s) {
      calls.push(`correct ${record.id}`);
      rows = rows.map((r) => (r.id === record.id ? { ...r, data: s.data, summary: s.summary } : r));
      return { id: record.id };
    },
    async withdraw(record, reason) {
      calls.push(`withdraw ${record.id} ${reason}`);
      rows = rows.filter((r) => r.id !== record.id);
    },
    async reopen(record, reason) {
      calls.push(`reopen ${record.id} ${reason}`);
      rows = rows.map((r) => (r.id === record.id ? { ...r, status: 'pending', reopenable: false } : r));
    },
    async preview(kind) {
      calls.push(`preview ${kind}`);
      return importReport ?? { rows: 0, imported: 0, ids: [], issues: [] };
    },
    async commit(kind) {
      calls.push(`commit ${kind}`);
      const report = importReport ?? { rows: 0, imported: 0, ids: [], issues: [] };
      const added = (report.preview ?? []).map((p, i): RecordRow => ({ id: `i${i}`, kind, academicYear: p.academicYear, semester: p.semester, status: 'pending', data: p.data, summary: p.summary, student: { studentNo: p.studentNo, name: p.studentName, className: p.className } }));
      rows = [...added, ...rows];
      return { ...report, imported: added.length, ids: added.map((r) => r.id) };
    },
    templateHref: (kind) => `#template-${kind}`,
  };
  return { source, calls };
}
