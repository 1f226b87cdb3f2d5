import { isPurgeDue, purgeDate, statusOn, taipeiDate, type SchoolConfig, type StatusChange, type StatusChangeKind } from '@licheng/core';
import { type DialectName, forUpdate, inChunks, isWriteConflict, newId, nowIso } from '@licheng/db';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit.ts';
import type { JobDefinition } from '../jobs/job-runner.ts';
import type { PluginDefinition } from '../plugin.ts';
import type { PlatformDatabase } from '../platform/tables.ts';
import { syncStudentStatus } from '../students/status.ts';

/**
 * 封存與刪除 (ADR 0034): seals graduates (students.status `graduated`, which the records layer
 * refuses to write) on their graduation day, and purges a graduate's portfolio once the school's
 * retention period has passed — never a day early. Purging deletes the student's records, their
 * selections and imported-record origins, each enabled office's own rows about the student
 * (the office's `retention` hook), and the stored-file rows only those rows named;
 * the objects themselves are left to the storage sweep, which removes an object only when no
 * row of any student references it (ADR 0010). One transaction per student under the student's
 * row lock, with a unique `retention_purges` row: a second run, or a second process, purges nothing more.
 */

type Db = Kysely<PlatformDatabase>;

/** The system's name in the audit trail for what the retention job does. */
export const RETENTION_ACTOR = { userId: 'system:retention', name: '系統（保存期限）' } as const;
export const PURGE_ACTION = 'student.portfolio.purge';

export interface PurgedStudent {
  studentId: string;
  studentNo: string;
  name: string;
  graduatedOn: string;
  dueOn: string;
  records: number;
  files: number;
  /** What each enabled office purged, table by table (tables with no rows left out). */
  offices: OfficePurged[];
}

export interface OfficePurged {
  office: string;
  table: string;
  rows: number;
}

/** The offices whose own tables the purge clears: those the school enables that have a retention hook. */
type RetentionOffice = Pick<PluginDefinition, 'id' | 'retention'>;

export interface RetentionReport {
  /** Today, Taipei. */
  today: string;
  /** Graduates (sealed) looked at. */
  graduates: number;
  /** Purged by this run. */
  purged: PurgedStudent[];
  /** Graduates still within the retention period, with the date each becomes due. */
  waiting: Array<{ studentId: string; dueOn: string }>;
}

/** Each graduate of the school on `today` and the date of their (latest) graduation. */
export async function graduatesOn(db: Db, school: string, today: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('status_changes')
    .select(['student_id', 'date', 'kind'])
    .where('school_code', '=', school)
    .where('student_id', 'in', db.selectFrom('status_changes').select('student_id').where('school_code', '=', school).where('kind', '=', 'graduate'))
    .orderBy('date')
    .orderBy('created_at')
    .execute();
  const by = new Map<string, StatusChange[]>();
  for (const r of rows) by.set(r.student_id, [...(by.get(r.student_id) ?? []), { date: r.date, kind: r.kind as StatusChangeKind, seq: by.get(r.student_id)?.length ?? 0 }]);
  const graduates = new Map<string, string>();
  for (const [id, changes] of by) {
    if (statusOn(changes, today) !== 'graduated') continue;
    const graduated = changes.filter((c) => c.kind === 'graduate' && c.date.slice(0, 10) <= today).at(-1)!;
    graduates.set(id, graduated.date.slice(0, 10));
  }
  return graduates;
}

/** Seals today's graduates and purges those past the retention period. */
export async function runRetention(db: Db, dialect: DialectName, config: SchoolConfig, now: Date, offices: readonly RetentionOffice[] = []): Promise<RetentionReport> {
  const school = config.code;
  const today = taipeiDate(now);
  const graduates = await graduatesOn(db, school, today);
  // A graduation recorded ahead of its date seals the student on the day (students.status).
  await syncStudentStatus(db, school, [...graduates.keys()], now);
  const done = new Set((await db.selectFrom('retention_purges').select('student_id').where('school_code', '=', school).execute()).map((r) => r.student_id));
  const report: RetentionReport = { today, graduates: graduates.size, purged: [], waiting: [] };
  for (const [studentId, graduatedOn] of graduates) {
    if (done.has(studentId)) continue;
    if (!isPurgeDue(graduatedOn, config.retention, today)) {
      report.waiting.push({ studentId, dueOn: purgeDate(graduatedOn, config.retention) });
      continue;
    }
    const purged = await purgeStudent(db, dialect, school, studentId, graduatedOn, purgeDate(graduatedOn, config.retention), now, offices);
    if (purged) report.purged.push(purged);
  }
  return report;
}

/** Purges one graduate in one transaction; null when another run purged them first. */
async function purgeStudent(db: Db, dialect: DialectName, school: string, studentId: string, graduatedOn: string, dueOn: string, now: Date, offices: readonly RetentionOffice[]): Promise<PurgedStudent | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      const student = await forUpdate(trx.selectFrom('students').select(['id', 'student_no', 'name']).where('id', '=', studentId).where('school_code', '=', school), dialect).executeTakeFirst();
      if (!student) return null;
      if (await trx.selectFrom('retention_purges').select('id').where('school_code', '=', school).where('student_id', '=', studentId).executeTakeFirst()) return null;
      // Claim the purge first: of two processes the second fails on the unique key and rolls back.
      const purgeId = newId();
      await trx.insertInto('retention_purges').values({ id: purgeId, school_code: school, student_id: studentId, graduated_on: graduatedOn, due_on: dueOn, records: 0, files: 0, purged_at: nowIso(now) }).execute();
      // Offices first: their rows may point at the student's records (a mirror row, a correction).
      const officeFileIds: string[] = [];
      const officesPurged: OfficePurged[] = [];
      for (const office of offices) {
        if (!office.retention) continue;
        officeFileIds.push(...((await office.retention.fileIdsOf?.(trx, school, studentId)) ?? []));
        for (const purged of await office.retention.purgeStudent(trx, school, studentId)) {
          if (purged.rows > 0) officesPurged.push({ office: office.id, table: purged.table, rows: purged.rows });
        }
      }
      const records = await trx.selectFrom('records').select(['id', 'kind', 'document_file_id', 'media_file_id']).where('school_code', '=', school).where('student_id', '=', studentId).execute();
      const recordIds = records.map((r) => r.id);
      const fileIds = [...new Set([...records.flatMap((r) => [r.document_file_id, r.media_file_id]), ...officeFileIds].filter((id): id is string => id !== null))];
      for (const ids of inChunks(recordIds)) {
        await trx.deleteFrom('selections').where('record_id', 'in', ids).execute();
        await trx.deleteFrom('record_origins').where('record_id', 'in', ids).execute();
        await trx.deleteFrom('records').where('id', 'in', ids).execute();
      }
      // A file row another record or office row still names stays; the sweep removes an object only when no row names it.
      const fileColumns = [{ table: 'records', column: 'document_file_id' }, { table: 'records', column: 'media_file_id' }, ...offices.flatMap((o) => o.retention?.fileColumns ?? [])];
      let files = 0;
      for (const ids of inChunks(fileIds)) {
        const kept = new Set<string>();
        for (const { table, column } of fileColumns) {
          const used = await (trx as Kysely<any>).selectFrom(table).select(column).where(column, 'in', ids).execute();
          for (const row of used) kept.add(String(row[column]));
        }
        const free = ids.filter((id) => !kept.has(id));
        if (free.length) files += Number((await trx.deleteFrom('stored_files').where('id', 'in', free).executeTakeFirst()).numDeletedRows);
      }
      await trx.updateTable('retention_purges').set({ records: recordIds.length, files, offices: JSON.stringify(officesPurged) }).where('id', '=', purgeId).execute();
      const kinds: Record<string, number> = {};
      for (const r of records) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
      await writeAudit(trx, {
        school,
        actor: RETENTION_ACTOR,
        role: 'system',
        actedFor: null,
        action: PURGE_ACTION,
        entity: 'student',
        entityId: studentId,
        studentId,
        before: { records: recordIds.length, files, kinds, offices: officesPurged },
        after: { graduatedOn, dueOn, purgedOn: taipeiDate(now) },
        at: now,
      });
      return { studentId, studentNo: student.student_no, name: student.name, graduatedOn, dueOn, records: recordIds.length, files, offices: officesPurged };
    });
  } catch (error) {
    if (isWriteConflict(error)) return null;
    throw error;
  }
}

/** The report in lines, for the job's log and the CLI. */
export function describeRetention(report: RetentionReport): string {
  return [
    `retention ${report.today}: ${report.graduates} sealed graduates; purged ${report.purged.length}; ${report.waiting.length} still within the retention period`,
    ...report.purged.map(
      (p) =>
        `  purged ${p.studentNo} ${p.name} (graduated ${p.graduatedOn}, due ${p.dueOn}): ${p.records} records, ${p.files} file rows released to the sweep` +
        (p.offices.length ? `; ${p.offices.map((o) => `${o.office} ${o.table} ${o.rows}`).join(', ')}` : ''),
    ),
  ].join('\n');
}

/** The retention job for the job runner: daily by default; `offices` are the enabled offices (enabledPlugins), whose retention hooks it calls. */
export function retentionJob(options: { db: Db; dialect: DialectName; config: SchoolConfig; everyMs?: number; offices?: readonly RetentionOffice[] }): JobDefinition {
  return {
    name: `retention:${options.config.code}`,
    everyMs: options.everyMs ?? 24 * 60 * 60 * 1000,
    run: async (now) => describeRetention(await runRetention(options.db, options.dialect, options.config, now, options.offices)),
  };
}
