import { newId } from '@licheng/db';
import { testRoster, users, type TestLicheng } from '@licheng/server/testing';
import { gradeCodes } from '../grades/grade-test-support.ts';

/** Course codes of the grade-roster tests: 國語文, 物理 (test roster), 9 + D and 團體活動時間 (seedGradeRoster). */
export const CODES = { chinese: testRoster.courses[0].code, physics: testRoster.courses[1].code, nineD: gradeCodes.nineD, groupActivity: gradeCodes.groupActivity };

export const COVER = ['學校代碼', '學年度', '學期', '名冊別'];

export { sheets, workbookAt } from '../test-support.ts';

export interface SeedGrade {
  student: string;
  code: string;
  take: string;
  semester?: number;
  score?: string;
  passed?: number;
  makeUpScore?: string;
  makeUpPassed?: number;
  creditCounted?: number;
  description?: string;
  context?: Record<string, string | number>;
}

/**
 * Grades written as the registry stores them (ADR 0020), directly: some (團體活動時間, a 補修方式
 * other than 3) are what older data or a correction can leave, which the import itself refuses.
 */
export async function seedGrades(t: TestLicheng, grades: SeedGrade[]): Promise<void> {
  const db = t.db.kysely as any;
  const ids = new Map((await db.selectFrom('students').select(['id', 'student_no']).execute()).map((s: any) => [s.student_no, s.id]));
  const at = '2025-10-01T00:00:00.000Z';
  for (const g of grades) {
    await db
      .insertInto('course_grades')
      .values({
        id: newId(),
        school_code: t.config.code,
        student_id: ids.get(g.student),
        academic_year: 114,
        semester: g.semester ?? 1,
        take: g.take,
        course_code: g.code,
        score: g.score ?? '80',
        passed: g.passed ?? 1,
        make_up_score: g.makeUpScore ?? '-1',
        make_up_passed: g.makeUpPassed ?? -1,
        credit_counted: g.creditCounted ?? 1,
        description: g.description ?? '',
        context_json: JSON.stringify(g.context ?? {}),
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
}
