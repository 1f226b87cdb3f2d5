import { DomainError } from '@licheng/core';
import { forUpdate, type DialectName } from '@licheng/db';
import type { Kysely } from 'kysely';
import type { MeetingRow, TrainingRow, WorkingGroupDatabase } from './tables.ts';

/** The meeting `id` of the school, locked for the caller's transaction; another school's or a missing one is not found. */
export async function lockMeeting(db: Kysely<WorkingGroupDatabase>, dialect: DialectName, school: string, id: string): Promise<MeetingRow> {
  const row = await forUpdate(db.selectFrom('working_group_meetings').selectAll().where('id', '=', id).where('school_code', '=', school), dialect).executeTakeFirst();
  if (!row) throw new DomainError('not-found', {});
  return row;
}

/** The training `id` of the school, locked likewise. */
export async function lockTraining(db: Kysely<WorkingGroupDatabase>, dialect: DialectName, school: string, id: string): Promise<TrainingRow> {
  const row = await forUpdate(db.selectFrom('working_group_trainings').selectAll().where('id', '=', id).where('school_code', '=', school), dialect).executeTakeFirst();
  if (!row) throw new DomainError('not-found', {});
  return row;
}
