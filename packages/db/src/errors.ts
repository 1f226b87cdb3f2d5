/**
 * Whether a database error is a write conflict with another transaction — a unique key taken
 * meanwhile, a deadlock or lock timeout (MySQL/MariaDB), or a unique/busy error (SQLite) —
 * rather than a bug: callers turn it into a clear "try again" for the user.
 */
export function isWriteConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return ['ER_DUP_ENTRY', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_BUSY'].includes(code);
}
