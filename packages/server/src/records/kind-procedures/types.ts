import type { LocalizedText, MessageParams, RecordFieldSpec, RecordStatus, Role } from '@licheng/core';

/**
 * The shapes of the generic record-kind procedures an office mounts with
 * `recordKindProcedures({ kinds })` (as `<office>.records.*`) and `recordKindRoutes` (plain HTTP
 * downloads under `/api/<office>/records/…`). Plain types, no zod, so screens can import them.
 * Each procedure's zod schema lives in its own file and is checked against these types.
 *
 * Record data (`data`) is keyed by each field's `key` (core's RecordFieldSpec), values as stored:
 * text → string, date → ISO 'YYYY-MM-DD', integer/decimal → number, code → the code string,
 * academic-year → number, semester → 1 | 2. Screens show them with core's `fieldText`.
 */

export type RecordData = Record<string, string | number | null>;

/** `<office>.records.list` input: the office's (or teacher's, consultant's, student's) records, filtered and paged. */
export interface RecordListInput {
  /** One kind of the office; every kind of the office when omitted. */
  kind?: string;
  /** ROC academic year; every year when omitted. */
  academicYear?: number;
  semester?: 1 | 2;
  /** 班級名稱, exact. */
  className?: string;
  /** 學號, exact. */
  studentNo?: string;
  status?: RecordStatus;
  /** Withdrawn records are left out unless asked for (status 'withdrawn' also shows them). */
  includeWithdrawn?: boolean;
  /** 1-based; default 1. */
  page?: number;
  /** Default 50, at most 200. */
  pageSize?: number;
}

export interface RecordListStudent {
  id: string;
  studentNo: string;
  name: string;
  className: string;
  seatNo: number;
}

/** One row of a list: the record, its student and what the caller may do with it. */
export interface RecordListRow {
  id: string;
  kind: string;
  academicYear: number;
  semester: number;
  summary: string;
  data: RecordData;
  status: RecordStatus;
  /** The reason of a failed decision, a correction or a withdrawal. */
  statusReason: string | null;
  student: RecordListStudent;
  enteredRole: Role;
  /** Whether the caller entered it. */
  enteredByMe: boolean;
  decidedByName: string | null;
  /** Optimistic-lock version; pass it back to correct / withdraw. */
  version: number;
  createdAt: string;
  updatedAt: string;
  documentFileId: string | null;
  mediaFileId: string | null;
  /** The external video link (影音檔案外部連結), for kinds with files. */
  videoUrl: string | null;
  /** Whether the caller may correct it now (and then whether a reason is needed). */
  correctable: 'no' | 'yes' | 'with-reason';
  withdrawable: boolean;
  /** Whether the caller decided it (認證) and may take the decision back (`<office>.records.reopen`). */
  reopenable: boolean;
}

export interface RecordListOutput {
  rows: RecordListRow[];
  /** All rows matching the filters (for paging). */
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The files of a kind with files, on enter and correct: sent as a multipart form (the other
 * fields as parts, `data` as JSON text). On a correction a file replaces its slot's file and a
 * slot left out keeps it; `videoUrl` (or `data.videoUrl`) sets the link, blank clears it.
 */
export interface RecordFileParts {
  /** 文件檔: PDF, JPG or PNG, at most 4 MB (told by content). */
  document?: File;
  /** 影音檔: MP3 or MP4, at most 10 MB. */
  media?: File;
  /** 影音檔案外部連結 (https, listed hosts). */
  videoUrl?: string;
}

/** `<office>.records.enter` input: JSON, or a multipart form for a kind with files (RecordFileParts). */
export interface RecordEnterInput {
  kind: string;
  /** The student by id (from a list) or by 學號. One of the two; a student entering their own may give neither. */
  studentId?: string;
  studentNo?: string;
  academicYear: number;
  semester: 1 | 2;
  /** 內容簡述 / summary shown in lists; free text, at most 100 characters. */
  summary: string;
  data: RecordData;
  document?: File;
  media?: File;
  videoUrl?: string;
}

/** What enter / correct / withdraw answer: the record as it now is. */
export interface RecordChangeOutput {
  id: string;
  status: RecordStatus;
  version: number;
}

/** `<office>.records.correct` input: new summary/data of a record; `reason` required for a passed record the office registered itself; files as in RecordFileParts. */
export interface RecordCorrectInput {
  id: string;
  version: number;
  summary: string;
  data: RecordData;
  reason?: string;
  document?: File;
  media?: File;
  videoUrl?: string;
}

/** `<office>.records.withdraw` input (撤銷, with a reason; audited). */
export interface RecordWithdrawInput {
  id: string;
  version: number;
  reason: string;
}

/** `<office>.records.decide` input (認證): pass, or fail with a reason, a pending record the caller certifies. */
export interface RecordDecideInput {
  id: string;
  version: number;
  decision: 'pass' | 'fail';
  /** Required when failing. */
  reason?: string;
}

/** `<office>.records.reopen` input: the certifier takes back their own decision, with a reason. */
export interface RecordReopenInput {
  id: string;
  reason: string;
}

/**
 * `<office>.records.importPreview` and `<office>.records.importCommit` take multipart form data:
 * `kind` (string) and `file` (.xlsx, or CSV in UTF-8 with or without BOM or Big5; told by its
 * bytes). The sheet's columns are 學號, 學年度, 學期, 內容簡述, then the kind's fields by their
 * zh-TW label (the template's header row).
 */
export interface RecordImportFormFields {
  kind: string;
  file: File;
}

export interface RecordImportIssue {
  /** The row as Excel shows it (1 = the file's first row); null for the file as a whole. */
  row: number | null;
  /** The column's header, or null. */
  column: string | null;
  code: string;
  params: MessageParams;
  /** zh-TW text. */
  message: string;
}

/** A good row of a preview, as it would be entered. */
export interface RecordImportPreviewRow {
  row: number;
  studentNo: string;
  studentName: string;
  className: string;
  academicYear: number;
  semester: number;
  summary: string;
  data: RecordData;
}

export interface RecordImportReport {
  kind: string;
  /** Whether anything was written (commit without issues). */
  committed: boolean;
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** Records written (0 on a preview or with any issue: all or nothing). */
  imported: number;
  ids: string[];
  /** Up to 200 good rows (preview). */
  preview: RecordImportPreviewRow[];
  issues: RecordImportIssue[];
}

/** `<office>.records.kinds` output: the kinds the office mounts that the caller may use, with their declaration. */
export interface RecordKindView {
  id: string;
  label: LocalizedText;
  /** Its declared fields (plain data), so a screen draws its form and list without core's declarations. */
  fields: readonly RecordFieldSpec[];
  /** The caller may enter it (per the school's recordKinds). */
  mayEnter: boolean;
  /** The caller certifies it school-wide. */
  mayCertify: boolean;
  files: boolean;
  subOffice: string | null;
  family: 'performance' | null;
  /** What the kind calls its summary (內容簡述 unless it names it otherwise, e.g. 諮詢內容). */
  summaryLabel: LocalizedText;
}

/**
 * Plain HTTP downloads (GET, cookie/bearer auth like every route):
 * - `/api/<office>/records/template.xlsx?kind=<kind>` — the kind's import template;
 * - `/api/<office>/records/export.xlsx?kind=…&academicYear=…&semester=…&className=…&status=…` —
 *   the list as Excel (RecordListInput's filters, no paging).
 */
export interface RecordDownloadQuery {
  kind: string;
  academicYear?: number;
  semester?: 1 | 2;
  className?: string;
  studentNo?: string;
  status?: RecordStatus;
}
