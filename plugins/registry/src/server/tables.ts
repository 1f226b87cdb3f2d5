import type { Kysely, Selectable } from 'kysely';
import type { PlatformDatabase } from '@licheng/server';

/** 學期成績 — one grade of a student in a course and term (ROSTERS §3, §4). */
export interface CourseGradeTable {
  id: string;
  school_code: string;
  student_id: string;
  academic_year: number;
  semester: number;
  take: string; // GradeTake: term | make-up | retake | repeat-year | transfer | borrowed | night
  course_code: string; // 課程代碼 (重修: 原修課課程代碼)
  score: string; // 學期學業成績 as the roster writes it ('78', '59.5', '-1')
  passed: number; // 成績及格 1 / 0 / -1
  make_up_score: string; // 補考成績
  make_up_passed: number; // 補考及格
  credit_counted: number; // 是否採計學分 1 / 2 / 3
  description: string; // 質性文字描述
  context_json: string; // the context of the way it was taken (GradeContext)
  created_at: string;
  updated_at: string;
}

/** 成績複查 — a student's appeal about one grade. */
export interface GradeAppealTable {
  id: string;
  school_code: string;
  grade_id: string;
  student_id: string;
  text: string;
  status: 'open' | 'answered';
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  raised_at: string;
}

/** 名冊匯出 — one exported roster file and its per-student content (SnapshotStudent[] as JSON). */
export interface RosterExportTable {
  id: string; // the roster file's stored_files id
  school_code: string;
  roster: string;
  batch: string;
  academic_year: number;
  semester: number;
  kind: number; // 名冊別
  layout_version: string;
  file_name: string;
  sha256: string;
  row_count: number;
  review_file_id: string | null;
  content_json: string;
  exported_by: string;
  exported_at: string;
}

/** 提交快照 — an export marked as submitted to the central database; never updated or deleted. */
export interface RosterSnapshotTable {
  id: string;
  school_code: string;
  export_id: string;
  roster: string;
  batch: string;
  academic_year: number;
  semester: number;
  kind: number;
  layout_version: string;
  file_id: string;
  file_name: string;
  sha256: string;
  row_count: number;
  student_count: number;
  content_json: string;
  submitted_by: string;
  submitted_by_name: string;
  submitted_role: string;
  submitted_at: string;
}

export type RegistryTables = {
  course_grades: CourseGradeTable;
  grade_appeals: GradeAppealTable;
  roster_exports: RosterExportTable;
  roster_snapshots: RosterSnapshotTable;
};
export type RegistryDatabase = PlatformDatabase & RegistryTables;
export type CourseGrade = Selectable<CourseGradeTable>;

/** The procedure context's database, typed with this office's tables too. */
export function registryDb(db: Kysely<PlatformDatabase>): Kysely<RegistryDatabase> {
  return db.withTables<RegistryTables>();
}
