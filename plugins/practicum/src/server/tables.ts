import type { Kysely, Selectable } from 'kysely';
import type { PlatformDatabase } from '@licheng/server';

/** 公告 — a notice the office posts to the school. Every row carries its school code. */
export interface PracticumNoticeTable {
  id: string;
  school_code: string;
  title: string;
  body: string;
  posted_by: string;
  posted_by_name: string;
  posted_at: string;
}

/** The office's own tables; the platform's (students, courses, records, …) are readable beside them.
 *  A type alias, not an interface: Kysely's `withTables` needs an indexable type. */
export type PracticumTables = {
  practicum_notices: PracticumNoticeTable;
};

export type PracticumDatabase = PlatformDatabase & PracticumTables;
export type PracticumNotice = Selectable<PracticumNoticeTable>;

/** The procedure context's database, typed with this office's tables too. */
export function practicumDb(db: Kysely<PlatformDatabase>): Kysely<PracticumDatabase> {
  return db.withTables<PracticumTables>();
}
