/**
 * 提交快照 — what was submitted of a roster (名冊), per student: the rows of each sheet as
 * column → value, in a normalized JSON that can be compared with a later export ("what changed
 * since") and with the central database's receipt (收訖明細: arrived, missing, unexpected,
 * differs). Pure: the caller builds the rows and loads the receipt.
 */

/** A cell as the roster writes it. */
export type SnapshotCell = string | number;

/** One roster row: the record it was made from (when there is one) and its cells by column. */
export interface SnapshotRow {
  recordId: string | null;
  cells: Record<string, SnapshotCell>;
}

/** One student's part of a roster: their rows per sheet (sheet name → rows, in written order). */
export interface SnapshotStudent {
  studentId: string;
  nationalId: string;
  birthDate: string;
  sheets: Record<string, SnapshotRow[]>;
}

/** What a written sheet gives the snapshot: its name, columns, rows and who each row is of. */
export interface WrittenSheet {
  name: string;
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<SnapshotCell | null | undefined>>;
  refs: ReadonlyArray<{ studentId: string | null; recordId: string | null }>;
}

/** Normalizes a cell for comparing: text trimmed, numbers as their decimal text, empty as ''. */
export function snapshotCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value).normalize('NFC').trim();
}

/**
 * The per-student content of written sheets, students in first-appearance order: each row's
 * cells by column (from 身分證號 and 出生日期 the student's identity). Rows without a student
 * are left out (every roster row has one).
 */
export function snapshotStudents(sheets: readonly WrittenSheet[]): SnapshotStudent[] {
  const byId = new Map<string, SnapshotStudent>();
  for (const sheet of sheets) {
    sheet.rows.forEach((row, i) => {
      const ref = sheet.refs[i];
      if (!ref?.studentId) return;
      const cells: Record<string, SnapshotCell> = {};
      sheet.columns.forEach((column, c) => {
        const value = row[c];
        cells[column] = typeof value === 'number' ? value : snapshotCellText(value);
      });
      const student = byId.get(ref.studentId) ?? { studentId: ref.studentId, nationalId: snapshotCellText(cells['身分證號']), birthDate: snapshotCellText(cells['出生日期']), sheets: {} };
      byId.set(ref.studentId, student);
      (student.sheets[sheet.name] ??= []).push({ recordId: ref.recordId, cells });
    });
  }
  return [...byId.values()];
}

export interface ColumnChange {
  column: string;
  before: string;
  after: string;
}

export interface RowChange {
  sheet: string;
  change: 'added' | 'removed' | 'changed';
  recordId: string | null;
  /** The row's cells (after; before when removed). */
  cells: Record<string, string>;
  /** Changed columns, old → new (only on 'changed'). */
  columns: ColumnChange[];
}

export interface StudentChange {
  studentId: string;
  nationalId: string;
  rows: RowChange[];
}

export interface SnapshotDiff {
  added: Array<{ studentId: string; nationalId: string }>;
  removed: Array<{ studentId: string; nationalId: string }>;
  changed: StudentChange[];
}

const asText = (cells: Record<string, SnapshotCell>) => Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, snapshotCellText(v)]));

function columnChanges(before: Record<string, SnapshotCell>, after: Record<string, SnapshotCell>): ColumnChange[] {
  const columns = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return columns.map((column) => ({ column, before: snapshotCellText(before[column]), after: snapshotCellText(after[column]) })).filter((c) => c.before !== c.after);
}

/**
 * One student's row changes on one sheet. Rows made from a record are matched by the record;
 * rows without one, in order.
 */
function sheetChanges(sheet: string, before: readonly SnapshotRow[], after: readonly SnapshotRow[]): RowChange[] {
  const out: RowChange[] = [];
  const key = (row: SnapshotRow, i: number, rows: readonly SnapshotRow[]) => row.recordId ?? `#${rows.slice(0, i).filter((r) => r.recordId === null).length}`;
  const old = new Map(before.map((row, i) => [key(row, i, before), row]));
  const seen = new Set<string>();
  after.forEach((row, i) => {
    const k = key(row, i, after);
    seen.add(k);
    const prev = old.get(k);
    if (!prev) out.push({ sheet, change: 'added', recordId: row.recordId, cells: asText(row.cells), columns: [] });
    else {
      const columns = columnChanges(prev.cells, row.cells);
      if (columns.length) out.push({ sheet, change: 'changed', recordId: row.recordId, cells: asText(row.cells), columns });
    }
  });
  for (const [k, row] of old) if (!seen.has(k)) out.push({ sheet, change: 'removed', recordId: row.recordId, cells: asText(row.cells), columns: [] });
  return out;
}

/** What changed from a submitted snapshot to a later export (or the current data): students added and removed, and rows changed per sheet, per column. */
export function diffSnapshots(before: readonly SnapshotStudent[], after: readonly SnapshotStudent[]): SnapshotDiff {
  const old = new Map(before.map((s) => [s.studentId, s]));
  const now = new Map(after.map((s) => [s.studentId, s]));
  const diff: SnapshotDiff = { added: [], removed: [], changed: [] };
  for (const s of after) {
    const prev = old.get(s.studentId);
    if (!prev) {
      diff.added.push({ studentId: s.studentId, nationalId: s.nationalId });
      continue;
    }
    const sheets = [...new Set([...Object.keys(prev.sheets), ...Object.keys(s.sheets)])];
    const rows = sheets.flatMap((sheet) => sheetChanges(sheet, prev.sheets[sheet] ?? [], s.sheets[sheet] ?? []));
    if (rows.length) diff.changed.push({ studentId: s.studentId, nationalId: s.nationalId, rows });
  }
  for (const s of before) if (!now.has(s.studentId)) diff.removed.push({ studentId: s.studentId, nationalId: s.nationalId });
  return diff;
}

/** One student's entry of a receipt roster JSON (ROSTERS §5): 身分證號, 出生日期 and a list per sheet. */
export interface ReceivedEntry {
  /** The student the receipt import matched the entry to; null when none. */
  studentId: string | null;
  entry: Record<string, unknown>;
}

export interface FieldDifference {
  sheet: string;
  column: string;
  submitted: string;
  received: string;
}

export type ReconcileStatus = 'arrived' | 'missing' | 'unexpected' | 'differs';

export interface ReconciledStudent {
  studentId: string | null;
  nationalId: string;
  status: ReconcileStatus;
  /** Field by field, on 'differs': a cell that came back different. */
  differences: FieldDifference[];
  /** Whole rows submitted that did not come back, and rows that came back unsubmitted (on 'differs'). */
  rowsMissing: Array<{ sheet: string; cells: Record<string, string> }>;
  rowsUnexpected: Array<{ sheet: string; cells: Record<string, string> }>;
}

const IDENTITY = new Set(['身分證號', '出生日期']);

/**
 * 出生日期 as the roster writes it (7-digit ROC yyyMMdd) from what a receipt may hold: a JSON
 * number that lost the leading zero (980512), or a Gregorian date (2009-05-12, 2009/05/12).
 */
export function rosterBirthDateText(value: string): string {
  if (/^\d{6}$/.test(value)) return value.padStart(7, '0');
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (!m) return value;
  return `${String(Number(m[1]) - 1911).padStart(3, '0')}${m[2]!.padStart(2, '0')}${m[3]!.padStart(2, '0')}`;
}

function receivedSheets(entry: Record<string, unknown>): Record<string, Array<Record<string, string>>> {
  const out: Record<string, Array<Record<string, string>>> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (!Array.isArray(value)) continue;
    out[key] = value.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object' && !Array.isArray(r)).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, snapshotCellText(v)])));
  }
  return out;
}

/** The submitted columns (without the identity columns, which the entry carries once). */
function submittedCells(row: SnapshotRow): Record<string, string> {
  return Object.fromEntries(Object.entries(row.cells).filter(([k]) => !IDENTITY.has(k)).map(([k, v]) => [k, snapshotCellText(v)]));
}

/** Whether a received row matches a submitted one on every submitted column. */
function sameRow(submitted: Record<string, string>, received: Record<string, string>): boolean {
  return Object.entries(submitted).every(([k, v]) => (received[k] ?? '') === v);
}

function reconcileStudent(submitted: SnapshotStudent, received: Record<string, unknown>): Omit<ReconciledStudent, 'studentId' | 'nationalId'> {
  const differences: FieldDifference[] = [];
  const rowsMissing: ReconciledStudent['rowsMissing'] = [];
  const rowsUnexpected: ReconciledStudent['rowsUnexpected'] = [];
  for (const column of IDENTITY) {
    const mine = column === '身分證號' ? submitted.nationalId : submitted.birthDate;
    const read = snapshotCellText(received[column]);
    const theirs = column === '出生日期' ? rosterBirthDateText(read) : read;
    if (theirs !== '' && theirs !== mine) differences.push({ sheet: '', column, submitted: mine, received: theirs });
  }
  const got = receivedSheets(received);
  const sheets = [...new Set([...Object.keys(submitted.sheets), ...Object.keys(got)])];
  for (const sheet of sheets) {
    const mine = (submitted.sheets[sheet] ?? []).map(submittedCells);
    const theirs = [...(got[sheet] ?? [])];
    const unmatched: Array<Record<string, string>> = [];
    for (const row of mine) {
      const at = theirs.findIndex((r) => sameRow(row, r));
      if (at >= 0) theirs.splice(at, 1);
      else unmatched.push(row);
    }
    // What is left on both sides pairs up in order: a row that came back with a changed cell.
    unmatched.forEach((row, i) => {
      const other = theirs[i];
      if (!other) return rowsMissing.push({ sheet, cells: row });
      for (const [column, value] of Object.entries(row)) if ((other[column] ?? '') !== value) differences.push({ sheet, column, submitted: value, received: other[column] ?? '' });
    });
    for (const row of theirs.slice(unmatched.length)) rowsUnexpected.push({ sheet, cells: row });
  }
  const differs = differences.length + rowsMissing.length + rowsUnexpected.length > 0;
  return { status: differs ? 'differs' : 'arrived', differences, rowsMissing, rowsUnexpected };
}

/**
 * A receipt roster against the snapshot of what was submitted: per student, arrived as
 * submitted, missing (submitted, not received), unexpected (received, not submitted) or differs
 * (field by field with sheet and column, and whole rows missing or unexpected). Entries are
 * matched to the snapshot by student, else by 身分證號.
 */
export function reconcileReceipt(snapshot: readonly SnapshotStudent[], received: readonly ReceivedEntry[]): ReconciledStudent[] {
  const out: ReconciledStudent[] = [];
  const byStudent = new Map(snapshot.map((s) => [s.studentId, s]));
  const byNationalId = new Map(snapshot.map((s) => [s.nationalId, s]));
  const matched = new Set<string>();
  for (const r of received) {
    const nationalId = snapshotCellText(r.entry['身分證號']);
    const submitted = (r.studentId ? byStudent.get(r.studentId) : undefined) ?? byNationalId.get(nationalId);
    if (!submitted || matched.has(submitted.studentId)) {
      out.push({ studentId: r.studentId, nationalId, status: 'unexpected', differences: [], rowsMissing: [], rowsUnexpected: [] });
      continue;
    }
    matched.add(submitted.studentId);
    out.push({ studentId: submitted.studentId, nationalId: submitted.nationalId, ...reconcileStudent(submitted, r.entry) });
  }
  for (const s of snapshot) {
    if (!matched.has(s.studentId)) out.push({ studentId: s.studentId, nationalId: s.nationalId, status: 'missing', differences: [], rowsMissing: [], rowsUnexpected: [] });
  }
  return out;
}
