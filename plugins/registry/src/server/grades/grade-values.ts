import type { GradeRow } from '@licheng/core';
import type { CourseGrade } from '../tables.ts';

/** The columns a grade row writes, context kept as JSON (only the columns its take uses). */
export function gradeValues(row: GradeRow) {
  return {
    score: String(row.score),
    passed: row.passed,
    make_up_score: String(row.makeUpScore),
    make_up_passed: row.makeUpPassed,
    credit_counted: row.creditCounted,
    description: row.description,
    context_json: JSON.stringify(gradeContext(row)),
  };
}

export type GradeContext = Record<string, string | number>;

/** The context of the way a grade was taken (補修, 重修, 重讀, 轉學轉科, 借讀, 進修部). */
export function gradeContext(row: GradeRow): GradeContext {
  switch (row.take) {
    case 'make-up':
      return { dueYear: row.dueYear, dueSemester: row.dueSemester, method: row.method };
    case 'retake':
      return { originalYear: row.originalYear, originalSemester: row.originalSemester, method: row.method };
    case 'repeat-year':
      return { repeatMark: row.repeatMark, retakeScore: row.retakeScore, retakePassed: row.retakePassed };
    case 'transfer':
      // 修課節數 only when given: 進修部's 轉學轉科成績 (6.4) needs it; a day row's context stays as it was.
      return {
        statusCode: row.statusCode,
        transferIdentity: row.transferIdentity ?? 0,
        mappedYear: row.mappedYear,
        mappedSemester: row.mappedSemester,
        originalSchool: row.originalSchool,
        ...(row.periods > 0 ? { periods: row.periods } : {}),
      };
    case 'borrowed':
      return { borrowSchool: row.borrowSchool, borrowCode: row.borrowCode };
    case 'night':
      return {
        periods: row.periods,
        yearScore: row.yearScore,
        yearPassed: row.yearPassed,
        firstMakeUpScore: row.firstMakeUpScore,
        firstMakeUpPassed: row.firstMakeUpPassed,
        secondMakeUpScore: row.secondMakeUpScore,
        secondMakeUpPassed: row.secondMakeUpPassed,
      };
    default:
      return {};
  }
}

/** A stored grade as procedures send it. */
export function gradeView(g: Pick<CourseGrade, 'id' | 'academic_year' | 'semester' | 'take' | 'course_code' | 'score' | 'passed' | 'make_up_score' | 'make_up_passed' | 'credit_counted' | 'description' | 'context_json'>) {
  return {
    id: g.id,
    academicYear: g.academic_year,
    semester: g.semester,
    take: g.take,
    courseCode: g.course_code,
    score: g.score,
    passed: g.passed,
    makeUpScore: g.make_up_score,
    makeUpPassed: g.make_up_passed,
    creditCounted: g.credit_counted,
    description: g.description,
    context: JSON.parse(g.context_json) as GradeContext,
  };
}
export type GradeView = ReturnType<typeof gradeView>;
