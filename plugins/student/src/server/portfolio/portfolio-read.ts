import { findWindow, recordKindDefinition, recordKindPolicy, windowState, fieldText, type Activity, type Locale, type LocalizedText, type RecordStatus, type Role, type WindowState } from '@licheng/core';
import { scheduleOf, type AuthedContext, type Student } from '@licheng/server';
import { capOf, hiddenFromPortfolio, pendingReason, type PendingReason, type PortfolioCap } from './portfolio-rules.ts';

export interface PortfolioFile {
  id: string;
  name: string;
  type: string;
  size: number;
  /** Content hash: where the download reads the bytes from (never sent to the browser). */
  sha256?: string;
}

export interface PortfolioRecord {
  id: string;
  kind: string;
  kindLabel: LocalizedText;
  /** The office (plugin id) that keeps the kind. */
  office: string;
  academicYear: number;
  semester: number;
  summary: string;
  /** 科目 of an outcome's course. */
  subjectName: string | null;
  /** The kind's fields as people read them, in the request's language. */
  fields: Array<{ label: string; text: string }>;
  status: RecordStatus;
  statusReason: string | null;
  /** Whether the kind is certified (認證) at this school. */
  certified: boolean;
  enteredBySelf: boolean;
  cap: PortfolioCap;
  selected: boolean;
  pending: PendingReason;
  document: PortfolioFile | null;
  media: PortfolioFile | null;
  videoUrl: string | null;
}

export interface PortfolioYearCaps {
  academicYear: number;
  outcome: { cap: number; selected: number; selectable: number; window: WindowState };
  performance: { cap: number; selected: number; counting: number; exempt: number; uploadCap: number | null; window: WindowState };
}

export interface Portfolio {
  student: { studentNo: string; name: string; className: string; seatNo: number };
  /** Newest first; each semester's records by kind then date. */
  semesters: Array<{ academicYear: number; semester: number; records: PortfolioRecord[] }>;
  years: PortfolioYearCaps[];
  totals: { records: number; pending: number; failed: number; selected: number };
}

type Row = {
  id: string;
  kind: string;
  academic_year: number;
  semester: number;
  summary: string;
  data: string;
  status: string;
  status_reason: string | null;
  entered_by: string;
  entered_role: string;
  subject_name: string | null;
  doc_id: string | null;
  doc_name: string | null;
  doc_type: string | null;
  doc_size: number | null;
  doc_sha: string | null;
  media_id: string | null;
  media_name: string | null;
  media_type: string | null;
  media_size: number | null;
  media_sha: string | null;
  selected_id: string | null;
};

/**
 * Every standing record of `student` they may see, of every office, in one query (records
 * with their course, files and selection), shaped by semester with what counts toward which
 * cap, what is selected and what is left to do. Withdrawn records and kinds the portfolio hides
 * (counseling data, consultation notes) are left out.
 */
export async function readPortfolio(ctx: AuthedContext, student: Student, options: { withHashes?: boolean } = {}): Promise<Portfolio> {
  const rows = (await ctx.db
    .selectFrom('records as r')
    .leftJoin('courses as c', 'c.id', 'r.course_id')
    .leftJoin('stored_files as d', 'd.id', 'r.document_file_id')
    .leftJoin('stored_files as m', 'm.id', 'r.media_file_id')
    .leftJoin('selections as sel', 'sel.record_id', 'r.id')
    .select([
      'r.id', 'r.kind', 'r.academic_year', 'r.semester', 'r.summary', 'r.data', 'r.status', 'r.status_reason', 'r.entered_by', 'r.entered_role',
      'c.subject_name',
      'd.id as doc_id', 'd.original_name as doc_name', 'd.type as doc_type', 'd.size as doc_size', 'd.sha256 as doc_sha',
      'm.id as media_id', 'm.original_name as media_name', 'm.type as media_type', 'm.size as media_size', 'm.sha256 as media_sha',
      'sel.id as selected_id',
    ])
    .where('r.school_code', '=', ctx.config.code)
    .where('r.student_id', '=', student.id)
    .where('r.status', '!=', 'withdrawn')
    .orderBy('r.academic_year', 'desc')
    .orderBy('r.semester', 'desc')
    .orderBy('r.kind')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute()) as Row[];

  const locale = ctx.locale as Locale;
  const now = ctx.now();
  const schedule = await scheduleOf(ctx);
  const windowOf = (activity: Activity, academicYear: number, semester: number) =>
    windowState(findWindow(schedule, activity, { academicYear, semester: semester as 1 | 2 }, { grade: student.grade, className: student.class_name }), now);
  const file = (id: string | null, name: string | null, type: string | null, size: number | null, sha: string | null): PortfolioFile | null =>
    id ? { id, name: name ?? '', type: type ?? '', size: Number(size ?? 0), ...(options.withHashes && sha ? { sha256: sha } : {}) } : null;

  const records: PortfolioRecord[] = [];
  for (const row of rows) {
    const definition = recordKindDefinition(row.kind);
    if (hiddenFromPortfolio(definition, { enteredRole: row.entered_role }, ctx.config.rules.portfolio)) continue;
    const status = row.status as RecordStatus;
    const enteredRole = row.entered_role as Role;
    const cap = capOf({ kind: row.kind, status, enteredRole });
    const selected = row.selected_id !== null;
    const activity: Activity = cap === 'outcome' ? 'outcome-selection' : 'performance-selection';
    const data = JSON.parse(row.data) as Record<string, unknown>;
    records.push({
      id: row.id,
      kind: row.kind,
      kindLabel: definition!.label,
      office: definition!.office,
      academicYear: Number(row.academic_year),
      semester: Number(row.semester),
      summary: row.summary,
      subjectName: row.subject_name,
      fields: definition!.fields.map((f) => ({ label: f.label[locale], text: fieldText(f, data[f.key], locale) })).filter((f) => f.text !== ''),
      status,
      statusReason: row.status_reason,
      certified: recordKindPolicy(ctx.config, row.kind).certifiers.length > 0,
      enteredBySelf: row.entered_by === ctx.identity.userId,
      cap,
      selected,
      pending: pendingReason({ status, cap, selected }, windowOf(activity, Number(row.academic_year), Number(row.semester))),
      document: file(row.doc_id, row.doc_name, row.doc_type, row.doc_size, row.doc_sha),
      media: file(row.media_id, row.media_name, row.media_type, row.media_size, row.media_sha),
      videoUrl: typeof data.videoUrl === 'string' ? data.videoUrl : null,
    });
  }

  const semesters: Portfolio['semesters'] = [];
  for (const record of records) {
    const last = semesters.at(-1);
    if (last && last.academicYear === record.academicYear && last.semester === record.semester) last.records.push(record);
    else semesters.push({ academicYear: record.academicYear, semester: record.semester, records: [record] });
  }

  const yearsSeen = [...new Set(records.map((r) => r.academicYear))];
  const years = yearsSeen.map((academicYear): PortfolioYearCaps => {
    const ofYear = records.filter((r) => r.academicYear === academicYear);
    const count = (test: (r: PortfolioRecord) => boolean) => ofYear.filter(test).length;
    // A yearly window: the selection of a year is made once, in the window of its second semester when the school has one.
    const yearWindow = (activity: Activity) => {
      const second = windowOf(activity, academicYear, 2);
      return second === 'unscheduled' ? windowOf(activity, academicYear, 1) : second;
    };
    return {
      academicYear,
      outcome: {
        cap: ctx.config.rules.outcomes.selectionCapPerYear,
        selected: count((r) => r.cap === 'outcome' && r.selected),
        selectable: count((r) => r.cap === 'outcome' && r.status === 'passed'),
        window: yearWindow('outcome-selection'),
      },
      performance: {
        cap: ctx.config.rules.performances.selectionCapPerYear,
        selected: count((r) => r.cap === 'performance' && r.selected),
        counting: count((r) => r.cap === 'performance'),
        exempt: count((r) => r.cap === 'exempt'),
        uploadCap: ctx.config.rules.performances.uploadCapPerYear,
        window: yearWindow('performance-selection'),
      },
    };
  });

  return {
    student: { studentNo: student.student_no, name: student.name, className: student.class_name, seatNo: Number(student.seat_no) },
    semesters,
    years,
    totals: {
      records: records.length,
      pending: records.filter((r) => r.pending !== null).length,
      failed: records.filter((r) => r.status === 'failed').length,
      selected: records.filter((r) => r.selected).length,
    },
  };
}
