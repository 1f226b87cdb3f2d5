import { gradeRow, placeGrade, type GradePlacement, type GradeReviewReason, type GradeRosterId, type Role, type RosterLayout } from '@licheng/core';
import { keepBack, type BuiltSheets, type RosterBuilder, type RosterNote, type RosterProblem } from './builder.ts';
import { gradeAudiences, gradeSources, type GradeSource } from './grade-sources.ts';
import type { Division } from './outcome-sources.ts';
import type { SheetRows } from './workbook.ts';

/** The way of taking as the office's import names it (成績類別), for the no-sheet reason. */
const TAKE_LABEL: Record<string, string> = {
  term: '學期成績',
  'make-up': '補修成績',
  retake: '重修成績',
  'repeat-year': '重讀成績',
  transfer: '轉學轉科成績',
  borrowed: '借讀成績',
  night: '進修部學期成績',
};

function reasonOf(placement: GradePlacement, source: GradeSource): string {
  const review = placement.review as GradeReviewReason;
  const columns = placement.missing.join('、');
  switch (review) {
    case 'no-course-code':
      return '缺課程代碼（不是有效的 23 碼課程代碼）';
    case 'no-sheet':
      return `此名冊沒有這類修課方式的工作表（${TAKE_LABEL[source.take] ?? source.take}）`;
    case 'no-offering':
      return '找不到此課程代碼的開課資料（科目名稱、開課年級、修課學分）';
    case 'method-unknown':
      return `補修方式／重修方式只知道 3（專班辦理），此值不明：「${source.context.method ?? ''}」`;
    case 'identity-unknown':
      return `學籍異動代碼「${source.context.statusCode ?? ''}」對不到身分別（1 轉學生、2 轉科、3 跨課綱重新入學）`;
    case 'code-invalid':
      return `代碼不在名冊代碼表：${columns}`;
    case 'no-periods':
      return '缺修課節數';
    case 'column-unfilled':
      return `成績資料缺欄位：${columns}`;
  }
}

/** Who fixes a kept-back grade: the offering (科目名稱, 開課年級, 學分) is the curriculum office's, the grade the registry's. */
const fixedBy = (review: GradeReviewReason): Role => (review === 'no-offering' ? 'curriculum-staff' : 'registry-staff');

/** The note of grades left out as 團體活動時間 / 彈性學習時間 (ROSTERS §4): not errors, never submitted. */
export function activityTimeNote(count: number): RosterNote[] {
  return count > 0 ? [{ code: 'activity-time-excluded', count, text: `已排除 ${count} 筆團體活動時間／彈性學習時間（課程類別 8、9，科目屬性非 D）的資料：不列入成績名冊` }] : [];
}

/**
 * Places every grade of the term on its sheet of the roster, or — when it cannot be submitted —
 * on the office's `(缺)` sheet of the same name with the reason; grades of 課程類別 8 / 9
 * without 科目屬性 D are left out and counted in a note.
 */
export function buildGradeRoster(layout: RosterLayout & { roster: GradeRosterId }, sources: GradeSource[]): BuiltSheets {
  const sheets = new Map<string, SheetRows>(layout.sheets.map((sheet) => [sheet.name, { sheet, rows: [], refs: [] }]));
  const review = new Map<string, SheetRows>();
  const problems: RosterProblem[] = [];
  let rowCount = 0;
  let excluded = 0;
  for (const source of sources) {
    const outcome = placeGrade(layout, source);
    if (outcome.kind === 'other-roster') continue;
    if (outcome.kind === 'excluded') {
      excluded++;
      continue;
    }
    const ref = { studentId: source.studentId, recordId: source.gradeId };
    for (const placement of outcome.placements) {
      const part = sheets.get(placement.sheet)!;
      if (placement.review === null) {
        part.rows.push(gradeRow(part.sheet, placement));
        part.refs.push(ref);
        rowCount++;
        continue;
      }
      const reason = reasonOf(placement, source);
      keepBack(review, part.sheet, gradeRow(part.sheet, placement, true), reason, ref);
      problems.push({ code: placement.review, sheet: part.sheet.name, studentId: source.studentId, recordId: source.gradeId, office: fixedBy(placement.review), reason });
    }
  }
  return { sheets: [...sheets.values()], review: [...review.values()], rowCount, reviewCount: problems.length, problems, notes: activityTimeNote(excluded) };
}

/**
 * 學生成績名冊 and 學生重修重讀成績名冊 carry the day division, 進修部(學校)學生成績名冊 the
 * night division (students.division): the registry's grades of the requested term.
 */
export function gradeBuilder(roster: GradeRosterId, division: Division): RosterBuilder {
  return {
    roster,
    batches: ['regular'],
    audiences: (ctx, request) => gradeAudiences(ctx.db, ctx.config.code, request.academicYear, request.semester, division),
    build: async (ctx, layout, request) =>
      buildGradeRoster(layout as RosterLayout & { roster: GradeRosterId }, await gradeSources(ctx.db, ctx.config.code, request.academicYear, request.semester, division)),
  };
}
