import { z } from 'zod';

/** What a backup folder holds, described by its manifest.json (see docs/adr/0012-backup-format.md). */
export const BACKUP_FORMAT = 'licheng-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const relativePath = z.string().regex(/^(tables|objects)\/[A-Za-z0-9_./-]+$/).refine((p) => !p.split('/').includes('..'), 'no .. in a backup path');

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  school: z.string(),
  dialect: z.enum(['sqlite', 'mysql']),
  /** The migrations applied in each scope, by migration table (licheng_migrations_<scope>). */
  migrations: z.record(z.string(), z.array(z.string())),
  /** Every table of the database, each dumped to one gzipped JSON Lines file (one array of values a line). */
  tables: z.array(
    z.object({
      name: z.string().regex(/^[A-Za-z0-9_]+$/),
      file: relativePath,
      rows: z.number().int().nonnegative(),
      columns: z.array(z.string()).min(1),
      primaryKey: z.array(z.string()),
    }),
  ),
  /** Every stored object a row of the snapshot references, copied and hashed. */
  objects: z.array(z.object({ sha256, size: z.number().int().nonnegative(), file: relativePath })),
  /** Referenced objects that could not be copied (missing from storage or not matching their hash). */
  problems: z.array(z.object({ sha256, problem: z.enum(['missing', 'hash-mismatch']) })),
  /** SHA-256 and size of every file in the backup except this manifest. */
  files: z.record(relativePath, z.object({ size: z.number().int().nonnegative(), sha256 })),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const tableFile = (table: string) => `tables/${table}.jsonl.gz`;
export const objectFile = (sha: string) => `objects/${sha.slice(0, 2)}/${sha}`;

/** The migration table of a scope (as migrationTableName writes it) and its lock table. */
export const isMigrationTable = (table: string) => /^licheng_migrations_[a-z0-9_]+$/.test(table) && !table.endsWith('_lock');
