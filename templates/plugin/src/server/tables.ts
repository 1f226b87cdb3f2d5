import type { Kysely, Selectable } from 'kysely';
import type { PlatformDatabase } from '@licheng/server';

/** 公告 — a notice the office posts to the school. Every row carries its school code. */
export interface __PASCAL__NoticeTable {
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
export type __PASCAL__Tables = {
  __SNAKE___notices: __PASCAL__NoticeTable;
};

export type __PASCAL__Database = PlatformDatabase & __PASCAL__Tables;
export type __PASCAL__Notice = Selectable<__PASCAL__NoticeTable>;

/** The procedure context's database, typed with this office's tables too. */
export function __CAMEL__Db(db: Kysely<PlatformDatabase>): Kysely<__PASCAL__Database> {
  return db.withTables<__PASCAL__Tables>();
}
