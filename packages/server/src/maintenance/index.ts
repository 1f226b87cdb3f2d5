export * from './backup-format.ts';
export * from './backup.ts';
export * from './restore.ts';
export * from './verify-backup.ts';
export * from './verify-live.ts';
export * from './migration-scopes.ts';
