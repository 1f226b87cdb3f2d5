import { DomainError, formatMessage, type Locale } from '@licheng/core';
import { isWriteConflict } from '@licheng/db';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { STORAGE_FAULT_STATUS, storageFault } from './storage/faults.ts';

const byCode: Record<string, TRPC_ERROR_CODE_KEY> = {
  unauthenticated: 'UNAUTHORIZED',
  'token-expired': 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  'account-departed': 'FORBIDDEN',
  'account-certification-only': 'FORBIDDEN',
  'not-found': 'NOT_FOUND',
  'already-decided': 'CONFLICT',
  'not-failed': 'CONFLICT',
  'resubmit-unchanged': 'BAD_REQUEST',
  'not-passed': 'CONFLICT',
  'not-decided': 'CONFLICT',
  'record-in-roster': 'CONFLICT',
  'try-again': 'CONFLICT',
  'selection-cap-reached': 'CONFLICT',
  'upload-cap-reached': 'CONFLICT',
  'record-frozen': 'CONFLICT',
  'version-conflict': 'CONFLICT',
  'essay-submitted': 'CONFLICT',
  'essay-not-submitted': 'CONFLICT',
  'essay-no-draft': 'CONFLICT',
  'essay-already-passed': 'CONFLICT',
  'essay-unchanged': 'CONFLICT',
  'essay-moved-on': 'CONFLICT',
  'file-too-large': 'PAYLOAD_TOO_LARGE',
  'file-type-not-allowed': 'UNSUPPORTED_MEDIA_TYPE',
  'import-xls-unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'import-encoding-unknown': 'UNSUPPORTED_MEDIA_TYPE',
  'not-on-roster': 'FORBIDDEN',
  'import-concurrent': 'CONFLICT',
  'window-closed': 'FORBIDDEN',
  'wg-evaluation-not-open': 'FORBIDDEN',
  'wg-not-executive-secretary': 'FORBIDDEN',
  'wg-award-decided': 'CONFLICT',
  'window-not-open': 'FORBIDDEN',
  'window-unscheduled': 'FORBIDDEN',
  'schedule-not-public': 'NOT_FOUND',
  // Another teacher's class reads as one that does not exist (the same answer for both).
  'class-not-homeroom': 'NOT_FOUND',
  'class-unknown': 'NOT_FOUND',
  'receipt-duplicate-import': 'CONFLICT',
  'roster-already-submitted': 'CONFLICT',
  'roster-export-not-found': 'NOT_FOUND',
  'receipt-issue-open': 'CONFLICT',
  'receipt-issue-answered': 'CONFLICT',
  'receipt-issue-not-answered': 'CONFLICT',
  'receipt-window-closed': 'FORBIDDEN',
  'receipt-paper-return-exists': 'CONFLICT',
  'receipt-paper-return-answered': 'CONFLICT',
  'receipt-paper-return-withdrawn': 'CONFLICT',
  'receipt-window-not-open': 'FORBIDDEN',
  'receipt-zip-too-large': 'PAYLOAD_TOO_LARGE',
  'transfer-package-too-large': 'PAYLOAD_TOO_LARGE',
  'certificate-duplicate': 'CONFLICT',
  // Grades and appeals: another student's grade reads as one that does not exist.
  'grade-not-found': 'NOT_FOUND',
  'appeal-not-found': 'NOT_FOUND',
  'appeal-answered': 'CONFLICT',
  'correction-stale': 'CONFLICT',
  'correction-empty': 'NOT_FOUND',
  'status-change-exists': 'CONFLICT',
  // 作業期程: another change got there first, or the window is not in the state the change needs.
  'schedule-version-conflict': 'CONFLICT',
  'schedule-window-collides': 'CONFLICT',
  'schedule-window-removed': 'CONFLICT',
  'schedule-window-not-removed': 'CONFLICT',
  'schedule-anchor-in-use': 'CONFLICT',
  // Roster rules found broken inside the write (another write got there first); an import reports them by row.
  'roster-national-id-taken': 'CONFLICT',
  'roster-seat-taken': 'CONFLICT',
  'roster-host-user-student': 'CONFLICT',
  'roster-host-user-teacher': 'CONFLICT',
  'import-host-user-taken': 'CONFLICT',
  // Answered 507 / 503 (domainHttpStatus): tRPC has no 507 of its own.
  'storage-full': 'SERVICE_UNAVAILABLE',
  'storage-unavailable': 'SERVICE_UNAVAILABLE',
};

/** The HTTP-facing tRPC code for a domain error code; anything else is the caller's bad input. */
export function domainErrorCode(code: string): TRPC_ERROR_CODE_KEY {
  return byCode[code] ?? 'BAD_REQUEST';
}

/** The HTTP status of a domain error code when its tRPC code cannot say it (507 for a full disk). */
export function domainHttpStatus(code: string): number | undefined {
  return STORAGE_FAULT_STATUS[code];
}

/**
 * The domain error an item of a batch failed with: a rule's own error, or `try-again` when
 * another transaction held the same rows, or a storage fault (`storage-full`,
 * `storage-unavailable`) when the disk refused the write. Anything else is a bug and is not
 * caught here.
 */
export function itemError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (isWriteConflict(error)) return new DomainError('try-again', {});
  const fault = storageFault(error);
  if (fault) console.error('[licheng] storage fault in the database:', (error as Error).message);
  return fault;
}

/**
 * Why `check` would refuse the work now, worded in the caller's language, or null when it would
 * let it through: the same rule the action runs, asked ahead so a screen can disable the action
 * and show the reason before the user tries (a closed window, say). Other errors propagate.
 */
export async function refusalOf(locale: Locale, check: () => unknown): Promise<string | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return formatMessage(error.code, error.params, locale);
    throw error;
  }
}
