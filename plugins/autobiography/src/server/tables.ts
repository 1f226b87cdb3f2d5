import type { EssayKind, EssayLanguage } from '@licheng/core';
import type { PlatformDatabase } from '@licheng/server';
import type { Kysely, Selectable } from 'kysely';

/** Where a document stands: 草稿 draft, 已送出檢核 submitted, 通過 passed, 退回修改 returned. */
export const DOCUMENT_STATUSES = ['draft', 'submitted', 'passed', 'returned'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** One student's 自傳 or 學習計畫 in one language. */
export interface DocumentTable {
  id: string;
  school_code: string;
  student_id: string;
  kind: EssayKind;
  language: EssayLanguage;
  status: DocumentStatus;
  /** The number of the newest version (the base a save must name). */
  latest_version: number;
  /** The version sent for checking (送出檢核), kept once decided; null before the first submission. */
  submitted_version: number | null;
  submitted_at: string | null;
  /** The `records` row that shows it in the portfolio and to the homeroom check; from the first submission. */
  record_id: string | null;
  created_at: string;
  updated_at: string;
}

/** One saved draft; rows are only ever inserted. */
export interface VersionTable {
  id: string;
  school_code: string;
  document_id: string;
  number: number;
  /** The whole text; a study plan's sections under their headings. */
  text: string;
  /** A study plan's sections as JSON ({ self, career, goals, strengths, interests }); null for an autobiography. */
  sections: string | null;
  char_count: number;
  /** The version this one was restored from (以此版本為新草稿), if any. */
  restored_from: number | null;
  saved_by: string;
  saved_by_name: string;
  saved_at: string;
}

/** A checker's decision (通過 / 退回修改) on a submitted version; reopened (撤回) with a reason. */
export interface CheckTable {
  id: string;
  school_code: string;
  document_id: string;
  version: number;
  decision: 'passed' | 'returned';
  comment: string | null;
  decided_by: string;
  decided_by_name: string;
  decided_role: string;
  decided_at: string;
  reopened_at: string | null;
  reopen_reason: string | null;
}

/** A type alias, not an interface: Kysely's `withTables` needs an indexable type. */
export type AutobiographyTables = {
  autobiography_documents: DocumentTable;
  autobiography_versions: VersionTable;
  autobiography_checks: CheckTable;
};

export type AutobiographyDatabase = PlatformDatabase & AutobiographyTables;
export type DocumentRow = Selectable<DocumentTable>;
export type VersionRow = Selectable<VersionTable>;
export type CheckRow = Selectable<CheckTable>;

/** The procedure context's database, typed with this office's tables too. */
export function autobiographyDb(db: Kysely<PlatformDatabase>): Kysely<AutobiographyDatabase> {
  return db.withTables<AutobiographyTables>();
}
