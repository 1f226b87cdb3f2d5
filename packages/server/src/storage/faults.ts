import { DomainError } from '@licheng/core';

/** The disk (or the database's disk) has no room left: answered 507. */
const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'SQLITE_FULL', 'ER_RECORD_FILE_FULL', 'ER_DISK_FULL']);
/** The disk refuses or fails the write: answered 503. */
const UNAVAILABLE = new Set(['EIO', 'EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN']);

/** HTTP statuses of the storage fault codes (tRPC has no 507 of its own). */
export const STORAGE_FAULT_STATUS: Record<string, number> = { 'storage-full': 507, 'storage-unavailable': 503 };

/**
 * The clear answer for a storage fault — a full disk (`storage-full`, 507) or a disk that
 * refuses or fails writes (`storage-unavailable`, 503) — or null when `error` is something
 * else. SQLite's extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED …) count by their
 * primary code.
 */
export function storageFault(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error.code in STORAGE_FAULT_STATUS ? error : null;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const primary = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
  if (FULL.has(primary)) return new DomainError('storage-full', {});
  if (UNAVAILABLE.has(primary)) return new DomainError('storage-unavailable', {});
  return null;
}

/**
 * For reads that report an object they cannot open as missing (backups, verification): null
 * when it is missing, and the storage fault thrown when the store cannot answer — an object
 * store that is down is not a file that is lost.
 */
export function missingUnlessFault(error: unknown): null {
  const fault = storageFault(error);
  if (fault) throw fault;
  return null;
}
