import type { PracticumNotice } from '../tables.ts';

/** What the API returns of a notice: camelCase, no school code. */
export function toNoticeView(row: PracticumNotice) {
  return { id: row.id, title: row.title, body: row.body, postedByName: row.posted_by_name, postedAt: row.posted_at };
}

export type NoticeView = ReturnType<typeof toNoticeView>;
