import { assertSelectable, assertSelectionCap, DomainError } from '@licheng/core';
import { newId, nowIso } from '@licheng/db';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit.ts';
import type { AuthedContext } from '../context.ts';
import type { PlatformDatabase, Student } from '../platform/tables.ts';
import { lockStudent } from './enter.ts';
import { assertStudentsWritable } from './sealed.ts';

export interface SaveSelectionInput {
  student: Student;
  kind: string;
  academicYear: number;
  recordIds: string[];
  cap: number;
  /**
   * Which of the student's records of the year this selection takes (all count toward the cap);
   * records of `kind` when omitted. The performances' selection (kind 'performance') takes the
   * ten types the student entered (core's countsTowardPerformanceCap).
   */
  takes?: (record: { kind: string; status: string; enteredRole: string }) => boolean;
}

/**
 * The records a selection names, found by primary key alone: with `school_code` in the same
 * WHERE, SQLite (no statistics) reads every record of the school through the records_queue
 * index instead — milliseconds a save at a school of thousands of students, inside the
 * transaction. The caller checks the school on the rows.
 */
export function selectedRecordsQuery(db: Kysely<PlatformDatabase>, ids: string[]) {
  return db.selectFrom('records').select(['id', 'school_code', 'status', 'kind', 'academic_year', 'student_id', 'summary', 'entered_role']).where('id', 'in', ids);
}

/**
 * Replaces the student's selection (勾選) of one kind for one academic year. Runs under the
 * student's row lock, so parallel saves of one student serialise and the cap holds whatever
 * their timing. Rows are removed and added by primary key only — no range deletes — so saves
 * of different students take no gap locks on MySQL and never deadlock each other.
 */
export async function saveSelection(ctx: AuthedContext, input: SaveSelectionInput): Promise<string[]> {
  const ids = [...new Set(input.recordIds)];
  assertSelectionCap(0, ids.length, input.cap);
  return ctx.db.transaction().execute(async (trx) => {
    await lockStudent(trx, ctx, input.student.id);
    await assertStudentsWritable(trx, [input.student.id]);
    const records = ids.length ? await selectedRecordsQuery(trx, ids).execute() : [];
    const takes = input.takes ?? ((r: { kind: string }) => r.kind === input.kind);
    for (const id of ids) {
      const record = records.find((r) => r.id === id);
      if (!record || record.school_code !== ctx.config.code || record.student_id !== input.student.id || !takes({ kind: record.kind, status: record.status, enteredRole: record.entered_role }) || record.academic_year !== input.academicYear) {
        throw new DomainError('not-found', {});
      }
      assertSelectable(record.status as never);
    }
    const current = await trx
      .selectFrom('selections')
      .innerJoin('records', 'records.id', 'selections.record_id')
      .select(['selections.id', 'selections.record_id', 'records.summary'])
      .where('selections.student_id', '=', input.student.id)
      .where('selections.kind', '=', input.kind)
      .where('selections.academic_year', '=', input.academicYear)
      .execute();
    const removed = current.filter((s) => !ids.includes(s.record_id)).map((s) => s.id);
    const added = ids.filter((id) => !current.some((s) => s.record_id === id));
    if (removed.length) await trx.deleteFrom('selections').where('id', 'in', removed).execute();
    const at = nowIso(ctx.now());
    if (added.length) {
      await trx
        .insertInto('selections')
        .values(added.map((record_id) => ({ id: newId(), school_code: ctx.config.code, student_id: input.student.id, record_id, kind: input.kind, academic_year: input.academicYear, created_at: at })))
        .execute();
    }
    await writeAudit(trx, {
      school: ctx.config.code,
      actor: ctx.identity,
      role: ctx.actingRole,
      action: `${input.kind}.select`,
      entity: 'selection',
      entityId: `${input.student.id}:${input.kind}:${input.academicYear}`,
      studentId: input.student.id,
      // The chosen records before and after (簡述 and id): what was removed and added shows as the difference.
      before: { records: current.map((s) => s.summary), recordIds: current.map((s) => s.record_id) },
      after: { records: ids.map((id) => records.find((r) => r.id === id)!.summary), recordIds: ids },
      at: ctx.now(),
    });
    return ids;
  });
}
