import { isPurgeDue, purgeDate, statusOn, taipeiDate, type SchoolConfig, type StatusChange, type StatusChangeKind } from '@licheng/core';
import { forUpdate, isWriteConflict, newId, nowIso, type DialectName } from '@licheng/db';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit.ts';
import type { JobDefinition } from '../jobs/job-runner.ts';
import type { PlatformDatabase } from '../platform/tables.ts';
import { syncStudentStatus } from '../students/status.ts';

/**
 * 封存與刪除 (ADR 0034): seals graduates (students.status `graduated`, which the records layer
 * refuses to write) on their graduation day, and purges a graduate's portfolio once the school's
 * retention period has passed — never a day early. Purging deletes the student's records, their
 * selections and imported-record origins, and the stored-file rows only those records named;
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
}

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
export async function runRetention(db: Db, dialect: DialectName, config: SchoolConfig, now: Date): Promise<RetentionReport> {
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
    const purged = await purgeStudent(db, dialect, school, studentId, graduatedOn, purgeDate(graduatedOn, config.retention), now);
    if (purged) report.purged.push(purged);
  }
  return report;
}

/** Purges one graduate in one transaction; null when another run purged them first. */
async function purgeStudent(db: Db, dialect: DialectName, school: string, studentId: string, graduatedOn: string, dueOn: string, now: Date): Promise<PurgedStudent | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      const student = await forUpdate(trx.selectFrom('students').select(['id', 'student_no', 'name']).where('id', '=', studentId).where('school_code', '=', school), dialect).executeTakeFirst();
      if (!student) return null;
      if (await trx.selectFrom('retention_purges').select('id').where('school_code', '=', school).where('student_id', '=', studentId).executeTakeFirst()) return null;
      // Claim the purge first: of two processes the second fails on the unique key and rolls back.
      const purgeId = newId();
      await trx.insertInto('retention_purges').values({ id: purgeId, school_code: school, student_id: studentId, graduated_on: graduatedOn, due_on: dueOn, records: 0, files: 0, purged_at: nowIso(now) }).execute();
      const records = await trx.selectFrom('records').select(['id', 'kind', 'document_file_id', 'media_file_id']).where('school_code', '=', school).where('student_id', '=', studentId).execute();
      const recordIds = records.map((r) => r.id);
      const fileIds = [...new Set(records.flatMap((r) => [r.document_file_id, r.media_file_id]).filter((id): id is string => id !== null))];
      for (let i = 0; i < recordIds.length; i += 500) {
        const ids = recordIds.slice(i, i + 500);
        await trx.deleteFrom('selections').where('record_id', 'in', ids).execute();
        await trx.deleteFrom('record_origins').where('record_id', 'in', ids).execute();
        await trx.deleteFrom('records').where('id', 'in', ids).execute();
      }
      // A file row another record still names stays; the sweep removes an object only when no row names it.
      let files = 0;
      for (let i = 0; i < fileIds.length; i += 500) {
        const ids = fileIds.slice(i, i + 500);
        const used = await trx
          .selectFrom('records')
          .select(['document_file_id', 'media_file_id'])
          .where((eb) => eb.or([eb('document_file_id', 'in', ids), eb('media_file_id', 'in', ids)]))
          .execute();
        const kept = new Set(used.flatMap((r) => [r.document_file_id, r.media_file_id]));
        const free = ids.filter((id) => !kept.has(id));
        if (free.length) files += Number((await trx.deleteFrom('stored_files').where('id', 'in', free).executeTakeFirst()).numDeletedRows);
      }
      await trx.updateTable('retention_purges').set({ records: recordIds.length, files }).where('id', '=', purgeId).execute();
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
        before: { records: recordIds.length, files, kinds },
        after: { graduatedOn, dueOn, purgedOn: taipeiDate(now) },
        at: now,
      });
      return { studentId, studentNo: student.student_no, name: student.name, graduatedOn, dueOn, records: recordIds.length, files };
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
    ...report.purged.map((p) => `  purged ${p.studentNo} ${p.name} (graduated ${p.graduatedOn}, due ${p.dueOn}): ${p.records} records, ${p.files} file rows released to the sweep`),
  ].join('\n');
}

/** The retention job for the job runner: daily by default. */
export function retentionJob(options: { db: Db; dialect: DialectName; config: SchoolConfig; everyMs?: number }): JobDefinition {
  return {
    name: `retention:${options.config.code}`,
    everyMs: options.everyMs ?? 24 * 60 * 60 * 1000,
    run: async (now) => describeRetention(await runRetention(options.db, options.dialect, options.config, now)),
  };
}
