import type { Kysely, Selectable } from 'kysely';
import type { PlatformDatabase } from '@licheng/server';

/** 課程計畫版本 — one import of the approved course plan of a school and 實施學年度. */
export interface PlanVersionTable {
  id: string;
  school_code: string;
  plan_year: number; // 實施學年度
  version: number; // 1, 2, … per school and plan year
  source_name: string;
  source_sha256: string;
  line_count: number;
  imported_by: string;
  imported_by_name: string;
  imported_at: string;
}

/** One course of a plan version, with its code's parts stored beside the code. */
export interface PlanLineTable {
  id: string;
  school_code: string;
  version_id: string;
  code: string; // 課程代碼
  course_type: string; // 課程類型
  subject_name: string; // 報部科目名稱
  credits: string; // 授課學期學分節數
  offering_modes: string; // 授課學期開課方式
  attributes: string; // 課程屬性
  entry_year: number;
  class_group: string; // 班群
  category: string; // 課程類別
  subject_attribute: string; // 科目屬性
  domain: string; // 領域
}

/** 班群 of a class in an academic year, as the office sets it (no roster carries it). */
export interface ClassGroupTable {
  id: string;
  school_code: string;
  academic_year: number;
  class_name: string;
  class_group: string;
  updated_by: string;
  updated_at: string;
}

/** 開課預檢及比對 — one run of the pre-check for a term. */
export interface PrecheckRunTable {
  id: string;
  school_code: string;
  academic_year: number;
  semester: number;
  ran_by: string;
  ran_by_name: string;
  ran_at: string;
  plan_versions: string; // JSON: [{ planYear, versionId, version }]
  difference_count: number;
}

/** One 「不同」 of a run. */
export interface PrecheckDifferenceTable {
  id: string;
  school_code: string;
  run_id: string;
  position: number;
  kind: string;
  fixer: string; // curriculum 教學組 | registry 註冊組
  class_name: string;
  code: string;
  subject_name: string;
  course_id: string | null;
  student_id: string | null;
  student_no: string | null;
  student_name: string | null;
  expected: string;
  found: string;
}

/** The office's own tables; a type alias, not an interface: Kysely's `withTables` needs an indexable type. */
export type CurriculumTables = {
  curriculum_plan_versions: PlanVersionTable;
  curriculum_plan_lines: PlanLineTable;
  curriculum_class_groups: ClassGroupTable;
  curriculum_precheck_runs: PrecheckRunTable;
  curriculum_precheck_differences: PrecheckDifferenceTable;
};

export type CurriculumDatabase = PlatformDatabase & CurriculumTables;
export type PlanVersion = Selectable<PlanVersionTable>;
export type PlanLine = Selectable<PlanLineTable>;
export type PrecheckRun = Selectable<PrecheckRunTable>;
export type PrecheckDifferenceRow = Selectable<PrecheckDifferenceTable>;

/** The procedure context's database, typed with this office's tables too. */
export function curriculumDb(db: Kysely<PlatformDatabase>): Kysely<CurriculumDatabase> {
  return db.withTables<CurriculumTables>();
}
