import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '@licheng/server';

/** One reminder sent to one student; `reasons` is a JSON array of check reasons; read_at set when the student dismisses it. */
export interface HomeroomReminderTable {
  id: string;
  school_code: string;
  student_id: string;
  class_name: string;
  academic_year: number;
  semester: number;
  reasons: string;
  note: string | null;
  sent_by: string;
  sent_by_name: string;
  sent_at: string;
  read_at: string | null;
}

export type HomeroomDatabase = PlatformDatabase & { homeroom_reminders: HomeroomReminderTable };

/** The procedure context's database, typed with this office's table too. */
export function homeroomDb(db: Kysely<PlatformDatabase>): Kysely<HomeroomDatabase> {
  return db.withTables<{ homeroom_reminders: HomeroomReminderTable }>();
}
