import { performanceCapStanding, type RecordKindDefinition, type RecordStatus, type Role, type WindowState } from '@licheng/core';

/** Which cap a record counts toward: 6 outcomes a year, 10 performances a year; 'exempt' when the school or an office registered it (shown, never counted); null for the rest. */
export type PortfolioCap = 'outcome' | 'performance' | 'exempt' | null;

/**
 * Why a record is not done yet: 'failed' (未通過: fix and resubmit), 'awaiting-certification'
 * (認證中), 'not-selected' (selectable, not selected, the selection window open or to come),
 * 'selection-closed' (not selected and the window is closed or unscheduled: it does not go to
 * the central database this year); null when nothing is left to do.
 */
export type PendingReason = 'failed' | 'awaiting-certification' | 'not-selected' | 'selection-closed' | null;

/**
 * Records a student never sees in their portfolio: consultation notes that never leave the
 * school (school-only), and data only counseling keeps (counseling-only) — except, when the
 * school turns on rules.portfolio.showCounseling, the counseling-only records the student
 * entered themself.
 */
export function hiddenFromPortfolio(kind: Pick<RecordKindDefinition, 'visibility'> | undefined, record: { enteredRole: string }, rules: { showCounseling: boolean }): boolean {
  if (!kind || kind.visibility === 'school-only') return true;
  if (kind.visibility === 'counseling-only') return !(rules.showCounseling && record.enteredRole === 'student');
  return false;
}

export function capOf(record: { kind: string; status: RecordStatus; enteredRole: Role }): PortfolioCap {
  if (record.kind === 'outcome') return 'outcome';
  const standing = performanceCapStanding(record);
  return standing === 'counts' ? 'performance' : standing;
}

/** What is left to do on a record, given its selection window's state on the day asked. */
export function pendingReason(record: { status: RecordStatus; cap: PortfolioCap; selected: boolean }, selectionWindow: WindowState): PendingReason {
  if (record.status === 'failed') return 'failed';
  if (record.status === 'pending') return 'awaiting-certification';
  if (record.status !== 'passed' || record.selected || (record.cap !== 'outcome' && record.cap !== 'performance')) return null;
  return selectionWindow === 'open' || selectionWindow === 'not-yet' ? 'not-selected' : 'selection-closed';
}
