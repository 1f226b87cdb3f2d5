import type { Kysely } from 'kysely';
import { isWriteConflict, nowIso } from '@licheng/db';
import { parseSchoolConfig, type SchoolConfig } from '@licheng/core';
import type { DeploymentDatabase } from './migrations.ts';

type Db = Kysely<DeploymentDatabase>;

/** A school the deployment serves: its configuration and the version each change raises. */
export interface StoredSchool {
  code: string;
  name: string;
  config: SchoolConfig;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export type SchoolStoreErrorCode = 'school-exists' | 'school-missing' | 'school-changed' | 'school-code-differs';

/** Why a change to the deployment's schools was refused; nothing was written. */
export class SchoolStoreError extends Error {
  constructor(
    readonly code: SchoolStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SchoolStoreError';
  }
}

/** Checks a configuration beyond its schema (the deployment passes: every enabled office is shipped). */
export type ConfigCheck = (config: SchoolConfig) => void;

function stored(row: DeploymentDatabase['deployment_schools']): StoredSchool {
  return { code: row.code, name: row.name, config: parseSchoolConfig(JSON.parse(row.config)), version: Number(row.version), updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** Every school, by code. */
export async function listSchools(db: Db): Promise<StoredSchool[]> {
  const rows = await db.selectFrom('deployment_schools').selectAll().orderBy('code').execute();
  return rows.map(stored);
}

/** One school, or null when the deployment does not serve it. */
export async function readSchool(db: Db, code: string): Promise<StoredSchool | null> {
  const row = await db.selectFrom('deployment_schools').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? stored(row) : null;
}

/** The school's current version, or null: what a process asks to see whether its app is stale. */
export async function schoolVersion(db: Db, code: string): Promise<number | null> {
  const row = await db.selectFrom('deployment_schools').select('version').where('code', '=', code).executeTakeFirst();
  return row ? Number(row.version) : null;
}

/**
 * Adds a school from its configuration (checked first: a bad one is refused with every problem
 * named). A school already there is refused, also when another process adds it at the same
 * moment (the primary key decides).
 */
export async function addSchool(db: Db, input: unknown, options: { by: string; now?: Date; check?: ConfigCheck }): Promise<StoredSchool> {
  const config = parseSchoolConfig(input);
  options.check?.(config);
  const at = nowIso(options.now);
  const row = { code: config.code, name: config.name, config: JSON.stringify(input), version: 1, created_at: at, updated_at: at, updated_by: options.by };
  try {
    await db.insertInto('deployment_schools').values(row).execute();
  } catch (error) {
    if (isWriteConflict(error)) throw new SchoolStoreError('school-exists', `school ${config.code} is already in this deployment; change it with an update`);
    throw error;
  }
  return stored(row);
}

/**
 * Replaces a school's configuration. With `expectedVersion`, refused when someone changed it
 * since that version was read (one conditional UPDATE: two editors never overwrite each other
 * unseen). The code inside the configuration must stay the school's.
 */
export async function updateSchool(db: Db, code: string, input: unknown, options: { by: string; now?: Date; expectedVersion?: number; check?: ConfigCheck }): Promise<StoredSchool> {
  const config = parseSchoolConfig(input);
  if (config.code !== code) throw new SchoolStoreError('school-code-differs', `the configuration is for school ${config.code}, not ${code}; a school's code never changes`);
  options.check?.(config);
  let query = db
    .updateTable('deployment_schools')
    .set((eb) => ({ name: config.name, config: JSON.stringify(input), version: eb('version', '+', 1), updated_at: nowIso(options.now), updated_by: options.by }))
    .where('code', '=', code);
  if (options.expectedVersion !== undefined) query = query.where('version', '=', options.expectedVersion);
  const result = await query.executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const current = await schoolVersion(db, code);
    if (current === null) throw new SchoolStoreError('school-missing', `school ${code} is not in this deployment; add it first`);
    throw new SchoolStoreError('school-changed', `school ${code} was changed meanwhile (now version ${current}, not ${options.expectedVersion}); read it again and redo the change`);
  }
  return (await readSchool(db, code))!;
}

/**
 * Seeds the deployment from configuration files: each school not yet in the database is added;
 * one already there keeps what the database holds (edits made since are never overwritten).
 * Returns the codes added.
 */
export async function seedSchools(db: Db, inputs: unknown[], options: { by: string; now?: Date; check?: ConfigCheck }): Promise<string[]> {
  const added: string[] = [];
  for (const input of inputs) {
    const config = parseSchoolConfig(input);
    if (await schoolVersion(db, config.code)) continue;
    try {
      added.push((await addSchool(db, input, options)).code);
    } catch (error) {
      // Another process seeding the same file at the same moment added it: fine.
      if (!(error instanceof SchoolStoreError && error.code === 'school-exists')) throw error;
    }
  }
  return added;
}
