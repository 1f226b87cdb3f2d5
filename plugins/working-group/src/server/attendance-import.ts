import { cellText, DomainError, formatMessage, type Cell, type MessageParams } from '@licheng/core';
import { nowIso } from '@licheng/db';
import { readTableFile, tableTooLarge, writeAudit, type AuthedContext, type TableLimits } from '@licheng/server';
import { lockTraining } from './record-locks.ts';
import { workingGroupDb } from './tables.ts';
import { trainingView, type Attendee, type TrainingView } from './views.ts';

/** A training's attendance list (簽到表): .xlsx or CSV (UTF-8 or Big5), a 姓名 column and optionally 班級, 單位 or 身分. */
export const ATTENDANCE_LIMITS: TableLimits = { maxBytes: 2 * 1024 * 1024, maxRows: 5000, headerRows: 1, maxColumns: 20 };
export const attendanceListTooLarge = () => tableTooLarge(ATTENDANCE_LIMITS);

/** The columns read as the attendee's group, the first present wins. */
export const GROUP_COLUMNS = ['班級', '單位', '身分'] as const;

export interface AttendanceIssue {
  /** The row as Excel shows it; null for the file as a whole. */
  row: number | null;
  column: string | null;
  code: string;
  params: MessageParams;
  /** zh-TW text. */
  message: string;
}

export interface AttendanceImportReport {
  committed: boolean;
  /** Data rows read. */
  rows: number;
  /** People the list names (its rows without issues). */
  attendees: number;
  issues: AttendanceIssue[];
  /** The training as saved; null on a dry run or when any row has an issue. */
  training: TrainingView | null;
}

const issue = (row: number | null, column: string | null, code: string, params: MessageParams = {}): AttendanceIssue => ({ row, column, code, params, message: formatMessage(code, params, 'zh-TW') });

/** The attendees of a list, or the issues of its rows: no 姓名 column, a row without a name, a person listed twice. */
export function readAttendanceList(rows: readonly Cell[][]): { rows: number; attendees: Attendee[]; issues: AttendanceIssue[] } {
  const headerAt = rows.slice(0, 10).findIndex((r) => r.some((c) => cellText(c) === '姓名'));
  if (headerAt === -1) return { rows: 0, attendees: [], issues: [issue(null, '姓名', 'import-header-missing', { column: '姓名' })] };
  const header = rows[headerAt]!.map((c) => cellText(c));
  const nameAt = header.indexOf('姓名');
  const groupColumn = GROUP_COLUMNS.find((c) => header.includes(c)) ?? null;
  const groupAt = groupColumn ? header.indexOf(groupColumn) : -1;
  const attendees: Attendee[] = [];
  const issues: AttendanceIssue[] = [];
  const seen = new Map<string, number>();
  let count = 0;
  rows.slice(headerAt + 1).forEach((r, i) => {
    if (!r.some((c) => cellText(c))) return;
    count += 1;
    const row = headerAt + 2 + i;
    const name = cellText(r[nameAt] ?? null);
    const group = groupAt === -1 ? '' : cellText(r[groupAt] ?? null);
    if (!name) return void issues.push(issue(row, '姓名', 'import-value-required', { column: '姓名' }));
    const key = `${name}\u0000${group}`;
    const first = seen.get(key);
    if (first !== undefined) return void issues.push(issue(row, '姓名', 'import-duplicate-row', { firstRow: first, key: group ? `${name}，${group}` : name }));
    seen.set(key, row);
    attendees.push({ name, group });
  });
  if (count === 0) issues.push(issue(null, null, 'import-empty'));
  return { rows: count, attendees, issues };
}

/**
 * Reads a held training's attendance list and, with `commit`, keeps it as the training's
 * attendance (the count is its number of people, the source 'sheet') — or nothing when any row
 * has an issue. A training not held yet takes no list.
 */
export async function importAttendance(ctx: AuthedContext, trainingId: string, fileName: string, bytes: Uint8Array, commit: boolean): Promise<AttendanceImportReport> {
  const school = ctx.config.code;
  const db = workingGroupDb(ctx.db);
  const current = await db.selectFrom('working_group_trainings').select(['id', 'held_date']).where('id', '=', trainingId).where('school_code', '=', school).executeTakeFirst();
  if (!current) throw new DomainError('not-found', {});
  if (!current.held_date) throw new DomainError('wg-attendance-not-held', {});
  const list = readAttendanceList((await readTableFile(bytes, ATTENDANCE_LIMITS, fileName)).rows);
  const report = { rows: list.rows, attendees: list.attendees.length, issues: list.issues };
  if (list.issues.length || !commit) return { ...report, committed: false, training: null };
  const at = ctx.now();
  const training = await ctx.db.transaction().execute(async (trx) => {
    const tdb = workingGroupDb(trx);
    const before = await lockTraining(tdb, ctx.dialect, school, trainingId);
    if (!before.held_date) throw new DomainError('wg-attendance-not-held', {});
    const change = { attendance_count: list.attendees.length, attendance_source: 'sheet', attendees: JSON.stringify(list.attendees), updated_by: ctx.identity.userId, updated_at: nowIso(at) };
    await tdb.updateTable('working_group_trainings').set(change).where('id', '=', before.id).execute();
    await writeAudit(trx, { school, actor: ctx.identity, role: ctx.actingRole, action: 'working-group.training.attendance-import', entity: 'working-group-training', entityId: before.id, before: { attendance_count: before.attendance_count, attendance_source: before.attendance_source }, after: { attendance_count: change.attendance_count, attendance_source: 'sheet', file: fileName }, at });
    return trainingView({ ...before, ...change });
  });
  return { ...report, committed: true, training };
}
