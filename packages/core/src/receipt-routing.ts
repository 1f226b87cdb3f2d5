import type { LocalizedText } from './errors.ts';
import { receiptRosterOf, type ReceiptRoster } from './receipt-package.ts';
import type { Role } from './roles.ts';

/**
 * Where a student's issue (疑義) about a 收訖明細 item goes: the office that owns the record the
 * central database received (SPEC §2, §4 step 7: "raised issues go to the responsible office,
 * which corrects and resubmits"). Routing is data — roster → office — read by one pure function.
 */

/** The offices that answer receipt issues. */
export const RECEIPT_ISSUE_OFFICES = ['registry', 'subject-teacher', 'student-affairs', 'activities', 'practicum'] as const;
export type ReceiptIssueOffice = (typeof RECEIPT_ISSUE_OFFICES)[number];

export interface ReceiptIssueOfficeDefinition {
  label: LocalizedText;
  /** The roles that see and answer the office's issues; a subject teacher only the issues routed to them by name. */
  roles: readonly Role[];
}

export const RECEIPT_ISSUE_OFFICE_DEFINITIONS: Record<ReceiptIssueOffice, ReceiptIssueOfficeDefinition> = {
  registry: { label: { 'zh-TW': '教務處註冊組', en: 'Registry office' }, roles: ['registry-staff'] },
  'subject-teacher': { label: { 'zh-TW': '任課教師', en: 'Subject teacher' }, roles: ['subject-teacher'] },
  'student-affairs': { label: { 'zh-TW': '學務處', en: 'Student affairs office' }, roles: ['student-affairs-staff', 'activities-staff'] },
  activities: { label: { 'zh-TW': '學務處訓育組', en: 'Student activities section' }, roles: ['activities-staff', 'student-affairs-staff'] },
  practicum: { label: { 'zh-TW': '實習處', en: 'Practicum office' }, roles: ['practicum-staff'] },
};

/** The registry coordinates the receipt: it sees every issue and may answer any (a teacher who has left, a misrouted one). */
export const RECEIPT_COORDINATOR_ROLE: Role = 'registry-staff';

export interface ReceiptIssueRoute {
  /** Who answers an issue on this roster. */
  office: ReceiptIssueOffice;
  /** The record kind (RECORD_KINDS) whose record an entry row may be matched to, when the school keeps it. */
  recordKind?: string;
  /** 'course-teacher': the course's teacher (the record's certifier) when a row names a course that can be found; else `office`. */
  owner?: 'course-teacher';
}

/**
 * Roster → office, from who owns and submits each record (SPEC §2, §4 step 6; RECORD_KINDS):
 * - 修課紀錄: grades are the registry's (course-record, certified by registry-staff).
 * - 課程學習成果: the subject teacher of the course certifies the outcome; the registry submits
 *   the roster and takes the issue when no course or teacher can be found.
 * - 多元表現: the student's own entries, which nobody certifies (RECORD_KINDS' performance kinds);
 *   訓育組 (activities) submits roster 25, so it answers.
 * - 校內幹部經歷: 學務處 (the cadre kind: 學務處 and its 訓育組 enter and certify it).
 */
export const RECEIPT_ISSUE_ROUTES: Record<ReceiptRoster, ReceiptIssueRoute> = {
  修課紀錄: { office: 'registry', recordKind: 'course-record' },
  課程學習成果: { office: 'registry', recordKind: 'outcome', owner: 'course-teacher' },
  多元表現: { office: 'activities' },
  校內幹部經歷: { office: 'student-affairs', recordKind: 'cadre' },
};

/**
 * Rows of a roster whose record another office owns, where the school runs that office (its
 * plugin enabled): in 多元表現, a 技能檢定及技術士證照 (證照類型 3) and 職場學習 are the 實習處's
 * (vocational schools: it registers skill certificates and internships); elsewhere the roster's
 * office answers them as the student's own entries.
 */
export interface ReceiptSheetRoute {
  sheet: string;
  office: ReceiptIssueOffice;
  /** The plugin that must be enabled for this route. */
  plugin: string;
  /** Only rows whose `column` holds one of `values`. */
  column?: string;
  values?: readonly string[];
}

export const RECEIPT_ISSUE_SHEET_ROUTES: Partial<Record<ReceiptRoster, readonly ReceiptSheetRoute[]>> = {
  多元表現: [
    { sheet: '檢定證照紀錄', column: '證照類型', values: ['3'], office: 'practicum', plugin: 'practicum' },
    { sheet: '職場學習紀錄', office: 'practicum', plugin: 'practicum' },
  ],
};

/** The sheet route an issue's row takes, if any (`enabled`: the school's enabled plugins). */
export function receiptSheetRoute(rosterName: string, row: ReceiptEntryRow | null, enabled: readonly string[]): ReceiptSheetRoute | null {
  const roster = receiptRosterOf(rosterName);
  if (!roster || !row) return null;
  return (
    (RECEIPT_ISSUE_SHEET_ROUTES[roster] ?? []).find(
      (r) => r.sheet === row.sheet && enabled.includes(r.plugin) && (!r.column || (r.values ?? []).includes(String(row.row[r.column] ?? '').trim())),
    ) ?? null
  );
}

/** The route of a receipt roster by its stored name (a roster that names none of the four goes to the registry). */
export function receiptIssueRoute(rosterName: string): ReceiptIssueRoute {
  const roster = receiptRosterOf(rosterName);
  return roster ? RECEIPT_ISSUE_ROUTES[roster] : { office: 'registry' };
}

export interface RoutedIssue {
  office: ReceiptIssueOffice;
  /** The teacher's user id (host `sub`) when the issue goes to a subject teacher. */
  ownerUserId: string | null;
  ownerName: string | null;
}

/**
 * Who answers an issue on `rosterName`: for 課程學習成果 the course's teacher when one was found
 * (`teacher`); a row another enabled office owns (RECEIPT_ISSUE_SHEET_ROUTES) goes to it; else
 * the roster's office.
 */
export function routeReceiptIssue(rosterName: string, teacher: { userId: string; name: string } | null, row: ReceiptEntryRow | null = null, enabled: readonly string[] = []): RoutedIssue {
  const sheet = receiptSheetRoute(rosterName, row, enabled);
  if (sheet) return { office: sheet.office, ownerUserId: null, ownerName: null };
  const route = receiptIssueRoute(rosterName);
  if (route.owner === 'course-teacher' && teacher) return { office: 'subject-teacher', ownerUserId: teacher.userId, ownerName: teacher.name };
  return { office: route.office, ownerUserId: null, ownerName: null };
}

/** Whether a caller with `roles` (and user id) may see and answer an issue routed as `issue`. */
export function answersReceiptIssue(issue: { office: string; ownerUserId: string | null }, caller: { userId: string; roles: readonly Role[] }): boolean {
  if (caller.roles.includes(RECEIPT_COORDINATOR_ROLE)) return true;
  if (issue.office === 'subject-teacher') return caller.roles.includes('subject-teacher') && issue.ownerUserId === caller.userId;
  const office = RECEIPT_ISSUE_OFFICE_DEFINITIONS[issue.office as ReceiptIssueOffice];
  return !!office && office.roles.some((r) => caller.roles.includes(r));
}

/** The offices (other than the subject teacher's own issues) whose issues a caller sees; every office for the registry. */
export function receiptIssueOfficesOf(roles: readonly Role[]): ReceiptIssueOffice[] {
  if (roles.includes(RECEIPT_COORDINATOR_ROLE)) return [...RECEIPT_ISSUE_OFFICES];
  return RECEIPT_ISSUE_OFFICES.filter((o) => o !== 'subject-teacher' && RECEIPT_ISSUE_OFFICE_DEFINITIONS[o].roles.some((r) => roles.includes(r)));
}

/** Every role that answers some receipt issue. */
export const RECEIPT_ANSWERING_ROLES: readonly Role[] = [...new Set(Object.values(RECEIPT_ISSUE_OFFICE_DEFINITIONS).flatMap((o) => o.roles))];

/** One row of a received entry: its sheet (子清單), its 0-based index there, and its columns. */
export interface ReceiptEntryRow {
  sheet: string;
  index: number;
  row: Record<string, unknown>;
}

/** The rows of a student's received entry, sheet by sheet (身分證號 and 出生日期 are not sheets). */
export function receiptEntryRows(entry: Record<string, unknown>): ReceiptEntryRow[] {
  const rows: ReceiptEntryRow[] = [];
  for (const [sheet, value] of Object.entries(entry)) {
    if (!Array.isArray(value)) continue;
    value.forEach((row, index) => {
      if (row && typeof row === 'object' && !Array.isArray(row)) rows.push({ sheet, index, row: row as Record<string, unknown> });
    });
  }
  return rows;
}

/**
 * The row an issue is about: the one the student named (sheet and index), or the entry's only
 * row when it has just one; null when the student named none and there are several.
 * Returns undefined when the named row does not exist.
 */
export function receiptIssueRow(entry: Record<string, unknown>, about: { sheet: string; index: number } | null): ReceiptEntryRow | null | undefined {
  const rows = receiptEntryRows(entry);
  if (!about) return rows.length === 1 ? rows[0]! : null;
  return rows.find((r) => r.sheet === about.sheet && r.index === about.index);
}

/** A row's course code (課程代碼), trimmed, or null. */
export function receiptRowCourseCode(row: ReceiptEntryRow | null | undefined): string | null {
  const code = row?.row['課程代碼'];
  return typeof code === 'string' && code.trim() !== '' ? code.trim() : null;
}

/**
 * An issue's life: open (waiting for the office) → answered (with `corrected` yes or no) →
 * closed when the student accepts the answer, or when the next receipt has that student's roster
 * again ('next-receipt'). Issues resolved before answers existed read as closed.
 */
export type ReceiptIssueStatus = 'open' | 'answered' | 'closed';
export type ReceiptIssueClosedBy = 'student' | 'next-receipt';
