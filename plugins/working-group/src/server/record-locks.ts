import { DomainError } from '@licheng/core';
import { forUpdate, type DialectName } from '@licheng/db';
import type { Kysely, Selectable } from 'kysely';
import type { MeetingRow, TrainingRow, WorkingGroupDatabase, WorkingGroupTables } from './tables.ts';

/**
 * The row `id` of the school in one of the group's tables, locked for the caller's transaction;
 * another school's or a missing one is not found.
 */
export async function lockSchoolRow<T extends keyof WorkingGroupTables>(db: Kysely<WorkingGroupDatabase>, dialect: DialectName, table: T, school: string, id: string): Promise<Selectable<WorkingGroupTables[T]>> {
  // The tables differ in their columns; all have `id` and `school_code`.
  const query = (db as unknown as Kysely<{ row: { id: string; school_code: string } }>)
    .selectFrom(table as unknown as 'row')
    .selectAll()
    .where('id', '=', id)
    .where('school_code', '=', school);
  const row = await forUpdate(query, dialect).executeTakeFirst();
  if (!row) throw new DomainError('not-found', {});
  return row as Selectable<WorkingGroupTables[T]>;
}

/** The meeting `id` of the school, locked (see lockSchoolRow). */
export const lockMeeting = (db: Kysely<WorkingGroupDatabase>, dialect: DialectName, school: string, id: string): Promise<MeetingRow> => lockSchoolRow(db, dialect, 'working_group_meetings', school, id);

/** The training `id` of the school, locked likewise. */
export const lockTraining = (db: Kysely<WorkingGroupDatabase>, dialect: DialectName, school: string, id: string): Promise<TrainingRow> => lockSchoolRow(db, dialect, 'working_group_trainings', school, id);
